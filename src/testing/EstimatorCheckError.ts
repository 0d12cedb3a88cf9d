/** One failed check: its name and what it threw. */
export interface EstimatorCheckFailure {
  /** The check's name, e.g. `fit_returns_this`. */
  readonly name: string;
  /** What the check threw. */
  readonly error: unknown;
}

/**
 * Thrown by {@link checkEstimator} when any check fails: its message lists every failed check, and
 * `failures` holds them as data.
 * @example
 * ```ts
 * import { EstimatorCheckError } from 'typelearn/testing';
 * const e = new EstimatorCheckError('MyModel', [{ name: 'fit_returns_this', error: new Error('fit returned undefined') }], 20);
 * console.log(e.message.split('\n')[0]); // MyModel failed 1 of 20 contract checks:
 * ```
 */
export class EstimatorCheckError extends Error {
  /** The class that was checked. */
  readonly estimator: string;
  /** Every failed check, with what it threw. */
  readonly failures: readonly EstimatorCheckFailure[];

  constructor(estimator: string, failures: readonly EstimatorCheckFailure[], total: number) {
    const lines = failures.map((f) => {
      const text = f.error instanceof Error ? f.error.message : String(f.error);
      const prefix = `${estimator} failed check '${f.name}': `;
      return `  - ${f.name}: ${text.startsWith(prefix) ? text.slice(prefix.length) : text}`;
    });
    super(`${estimator} failed ${failures.length} of ${total} contract checks:\n${lines.join('\n')}`);
    this.name = 'EstimatorCheckError';
    this.estimator = estimator;
    this.failures = failures;
  }
}
