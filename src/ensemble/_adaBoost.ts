/**
 * What AdaBoostClassifier and AdaBoostRegressor share: the per-stage estimator (a clone of the
 * configured one with its random seeds drawn from the ensemble's generator, as scikit-learn's
 * `_set_random_states`), its fit with sample weights, and the state rules.
 */
import type { Matrix } from 'ml-matrix';
import { type BaseEstimator } from '../core/base';
import { TypelearnWarning, ValidationError, warn } from '../core/errors';
import { toSampleWeight } from '../core/validation';
import type { RandomState } from '../core/random';
import { fittedEstimator, float64Array, listOf, oneOf, refine, stateRule, type StateSpec } from '../core/stateSchema';
import { flatOf } from '../core/data/index';

/** A clone of `base` whose `randomState` options (its own and nested ones) are drawn from `rng`. */
export function stageEstimator(base: BaseEstimator, rng: RandomState): BaseEstimator {
  const est = base.clone();
  const keys = Object.keys(est.getParams(true))
    .filter((k) => k === 'randomState' || k.endsWith('__randomState'))
    .sort();
  if (keys.length > 0) {
    const update: Record<string, number> = {};
    for (const k of keys) update[k] = rng.randint(2147483647);
    est.setParams(update);
  }
  return est;
}

type WeightedFit = (X: Matrix, y: unknown, sampleWeight: Float64Array) => unknown;

/** The estimator's `fit`, which must take sample weights (a third argument). */
export function weightedFit(est: BaseEstimator, estimator: string): WeightedFit {
  const fit = (est as unknown as { fit?: unknown }).fit;
  if (typeof fit !== 'function' || fit.length < 3) {
    throw new ValidationError({
      code: 'invalid_option',
      estimator,
      param: 'estimator',
      expected: 'an estimator whose fit takes sampleWeight (fit(X, y, sampleWeight))',
      received: est.className,
    });
  }
  return (X, y, w) => (fit as WeightedFit).call(est, X, y, w);
}

/** A method of an inner estimator by name, or a ValidationError naming what is missing. */
export function innerMethod<R>(est: BaseEstimator, method: string, estimator: string): (X: Matrix) => R {
  const f = (est as unknown as Record<string, unknown>)[method];
  if (typeof f !== 'function') {
    throw new ValidationError({ code: 'invalid_option', estimator, param: 'estimator', expected: `an estimator with ${method}`, received: est.className });
  }
  return (X) => (f as (X: Matrix) => R).call(est, X);
}

/** The flat row-major values of a matrix. */
export function flatValues(M: Matrix): Float64Array {
  return flatOf(M) ?? Float64Array.from(M.to1DArray());
}

/** True when the state has no classes (a regressor) or the estimator's `classes_` equal them. */
function sameClasses(est: unknown, classes: unknown): boolean {
  if (!Array.isArray(classes)) return true;
  let own: unknown;
  try {
    own = (est as { classes_?: unknown }).classes_;
  } catch {
    return false;
  }
  return Array.isArray(own) && own.length === classes.length && own.every((c, k) => c === classes[k]);
}

/** The state rules of the fitted estimators, their weights and errors (one per fitted estimator). */
export function adaStateRules(): Record<'nEstimators' | 'estimators' | 'estimatorWeights' | 'estimatorErrors', StateSpec> {
  const perEstimator = (ctx: { state: Readonly<Record<string, unknown>> }) => (Array.isArray(ctx.state.estimators) ? ctx.state.estimators.length : undefined);
  return {
    nEstimators: stateRule('an integer ≥ 1', (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1),
    estimators: refine(
      listOf(fittedEstimator({ nFeaturesIn: 'nFeaturesIn' }), { minLength: 1 }),
      'at most nEstimators of them, with the classes of the state (classifiers)',
      (v: unknown[], ctx) => v.length <= (ctx.state.nEstimators as number) && v.every((e) => sameClasses(e, ctx.state.classes)),
    ),
    estimatorWeights: float64Array({ length: perEstimator }),
    estimatorErrors: float64Array({ length: perEstimator, min: 0 }),
  };
}

/** The algorithm rule of a saved AdaBoostClassifier. */
export const algorithmRule: StateSpec = oneOf('SAMME', 'SAMME.R');

const EPS = 2.220446049250313e-16;

/** The sample weights normalized to sum to 1 (ones without weights), and the mask of those exactly 0. */
export function startWeights(sampleWeight: ArrayLike<number> | undefined, n: number, estimator: string): { w: Float64Array; zero: Uint8Array } {
  const w = sampleWeight === undefined ? new Float64Array(n).fill(1) : toSampleWeight(sampleWeight, n, estimator);
  // Divided by the largest first, so that huge weights cannot overflow their sum.
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, w[i]);
  for (let i = 0; i < n; i++) w[i] /= max;
  let total = 0;
  for (let i = 0; i < n; i++) total += w[i];
  for (let i = 0; i < n; i++) w[i] /= total;
  return { w, zero: w.map((v) => (v === 0 ? 1 : 0)) as unknown as Uint8Array };
}

/** scikit-learn's guard against vanishing weights: at least machine epsilon, except those given as 0. */
export function clipWeights(w: Float64Array, zero: Uint8Array): void {
  for (let i = 0; i < w.length; i++) w[i] = zero[i] ? 0 : Math.max(w[i], EPS);
}

/**
 * The end of a boosting step: true (stop) when the weights overflowed (with a warning) or sum to
 * 0; otherwise they are normalized unless this was the last stage.
 */
export function endStage(w: Float64Array, it: number, last: boolean, estimator: string): boolean {
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += w[i];
  if (!Number.isFinite(sum)) {
    warn(new TypelearnWarning(`Sample weights have reached infinite values, at iteration ${it}, causing overflow. Iterations stopped. Try lowering the learning rate.`, estimator));
    return true;
  }
  if (sum <= 0) return true;
  if (!last) for (let i = 0; i < w.length; i++) w[i] /= sum;
  return false;
}

/** A per-estimator array padded to `nEstimators` entries with `fill` (scikit-learn's arrays). */
export function padded(values: Float64Array, nEstimators: number, fill: number): number[] {
  return Array.from({ length: nEstimators }, (_, e) => (e < values.length ? values[e] : fill));
}
