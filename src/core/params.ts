/**
 * Declarative option schemas. Each estimator declares `static readonly paramSchema`, a map from
 * option name to a {@link ParamSpec}; the base class checks every option against it in the
 * constructor and in `setParams`, and never clamps a bad value silently.
 */
import { ValidationError, describeValue } from './errors';

/** A rule an option's value must satisfy, with the words used to describe it in errors. */
export interface ParamSpec {
  /** True when `value` is acceptable. */
  check(value: unknown): boolean;
  /** What is accepted, e.g. `a number in (0, Infinity)`. */
  readonly description: string;
}

/** Option name → rule. Options absent from the schema accept any value of the default's type. */
export type ParamSchema<P> = { readonly [K in keyof P]?: ParamSpec };

function spec(description: string, check: (v: unknown) => boolean): ParamSpec {
  return { description, check };
}

/** The bounds of {@link num} and {@link int}. */
export interface IntervalOptions {
  /** Smallest accepted value (none when omitted). */
  min?: number;
  /** Largest accepted value (none when omitted). */
  max?: number;
  /** Whether `min` itself is allowed (default true). */
  minInclusive?: boolean;
  /** Whether `max` itself is allowed (default true). */
  maxInclusive?: boolean;
}

function interval(kind: 'number' | 'integer', o: IntervalOptions): ParamSpec {
  const min = o.min ?? -Infinity;
  const max = o.max ?? Infinity;
  const lo = o.minInclusive === false || min === -Infinity ? '(' : '[';
  const hi = o.maxInclusive === false || max === Infinity ? ')' : ']';
  const description = `${kind === 'integer' ? 'an integer' : 'a number'} in ${lo}${min}, ${max}${hi}`;
  return spec(description, (v) => {
    if (typeof v !== 'number' || Number.isNaN(v)) return false;
    if (kind === 'integer' && !Number.isInteger(v)) return false;
    if (v < min || v > max) return false;
    if (v === min && lo === '(') return false;
    if (v === max && hi === ')') return false;
    return true;
  });
}

/**
 * A real number within bounds (inclusive unless said otherwise).
 * @example
 * ```ts
 * import { num } from 'typelearn';
 *
 * const C = num({ min: 0, minInclusive: false });
 * console.log(C.description, C.check(1), C.check(0)); // a number in (0, Infinity) true false
 * ```
 */
export const num = (o: IntervalOptions = {}): ParamSpec => interval('number', o);
/**
 * An integer within bounds (inclusive unless said otherwise).
 * @example
 * ```ts
 * import { int } from 'typelearn';
 *
 * console.log(int({ min: 1 }).description, int({ min: 1 }).check(2.5)); // an integer in [1, Infinity) false
 * ```
 */
export const int = (o: IntervalOptions = {}): ParamSpec => interval('integer', o);
/**
 * `true` or `false`.
 * @example
 * ```ts
 * import { bool } from 'typelearn';
 *
 * console.log(bool().check(false), bool().check(0)); // true false
 * ```
 */
export const bool = (): ParamSpec => spec('a boolean', (v) => typeof v === 'boolean');
/**
 * Any string.
 * @example
 * ```ts
 * import { str } from 'typelearn';
 *
 * console.log(str().check('x'), str().description); // true a string
 * ```
 */
export const str = (): ParamSpec => spec('a string', (v) => typeof v === 'string');
/**
 * A function.
 * @example
 * ```ts
 * import { func } from 'typelearn';
 *
 * console.log(func().check(Math.sqrt), func().check('sqrt')); // true false
 * ```
 */
export const func = (): ParamSpec => spec('a function', (v) => typeof v === 'function');
/**
 * Anything at all (e.g. an imputer's fill value).
 * @example
 * ```ts
 * import { anything } from 'typelearn';
 *
 * console.log(anything().check(undefined), anything().description); // true any value
 * ```
 */
export const anything = (): ParamSpec => spec('any value', () => true);

/**
 * One of the listed literal values.
 * @example
 * ```ts
 * import { oneOf } from 'typelearn';
 *
 * const strategy = oneOf('mean', 'median');
 * console.log(strategy.description, strategy.check('mode')); // one of 'mean', 'median' false
 * ```
 */
export function oneOf<T extends string | number | boolean | null>(...values: readonly T[]): ParamSpec {
  const words = values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v)));
  return spec(words.length === 1 ? words[0] : `one of ${words.join(', ')}`, (v) => values.includes(v as T));
}

/** A `randomState` seed: null (a fresh seed) or an integer in [0, 2^32 − 1], as scikit-learn accepts. */
export const randomStateSpec: ParamSpec = spec('an integer in [0, 4294967295] or null', (v) => v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 4294967295));

/**
 * Any of several rules.
 * @example
 * ```ts
 * import { num, oneOf, union } from 'typelearn';
 *
 * const gamma = union(oneOf('scale', 'auto'), num({ min: 0 }));
 * console.log(gamma.check('scale'), gamma.check(0.5), gamma.check(-1)); // true true false
 * ```
 */
export function union(...specs: ParamSpec[]): ParamSpec {
  return spec(specs.map((s) => s.description).join(' or '), (v) => specs.some((s) => s.check(v)));
}

/**
 * `null` or the rule.
 * @example
 * ```ts
 * import { int, nullable } from 'typelearn';
 *
 * const maxDepth = nullable(int({ min: 1 }));
 * console.log(maxDepth.check(null), maxDepth.check(3), maxDepth.check(0)); // true true false
 * ```
 */
export const nullable = (inner: ParamSpec): ParamSpec => union(inner, oneOf(null));

/**
 * An array whose every item satisfies `item`, optionally of a fixed length.
 * @example
 * ```ts
 * import { arrayOf, str } from 'typelearn';
 *
 * console.log(arrayOf(str()).description, arrayOf(str(), 2).check(['a'])); // an array of strings false
 * ```
 */
export function arrayOf(item: ParamSpec, length?: number): ParamSpec {
  const len = length === undefined ? '' : ` of length ${length}`;
  // "a string" -> "an array of strings"; longer descriptions ("an integer in [1, Infinity)",
  // "one of 'a', 'b'") cannot be made plural by appending an s, so they are quoted whole.
  const simple = /^an? (\w+)$/.exec(item.description);
  const items = simple ? `of ${simple[1]}s` : `whose items are each ${item.description}`;
  return spec(`an array${len} ${items}`, (v) => {
    if (!Array.isArray(v)) return false;
    if (length !== undefined && v.length !== length) return false;
    return v.every((x) => item.check(x));
  });
}

/**
 * A plain object (e.g. a map from class label to weight).
 * @example
 * ```ts
 * import { num, record } from 'typelearn';
 *
 * const classWeight = record(num({ min: 0 }));
 * console.log(classWeight.check({ a: 1, b: 2 }), classWeight.check([1, 2])); // true false
 * ```
 */
export const record = (values?: ParamSpec): ParamSpec =>
  spec(values ? `an object whose values are ${values.description}` : 'an object', (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
    return values ? Object.values(v as Record<string, unknown>).every((x) => values.check(x)) : true;
  });

/** Levenshtein distance, for "did you mean" hints. */
function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** The closest known name to `name`, if it is close enough to be a likely typo. */
export function suggestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDist) {
      bestDist = d;
      best = k;
    }
  }
  return best !== undefined && bestDist <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/**
 * Checks one option value against the schema, falling back to "same type as the default" for
 * options the schema does not describe. Throws {@link ValidationError} naming the option.
 */
export function checkParam(
  estimator: string,
  name: string,
  value: unknown,
  defaults: object,
  schema: Readonly<Record<string, ParamSpec | undefined>>,
): void {
  if (!Object.prototype.hasOwnProperty.call(defaults, name)) {
    const known = Object.keys(defaults);
    const hint = suggestName(name, known);
    throw new ValidationError({
      code: 'unknown_option',
      estimator,
      param: name,
      expected: known.length ? known.join(', ') : '(none)',
      received: describeValue(value),
      message:
        `${estimator} has no option '${name}'.` +
        (hint ? ` Did you mean '${hint}'?` : '') +
        ` Valid options: ${known.length ? known.join(', ') : '(none)'}.`,
    });
  }
  const rule = schema[name];
  if (rule) {
    if (!rule.check(value)) {
      throw new ValidationError({
        code: 'invalid_option',
        estimator,
        param: name,
        expected: rule.description,
        received: describeValue(value),
      });
    }
    return;
  }
  const def: unknown = Reflect.get(defaults, name);
  const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if (def !== null && def !== undefined && typeOf(def) !== typeOf(value)) {
    throw new ValidationError({
      code: 'invalid_option',
      estimator,
      param: name,
      expected: `a value of type ${typeOf(def)}`,
      received: describeValue(value),
    });
  }
}

/**
 * The stand-in default of a required option that has no sensible default (a meta-estimator's
 * `estimator`): `null` at run time, typed as the option so that `static defaults` keeps the
 * options' type. The class's constructor throws a `ValidationError` when the option is not given.
 * @example
 * ```ts
 * import { BaseEstimator, requiredOption } from 'typelearn';
 *
 * class Wrapper extends BaseEstimator<{ estimator: BaseEstimator }> {
 *   static override readonly className = 'Wrapper';
 *   // Typed as the option, null at run time: the constructor must be given one.
 *   static override readonly defaults = { estimator: requiredOption<BaseEstimator>() };
 * }
 * console.log(Wrapper.defaults.estimator); // null
 * ```
 */
export function requiredOption<T>(): T {
  return null as T;
}
