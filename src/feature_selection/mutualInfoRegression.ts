import { registerFunction } from '../core/serialization';
import type { MatrixLike, Target } from '../core/types';
import { estimateMutualInfo, type MutualInfoOptions } from './_estimateMI';
import { registerKernel, scoreInput, type ScoreResult } from './_univariate';

/**
 * Mutual information (in nats) between each feature and a continuous target, estimated from
 * k-nearest-neighbour distances (Kraskov et al. 2004; Ross 2014 for discrete features). 0 means
 * independent; higher means more informative, including non-linear dependence.
 *
 * Returns `{ scores }` (no p-values, as scikit-learn). Options: `discreteFeatures` ('auto'),
 * `nNeighbors` (3), `randomState` (null) for the 1e-10 relative jitter added to continuous
 * variables; our generator differs from numpy's, so values differ from scikit-learn's slightly.
 * @example
 * ```ts
 * import { mutualInfoRegression } from 'typelearn';
 * const X = Array.from({ length: 200 }, (_, i) => [i / 20, (i * 37) % 101]);
 * const y = X.map(([a]) => Math.sin(a));
 * const { scores } = mutualInfoRegression(X, y, { randomState: 0 });
 * console.log(scores[0] > 1, scores[1] < 0.2); // true true
 * ```
 */
export function mutualInfoRegression(X: MatrixLike, y: Target, options: MutualInfoOptions = {}): ScoreResult {
  return { scores: Array.from(estimateMutualInfo(scoreInput(X, 'mutualInfoRegression'), y, false, options, 'mutualInfoRegression')) };
}

registerKernel(mutualInfoRegression, (X, y) => ({ scores: estimateMutualInfo(X, y, false, {}, 'mutualInfoRegression') }));
registerFunction('mutualInfoRegression', mutualInfoRegression);
