/**
 * Declarative fitted-state schemas. Each estimator declares `static readonly stateSchema`, a map
 * from state key to a {@link StateSpec}; `loadModel` checks a saved state against it once, in the
 * base class's restore path, before the model is usable. Any rule of `params.ts` (`num`, `int`,
 * `oneOf`, `nullable`, `arrayOf`, …) is a state rule too; the rules here add what fitted state
 * needs: typed arrays, lengths and shapes tied to other keys (`nFeaturesIn`, `classes`), sorted
 * distinct labels, indices, nested fitted estimators.
 *
 * The flags of a rule (`optional`, `anyLength`, `anyRowLength`, `allowNaN`, `allowString`) say
 * which of the mutations of the contract check `load_malformed_state` are legitimate, so the check
 * knows which to expect a `ValidationError` for. They are explicit: a rule without a `length` is
 * not thereby free-length.
 *
 * A new estimator class declares, next to its `paramSchema`:
 *   static override readonly stateSchema: StateSchema = {
 *     nFeaturesIn: nFeaturesIn(),
 *     classes: labels(),
 *     supportVectors: float64Array({ length: (c) => (c.state.nSupportTotal as number) * (c.state.nFeaturesIn as number) }),
 *     ...
 *   };
 * one rule per key of its state, in an order where each rule reads only keys declared before it
 * (and the loaded options, `ctx.params`). Shared pieces of a family belong in one module of that
 * family (see `linear_model/_stateRules.ts`). test/core/stateSchema.test.ts fails for a registered
 * class without one, and the contract suite's `load_malformed_state` check (run over every
 * registered class) says which rule is too loose.
 */
import { ValidationError, describeValue } from './errors';
import type { ParamSpec } from './params';
import { TYPED_ARRAYS, type TypedName } from './serialization';

// The option rules are state rules too; re-exported so a schema imports from one place.
export { anything, arrayOf, bool, int, nullable, num, oneOf, record, str, union } from './params';
import type { Label } from './types';
import { compareLabels } from './validation';

/**
 * What a state rule sees besides the value: the whole state (its other keys), the loaded options
 * (already validated by the class's `paramSchema`) and the class name.
 */
export interface StateContext {
  /** The whole saved state (its other keys). */
  readonly state: Readonly<Record<string, unknown>>;
  /** The loaded options, already validated by the class's `paramSchema`. */
  readonly params: Readonly<Record<string, unknown>>;
  /** The class name, for error messages. */
  readonly estimator: string;
}

/** A rule a fitted-state value must satisfy. Every {@link ParamSpec} is one. */
export interface StateSpec {
  /** True when `value` is acceptable in this state. */
  check(value: unknown, ctx: StateContext): boolean;
  /** What is accepted, in words (lengths named after the keys they follow, e.g. `nFeaturesIn`). */
  readonly description: string;
  /** The key may be absent from the state. */
  readonly optional?: boolean;
  /** The array's length is free (it is not fixed by another key), so a shorter one is legitimate. */
  readonly anyLength?: boolean;
  /** For an array of rows: the rows' lengths are free (e.g. the categories of each feature). */
  readonly anyRowLength?: boolean;
  /** NaN is a legitimate entry (e.g. a statistic of an all-missing column kept by `keepEmptyFeatures`). */
  readonly allowNaN?: boolean;
  /** Any string is a legitimate value. */
  readonly allowString?: boolean;
}

/** State key → rule. Keys absent from the schema are refused in a saved state. */
export type StateSchema = Readonly<Record<string, StateSpec>>;

/**
 * A length tied to the state: a fixed number, `'nFeaturesIn'` (the state's `nFeaturesIn`),
 * `'nClasses'` (the length of the state's `classes`), or a function of the state (undefined when
 * the state does not determine it).
 */
export type StateLength = number | 'nFeaturesIn' | 'nClasses' | ((ctx: StateContext) => number | undefined);

/**
 * A rule from a description, a check and flags.
 * @example
 * ```ts
 * import { stateRules as S } from 'typelearn';
 *
 * const even = S.stateRule('an even integer', (v) => Number.isInteger(v) && (v as number) % 2 === 0);
 * console.log(even.check(4, { state: {}, params: {}, estimator: 'Demo' }), even.description); // true an even integer
 * ```
 */
export function stateRule(description: string, check: (v: unknown, ctx: StateContext) => boolean, flags: Omit<StateSpec, 'check' | 'description'> = {}): StateSpec {
  return { description, check, ...flags };
}

/**
 * The value of a length rule in this state (NaN when the state does not say, so no length matches).
 * @example
 * ```ts
 * import { stateRules as S } from 'typelearn';
 *
 * const ctx = { state: { nFeaturesIn: 3, classes: ['a', 'b'] }, params: {}, estimator: 'Demo' };
 * console.log(S.resolveLength('nFeaturesIn', ctx), S.resolveLength('nClasses', ctx), S.resolveLength(5, ctx)); // 3 2 5
 * ```
 */
export function resolveLength(len: StateLength, ctx: StateContext): number {
  if (typeof len === 'number') return len;
  if (len === 'nFeaturesIn') {
    const n = ctx.state.nFeaturesIn;
    return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : NaN;
  }
  if (len === 'nClasses') {
    const c = ctx.state.classes;
    return Array.isArray(c) ? c.length : NaN;
  }
  return len(ctx) ?? NaN;
}

function lengthWords(len: StateLength | undefined): string {
  if (len === undefined) return '';
  if (typeof len === 'number') return ` of length ${len}`;
  if (len === 'nFeaturesIn') return ' of length nFeaturesIn';
  if (len === 'nClasses') return ' of one entry per class';
  return ' of the length the rest of the state implies';
}

/**
 * The key may be absent (an older or optional part of the state).
 * @example
 * ```ts
 * import { stateRules as S } from 'typelearn';
 *
 * const rule = S.optional(S.numberValue());
 * console.log(rule.optional, rule.check(undefined, { state: {}, params: {}, estimator: 'Demo' })); // true true
 * ```
 */
export function optional(inner: StateSpec): StateSpec {
  return { ...inner, optional: true, description: `${inner.description} (or absent)`, check: (v, ctx) => v === undefined || inner.check(v, ctx) };
}

/**
 * `null` or the rule (the flags of the inner rule are kept).
 * @example
 * ```ts
 * import { stateRules as S } from 'typelearn';
 *
 * const rule = S.orNull(S.numberValue());
 * console.log(rule.description, rule.check(null, { state: {}, params: {}, estimator: 'Demo' })); // a finite number or null true
 * ```
 */
export function orNull(inner: StateSpec): StateSpec {
  return { ...inner, description: `${inner.description} or null`, check: (v, ctx) => v === null || inner.check(v, ctx) };
}

/** Options of the numeric-array rules. */
export interface NumbersOptions {
  /** The required length (free when omitted). */
  length?: StateLength;
  /**
   * Declares a free length legitimate (a shorter array is another valid model, e.g. a list of
   * kept features), so the contract check does not expect a truncated one to be refused.
   */
  anyLength?: boolean;
  /** Whether NaN entries are legitimate (default false). */
  allowNaN?: boolean;
  /** Whether ±Infinity entries are legitimate (default false). */
  allowInfinity?: boolean;
  /** Smallest legitimate value (inclusive). */
  min?: number;
  /** Largest legitimate value (inclusive). */
  max?: number;
  /** Whether entries must be integers (default false). */
  integer?: boolean;
}

function numbersOk(v: ArrayLike<number>, o: NumbersOptions, ctx: StateContext): boolean {
  if (o.length !== undefined && v.length !== resolveLength(o.length, ctx)) return false;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (typeof x !== 'number') return false;
    if (Number.isNaN(x)) {
      if (!o.allowNaN) return false;
      continue;
    }
    if (!Number.isFinite(x) && !o.allowInfinity) return false;
    if (o.integer && Number.isFinite(x) && !Number.isInteger(x)) return false;
    if (o.min !== undefined && x < o.min) return false;
    if (o.max !== undefined && x > o.max) return false;
  }
  return true;
}

function numbersWords(o: NumbersOptions): string {
  const kind = o.integer ? 'integers' : o.allowInfinity ? 'numbers' : 'finite numbers';
  const range = o.min !== undefined || o.max !== undefined ? ` in [${o.min ?? -Infinity}, ${o.max ?? Infinity}]` : '';
  return `${kind}${range}${o.allowNaN ? ' (NaN allowed)' : ''}`;
}

function numbersFlags(o: NumbersOptions): Omit<StateSpec, 'check' | 'description'> {
  return { anyLength: o.anyLength === true, allowNaN: o.allowNaN === true };
}

/** The typed-array kinds a saved state can hold. */
export type TypedArrayKind = TypedName;

/**
 * A typed array of that kind (exactly: a Float64Array state does not take a plain array).
 * @example
 * ```ts
 * import { stateRules as S } from 'typelearn';
 *
 * const counts = S.typedArray('Int32Array', { min: 0 });
 * const ctx = { state: {}, params: {}, estimator: 'Demo' };
 * console.log(counts.check(new Int32Array([1, 2]), ctx), counts.check([1, 2], ctx)); // true false
 * ```
 */
export function typedArray(kind: TypedArrayKind, o: NumbersOptions = {}): StateSpec {
  const Ctor = TYPED_ARRAYS[kind];
  return stateRule(`a ${kind}${lengthWords(o.length)} of ${numbersWords(o)}`, (v, ctx) => v instanceof Ctor && numbersOk(v, o, ctx), numbersFlags(o));
}

/**
 * A Float64Array (the usual home of coefficients, means, scales).
 * @example
 * ```ts
 * import { stateRules as S } from 'typelearn';
 *
 * const coef = S.float64Array({ length: 'nFeaturesIn' });
 * const ctx = { state: { nFeaturesIn: 2 }, params: {}, estimator: 'Demo' };
 * console.log(coef.check(new Float64Array([0.5, -1]), ctx), coef.check(new Float64Array([NaN, 1]), ctx)); // true false
 * ```
 */
export const float64Array = (o: NumbersOptions = {}): StateSpec => typedArray('Float64Array', o);

/**
 * A plain array of numbers.
 * @example
 * ```ts
 * import { stateRules as S } from 'typelearn';
 *
 * const rule = S.numberArray({ integer: true, min: 0 });
 * const ctx = { state: {}, params: {}, estimator: 'Demo' };
 * console.log(rule.check([0, 3], ctx), rule.check([1.5], ctx)); // true false
 * ```
 */
export function numberArray(o: NumbersOptions = {}): StateSpec {
  return stateRule(`an array${lengthWords(o.length)} of ${numbersWords(o)}`, (v, ctx) => Array.isArray(v) && numbersOk(v, o, ctx), numbersFlags(o));
}

/**
 * A number (finite unless said otherwise) — the state form of `num`, with NaN and ±Infinity as options.
 * @example
 * ```ts
 * import { stateRules as S } from 'typelearn';
 *
 * const rule = S.numberValue({ min: 0 });
 * console.log(rule.description, rule.check(-1, { state: {}, params: {}, estimator: 'Demo' })); // a finite number in [0, Infinity] false
 * ```
 */
export function numberValue(o: Omit<NumbersOptions, 'length'> = {}): StateSpec {
  const words = numbersWords(o).replace(/^integers/, 'an integer').replace(/^finite numbers/, 'a finite number').replace(/^numbers/, 'a number');
  return stateRule(words, (v, ctx) => typeof v === 'number' && numbersOk([v], o, ctx), { allowNaN: o.allowNaN === true });
}

/**
 * A matrix as an array of rows (each a plain array, or a Float64Array with `typedRows`), with the
 * row count and row length tied to the state.
 * @example
 * ```ts
 * import { stateRules as S } from 'typelearn';
 *
 * const centers = S.matrixRows({ rows: 2, cols: 'nFeaturesIn' });
 * const ctx = { state: { nFeaturesIn: 3 }, params: {}, estimator: 'Demo' };
 * console.log(centers.check([[1, 2, 3], [4, 5, 6]], ctx), centers.check([[1, 2]], ctx)); // true false
 * ```
 */
export function matrixRows(o: NumbersOptions & { rows?: StateLength; cols?: StateLength; typedRows?: boolean; anyRowLength?: boolean }): StateSpec {
  const inner: NumbersOptions = { ...o, length: o.cols };
  const rowWord = o.typedRows ? 'Float64Array rows' : 'rows';
  return stateRule(
    `an array${lengthWords(o.rows)} of ${rowWord}${lengthWords(o.cols)} of ${numbersWords(o)}`,
    (v, ctx) => {
      if (!Array.isArray(v)) return false;
      if (o.rows !== undefined && v.length !== resolveLength(o.rows, ctx)) return false;
      return v.every((row) => (o.typedRows ? row instanceof Float64Array : Array.isArray(row)) && numbersOk(row as ArrayLike<number>, inner, ctx));
    },
    { anyLength: o.anyLength === true, anyRowLength: o.anyRowLength === true, allowNaN: o.allowNaN === true },
  );
}

/**
 * An array whose items each satisfy a state rule (which sees the whole state too).
 * @example
 * ```ts
 * import { stateRules as S } from 'typelearn';
 *
 * const rule = S.listOf(S.numberValue(), { minLength: 1 });
 * const ctx = { state: {}, params: {}, estimator: 'Demo' };
 * console.log(rule.check([1, 2], ctx), rule.check([], ctx)); // true false
 * ```
 */
export function listOf(item: StateSpec, o: { length?: StateLength; minLength?: number; anyLength?: boolean } = {}): StateSpec {
  const min = o.minLength ?? 0;
  return stateRule(
    `an array${lengthWords(o.length)}${min > 0 ? ` of at least ${min}` : ''} whose items are each ${item.description}`,
    (v, ctx) => Array.isArray(v) && (o.length === undefined || v.length === resolveLength(o.length, ctx)) && v.length >= min && v.every((x) => item.check(x, ctx)),
    { anyLength: o.anyLength === true, anyRowLength: item.anyLength, allowNaN: item.allowNaN },
  );
}

/**
 * The number of features seen in fit: an integer ≥ 1 (or ≥ `min`).
 * @example
 * ```ts
 * import { stateRules as S } from 'typelearn';
 *
 * const ctx = { state: {}, params: {}, estimator: 'Demo' };
 * console.log(S.nFeaturesIn().check(4, ctx), S.nFeaturesIn().check(0, ctx)); // true false
 * ```
 */
export const nFeaturesIn = (min = 1): StateSpec => stateRule(`an integer ≥ ${min}`, (v) => typeof v === 'number' && Number.isInteger(v) && v >= min);

function isLabel(v: unknown): v is Label {
  return (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string' || typeof v === 'boolean';
}

/**
 * Class labels as `fit` records them: numbers, strings or booleans all of one type, distinct, in
 * scikit-learn's sorted order (`np.unique`: numbers ascending, strings by code point, false < true),
 * at least `minLength` of them (default 2: a classifier needs two classes).
 * @example
 * ```ts
 * import { stateRules as S } from 'typelearn';
 *
 * const ctx = { state: {}, params: {}, estimator: 'Demo' };
 * console.log(S.labels().check(['a', 'b'], ctx), S.labels().check(['b', 'a'], ctx), S.labels().check([1], ctx)); // true false false
 * ```
 */
export function labels(o: { length?: StateLength; minLength?: number; sorted?: boolean } = {}): StateSpec {
  const min = o.minLength ?? 2;
  const sorted = o.sorted ?? true;
  return stateRule(
    `an array${lengthWords(o.length)} of at least ${min} distinct labels of one type (numbers, strings or booleans)${sorted ? ' in sorted order' : ''}`,
    (v, ctx) => {
      if (!Array.isArray(v) || v.length < min) return false;
      if (o.length !== undefined && v.length !== resolveLength(o.length, ctx)) return false;
      if (!v.every(isLabel)) return false;
      const kind = typeof v[0];
      if (!v.every((x) => typeof x === kind)) return false;
      if (new Set(v).size !== v.length) return false;
      if (sorted) for (let i = 1; i < v.length; i++) if (compareLabels(v[i - 1] as Label, v[i] as Label) >= 0) return false;
      return true;
    },
  );
}

/**
 * Column names seen in fit (one distinct string per feature), or null when fitted on unnamed data.
 * @example
 * ```ts
 * import { stateRules as S } from 'typelearn';
 *
 * const ctx = { state: { nFeaturesIn: 2 }, params: {}, estimator: 'Demo' };
 * console.log(S.featureNames().check(null, ctx), S.featureNames().check(['a', 'b'], ctx), S.featureNames().check(['a', 'a'], ctx)); // true true false
 * ```
 */
export const featureNames = (length: StateLength = 'nFeaturesIn'): StateSpec =>
  stateRule(
    `null or an array${lengthWords(length)} of distinct strings`,
    (v, ctx) => v === null || (Array.isArray(v) && v.length === resolveLength(length, ctx) && v.every((x) => typeof x === 'string') && new Set(v).size === v.length),
  );

/**
 * Feature (or other) indices: integers in [0, below), strictly ascending unless `ascending: false`,
 * of the given `length` (or any, declared legitimate with `anyLength`).
 * @example
 * ```ts
 * import { stateRules as S } from 'typelearn';
 *
 * const kept = S.indices({ below: 'nFeaturesIn' });
 * const ctx = { state: { nFeaturesIn: 4 }, params: {}, estimator: 'Demo' };
 * console.log(kept.check([0, 2, 3], ctx), kept.check([2, 0], ctx), kept.check([4], ctx)); // true false false
 * ```
 */
export function indices(o: { below: StateLength; length?: StateLength; ascending?: boolean; minLength?: number; anyLength?: boolean }): StateSpec {
  const asc = o.ascending ?? true;
  const min = o.minLength ?? 0;
  return stateRule(
    `an array${lengthWords(o.length)} of${min > 0 ? ` at least ${min}` : ''}${asc ? ' strictly ascending' : ''} integer indices below ${typeof o.below === 'string' ? o.below : typeof o.below === 'number' ? o.below : 'the size the state implies'}`,
    (v, ctx) => {
      if (!Array.isArray(v) || v.length < min) return false;
      if (o.length !== undefined && v.length !== resolveLength(o.length, ctx)) return false;
      const hi = resolveLength(o.below, ctx);
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || !(x < hi)) return false;
        if (asc && i > 0 && x <= (v[i - 1] as number)) return false;
      }
      return true;
    },
    { anyLength: o.anyLength === true },
  );
}

/**
 * A boolean mask, one entry per feature (or of the given length).
 * @example
 * ```ts
 * import { stateRules as S } from 'typelearn';
 *
 * const ctx = { state: { nFeaturesIn: 2 }, params: {}, estimator: 'Demo' };
 * console.log(S.booleanMask().check([true, false], ctx), S.booleanMask().check([true], ctx)); // true false
 * ```
 */
export const booleanMask = (length: StateLength = 'nFeaturesIn'): StateSpec =>
  stateRule(`an array${lengthWords(length)} of booleans`, (v, ctx) => Array.isArray(v) && v.length === resolveLength(length, ctx) && v.every((x) => typeof x === 'boolean'));

/** What a nested fitted estimator in a state must be. */
export interface FittedEstimatorOptions {
  /** Its `nFeaturesIn_` must equal this (when it records one). */
  nFeaturesIn?: StateLength;
  /** Extra condition on the estimator (e.g. its class), with its description. */
  is?: {
    /** The condition in words, e.g. `a classifier`. */
    description: string;
    /** True when the estimator meets it. */
    check(est: FittedEstimatorLike): boolean;
  };
}

/** The part of an estimator a state rule reads. */
export interface FittedEstimatorLike {
  /** True once the estimator is fitted. */
  isFitted(): boolean;
  /** The number of features it was fitted on. */
  readonly nFeaturesIn_: number;
  /** Its saved form. */
  toJSON(): unknown;
}

function isFittedEstimator(v: unknown): v is FittedEstimatorLike {
  if (v === null || typeof v !== 'object') return false;
  const e = v as Partial<FittedEstimatorLike>;
  return typeof e.isFitted === 'function' && typeof e.toJSON === 'function' && e.isFitted() === true;
}

function recordedFeatures(e: FittedEstimatorLike): number | undefined {
  try {
    return e.nFeaturesIn_;
  } catch {
    return undefined;
  }
}

/**
 * A fitted estimator (already validated by its own schema when it was loaded), optionally seeing
 * the feature count the state implies.
 * @example
 * ```ts
 * import { LinearRegression, stateRules as S } from 'typelearn';
 *
 * const inner = S.fittedEstimator({ nFeaturesIn: 'nFeaturesIn' });
 * const ctx = { state: { nFeaturesIn: 1 }, params: {}, estimator: 'Demo' };
 * const fitted = new LinearRegression().fit([[0], [1]], [0, 1]);
 * console.log(inner.check(fitted, ctx), inner.check(new LinearRegression(), ctx)); // true false
 * ```
 */
export function fittedEstimator(o: FittedEstimatorOptions = {}): StateSpec {
  const parts = ['a fitted estimator'];
  if (o.is) parts.push(o.is.description);
  if (o.nFeaturesIn !== undefined) parts.push(`fitted on ${typeof o.nFeaturesIn === 'string' ? o.nFeaturesIn : 'the right number of'} features`);
  return stateRule(parts.join(', '), (v, ctx) => {
    if (!isFittedEstimator(v)) return false;
    if (o.is && !o.is.check(v)) return false;
    if (o.nFeaturesIn !== undefined) {
      const n = recordedFeatures(v);
      if (n !== undefined && n !== resolveLength(o.nFeaturesIn, ctx)) return false;
    }
    return true;
  });
}

/**
 * A rule from `params.ts` used in a state, with flags for the contract check.
 * @example
 * ```ts
 * import { oneOf, stateRules as S } from 'typelearn';
 *
 * const rule = S.fromParam(oneOf('l1', 'l2'), { allowString: true });
 * console.log(rule.check('l1', { state: {}, params: {}, estimator: 'Demo' }), rule.allowString); // true true
 * ```
 */
export function fromParam(spec: ParamSpec, flags: Omit<StateSpec, 'check' | 'description'> = {}): StateSpec {
  return { description: spec.description, check: (v) => spec.check(v), ...flags };
}

/** An invalid-model error for one state key. */
function reject(estimator: string, key: string, expected: string, value: unknown): never {
  throw new ValidationError({
    code: 'invalid_model',
    estimator,
    param: `state.${key}`,
    expected,
    received: describeValue(value),
    message: `Cannot load ${estimator}: its fitted state's '${key}' must be ${expected}. Got ${describeValue(value)}.`,
  });
}

/**
 * Checks a loaded state against a schema: a plain object, no key the schema does not list, every
 * required key present, every value accepted by its rule (in the schema's order, so rules that
 * read `nFeaturesIn` or `classes` see them already checked). Throws {@link ValidationError}
 * (`invalid_model`) naming the class and the key.
 * @example
 * ```ts
 * import { stateRules as S } from 'typelearn';
 *
 * const schema = { nFeaturesIn: S.nFeaturesIn(), mean: S.perFeature() };
 * S.checkState('MyScaler', schema, { nFeaturesIn: 2, mean: new Float64Array([1, 2]) });
 * try {
 *   S.checkState('MyScaler', schema, { nFeaturesIn: 2, mean: new Float64Array([1]) });
 * } catch (e) {
 *   console.log((e as Error).message); // Cannot load MyScaler: its fitted state's 'mean' must be a Float64Array of length nFeaturesIn of finite numbers. Got a Float64Array.
 * }
 * ```
 */
export function checkState(estimator: string, schema: StateSchema, state: unknown, params: Readonly<Record<string, unknown>> = {}): void {
  if (state === null || typeof state !== 'object' || Array.isArray(state)) reject(estimator, '(root)', 'an object', state);
  const s = state as Record<string, unknown>;
  for (const key of Object.keys(s)) {
    if (!Object.prototype.hasOwnProperty.call(schema, key)) {
      reject(estimator, key, `absent (the state of ${estimator} has the keys ${Object.keys(schema).join(', ') || '(none)'})`, s[key]);
    }
  }
  const ctx: StateContext = { state: s, params, estimator };
  for (const [key, spec] of Object.entries(schema)) {
    const present = Object.prototype.hasOwnProperty.call(s, key);
    if (!present) {
      if (spec.optional) continue;
      throw new ValidationError({
        code: 'invalid_model',
        estimator,
        param: `state.${key}`,
        message: `Cannot load ${estimator}: its fitted state has no '${key}' (expected ${spec.description}).`,
      });
    }
    let ok: boolean;
    try {
      ok = spec.check(s[key], ctx);
    } catch {
      // A rule that reads another key of a malformed state may trip over it: the state is malformed.
      ok = false;
    }
    if (!ok) reject(estimator, key, spec.description, s[key]);
  }
}

/**
 * A Float64Array with one entry per feature (`nFeaturesIn` of them): means, scales, bounds.
 * @example
 * ```ts
 * import { stateRules as S } from 'typelearn';
 *
 * const ctx = { state: { nFeaturesIn: 2 }, params: {}, estimator: 'Demo' };
 * console.log(S.perFeature().check(new Float64Array([1, 2]), ctx), S.perFeature().check(new Float64Array(3), ctx)); // true false
 * ```
 */
export const perFeature = (o: Omit<NumbersOptions, 'length'> = {}): StateSpec => float64Array({ ...o, length: 'nFeaturesIn' });

/**
 * A rule that also requires `also(value, state)` (a relation between keys), described in words.
 * @example
 * ```ts
 * import { stateRules as S } from 'typelearn';
 *
 * const total = S.refine(S.numberValue(), 'at least nFeaturesIn', (v: number, { state }) => v >= (state.nFeaturesIn as number));
 * const ctx = { state: { nFeaturesIn: 3 }, params: {}, estimator: 'Demo' };
 * console.log(total.check(5, ctx), total.check(2, ctx)); // true false
 * ```
 */
export function refine(inner: StateSpec, description: string, also: (v: never, ctx: StateContext) => boolean): StateSpec {
  return { ...inner, description: `${inner.description}, ${description}`, check: (v, ctx) => inner.check(v, ctx) && also(v as never, ctx) };
}

/**
 * A per-feature upper bound paired with the lower bound under `lowerKey`: NaN exactly where the
 * lower bound is NaN (a feature entirely missing at fit), elsewhere no smaller than it.
 * @example
 * ```ts
 * import { stateRules as S } from 'typelearn';
 *
 * const ctx = { state: { nFeaturesIn: 2, dataMin: new Float64Array([0, NaN]) }, params: {}, estimator: 'Demo' };
 * const dataMax = S.upperBoundOf('dataMin');
 * console.log(dataMax.check(new Float64Array([1, NaN]), ctx), dataMax.check(new Float64Array([-1, NaN]), ctx)); // true false
 * ```
 */
export function upperBoundOf(lowerKey: string): StateSpec {
  return refine(perFeature({ allowNaN: true }), `NaN exactly where ${lowerKey} is, elsewhere ≥ ${lowerKey}`, (v: Float64Array, { state }) => {
    const lo = state[lowerKey];
    return lo instanceof Float64Array && v.every((x, j) => (Number.isNaN(x) ? Number.isNaN(lo[j]) : x >= lo[j]));
  });
}

function sameClass(a: unknown, b: unknown): boolean {
  return a !== null && typeof a === 'object' && b !== null && typeof b === 'object' && a.constructor === b.constructor;
}

/**
 * The fitted counterparts of a list option of `[name, estimator | string]` pairs (a Pipeline's
 * `steps`, a FeatureUnion's `transformerList`): one pair per configured pair, with the same name;
 * a string where the option holds that string, else a fitted estimator of the configured class.
 * @example
 * ```ts
 * import { StandardScaler, stateRules as S } from 'typelearn';
 *
 * const scale = new StandardScaler();
 * const ctx = { state: {}, params: { steps: [['scale', scale]] }, estimator: 'Demo' };
 * const fitted = [['scale', new StandardScaler().fit([[1], [2]])]];
 * console.log(S.fittedSteps('steps').check(fitted, ctx), S.fittedSteps('steps').check([['other', scale]], ctx)); // true false
 * ```
 */
export function fittedSteps(option: string): StateSpec {
  return stateRule(`one [name, fitted estimator] pair per entry of the ${option} option, with the same names and classes`, (v, { params }) => {
    const configured = params[option];
    if (!Array.isArray(v) || !Array.isArray(configured) || v.length !== configured.length) return false;
    return v.every((pair, i) => {
      const [name, est] = configured[i] as [unknown, unknown];
      if (!Array.isArray(pair) || pair.length !== 2 || pair[0] !== name) return false;
      if (typeof est === 'string') return pair[1] === est;
      return sameClass(pair[1], est) && isFittedEstimator(pair[1]);
    });
  });
}

/**
 * The restore of a class without fitted state (`stateSchema: null`: splitters, distributions,
 * column selectors): a saved state other than null is malformed.
 * @example
 * ```ts
 * import { stateRules as S } from 'typelearn';
 *
 * try {
 *   S.refuseState('KFold', { anything: 1 });
 * } catch (e) {
 *   console.log((e as Error).name); // ValidationError
 * }
 * ```
 */
export function refuseState(estimator: string, state: unknown): never {
  throw new ValidationError({ code: 'invalid_model', estimator, param: 'state', expected: `null (${estimator} has no fitted state)`, received: describeValue(state) });
}
