import { ValidationError } from '../core/errors';
import type { Label } from '../core/types';
import { toLabels } from '../core/validation';

/** Labels encoded as class indices, with the classes in the order asked for. */
export interface EncodedLabels {
  classes: Label[];
  codes: Int32Array;
  counts: number[];
}

/**
 * Validates class labels for stratification and encodes them. `order` is `'sorted'` (numpy's
 * `np.unique` order) or `'appearance'` (first appearance, as StratifiedKFold allocates).
 * Non-integer numbers are continuous targets and are rejected, as scikit-learn's `type_of_target`.
 */
export function encodeForStratify(y: unknown, n: number, fn: string, param: string, order: 'sorted' | 'appearance'): EncodedLabels {
  const labels = toLabels(y, { estimator: fn, name: param, length: n });
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i];
    if (typeof v === 'number' && !Number.isInteger(v)) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator: fn,
        param,
        expected: 'class labels (a binary or multiclass target); continuous targets cannot be stratified',
        received: `the non-integer ${v} at index ${i}`,
      });
    }
  }
  const first = new Map<Label, number>();
  labels.forEach((v) => {
    if (!first.has(v)) first.set(v, first.size);
  });
  let classes = [...first.keys()];
  if (order === 'sorted') {
    classes = classes.sort((a, b) => {
      if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
      return Number(a) - Number(b);
    });
  }
  const index = new Map<Label, number>();
  classes.forEach((c, i) => index.set(c, i));
  const codes = new Int32Array(labels.length);
  const counts = new Array<number>(classes.length).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const k = index.get(labels[i]) as number;
    codes[i] = k;
    counts[k] += 1;
  }
  return { classes, codes, counts };
}

/** True when y holds class labels: strings, booleans or integer-valued numbers (binary/multiclass). */
export function isClassLabels(y: ArrayLike<unknown>): boolean {
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number' && Number.isInteger(v)) continue;
    return false;
  }
  return y.length > 0;
}
