import { describeValue, ValidationError } from './errors';
import type { Label } from './types';
import { toLabels, uniqueLabels } from './validation';

/**
 * The classes of an incremental classifier's `partialFit` call: `given` (required on the first
 * call, when `known` is undefined; sorted and deduplicated), or the classes of the first call,
 * which a later `given` must repeat exactly. Throws a {@link ValidationError} naming `estimator`.
 */
export function partialFitClasses(estimator: string, known: readonly Label[] | undefined, given: unknown): Label[] {
  const hasGiven = given !== undefined && given !== null;
  if (known === undefined) {
    if (!hasGiven) {
      throw new ValidationError({ code: 'invalid_input', estimator, param: 'classes', expected: 'the list of all classes on the first call to partialFit', received: 'undefined' });
    }
    return uniqueLabels(toLabels(given, { estimator, name: 'classes' }));
  }
  if (hasGiven) {
    const g = uniqueLabels(toLabels(given, { estimator, name: 'classes' }));
    if (g.length !== known.length || g.some((c, i) => c !== known[i])) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator,
        param: 'classes',
        expected: `the classes of the first call [${known.map(describeValue).join(', ')}]`,
        received: `[${g.map(describeValue).join(', ')}]`,
      });
    }
  }
  return known.slice();
}
