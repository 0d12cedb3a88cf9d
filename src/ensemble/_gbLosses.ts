/**
 * The loss functions of GradientBoostingClassifier / GradientBoostingRegressor, as scikit-learn
 * 1.2's `ensemble/_gb_losses.py`: the loss value (the train score), the negative gradient the
 * trees are fitted to, and the line-search step that sets each leaf's value
 * (`_update_terminal_region`). Free of the estimator API.
 *
 * Raw predictions are `n × K` row-major (`raw[i * K + k]`); K is 1 except for the multinomial
 * deviance (one tree per class and stage).
 */

/** The regression losses. */
export type GBRegressionLoss = 'squared_error' | 'absolute_error' | 'huber' | 'quantile';
/** The classification losses. */
export type GBClassificationLoss = 'log_loss' | 'exponential';

/** numpy's float32 epsilon, the clip of the prior probabilities. */
export const FLOAT32_EPS = 1.1920928955078125e-7;

/** A leaf's in-bag samples: indices `idx[lo..hi)`, ascending. */
export interface LeafSamples {
  idx: Int32Array;
  lo: number;
  hi: number;
}

/** What the boosting loop asks of a loss. */
export interface GBLoss {
  /** Trees per stage. */
  readonly K: number;
  /** One 0/1 target per class (the multinomial deviance). */
  readonly multiClass: boolean;
  /**
   * The loss of `raw` against `y`, weighted by `w`, over the samples whose `sel` entry equals
   * `want` (all samples without `sel`).
   */
  value(y: Float64Array, raw: Float64Array, w: Float64Array, sel?: Uint8Array, want?: number): number;
  /** The negative gradient of class `k` (the tree's target), into `out`. */
  negativeGradient(y: Float64Array, raw: Float64Array, k: number, w: Float64Array, out: Float64Array): void;
  /**
   * The line-search value of one leaf from its in-bag samples (null: keep the tree's mean of the
   * residuals, as least squares does). `y` is the 0/1 target of class `k` for the multinomial loss.
   */
  leafValue(s: LeafSamples, y: Float64Array, residual: Float64Array, raw: Float64Array, k: number, w: Float64Array): number | null;
}

/** numpy's `logaddexp(0, x)`. */
function logAddExp0(x: number): number {
  if (x === 0) return Math.LN2;
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** scipy's `expit`. */
export function expit(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** scipy's `logsumexp` of `raw[off..off+K)`. */
export function logSumExp(raw: Float64Array, off: number, K: number): number {
  let max = -Infinity;
  for (let k = 0; k < K; k++) if (raw[off + k] > max) max = raw[off + k];
  if (!Number.isFinite(max)) max = 0;
  let s = 0;
  for (let k = 0; k < K; k++) s += Math.exp(raw[off + k] - max);
  return Math.log(s) + max;
}

/**
 * scikit-learn's `_weighted_percentile` (1.2): the smallest value whose weighted cumulative
 * share reaches `percentile / 100` of the total (leading zero weights skipped at percentile 0).
 */
export function weightedPercentile(values: Float64Array, weights: Float64Array, percentile: number): number {
  const n = values.length;
  if (n === 0) return NaN;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[order[i]];
  let target = (percentile / 100) * total;
  if (target === 0) target = Number.MIN_VALUE;
  let cdf = 0;
  for (let p = 0; p < n; p++) {
    cdf += weights[order[p]];
    if (cdf >= target) return values[order[p]];
  }
  return values[order[n - 1]];
}

/** numpy's `percentile(values, q)` with its default linear interpolation (numpy ≥ 1.22's lerp). */
export function percentileLinear(values: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  const pos = (q / 100) * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  const t = pos - lo;
  const a = sorted[lo];
  const b = sorted[hi];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** The leaf's samples' values of `f(i)`, as a new array. */
function gather(s: LeafSamples, f: (i: number) => number): Float64Array {
  const out = new Float64Array(s.hi - s.lo);
  for (let p = s.lo; p < s.hi; p++) out[p - s.lo] = f(s.idx[p]);
  return out;
}

/** A weighted mean of per-sample terms over the selected samples: Σ w·t / Σ w. */
function weightedMean(n: number, w: Float64Array, term: (i: number) => number, sel: Uint8Array | undefined, want: number): number {
  let sw = 0;
  let s = 0;
  for (let i = 0; i < n; i++) {
    if (sel !== undefined && sel[i] !== want) continue;
    sw += w[i];
    s += w[i] * term(i);
  }
  return (1 / sw) * s;
}

/** Least squares: the trees fit the residuals, whose means are the leaf values. */
export function squaredErrorLoss(): GBLoss {
  return {
    K: 1,
    multiClass: false,
    value: (y, raw, w, sel, want = 1) => weightedMean(y.length, w, (i) => (y[i] - raw[i]) ** 2, sel, want),
    negativeGradient(y, raw, _k, _w, out) {
      for (let i = 0; i < y.length; i++) out[i] = y[i] - raw[i];
    },
    leafValue: () => null,
  };
}

/** Least absolute deviation: signs of the residuals, leaves at the weighted median of the residuals. */
export function absoluteErrorLoss(): GBLoss {
  return {
    K: 1,
    multiClass: false,
    value: (y, raw, w, sel, want = 1) => weightedMean(y.length, w, (i) => Math.abs(y[i] - raw[i]), sel, want),
    negativeGradient(y, raw, _k, _w, out) {
      for (let i = 0; i < y.length; i++) out[i] = y[i] - raw[i] > 0 ? 1 : -1;
    },
    leafValue: (s, y, _r, raw, _k, w) =>
      weightedPercentile(
        gather(s, (i) => y[i] - raw[i]),
        gather(s, (i) => w[i]),
        50,
      ),
  };
}

/**
 * Huber: squared below the `alpha`-quantile `gamma` of the absolute residuals (set by each
 * negative gradient), linear above; leaves at the median plus the mean clipped deviation.
 */
export function huberLoss(alpha: number): GBLoss {
  let gamma: number | null = null;
  const q = alpha * 100;
  return {
    K: 1,
    multiClass: false,
    value(y, raw, w, sel, want = 1) {
      const n = y.length;
      let g = gamma;
      if (g === null) {
        const abs: number[] = [];
        const ws: number[] = [];
        for (let i = 0; i < n; i++) {
          if (sel !== undefined && sel[i] !== want) continue;
          abs.push(Math.abs(y[i] - raw[i]));
          ws.push(w[i]);
        }
        g = weightedPercentile(Float64Array.from(abs), Float64Array.from(ws), q);
      }
      let sq = 0;
      let lin = 0;
      let sw = 0;
      for (let i = 0; i < n; i++) {
        if (sel !== undefined && sel[i] !== want) continue;
        const d = y[i] - raw[i];
        sw += w[i];
        if (Math.abs(d) <= g) sq += 0.5 * w[i] * d * d;
        else lin += g * w[i] * (Math.abs(d) - g / 2);
      }
      return (sq + lin) / sw;
    },
    negativeGradient(y, raw, _k, w, out) {
      const n = y.length;
      const abs = new Float64Array(n);
      for (let i = 0; i < n; i++) abs[i] = Math.abs(y[i] - raw[i]);
      const g = weightedPercentile(abs, w, q);
      for (let i = 0; i < n; i++) {
        const d = y[i] - raw[i];
        out[i] = abs[i] <= g ? d : g * Math.sign(d);
      }
      gamma = g;
    },
    leafValue(s, y, _r, raw, _k, w) {
      const g = gamma as number;
      const diff = gather(s, (i) => y[i] - raw[i]);
      const median = weightedPercentile(diff, gather(s, (i) => w[i]), 50);
      let sum = 0;
      for (let p = 0; p < diff.length; p++) {
        const dm = diff[p] - median;
        sum += Math.sign(dm) * Math.min(Math.abs(dm), g);
      }
      return median + sum / diff.length;
    },
  };
}

/** Quantile (pinball) loss at `alpha`; leaves at the weighted `alpha`-quantile of the residuals. */
export function quantileLoss(alpha: number): GBLoss {
  const q = alpha * 100;
  return {
    K: 1,
    multiClass: false,
    value(y, raw, w, sel, want = 1) {
      let pos = 0;
      let neg = 0;
      let sw = 0;
      for (let i = 0; i < y.length; i++) {
        if (sel !== undefined && sel[i] !== want) continue;
        const d = y[i] - raw[i];
        sw += w[i];
        if (y[i] > raw[i]) pos += w[i] * d;
        else neg += w[i] * d;
      }
      return (alpha * pos - (1 - alpha) * neg) / sw;
    },
    negativeGradient(y, raw, _k, _w, out) {
      for (let i = 0; i < y.length; i++) out[i] = y[i] > raw[i] ? alpha : -(1 - alpha);
    },
    leafValue: (s, y, _r, raw, _k, w) =>
      weightedPercentile(
        gather(s, (i) => y[i] - raw[i]),
        gather(s, (i) => w[i]),
        q,
      ),
  };
}

/** A Newton step Σ w·r / Σ w·p(1−p), with p = y − r; 0 where the denominator vanishes. */
function newtonStep(s: LeafSamples, y: Float64Array, r: Float64Array, w: Float64Array, scale: number): number {
  let num = 0;
  let den = 0;
  for (let p = s.lo; p < s.hi; p++) {
    const i = s.idx[p];
    num += w[i] * r[i];
    den += w[i] * (y[i] - r[i]) * (1 - y[i] + r[i]);
  }
  num *= scale;
  return Math.abs(den) < 1e-150 ? 0 : num / den;
}

/** Binomial deviance (log loss of two classes); the train score is twice the mean log loss. */
export function binomialLoss(): GBLoss {
  return {
    K: 1,
    multiClass: false,
    value: (y, raw, w, sel, want = 1) => {
      let sw = 0;
      let s = 0;
      for (let i = 0; i < y.length; i++) {
        if (sel !== undefined && sel[i] !== want) continue;
        sw += w[i];
        s += w[i] * (y[i] * raw[i] - logAddExp0(raw[i]));
      }
      return (-2 / sw) * s;
    },
    negativeGradient(y, raw, _k, _w, out) {
      for (let i = 0; i < y.length; i++) out[i] = y[i] - expit(raw[i]);
    },
    leafValue: (s, y, r, _raw, _k, w) => newtonStep(s, y, r, w, 1),
  };
}

/** Multinomial deviance: K trees per stage, each fitted to its class's 0/1 target. */
export function multinomialLoss(K: number): GBLoss {
  return {
    K,
    multiClass: true,
    value(y, raw, w, sel, want = 1) {
      let sw = 0;
      let s = 0;
      for (let i = 0; i < y.length; i++) {
        if (sel !== undefined && sel[i] !== want) continue;
        const off = i * K;
        sw += w[i];
        s += w[i] * (logSumExp(raw, off, K) - raw[off + y[i]]);
      }
      return s / sw;
    },
    negativeGradient(y, raw, k, _w, out) {
      for (let i = 0; i < y.length; i++) {
        const off = i * K;
        const p = Math.exp(raw[off + k] - logSumExp(raw, off, K));
        out[i] = y[i] - (Number.isNaN(p) ? 0 : p);
      }
    },
    leafValue: (s, y, r, _raw, _k, w) => newtonStep(s, y, r, w, (K - 1) / K),
  };
}

/** Exponential loss (AdaBoost's), binary only. */
export function exponentialLoss(): GBLoss {
  return {
    K: 1,
    multiClass: false,
    value: (y, raw, w, sel, want = 1) => weightedMean(y.length, w, (i) => Math.exp(-(2 * y[i] - 1) * raw[i]), sel, want),
    negativeGradient(y, raw, _k, _w, out) {
      for (let i = 0; i < y.length; i++) {
        const s = -(2 * y[i] - 1);
        out[i] = s * Math.exp(s * raw[i]);
      }
    },
    leafValue(s, y, _r, raw, _k, w) {
      let num = 0;
      let den = 0;
      for (let p = s.lo; p < s.hi; p++) {
        const i = s.idx[p];
        const sgn = 2 * y[i] - 1;
        const e = Math.exp(-sgn * raw[i]);
        num += sgn * w[i] * e;
        den += w[i] * e;
      }
      return Math.abs(den) < 1e-150 ? 0 : num / den;
    },
  };
}
