/**
 * The losses of histogram gradient boosting, as scikit-learn's `_loss` module: for each, the
 * constant raw prediction that minimizes it (the baseline), the gradient and hessian of each
 * sample with respect to its raw prediction (written as float32, as scikit-learn stores them),
 * and the mean loss (for early stopping). Raw predictions are laid out one column of n per tree of
 * an iteration: `raw[k · n + i]`.
 */

/** The losses. */
export type HistLossName = 'squared_error' | 'absolute_error' | 'poisson' | 'quantile' | 'log_loss';

/** A loss with K raw outputs per sample. */
export interface HistLoss {
  readonly name: HistLossName;
  /** Raw outputs per sample (the number of trees per iteration). */
  readonly K: number;
  /** Whether every hessian is the same constant (1). */
  readonly constantHessian: boolean;
  /** Whether leaf values are recomputed after a tree is grown (absolute error, quantile). */
  readonly updatesLeaves: boolean;
  baseline(y: Float64Array, w: Float64Array | null): Float64Array;
  /** Fills `g` and `h` (k-major, n per column) at raw predictions `raw`. */
  gradients(y: Float64Array, raw: Float64Array, w: Float64Array | null, g: Float32Array, h: Float32Array): void;
  /** The weighted mean loss. */
  loss(y: Float64Array, raw: Float64Array, w: Float64Array | null): number;
  /** The value a leaf holding the given residuals y − raw takes (before shrinkage). */
  leafValue?(residuals: Float64Array, w: Float64Array | null): number;
}

const EPS = 2.220446049250313e-16;

function weightedMean(y: Float64Array, w: Float64Array | null): number {
  let s = 0;
  let sw = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w === null ? 1 : w[i];
    s += wi * y[i];
    sw += wi;
  }
  return s / sw;
}

function meanOf(v: Float64Array, w: Float64Array | null): number {
  return weightedMean(v, w);
}

/**
 * The weighted q-quantile as scikit-learn's `_weighted_percentile` (the smallest value whose
 * cumulative weight reaches q of the total); without weights numpy's linear-interpolation
 * quantile (the median of an even count is the mean of the two middle values).
 */
export function quantileOf(v: Float64Array, w: Float64Array | null, q: number): number {
  const n = v.length;
  if (n === 0) return 0;
  if (w === null) {
    const s = Float64Array.from(v).sort();
    // numpy's median averages the two middle values; its percentile interpolates.
    if (q === 0.5 && n % 2 === 0) return (s[n / 2 - 1] + s[n / 2]) / 2;
    const pos = (n - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, n - 1);
    const t = pos - lo;
    const a = s[lo];
    const b = s[hi];
    return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => v[a] - v[b] || a - b);
  let total = 0;
  for (let i = 0; i < n; i++) total += w[i];
  const target = q * total;
  let cum = 0;
  for (let k = 0; k < n; k++) {
    cum += w[order[k]];
    if (cum >= target) return v[order[k]];
  }
  return v[order[n - 1]];
}

function weightedAverageLoss(n: number, w: Float64Array | null, f: (i: number) => number): number {
  let s = 0;
  let sw = 0;
  for (let i = 0; i < n; i++) {
    const wi = w === null ? 1 : w[i];
    s += wi * f(i);
    sw += wi;
  }
  return s / sw;
}

/** log(1 + exp(x)) without overflow or loss of precision. */
function log1pexp(x: number): number {
  if (x <= -37) return Math.exp(x);
  if (x <= -2) return Math.log1p(Math.exp(x));
  if (x <= 18) return Math.log(1 + Math.exp(x));
  if (x <= 33.3) return x + Math.exp(-x);
  return x;
}

/** The loss of a given name, for K outputs (K > 1 only for log_loss with more than two classes). */
export function makeLoss(name: HistLossName, K: number, quantile = 0.5): HistLoss {
  switch (name) {
    case 'squared_error':
      return {
        name,
        K: 1,
        constantHessian: true,
        updatesLeaves: false,
        baseline: (y, w) => Float64Array.of(meanOf(y, w)),
        gradients(y, raw, w, g, h) {
          for (let i = 0; i < y.length; i++) g[i] = w === null ? raw[i] - y[i] : w[i] * (raw[i] - y[i]);
          if (w === null) h.fill(1);
          else for (let i = 0; i < y.length; i++) h[i] = w[i];
        },
        loss: (y, raw, w) => weightedAverageLoss(y.length, w, (i) => 0.5 * (raw[i] - y[i]) * (raw[i] - y[i])),
      };
    case 'absolute_error':
    case 'quantile': {
      const q = name === 'absolute_error' ? 0.5 : quantile;
      return {
        name,
        K: 1,
        constantHessian: true,
        updatesLeaves: true,
        baseline: (y, w) => Float64Array.of(quantileOf(y, w, q)),
        gradients(y, raw, w, g, h) {
          for (let i = 0; i < y.length; i++) {
            const gi = name === 'absolute_error' ? (raw[i] > y[i] ? 1 : -1) : y[i] >= raw[i] ? -q : 1 - q;
            g[i] = w === null ? gi : w[i] * gi;
          }
          if (w === null) h.fill(1);
          else for (let i = 0; i < y.length; i++) h[i] = w[i];
        },
        loss: (y, raw, w) =>
          weightedAverageLoss(y.length, w, (i) => {
            const diff = y[i] - raw[i];
            return name === 'absolute_error' ? Math.abs(diff) : diff >= 0 ? q * diff : (q - 1) * diff;
          }),
        leafValue: (r, w) => quantileOf(r, w, q),
      };
    }
    case 'poisson':
      return {
        name,
        K: 1,
        constantHessian: false,
        updatesLeaves: false,
        baseline: (y, w) => Float64Array.of(Math.log(Math.max(meanOf(y, w), 10 * EPS))),
        gradients(y, raw, w, g, h) {
          for (let i = 0; i < y.length; i++) {
            const e = Math.exp(raw[i]);
            const wi = w === null ? 1 : w[i];
            g[i] = wi * (e - y[i]);
            h[i] = wi * e;
          }
        },
        loss: (y, raw, w) => weightedAverageLoss(y.length, w, (i) => Math.exp(raw[i]) - y[i] * raw[i]),
      };
    case 'log_loss':
      return K === 1 ? binomial() : multinomial(K);
  }
}

/** Binary log loss on the logit. y holds 0 / 1. */
function binomial(): HistLoss {
  return {
    name: 'log_loss',
    K: 1,
    constantHessian: false,
    updatesLeaves: false,
    baseline(y, w) {
      let p = meanOf(y, w);
      const eps = 10 * EPS;
      p = Math.min(Math.max(p, eps), 1 - eps);
      return Float64Array.of(Math.log(p / (1 - p)));
    },
    gradients(y, raw, w, g, h) {
      for (let i = 0; i < y.length; i++) {
        const r = raw[i];
        let gi: number;
        let hi: number;
        if (r > -37) {
          const e = Math.exp(-r);
          gi = (1 - y[i] - y[i] * e) / (1 + e);
          hi = e / ((1 + e) * (1 + e));
        } else {
          const e = Math.exp(r);
          gi = e - y[i];
          hi = e;
        }
        const wi = w === null ? 1 : w[i];
        g[i] = wi * gi;
        h[i] = wi * hi;
      }
    },
    loss: (y, raw, w) => weightedAverageLoss(y.length, w, (i) => log1pexp(raw[i]) - y[i] * raw[i]),
  };
}

/** Multiclass log loss on K raw outputs (softmax). y holds class indices 0..K−1. */
function multinomial(K: number): HistLoss {
  return {
    name: 'log_loss',
    K,
    constantHessian: false,
    updatesLeaves: false,
    baseline(y, w) {
      const out = new Float64Array(K);
      let sw = 0;
      for (let i = 0; i < y.length; i++) {
        const wi = w === null ? 1 : w[i];
        out[y[i]] += wi;
        sw += wi;
      }
      let meanLog = 0;
      for (let k = 0; k < K; k++) {
        const p = Math.min(Math.max(out[k] / sw, EPS), 1 - EPS);
        out[k] = Math.log(p);
        meanLog += out[k];
      }
      meanLog /= K;
      for (let k = 0; k < K; k++) out[k] -= meanLog;
      return out;
    },
    gradients(y, raw, w, g, h) {
      const n = y.length;
      const p = new Float64Array(K);
      for (let i = 0; i < n; i++) {
        let max = -Infinity;
        for (let k = 0; k < K; k++) if (raw[k * n + i] > max) max = raw[k * n + i];
        let sum = 0;
        for (let k = 0; k < K; k++) {
          p[k] = Math.exp(raw[k * n + i] - max);
          sum += p[k];
        }
        const wi = w === null ? 1 : w[i];
        for (let k = 0; k < K; k++) {
          const pk = p[k] / sum;
          g[k * n + i] = wi * (pk - (y[i] === k ? 1 : 0));
          h[k * n + i] = wi * pk * (1 - pk);
        }
      }
    },
    loss(y, raw, w) {
      const n = y.length;
      return weightedAverageLoss(n, w, (i) => {
        let max = -Infinity;
        for (let k = 0; k < K; k++) if (raw[k * n + i] > max) max = raw[k * n + i];
        let sum = 0;
        for (let k = 0; k < K; k++) sum += Math.exp(raw[k * n + i] - max);
        return Math.log(sum) + max - raw[y[i] * n + i];
      });
    },
  };
}
