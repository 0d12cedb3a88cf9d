import type { CheckableClass, EstimatorCheckOptions } from './_context';
import { EstimatorCheckError, type EstimatorCheckFailure } from './EstimatorCheckError';
import { planChecks } from './estimatorChecks';

/** What {@link checkEstimator} ran: the names of the checks passed and of those skipped. */
export interface EstimatorCheckReport {
  /** The names of the checks that passed. */
  passed: string[];
  /** The names of the checks that do not apply to this estimator (by its tags). */
  skipped: string[];
}

/**
 * Runs the whole contract suite on an estimator class (scikit-learn's `check_estimator`): every
 * check runs, and if any fails one {@link EstimatorCheckError} lists them all. Use it in a test of
 * your own estimator, after `registerEstimator(YourClass)`.
 *
 * @param options - `make`: builds an instance when the constructor needs arguments (default
 *   `() => new Class()`); `skip`: names of checks to skip, reported in `skipped` (default none).
 * @returns the names of the checks that passed and of those skipped.
 * @example
 * ```ts
 * import { LinearRegression } from 'typelearn';
 * import { checkEstimator } from 'typelearn/testing';
 * const report = checkEstimator(LinearRegression, { skip: ['determinism'] });
 * console.log(report.skipped); // [ 'determinism' ]
 * console.log(report.passed.includes('save_load_fitted')); // true
 * ```
 */
export function checkEstimator(Class: CheckableClass, options: EstimatorCheckOptions = {}): EstimatorCheckReport {
  const { checks, skipped } = planChecks(Class, options);
  const passed: string[] = [];
  const failures: EstimatorCheckFailure[] = [];
  for (const check of checks) {
    try {
      check.run();
      passed.push(check.name);
    } catch (error) {
      failures.push({ name: check.name, error });
    }
  }
  if (failures.length) throw new EstimatorCheckError(Class.className, failures, checks.length);
  return { passed, skipped };
}
