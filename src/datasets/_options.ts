/**
 * Option checking for the datasets functions: the same rules (and the same errors) as estimator
 * options, through core's schema checker, with the function's name in place of a class name.
 */
import { ValidationError, describeValue } from '../core/errors';
import { checkParam, type ParamSpec } from '../core/params';

/** Merges `options` over `defaults`, checking each given option against `schema`. */
export function readOptions<O extends object>(
  fn: string,
  options: Partial<O> | undefined,
  defaults: O,
  schema: { readonly [K in keyof O]?: ParamSpec },
): O {
  if (options === undefined) return { ...defaults };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ValidationError({ code: 'invalid_input', estimator: fn, param: 'options', expected: 'an options object', received: describeValue(options) });
  }
  const merged: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  const d = defaults as Readonly<Record<string, unknown>>;
  const s = schema as Readonly<Record<string, ParamSpec | undefined>>;
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    checkParam(fn, name, value, d, s);
    merged[name] = value;
  }
  return merged as O;
}

/** Throws the `invalid_option` error for a rule that spans several options. */
export function optionError(fn: string, param: string, expected: string, received: unknown): never {
  throw new ValidationError({ code: 'invalid_option', estimator: fn, param, expected, received: typeof received === 'string' ? received : describeValue(received) });
}
