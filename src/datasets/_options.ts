/** The error of the datasets functions for a rule that spans several options. */
import { ValidationError, describeValue } from '../core/errors';

/** Throws the `invalid_option` error for a rule that spans several options. */
export function optionError(fn: string, param: string, expected: string, received: unknown): never {
  throw new ValidationError({ code: 'invalid_option', estimator: fn, param, expected, received: typeof received === 'string' ? received : describeValue(received) });
}
