import { ValidationError, describeValue } from './errors';
import { checkParam, type ParamSpec } from './params';

/**
 * Reads the options object of a function (a metric, a dataset loader or generator, `enetPath`):
 * every given key must be known (typos are reported with a hint) and satisfy its rule in
 * `schema`, with the same errors as estimator options and the function's name in place of a class
 * name. Returns the options merged over the defaults; keys set to `undefined` keep the default,
 * and `undefined` or `null` options mean all defaults (as an estimator's constructor takes them).
 */
export function readOptions<T extends object>(fn: string, options: unknown, defaults: T, schema: { readonly [K in keyof T]?: ParamSpec }): T {
  if (options === undefined || options === null) return { ...defaults };
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new ValidationError({ code: 'invalid_input', estimator: fn, param: 'options', expected: 'an options object', received: describeValue(options) });
  }
  const defs = defaults as Readonly<Record<string, unknown>>;
  const out: Record<string, unknown> = { ...defs };
  const rules = schema as Readonly<Record<string, ParamSpec | undefined>>;
  for (const [key, value] of Object.entries(options as Record<string, unknown>)) {
    if (value === undefined) continue;
    checkParam(fn, key, value, defs, rules);
    out[key] = value;
  }
  return out as T;
}
