import { registerFunction } from '../core/serialization';
import type { MatrixLike, Target } from '../core/types';
import { estimateMutualInfo, type MutualInfoOptions } from './_estimateMI';
import { registerKernel, scoreInput, type ScoreResult } from './_univariate';

/**
 * Mutual information (in nats) between each feature and class labels, estimated from k-nearest-
 * neighbour distances (Ross 2014) for continuous features and by counting for discrete ones. 0
 * means independent; higher means more informative. Catches non-linear dependence that the F-test
 * misses.
 *
 * Returns `{ scores }` (no p-values, as scikit-learn). Options: `discreteFeatures` ('auto'),
 * `nNeighbors` (3), `randomState` (null): continuous features get a 1e-10 relative jitter, as in
 * scikit-learn; our generator differs from numpy's, so values differ from scikit-learn's in the
 * last digits of that noise (the ranking of features matches).
 * @example
 * ```ts
 * import { mutualInfoClassif } from 'typelearn';
 * const X = Array.from({ length: 60 }, (_, i) => [i % 2 === 0 ? i : -i, (i * 7) % 13]);
 * const y = X.map((_, i) => i % 2);
 * const { scores } = mutualInfoClassif(X, y, { randomState: 0 });
 * console.log(scores[0] > 0.5, scores[1] < 0.1); // true true
 * ```
 */
export function mutualInfoClassif(X: MatrixLike, y: Target, options: MutualInfoOptions = {}): ScoreResult {
  return { scores: Array.from(estimateMutualInfo(scoreInput(X, 'mutualInfoClassif'), y, true, options, 'mutualInfoClassif')) };
}

registerKernel(mutualInfoClassif, (X, y) => ({ scores: estimateMutualInfo(X, y, true, {}, 'mutualInfoClassif') }));
registerFunction('mutualInfoClassif', mutualInfoClassif);
