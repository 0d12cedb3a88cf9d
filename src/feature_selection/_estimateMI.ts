/** The shared body of mutualInfoClassif and mutualInfoRegression (scikit-learn's _estimate_mi). */
import { ValidationError, describeValue } from '../core/errors';
import { checkRandomState } from '../core/random';
import type { Label, Target } from '../core/types';
import { encodeLabels, toLabels, toTarget, uniqueLabels } from '../core/validation';
import { type RowMajor } from '../core/data/index';
import { codesOf, miContinuousContinuous, miContinuousDiscrete, miDiscreteDiscrete } from './_mutualInfo';

/** Options of {@link mutualInfoClassif} and {@link mutualInfoRegression}. */
export interface MutualInfoOptions {
  /**
   * Which features are discrete: `'auto'` (none, for dense X), `true` / `false` for all, a boolean
   * mask of length n_features, or an array of feature indices. @defaultValue 'auto'
   */
  discreteFeatures?: 'auto' | boolean | boolean[] | number[];
  /** Neighbours used by the estimators of continuous variables (higher: less variance, more bias). @defaultValue 3 */
  nNeighbors?: number;
  /** Seed of the small noise added to continuous variables (to break ties). @defaultValue null */
  randomState?: number | null;
}

function discreteMask(spec: MutualInfoOptions['discreteFeatures'], d: number, estimator: string): boolean[] {
  const fail = (): never => {
    throw new ValidationError({
      code: 'invalid_option',
      estimator,
      param: 'discreteFeatures',
      expected: `'auto', a boolean, a boolean mask of length ${d} or an array of feature indices in [0, ${d})`,
      received: describeValue(spec),
    });
  };
  if (spec === undefined || spec === 'auto') return new Array<boolean>(d).fill(false);
  if (typeof spec === 'boolean') return new Array<boolean>(d).fill(spec);
  if (!Array.isArray(spec)) return fail();
  if (spec.length > 0 && spec.every((v) => typeof v === 'boolean')) {
    if (spec.length !== d) fail();
    return (spec as boolean[]).slice();
  }
  const mask = new Array<boolean>(d).fill(false);
  for (const j of spec) {
    if (typeof j !== 'number' || !Number.isInteger(j) || j < 0 || j >= d) fail();
    mask[j as number] = true;
  }
  return mask;
}

/** Standard deviation scaling without centring (scikit-learn's `scale(with_mean=False)`), in place on a column. */
function scaleColumn(v: Float64Array): void {
  const n = v.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += v[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (v[i] - mean) * (v[i] - mean);
  let sd = Math.sqrt(ss / n);
  if (sd < 10 * Number.EPSILON) sd = 1;
  for (let i = 0; i < n; i++) v[i] /= sd;
}

function meanAbsAtLeastOne(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += Math.abs(v[i]);
  return Math.max(1, s / v.length);
}

/** Mutual information of each column of X with y (discrete labels, or a continuous target). */
export function estimateMutualInfo(X: RowMajor, y: Target, discreteTarget: boolean, options: MutualInfoOptions, estimator: string): Float64Array {
  const { data, rows: n, cols: d } = X;
  const k = options.nNeighbors ?? 3;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1) {
    throw new ValidationError({ code: 'invalid_option', estimator, param: 'nNeighbors', expected: 'an integer in [1, Infinity)', received: describeValue(k) });
  }
  const mask = discreteMask(options.discreteFeatures, d, estimator);
  // Between two continuous variables each sample needs k neighbours other than itself, as
  // scikit-learn's NearestNeighbors does (which raises for k ≥ n); fewer samples would make every score the same.
  if (!discreteTarget && k >= n && mask.some((m) => !m)) {
    throw new ValidationError({ code: 'invalid_option', estimator, param: 'nNeighbors', expected: `an integer below the number of samples (${n})`, received: describeValue(k) });
  }
  const rng = checkRandomState(options.randomState ?? null, estimator);
  // Columns, scaled and jittered as scikit-learn does (noise drawn row by row over continuous columns).
  const cols: Float64Array[] = [];
  for (let j = 0; j < d; j++) {
    const c = new Float64Array(n);
    for (let i = 0; i < n; i++) c[i] = data[i * d + j];
    if (!mask[j]) scaleColumn(c);
    cols.push(c);
  }
  const continuous = [];
  for (let j = 0; j < d; j++) if (!mask[j]) continuous.push(j);
  if (continuous.length) {
    const scales = continuous.map((j) => 1e-10 * meanAbsAtLeastOne(cols[j]));
    for (let i = 0; i < n; i++) for (let t = 0; t < continuous.length; t++) cols[continuous[t]][i] += scales[t] * rng.normal();
  }
  let yCodes: Int32Array | undefined;
  let nClasses = 0;
  let yCont: Float64Array | undefined;
  if (discreteTarget) {
    const labels = toLabels(y, { estimator, length: n });
    const classes = uniqueLabels(labels);
    yCodes = encodeLabels(labels as Label[], classes, estimator);
    nClasses = classes.length;
  } else {
    yCont = toTarget(y, { estimator, length: n }).slice();
    scaleColumn(yCont);
    const s = 1e-10 * meanAbsAtLeastOne(yCont);
    for (let i = 0; i < n; i++) yCont[i] += s * rng.normal();
  }
  const out = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const x = cols[j];
    if (mask[j]) {
      const { codes, n: m } = codesOf(x);
      out[j] = yCodes ? miDiscreteDiscrete(codes, m, yCodes, nClasses) : miContinuousDiscrete(yCont as Float64Array, codes, m, k);
    } else {
      out[j] = yCodes ? miContinuousDiscrete(x, yCodes, nClasses, k) : miContinuousContinuous(x, yCont as Float64Array, k);
    }
  }
  return out;
}
