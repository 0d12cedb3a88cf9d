import { ValidationError } from '../core/errors';
import { checkSameLength } from './_checks';
import { sum } from '../core/numpySum';
import { toTarget } from '../core/validation';

/**
 * The area under a curve given by points (x, y), by the trapezoidal rule. x must be monotonic
 * (increasing or decreasing). scikit-learn's `auc`; for the area under the ROC curve see
 * {@link rocAucScore}.
 * @example
 * ```ts
 * import { auc, rocCurve } from 'typelearn';
 * const { fpr, tpr } = rocCurve([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8], { posLabel: 2 });
 * console.log(auc(fpr, tpr)); // 0.75
 * ```
 */
export function auc(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const fn = 'auc';
  const xs = toTarget(x, { estimator: fn, name: 'x' });
  const ys = toTarget(y, { estimator: fn, name: 'y' });
  checkSameLength(fn, 'y', ys.length, xs.length);
  if (xs.length < 2) {
    throw new ValidationError({ code: 'invalid_input', estimator: fn, param: 'x', expected: 'at least 2 points to compute an area under a curve', received: `${xs.length}` });
  }
  return trapezoid(fn, xs, ys);
}

/** The signed trapezoidal area, as `direction * np.trapz(y, x)`. */
export function trapezoid(fn: string, xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const n = xs.length;
  let anyNeg = false;
  let allNonPos = true;
  const parts = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) {
    const dx = xs[i + 1] - xs[i];
    if (dx < 0) anyNeg = true;
    if (dx > 0) allNonPos = false;
    parts[i] = (dx * (ys[i + 1] + ys[i])) / 2.0;
  }
  let direction = 1;
  if (anyNeg) {
    if (allNonPos) direction = -1;
    else throw new ValidationError({ code: 'invalid_input', estimator: fn, param: 'x', expected: 'monotonic values (increasing or decreasing)', received: 'values going both up and down' });
  }
  return direction * sum(parts);
}
