/** Shared pieces of the regression metrics. */
import { anything, bool } from '../core/params';
import { readOptions } from '../core/readOptions';
import { checkPositiveSum, checkRegressionTargets, checkWeights } from './_checks';

export interface RegressionInput {
  yTrue: Float64Array;
  yPred: Float64Array;
  w: Float64Array | undefined;
}

/** Validates targets and optional (positive-sum) weights of a regression metric. */
export function regressionInput(fn: string, yTrue: unknown, yPred: unknown, sampleWeight: ArrayLike<number> | undefined): RegressionInput {
  const [a, b] = checkRegressionTargets(fn, yTrue, yPred);
  const w = checkWeights(fn, sampleWeight, a.length);
  checkPositiveSum(fn, w);
  return { yTrue: a, yPred: b, w };
}

/** Reads options that hold only `sampleWeight` (and, optionally, other booleans). */
export function readWeightOptions<T extends { sampleWeight?: ArrayLike<number> }>(fn: string, options: unknown, defaults: T): T {
  const schema: Record<string, ReturnType<typeof anything>> = { sampleWeight: anything() };
  for (const [k, v] of Object.entries(defaults)) if (typeof v === 'boolean') schema[k] = bool();
  return readOptions(fn, options, defaults, schema as { [K in keyof T]?: ReturnType<typeof anything> });
}

/** scikit-learn's `_assemble_r2_explained_variance` for one output. */
export function assembleScore(numerator: number, denominator: number, forceFinite: boolean): number {
  if (!forceFinite) return 1 - numerator / denominator;
  if (numerator === 0) return 1;
  if (denominator === 0) return 0;
  return 1 - numerator / denominator;
}
