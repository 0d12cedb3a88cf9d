/** Shared pieces of the linear classifiers (LogisticRegression, RidgeClassifier, SGDClassifier). */
import type { Label } from '../core/types';

export { classWeightVector, weightByClass, type ClassWeight } from '../core/classWeight';

/**
 * The predicted labels from decision scores: with one score column, `classes[1]` where the score
 * is positive; otherwise the class of the largest score (the first of equal ones).
 */
export function labelsFromScores(Z: Float64Array, rows: number, width: number, classes: readonly Label[]): Label[] {
  const out = new Array<Label>(rows);
  for (let i = 0; i < rows; i++) {
    if (width === 1) out[i] = classes[Z[i] > 0 ? 1 : 0];
    else {
      const off = i * width;
      let best = 0;
      for (let k = 1; k < width; k++) if (Z[off + k] > Z[off + best]) best = k;
      out[i] = classes[best];
    }
  }
  return out;
}

