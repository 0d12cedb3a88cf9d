/**
 * What every ensemble of typelearn estimators (Bagging, Voting, Stacking) does with its members:
 * fit one (with sample weights when asked), read its class probabilities into the columns of the
 * ensemble's classes, tell whether a fitted member really answers `predictProba` /
 * `decisionFunction`, seed its `randomState` options, and derive the ensemble's tags from them.
 */
import type { Matrix } from 'ml-matrix';
import { getTags, type BaseEstimator } from '../core/base';
import {
  acceptsSampleWeight,
  hasClasses,
  hasDecisionFunction,
  isPredictor,
  isProbaPredictor,
  requireCapability,
  type DataInput,
} from '../core/capabilities';
import { ValidationError } from '../core/errors';
import { RandomState } from '../core/random';
import { flatOf, takeRows, toMatrix, type RowMajor } from '../core/data/index';
import type { EstimatorTags, Label } from '../core/types';
import { classTarget } from '../core/validation';
import { labels, refine, type StateSpec } from '../core/stateSchema';

/** Who fits a member, for errors: the ensemble's class name and how the member is named. */
export interface MemberOwner {
  estimator: string;
  /** E.g. `"estimator 'lr'"`, `'estimator'`, `'finalEstimator'`. */
  role: string;
}

/**
 * Fits `est` on X and y, with `sampleWeight` when given; a member whose `fit` takes no weights is
 * then a ValidationError naming the ensemble and the member (as scikit-learn refuses it).
 */
export function fitMember(owner: MemberOwner, est: BaseEstimator, X: DataInput, y: ArrayLike<number> | undefined, sampleWeight?: Float64Array): void {
  if (sampleWeight !== undefined) {
    if (!acceptsSampleWeight(est)) {
      throw new ValidationError({
        code: 'unsupported',
        estimator: owner.estimator,
        param: 'sampleWeight',
        message: `${owner.estimator} was given sampleWeight, but its ${owner.role} (${est.className}) does not take sample weights in fit.`,
      });
    }
    est.fit(X, y, sampleWeight);
    return;
  }
  const p = requireCapability(est, isPredictor, 'fit and predict', { estimator: owner.estimator, role: owner.role });
  if (y === undefined) p.fit(X);
  else p.fit(X, y);
}

/**
 * True for the error a member throws for a method it has but cannot answer (SVC without
 * `probability`): a ValidationError with code 'unsupported', from any copy of the package.
 */
function isUnsupported(e: unknown): boolean {
  return e instanceof Error && e.name === 'ValidationError' && (e as { code?: unknown }).code === 'unsupported';
}

/**
 * The member's class probabilities as n × K numbers in the ensemble's class columns (the member was
 * fitted on class indices 0..K-1, so its `classes_` name the columns), or undefined when the member
 * has no working `predictProba` (scikit-learn's `hasattr(est, 'predict_proba')` is false).
 */
export function memberProba(est: BaseEstimator, X: DataInput, K: number): Float64Array | undefined {
  if (!isProbaPredictor(est)) return undefined;
  let P: Matrix;
  try {
    P = est.predictProba(X);
  } catch (e) {
    if (isUnsupported(e)) return undefined;
    throw e;
  }
  const n = P.rows;
  const w = P.columns;
  const cols = hasClasses(est) ? (est.classes_ as unknown[]) : Array.from({ length: w }, (_, k) => k);
  if (cols.length !== w || !cols.every((c) => typeof c === 'number' && Number.isInteger(c) && c >= 0 && c < K)) {
    throw new ValidationError({
      code: 'invalid_input',
      estimator: est.className,
      message: `${est.className} gave ${w} probability columns for the classes ${JSON.stringify(cols)}, not columns of the class indices 0..${K - 1} it was fitted on.`,
    });
  }
  const flat = flatOf(P);
  if (flat && w === K && cols.every((c, k) => c === k)) return flat.slice();
  const out = new Float64Array(n * K);
  for (let i = 0; i < n; i++) for (let k = 0; k < w; k++) out[i * K + (cols[k] as number)] += flat ? flat[i * w + k] : P.get(i, k);
  return out;
}

/**
 * The member's class-index predictions (it was fitted on class indices 0..K-1); anything else (a
 * regressor's numbers where a classifier belongs) is a ValidationError naming the member.
 */
export function memberVotes(est: BaseEstimator, X: DataInput, owner: MemberOwner, K: number): Int32Array {
  const pred = requireCapability(est, isPredictor, 'predict', owner).predict(X) as unknown[];
  const out = new Int32Array(pred.length);
  for (let i = 0; i < pred.length; i++) {
    const v = pred[i];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= K) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator: owner.estimator,
        message: `${owner.estimator}: its ${owner.role} (${est.className}) predicted ${String(v)}, not one of the class indices 0..${K - 1} it was fitted on; use a classifier there.`,
      });
    }
    out[i] = v;
  }
  return out;
}

/** The member's predictions as numbers (a regressor). */
export function memberPredict(est: BaseEstimator, X: DataInput, owner: MemberOwner): Float64Array {
  return Float64Array.from(requireCapability(est, isPredictor, 'predict', owner).predict(X) as number[]);
}

/** Whether a fitted member answers `method` (tried on one row: a method it has may still be unavailable). */
export function answers(est: BaseEstimator, method: 'predictProba' | 'decisionFunction', Xrow: Matrix): boolean {
  const guard = method === 'predictProba' ? isProbaPredictor : hasDecisionFunction;
  if (!guard(est)) return false;
  try {
    if (method === 'predictProba' && isProbaPredictor(est)) est.predictProba(Xrow);
    else if (hasDecisionFunction(est)) est.decisionFunction(Xrow);
    return true;
  } catch (e) {
    if (isUnsupported(e)) return false;
    throw e;
  }
}

/**
 * Sets every `randomState` option of `est` and of its nested estimators (`…__randomState`) to
 * integers drawn from a generator seeded with `seed`, in sorted key order, as scikit-learn's
 * `_set_random_states`, so each member of a bagging ensemble draws differently.
 */
export function seedRandomStates(est: BaseEstimator, seed: number): void {
  const keys = Object.keys(est.getParams(true))
    .filter((k) => k === 'randomState' || k.endsWith('__randomState'))
    .sort();
  if (keys.length === 0) return;
  const rng = new RandomState(seed);
  const update: Record<string, unknown> = {};
  for (const k of keys) update[k] = rng.seed() >>> 1;
  est.setParams(update);
}

/**
 * The tags of an ensemble over `members`: NaN accepted when every member accepts it, results vary
 * between fits when any member's do.
 */
export function membersTags(members: readonly BaseEstimator[]): Partial<EstimatorTags> {
  const tags = members.map((m) => getTags(m));
  return {
    allowNaN: tags.length > 0 && tags.every((t) => t.allowNaN),
    nonDeterministic: tags.some((t) => t.nonDeterministic),
  };
}

/** The column of the largest value in each row of an n × K block (the first of equal ones, as numpy's `argmax`). */
export function argmaxRows(data: Float64Array, n: number, K: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (data[i * K + k] > data[i * K + best]) best = k;
    out[i] = best;
  }
  return out;
}

/** The first row of a validated X, as a one-row Matrix (to ask a fitted member what it answers). */
export function firstRow(X: RowMajor): Matrix {
  return toMatrix(takeRows(X, [0]));
}

/** The class indices a fitted member saw (its `classes_`; members are fitted on indices 0..K-1). */
function memberCodes(est: unknown): unknown[] | undefined {
  if (!hasClasses(est)) return undefined;
  try {
    return est.classes_;
  } catch {
    return undefined;
  }
}

/**
 * The `classes` rule of an ensemble whose members were fitted on class indices: sorted distinct
 * labels, and every member's `classes_` among 0..K-1 (all K of them with `exact`, for members
 * fitted on every row).
 */
export function classesOfMembers(members: (state: Readonly<Record<string, unknown>>) => unknown[], exact: boolean): StateSpec {
  return refine(labels(), exact ? 'one per class index the members were fitted on' : 'covering the class indices the members were fitted on', (v: unknown[], { state }) =>
    members(state).every((m) => {
      const codes = memberCodes(m);
      if (codes === undefined) return true;
      if (exact && codes.length !== v.length) return false;
      return codes.every((c) => typeof c === 'number' && Number.isInteger(c) && c >= 0 && c < v.length);
    }),
  );
}

/** The estimators of a saved list of `[name, estimator | 'drop']` pairs, read by a state rule (none when it is malformed). */
export function asSteps(v: unknown): unknown[] {
  return Array.isArray(v) ? v.filter((p) => Array.isArray(p) && p.length === 2 && p[1] !== 'drop').map((p) => (p as unknown[])[1]) : [];
}

/**
 * The class labels of a classifier ensemble's y, checked (one per sample, at least two classes):
 * the sorted classes and each sample's class index, which the members are fitted on.
 */
export function classIndices(owner: string, y: ArrayLike<Label>, n: number): { classes: Label[]; codes: number[] } {
  const { classes, codes } = classTarget(y, n, owner);
  return { classes, codes: Array.from(codes) };
}
