import { ValidationError, describeValue } from '../core/errors';
import { suggestName } from '../core/params';
import type { CheckDef } from './_check';
import { fitChecks } from './_checksFit';
import { inputChecks } from './_checksInput';
import { kindChecks } from './_checksKinds';
import { paramsChecks } from './_checksParams';
import { persistenceChecks } from './_checksPersistence';
import { CheckContext, tagsOf, type CheckableClass, type EstimatorCheckOptions } from './_context';

/** One named check of the contract suite; `run` throws an Error saying what is wrong. */
export interface EstimatorCheck {
  /** The check's name, one of {@link ESTIMATOR_CHECK_NAMES}. */
  readonly name: string;
  /** Runs the check; throws when it fails. */
  run(): void;
}

const ALL_CHECKS: readonly CheckDef[] = [...paramsChecks, ...fitChecks, ...inputChecks, ...persistenceChecks, ...kindChecks];

/** The names of every check of the suite, whether or not it applies to a given estimator. */
export const ESTIMATOR_CHECK_NAMES: readonly string[] = ALL_CHECKS.map((c) => c.name);

/** The checks that apply to `Class` and those the options skip (used by checkEstimator and describeEstimator). */
export function planChecks(Class: CheckableClass, options: EstimatorCheckOptions = {}): { checks: EstimatorCheck[]; skipped: string[] } {
  if (typeof Class !== 'function' || typeof (Class as { className?: unknown }).className !== 'string') {
    throw new ValidationError({
      code: 'invalid_input',
      estimator: 'checkEstimator',
      param: 'Class',
      expected: "an estimator class with a 'static readonly className'",
      received: describeValue(Class),
    });
  }
  if (options.make !== undefined && typeof options.make !== 'function') {
    throw new ValidationError({ code: 'invalid_input', estimator: 'checkEstimator', param: 'make', expected: 'a function returning an instance', received: describeValue(options.make) });
  }
  const skip = options.skip ?? [];
  for (const name of skip) {
    if (!ESTIMATOR_CHECK_NAMES.includes(name)) {
      const hint = suggestName(String(name), ESTIMATOR_CHECK_NAMES);
      throw new ValidationError({
        code: 'invalid_input',
        estimator: 'checkEstimator',
        param: 'skip',
        message: `checkEstimator: there is no check named ${describeValue(name)} to skip.${hint ? ` Did you mean '${hint}'?` : ''} Checks: ${ESTIMATOR_CHECK_NAMES.join(', ')}.`,
      });
    }
  }
  const tags = tagsOf(Class, options);
  let ctx: CheckContext | undefined;
  const context = () => (ctx ??= new CheckContext(Class, options, tags));
  const applicable = ALL_CHECKS.filter((c) => !c.applies || c.applies(tags));
  const checks = applicable
    .filter((c) => !skip.includes(c.name))
    .map((c): EstimatorCheck => ({
      name: c.name,
      run() {
        try {
          c.run(context());
        } catch (e) {
          const message = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
          throw new Error(`${Class.className} failed check '${c.name}': ${message}`, { cause: e });
        }
      },
    }));
  const skipped = applicable.filter((c) => skip.includes(c.name)).map((c) => c.name);
  return { checks, skipped };
}

/**
 * The contract suite for an estimator class, as named checks to run one by one (scikit-learn's
 * `check_estimator` generator). Which checks apply and which data they use follow the class's
 * tags (`estimatorType`, `requiresY`, `allowNaN`, `nonDeterministic`, `binaryOnly`); checks named
 * in `options.skip` are left out.
 *
 * @param Class - the estimator class (a subclass of one of typelearn's bases, registered with
 *   `registerEstimator` so that the save/load checks can find it).
 * @param options - `make`: builds an instance, for classes whose constructor needs arguments
 *   (default `() => new Class()`); `skip`: names of checks to leave out (default none).
 * @example
 * ```ts
 * import { StandardScaler } from 'typelearn';
 * import { estimatorChecks } from 'typelearn/testing';
 * const checks = estimatorChecks(StandardScaler);
 * for (const check of checks) check.run(); // throws on the first failure
 * console.log(checks.some((c) => c.name === 'save_load_fitted')); // true
 * ```
 */
export function estimatorChecks(Class: CheckableClass, options: EstimatorCheckOptions = {}): EstimatorCheck[] {
  return planChecks(Class, options).checks;
}
