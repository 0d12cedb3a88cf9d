/**
 * The recursive elimination loop shared by RFE and RFECV (scikit-learn's `RFE._fit`), free of the
 * estimator API: fit a clone on the surviving features, rank them by squared importance, drop the
 * `step` weakest (never going below the target count), repeat; then fit a last clone on the
 * survivors.
 */
import type { BaseEstimator } from '../core/base';
import { argsort } from '../core/math/argsort';
import { int, num, union, type ParamSpec } from '../core/params';
import type { Target } from '../core/types';
import type { RowMajor } from '../core/data/index';
import { featureImportances, type ImportanceGetter } from './_importance';
import { fitEstimator, takeColumns } from './_meta';

/** The outcome of an elimination. */
export interface EliminationResult {
  /** One entry per feature: true for the survivors. */
  support: boolean[];
  /** 1 for the survivors, 2 for the last eliminated, and so on. */
  ranking: number[];
  /** A clone fitted on the survivors. */
  estimator: BaseEstimator;
  /** With `stepScore`: the score of each round's estimator (all features first), then of the final one. */
  scores: number[];
}

/** The `step` option rule: an integer ≥ 1 or a fraction in (0, 1). */
export const stepSpec: ParamSpec = union(int({ min: 1 }), num({ min: 0, max: 1, minInclusive: false, maxInclusive: false }));

/** The number of features one round removes: `step`, or the fraction `step` of all features (at least 1). */
export function stepSize(step: number, nFeatures: number): number {
  return step > 0 && step < 1 ? Math.floor(Math.max(1, step * nFeatures)) : Math.floor(step);
}

/**
 * Eliminates features of X until `nToSelect` remain.
 * @param stepScore - optional: scores each round's fitted estimator on its features (RFECV).
 * @param fn - the selector's name, for errors.
 */
export function recursiveElimination(
  base: BaseEstimator,
  X: RowMajor,
  y: Target | undefined,
  nToSelect: number,
  step: number,
  getter: ImportanceGetter,
  fn: string,
  stepScore?: (estimator: BaseEstimator, features: number[]) => number,
): EliminationResult {
  const n = X.cols;
  const stepN = stepSize(step, n);
  const support = new Array<boolean>(n).fill(true);
  const ranking = new Array<number>(n).fill(1);
  const scores: number[] = [];
  let remaining = n;
  while (remaining > nToSelect) {
    const features: number[] = [];
    for (let j = 0; j < n; j++) if (support[j]) features.push(j);
    const est = base.clone();
    fitEstimator(fn, est, takeColumns(X, features), y);
    const importances = featureImportances(est, getter, { kind: 'square' }, features.length, fn);
    const order = argsort(importances);
    const drop = Math.min(stepN, remaining - nToSelect);
    if (stepScore) scores.push(stepScore(est, features));
    for (let r = 0; r < drop; r++) support[features[order[r]]] = false;
    remaining -= drop;
    for (let j = 0; j < n; j++) if (!support[j]) ranking[j] += 1;
  }
  const features: number[] = [];
  for (let j = 0; j < n; j++) if (support[j]) features.push(j);
  const estimator = base.clone();
  fitEstimator(fn, estimator, takeColumns(X, features), y);
  if (stepScore) scores.push(stepScore(estimator, features));
  return { support, ranking, estimator, scores };
}
