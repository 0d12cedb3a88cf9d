import { describeValue, TypelearnWarning, ValidationError, warn } from '../core/errors';

/**
 * scikit-learn's `_check_alpha`: the smoothing as one value per feature (`d` of them), values below
 * 1e-10 raised to 1e-10 with a warning unless `forceAlpha`.
 */
export function smoothingAlpha(a: number | number[], d: number, forceAlpha: boolean, estimator: string): Float64Array {
  if (Array.isArray(a) && a.length !== d) {
    throw new ValidationError({ code: 'invalid_option', estimator, param: 'alpha', expected: `a number or one value per feature (${d})`, received: describeValue(a) });
  }
  const alpha = typeof a === 'number' ? new Float64Array(d).fill(a) : Float64Array.from(a);
  const lower = 1e-10;
  let min = Infinity;
  for (const v of alpha) min = Math.min(min, v);
  if (min < lower && !forceAlpha) {
    warn(new TypelearnWarning(`${estimator}: alpha too small will result in numeric errors, setting alpha = 1.0e-10. Use forceAlpha: true to keep alpha unchanged.`, estimator));
    for (let j = 0; j < d; j++) alpha[j] = Math.max(alpha[j], lower);
  }
  return alpha;
}

/**
 * scikit-learn's `_update_class_log_prior`: the log of `classPrior` when given (one per class), else
 * the log class frequencies (`fitPrior`), else uniform.
 */
export function classLogPriorOf(classCount: Float64Array, o: { fitPrior: boolean; classPrior: number[] | null }, estimator: string): Float64Array {
  const K = classCount.length;
  const p = o.classPrior;
  if (p !== null) {
    if (p.length !== K) {
      throw new ValidationError({ code: 'invalid_option', estimator, param: 'classPrior', expected: `one prior per class (${K})`, received: `${p.length} priors` });
    }
    return Float64Array.from(p, Math.log);
  }
  const out = new Float64Array(K);
  if (!o.fitPrior) return out.fill(-Math.log(K));
  let total = 0;
  for (let k = 0; k < K; k++) total += classCount[k];
  const logTotal = Math.log(total);
  for (let k = 0; k < K; k++) out[k] = Math.log(classCount[k]) - logTotal;
  return out;
}
