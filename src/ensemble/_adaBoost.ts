/**
 * What AdaBoostClassifier and AdaBoostRegressor share: the per-stage estimator (a clone of the
 * configured one with its random seeds drawn from the ensemble's generator, as scikit-learn's
 * `_set_random_states`), its fit with sample weights, and the state rules.
 */
import type { Matrix } from 'ml-matrix';
import { type BaseEstimator } from '../core/base';
import { ValidationError } from '../core/errors';
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
