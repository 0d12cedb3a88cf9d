/** Class weights, shared by the linear classifiers, the support vector machines and the trees. */
import { ValidationError } from './errors';
import type { Label } from './types';

/** The `classWeight` option of classifiers: 'balanced', a map from label to weight, or null. */
export type ClassWeight = 'balanced' | Record<string, number> | null;

/**
 * The weight of each class: 'balanced' (n_samples / (n_classes · count), 1 for a class with no
 * samples), a map keyed by label (unlisted classes 1), or all 1 for null.
 */
export function classWeightVector(classWeight: ClassWeight, classes: readonly Label[], yi: Int32Array, estimator: string): Float64Array {
  const K = classes.length;
  const cw = new Float64Array(K).fill(1);
  if (classWeight === null) return cw;
  if (classWeight === 'balanced') {
    const counts = new Float64Array(K);
    for (let i = 0; i < yi.length; i++) counts[yi[i]]++;
    for (let k = 0; k < K; k++) cw[k] = counts[k] > 0 ? yi.length / (K * counts[k]) : 1;
    return cw;
  }
  for (const [key, v] of Object.entries(classWeight)) {
    const k = classes.findIndex((c) => String(c) === key);
    if (k < 0) {
      throw new ValidationError({
        code: 'invalid_option',
        estimator,
        param: 'classWeight',
        expected: `keys among the classes (${classes.map(String).join(', ')})`,
        received: `'${key}'`,
      });
    }
    cw[k] = v;
  }
  return cw;
}

/** Per-sample weights times their class's weight (the same array when `classWeight` is null). */
export function weightByClass(sw: Float64Array, yi: Int32Array, classes: readonly Label[], classWeight: ClassWeight, estimator: string): Float64Array {
  if (classWeight === null) return sw;
  const cw = classWeightVector(classWeight, classes, yi, estimator);
  const out = new Float64Array(sw.length);
  for (let i = 0; i < sw.length; i++) out[i] = sw[i] * cw[yi[i]];
  return out;
}
