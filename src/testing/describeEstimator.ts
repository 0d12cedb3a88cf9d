import type { CheckableClass, EstimatorCheckOptions } from './_context';
import { planChecks } from './estimatorChecks';

/** A test function that registers a named test (vitest's, jest's, mocha's or node:test's `it`). */
export interface TestFunction {
  (name: string, fn: () => void): unknown;
  /** Registers a skipped test, when the framework has one. */
  skip?: (name: string, fn: () => void) => unknown;
}

/** The `describe` and `it` of a test framework. */
export interface TestHarness {
  /** The test runner's `describe` (groups the checks under the class name). */
  describe: (name: string, fn: () => void) => unknown;
  /** The test runner's `it` (one test per check). */
  it: TestFunction;
}

/**
 * Registers the contract suite as tests of any framework with `describe`/`it` (vitest, jest,
 * mocha, node:test): one `describe` block named after the class, one `it` per check, skipped
 * checks registered with `it.skip` when the framework has it. typelearn itself imports no test
 * framework.
 *
 * @param harness - `{ describe, it }` of your test framework.
 * @param options - `make` and `skip`, as for {@link checkEstimator}.
 * @example
 * ```ts
 * import { StandardScaler } from 'typelearn';
 * import { describeEstimator } from 'typelearn/testing';
 * const names: string[] = [];
 * describeEstimator(StandardScaler, { describe: (_n, fn) => fn(), it: (name) => { names.push(name); } });
 * console.log(names.includes('feature_mismatch')); // true
 * ```
 */
export function describeEstimator(Class: CheckableClass, harness: TestHarness, options: EstimatorCheckOptions = {}): void {
  const { checks, skipped } = planChecks(Class, options);
  harness.describe(Class.className, () => {
    for (const check of checks) harness.it(check.name, () => check.run());
    const skip = harness.it.skip;
    if (typeof skip === 'function') for (const name of skipped) skip.call(harness.it, name, () => undefined);
  });
}
