/**
 * Save and load. A model saves as plain JSON:
 * `{ format: 'typelearn', version: 1, className, params, state }`, nested estimators nested the same
 * way. Values JSON cannot hold are encoded explicitly: `{ $num: 'NaN' | 'Infinity' | '-Infinity' |
 * '-0' }`, `{ $typed: 'Float64Array', values: [...] }`, and registered functions `{ $fn: name }`.
 * Loading looks the class up in a registry, validates the structure, never evaluates code and never
 * writes to a prototype.
 */
import { MAX_NESTING } from './sizes';
import { ValidationError, describeValue } from './errors';
import type { BaseEstimator } from './base';

/** The format tag and version written by this release. */
export const FORMAT = 'typelearn';
export const FORMAT_VERSION = 1;

/** The method (keyed by symbol, so it stays off the public API) that installs loaded fitted state. */
export const RESTORE_STATE: unique symbol = Symbol.for('typelearn.restoreState');

/** What the registry needs of a class: its stable name and a constructor taking its options. */
export interface RegisteredClass {
  readonly className: string;
  new (options?: Record<string, unknown>): Restorable;
}

/** An object that can take back its fitted state. */
export interface Restorable {
  [RESTORE_STATE](state: unknown): void;
  toJSON(): SavedModel;
}

/** The JSON form of a saved estimator. */
export interface SavedModel {
  /** Always `'typelearn'`. */
  format: 'typelearn';
  /** The format version (1). */
  version: number;
  /** The class's `static className`, the key `loadModel` looks up in the registry. */
  className: string;
  /** The options, as `getParams(false)` gives them (nested estimators saved the same way). */
  params: Record<string, unknown>;
  /** The fitted state (`null` when not fitted), with typed arrays and non-finite numbers encoded. */
  state: unknown;
}

const classes = new Map<string, RegisteredClass>();
const functions = new Map<string, (...args: never[]) => unknown>();
const functionNames = new Map<(...args: never[]) => unknown, string>();

/**
 * Adds a class to the registry that {@link loadModel} reads. Built-in estimators register
 * themselves; call this for your own estimators (they need `static readonly className`).
 * @example
 * ```ts
 * import { BaseEstimator, loadModel, registerEstimator } from 'typelearn';
 *
 * class Offset extends BaseEstimator<{ by: number }> {
 *   static override readonly className = 'DocsOffset';
 *   static override readonly defaults = { by: 0 };
 * }
 * registerEstimator(Offset);
 * const copy = loadModel(JSON.stringify(new Offset({ by: 3 })), { expect: Offset });
 * console.log(copy instanceof Offset, copy.getParams()); // true { by: 3 }
 * ```
 */
export function registerEstimator(Class: RegisteredClass): void {
  if (typeof Class !== 'function') {
    throw new ValidationError({ code: 'invalid_input', estimator: 'registerEstimator', param: 'Class', expected: 'a class', received: describeValue(Class) });
  }
  const name = Class.className;
  if (typeof name !== 'string' || !name || !Object.prototype.hasOwnProperty.call(Class, 'className')) {
    throw new ValidationError({
      code: 'invalid_input',
      estimator: 'registerEstimator',
      param: 'Class',
      expected: "a class declaring its own 'static readonly className'",
      received: `a class without one (it inherits ${describeValue(name)})`,
    });
  }
  const existing = classes.get(name);
  if (existing && existing !== Class) {
    throw new ValidationError({
      code: 'invalid_input',
      estimator: 'registerEstimator',
      param: 'Class',
      expected: `a className not already taken ('${name}' is registered to another class)`,
      received: `'${name}'`,
    });
  }
  classes.set(name, Class);
}

/** The registered class of that name, if any. */
export function getRegisteredEstimator(name: string): RegisteredClass | undefined {
  return classes.get(name);
}

/**
 * All registered classes, by name.
 * @example
 * ```ts
 * import { registeredEstimators, StandardScaler } from 'typelearn';
 *
 * console.log(registeredEstimators().get('StandardScaler') === StandardScaler); // true
 * ```
 */
export function registeredEstimators(): ReadonlyMap<string, RegisteredClass> {
  return classes;
}

/**
 * Lets a function be saved inside a model's params (e.g. a score function) by name. Built-in
 * score functions register themselves.
 * @example
 * ```ts
 * import { FunctionTransformer, loadModel, registerFunction } from 'typelearn';
 * import type { Matrix } from 'ml-matrix';
 *
 * const double = (X: Matrix) => X.clone().mul(2);
 * registerFunction('docsDouble', double);
 * const saved = JSON.stringify(new FunctionTransformer({ func: double }).fit([[1]]));
 * console.log(saved.includes('"$fn":"docsDouble"')); // true
 * console.log(loadModel(saved, { expect: FunctionTransformer }).transform([[2]]).to2DArray()); // [ [ 4 ] ]
 * ```
 */
export function registerFunction(name: string, fn: (...args: never[]) => unknown): void {
  if (typeof name !== 'string' || name === '') {
    throw new ValidationError({ code: 'invalid_input', estimator: 'registerFunction', param: 'name', expected: 'a non-empty string', received: describeValue(name) });
  }
  if (typeof fn !== 'function') {
    throw new ValidationError({ code: 'invalid_input', estimator: 'registerFunction', param: 'fn', expected: 'a function', received: describeValue(fn) });
  }
  const existing = functions.get(name);
  if (existing && existing !== fn) {
    throw new ValidationError({ code: 'invalid_input', estimator: 'registerFunction', param: 'name', expected: 'a name not already taken', received: `'${name}'` });
  }
  functions.set(name, fn);
  functionNames.set(fn, name);
}

/** The typed arrays a saved model can hold, by name. */
export const TYPED_ARRAYS = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Int16Array,
  Uint16Array,
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
} as const;
const TYPED = TYPED_ARRAYS;
export type TypedName = keyof typeof TYPED_ARRAYS;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * Nesting limits, counted the same way on save and on load, so that whatever saves also loads:
 * data nested at most MAX_DEPTH deep inside one model's params or state, estimators nested at most
 * MAX_MODEL_DEPTH deep (a model at the top is level 1), and at most MAX_TOTAL_DEPTH levels of JSON
 * in the whole saved tree (which keeps loading well inside the JavaScript stack).
 */
export const MAX_DEPTH = 256;
export const MAX_MODEL_DEPTH = MAX_NESTING;
export const MAX_TOTAL_DEPTH = 1024;

/** The model being encoded: its nesting level and the JSON depth of its params and state. */
let encoding = { level: 1, base: 1 };

function encodeNumber(v: number): unknown {
  if (Number.isFinite(v)) return Object.is(v, -0) ? { $num: '-0' } : v;
  return { $num: Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity' };
}

function isEstimatorLike(v: object): v is Restorable {
  return typeof (v as Partial<Restorable>)[RESTORE_STATE] === 'function' && typeof (v as Partial<Restorable>).toJSON === 'function';
}

/** Encodes params or state into plain JSON values. `where` names the place for error messages. */
export function encodeValue(v: unknown, where: string, depth = 0): unknown {
  const total = encoding.base + depth;
  if (depth > MAX_DEPTH || total > MAX_TOTAL_DEPTH) {
    throw new ValidationError({ code: 'invalid_input', estimator: 'toJSON', param: where, expected: `nesting at most ${MAX_DEPTH} deep in a model and ${MAX_TOTAL_DEPTH} in all`, received: 'deeper nesting' });
  }
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v === undefined) return null;
  if (typeof v === 'number') return encodeNumber(v);
  if (typeof v === 'function') {
    const name = functionNames.get(v as (...args: never[]) => unknown);
    if (name === undefined) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator: 'toJSON',
        param: where,
        expected: 'a function registered with registerFunction(name, fn) (functions cannot be saved otherwise)',
        received: describeValue(v),
      });
    }
    return { $fn: name };
  }
  if (ArrayBuffer.isView(v)) {
    const name = v.constructor.name as TypedName;
    if (!(name in TYPED)) throw new ValidationError({ code: 'invalid_input', estimator: 'toJSON', param: where, expected: 'a typed array of numbers', received: describeValue(v) });
    const arr = v as unknown as ArrayLike<number>;
    const values = new Array<unknown>(arr.length);
    for (let i = 0; i < arr.length; i++) values[i] = encodeNumber(arr[i]);
    return { $typed: name, values };
  }
  if (Array.isArray(v)) return v.map((x, i) => encodeValue(x, `${where}[${i}]`, depth + 1));
  if (typeof v === 'object') {
    if (isEstimatorLike(v)) return encodeNested(v, where, total);
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      throw new ValidationError({ code: 'invalid_input', estimator: 'toJSON', param: where, expected: 'plain JSON-able data (objects, arrays, numbers, strings, booleans, typed arrays, estimators)', received: describeValue(v) });
    }
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k.startsWith('$') || FORBIDDEN_KEYS.has(k)) {
        throw new ValidationError({ code: 'invalid_input', estimator: 'toJSON', param: `${where}.${k}`, expected: "keys that do not start with '$' and are not __proto__/constructor/prototype", received: `'${k}'` });
      }
      out[k] = encodeValue(x, `${where}.${k}`, depth + 1);
    }
    return out;
  }
  throw new ValidationError({ code: 'invalid_input', estimator: 'toJSON', param: where, expected: 'JSON-able data', received: describeValue(v) });
}

/** Saves a nested estimator, one level deeper than the one holding it (at JSON depth `total`). */
function encodeNested(v: Restorable, where: string, total: number): SavedModel {
  const level = encoding.level + 1;
  if (level > MAX_MODEL_DEPTH) {
    throw new ValidationError({ code: 'invalid_input', estimator: 'toJSON', param: where, expected: `estimators nested at most ${MAX_MODEL_DEPTH} deep`, received: 'deeper nesting' });
  }
  const outer = encoding;
  encoding = { level, base: total + 1 };
  try {
    return v.toJSON();
  } finally {
    encoding = outer;
  }
}

function bad(where: string, expected: string, received: unknown): never {
  throw new ValidationError({ code: 'invalid_model', param: where, expected, received: describeValue(received) });
}

function decodeNumber(v: unknown, where: string): number {
  if (typeof v === 'number') return v;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const keys = Object.keys(v);
    if (keys.length === 1 && keys[0] === '$num') {
      switch ((v as { $num: unknown }).$num) {
        case 'NaN': return NaN;
        case 'Infinity': return Infinity;
        case '-Infinity': return -Infinity;
        case '-0': return -0;
      }
    }
  }
  return bad(where, 'a number', v);
}

/**
 * Decodes what {@link encodeValue} wrote, validating as it goes. `depth` counts nesting inside the
 * current model, `total` in the whole tree, `level` the estimators around it (as on save).
 */
export function decodeValue(v: unknown, where: string, depth = 0, total = 1, level = 1): unknown {
  if (depth > MAX_DEPTH || total > MAX_TOTAL_DEPTH) bad(where, `nesting at most ${MAX_DEPTH} deep in a model and ${MAX_TOTAL_DEPTH} in all`, 'deeper nesting');
  if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
  if (Array.isArray(v)) return v.map((x, i) => decodeValue(x, `${where}[${i}]`, depth + 1, total + 1, level));
  if (typeof v !== 'object') return bad(where, 'JSON data', v);
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj);
  for (const k of keys) if (FORBIDDEN_KEYS.has(k)) bad(`${where}.${k}`, 'no __proto__, constructor or prototype keys', k);
  if (keys.some((k) => k.startsWith('$'))) {
    if (keys.length === 1 && keys[0] === '$num') return decodeNumber(obj, where);
    if (keys.length === 1 && keys[0] === '$fn') {
      const fn = typeof obj.$fn === 'string' ? findFunction(obj.$fn) : undefined;
      if (!fn) return bad(where, `a registered function name (registerFunction, or loadModel's 'functions' option)`, obj.$fn);
      return fn;
    }
    if (keys.length === 2 && keys.includes('$typed') && keys.includes('values')) {
      const name = obj.$typed;
      if (typeof name !== 'string' || !Object.prototype.hasOwnProperty.call(TYPED, name)) {
        return bad(`${where}.$typed`, `one of ${Object.keys(TYPED).join(', ')}`, name);
      }
      const values = obj.values;
      if (!Array.isArray(values)) return bad(`${where}.values`, 'an array of numbers', values);
      const out = new TYPED[name as TypedName](values.length);
      for (let i = 0; i < values.length; i++) {
        const x = decodeNumber(values[i], `${where}.values[${i}]`);
        out[i] = x;
        // An integer array would turn NaN into 0 and 1.5 into 1 silently: only exact values load.
        if (out[i] !== x && !(Number.isNaN(x) && Number.isNaN(out[i]))) bad(`${where}.values[${i}]`, `a value a ${name} holds exactly`, values[i]);
      }
      return out;
    }
    return bad(where, "an encoded value ({ $num }, { $fn } or { $typed, values })", `an object with keys ${keys.join(', ')}`);
  }
  if (obj.format === FORMAT) return decodeModel(obj, where, total, level + 1);
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = decodeValue(obj[k], `${where}.${k}`, depth + 1, total + 1, level);
  return out;
}

/** Rebuilds one saved model found at JSON depth `total`, at nesting level `level`. */
function decodeModel(obj: Record<string, unknown>, where: string, total: number, level: number): Restorable {
  if (level > MAX_MODEL_DEPTH) bad(where, `estimators nested at most ${MAX_MODEL_DEPTH} deep`, 'deeper nesting');
  for (const k of Object.keys(obj)) if (FORBIDDEN_KEYS.has(k)) bad(`${where}.${k}`, 'no __proto__, constructor or prototype keys', k);
  if (obj.version !== FORMAT_VERSION) {
    bad(`${where}.version`, `${FORMAT_VERSION} (the only format version this release reads)`, obj.version);
  }
  const name = obj.className;
  if (typeof name !== 'string') return bad(`${where}.className`, 'a string', name);
  const Class = findClass(name);
  if (!Class) throw unknownClasses([{ name, where }]);
  const params = obj.params;
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return bad(`${where}.params`, 'an object', params);
  const decodedParams = decodeValue(params, `${where}.params`, 0, total + 1, level) as Record<string, unknown>;
  let instance: Restorable;
  try {
    instance = new Class(decodedParams);
  } catch (e) {
    if (e instanceof ValidationError) {
      throw new ValidationError({ code: 'invalid_model', param: `${where}.params`, message: `Cannot load model: ${e.message}` });
    }
    throw e;
  }
  const state = obj.state ?? null;
  if (state !== null) {
    if (typeof state !== 'object' || Array.isArray(state)) return bad(`${where}.state`, 'an object or null', state);
    instance[RESTORE_STATE](decodeValue(state, `${where}.state`, 0, total + 1, level));
  }
  return instance;
}

/** What one {@link loadModel} call may build beyond the global registry. */
export interface LoadModelOptions {
  /**
   * The classes the saved model may hold (e.g. `[Pipeline, StandardScaler, LogisticRegression]`),
   * found by their `className`, before the registry. In a browser bundle this is how `loadModel`
   * gets its classes: bundlers drop a class that a program imports but never uses, with the line
   * that registers it, so nothing but this list tells `loadModel` about it.
   */
  classes?: readonly RegisteredClass[];
  /** Functions saved by name inside the model (a score function, a FunctionTransformer's `func`), by that name. */
  functions?: Readonly<Record<string, (...args: never[]) => unknown>>;
}

/** The classes and functions of the {@link loadModel} call under way, looked at before the registry. */
let loading: { classes: Map<string, RegisteredClass>; functions: Map<string, (...args: never[]) => unknown> } | undefined;

function findClass(name: string): RegisteredClass | undefined {
  return loading?.classes.get(name) ?? classes.get(name);
}

function findFunction(name: string): ((...args: never[]) => unknown) | undefined {
  return loading?.functions.get(name) ?? functions.get(name);
}

/** The classes and functions of `options`, checked, on top of those of an enclosing load. */
function loadScope(options: LoadModelOptions | undefined): NonNullable<typeof loading> {
  const scope = { classes: new Map(loading?.classes), functions: new Map(loading?.functions) };
  if (options === undefined) return scope;
  if (options === null || typeof options !== 'object') {
    throw new ValidationError({ code: 'invalid_input', estimator: 'loadModel', param: 'options', expected: 'an object { classes?, functions? }', received: describeValue(options) });
  }
  const given = options.classes ?? [];
  if (!Array.isArray(given)) {
    throw new ValidationError({ code: 'invalid_input', estimator: 'loadModel', param: 'classes', expected: 'an array of classes', received: describeValue(given) });
  }
  const own = new Map<string, RegisteredClass>();
  given.forEach((Class: unknown, i) => {
    const name = typeof Class === 'function' && Object.prototype.hasOwnProperty.call(Class, 'className') ? (Class as RegisteredClass).className : undefined;
    if (typeof name !== 'string' || name === '') {
      throw new ValidationError({ code: 'invalid_input', estimator: 'loadModel', param: `classes[${i}]`, expected: "a class declaring its own 'static readonly className'", received: describeValue(Class) });
    }
    const taken = own.get(name);
    if (taken && taken !== Class) {
      throw new ValidationError({ code: 'invalid_input', estimator: 'loadModel', param: `classes[${i}]`, expected: `classes with distinct classNames ('${name}' is given twice)`, received: `'${name}'` });
    }
    own.set(name, Class as RegisteredClass);
    scope.classes.set(name, Class as RegisteredClass);
  });
  const fns = options.functions ?? {};
  if (fns === null || typeof fns !== 'object' || Array.isArray(fns)) {
    throw new ValidationError({ code: 'invalid_input', estimator: 'loadModel', param: 'functions', expected: 'an object of functions by name', received: describeValue(fns) });
  }
  for (const [name, fn] of Object.entries(fns)) {
    if (typeof fn !== 'function') {
      throw new ValidationError({ code: 'invalid_input', estimator: 'loadModel', param: `functions.${name}`, expected: 'a function', received: describeValue(fn) });
    }
    scope.functions.set(name, fn);
  }
  return scope;
}

/**
 * The classNames of every saved model in `root` (the top one and those nested in params and state)
 * that this load cannot build, each with where it first appears. Walks with its own stack, so a
 * hostile depth cannot overflow it (decoding refuses such depths afterwards).
 */
function missingClasses(root: Record<string, unknown>): Array<{ name: string; where: string }> {
  const missing = new Map<string, string>();
  const stack: Array<[unknown, string]> = [[root, 'model']];
  while (stack.length) {
    const [v, where] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) if (v[i] !== null && typeof v[i] === 'object') stack.push([v[i], `${where}[${i}]`]);
      continue;
    }
    const obj = v as Record<string, unknown>;
    if (obj.format === FORMAT && typeof obj.className === 'string' && !findClass(obj.className) && !missing.has(obj.className)) {
      missing.set(obj.className, where);
    }
    const keys = Object.keys(obj);
    for (let i = keys.length - 1; i >= 0; i--) {
      const x = obj[keys[i]];
      if (x !== null && typeof x === 'object') stack.push([x, `${where}.${keys[i]}`]);
    }
  }
  return [...missing].map(([name, where]) => ({ name, where }));
}

/** The error for classes a load cannot build: names every one of them, and how to provide them. */
function unknownClasses(missing: Array<{ name: string; where: string }>): ValidationError {
  const shown = missing.slice(0, 20).map(({ name, where }) => ({ name: name.slice(0, 60), where }));
  const more = missing.length > shown.length ? `, and ${missing.length - shown.length} more` : '';
  const list = shown.map(({ name, where }) => `'${name}' at ${where}`).join(', ') + more;
  const identifiers = shown.every(({ name }) => /^[A-Za-z_$][\w$]*$/.test(name)) ? shown.map(({ name }) => name).join(', ') : 'TheClass';
  return new ValidationError({
    code: 'invalid_model',
    param: `${shown[0].where}.className`,
    expected: 'the name of a class given in the classes option or registered',
    received: shown.map(({ name }) => `'${name}'`).join(', ') + more,
    message:
      `Cannot load model: unknown className${missing.length > 1 ? 's' : ''} ${list}. ` +
      `Pass the classes the model holds, loadModel(json, { classes: [${identifiers}] }) (bundlers drop a class a program ` +
      `imports but never uses), or call registerEstimator(YourClass) for your own estimators.`,
  });
}

/**
 * Rebuilds an estimator, pipeline or registered custom estimator from its JSON form (a string
 * or the parsed object). Throws {@link ValidationError} for anything malformed, and names every
 * class the model holds that it cannot build.
 *
 * Classes are found in `options.classes` first, then in the registry. In Node, importing a class
 * registers it, so `loadModel(json)` finds every class of the families the program imported. A
 * browser bundle keeps only the classes the program uses: there, name the classes a model may
 * hold, `loadModel(json, { classes: [Pipeline, StandardScaler, LogisticRegression] })`.
 * @example
 * ```ts
 * import { LinearRegression, loadModel } from 'typelearn';
 * const model = new LinearRegression().fit([[0], [1], [2]], [1, 3, 5]);
 * const again = loadModel(JSON.stringify(model), { expect: LinearRegression, classes: [LinearRegression] });
 * console.log(again.predict([[3]])); // [ 7 ]
 * ```
 *
 * Typed: with `expect: SomeClass` the result is checked to be an instance of that class (a
 * subclass or an abstract base such as `BaseClassifier` passes too) and typed as one; anything
 * else is a `ValidationError` naming the expected and the loaded class. Without it the result is
 * typed `BaseEstimator`.
 */
export function loadModel<C extends abstract new (...args: never[]) => object>(json: string | object, options: LoadModelOptions & { expect: C }): InstanceType<C>;
export function loadModel(json: string | object, options?: LoadModelOptions): BaseEstimator;
/**
 * @deprecated An unchecked cast to `T`: pass `{ expect: TheClass }` instead, which checks the
 * loaded model's class.
 */
export function loadModel<T>(json: string | object, options?: LoadModelOptions): T;
export function loadModel(json: string | object, options?: LoadModelOptions & { expect?: abstract new (...args: never[]) => object }): unknown {
  const scope = loadScope(options);
  let parsed: unknown = json;
  if (typeof json === 'string') {
    try {
      parsed = JSON.parse(json);
    } catch (e) {
      throw new ValidationError({
        code: 'invalid_model',
        message: `Cannot load model: the string is not valid JSON (${(e as Error).message}). Was it truncated?`,
      });
    }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return bad('the model', 'a JSON object', parsed);
  const obj = parsed as Record<string, unknown>;
  if (obj.format !== FORMAT) return bad('format', `'${FORMAT}'`, obj.format);
  const outer = loading;
  loading = scope;
  try {
    const missing = missingClasses(obj);
    if (missing.length) throw unknownClasses(missing);
    const model = decodeModel(obj, 'model', 0, 1);
    if (options?.expect !== undefined) expectInstance(model, options.expect);
    return model;
  } finally {
    loading = outer;
  }
}

/** Throws unless `model` is an instance of `expected` (the `expect` option of {@link loadModel}). */
function expectInstance(model: unknown, expected: unknown): void {
  const nameOf = (C: unknown): string => {
    const n: unknown = typeof C === 'function' ? (Reflect.get(C, 'className') ?? Reflect.get(C, 'name')) : undefined;
    return typeof n === 'string' && n !== '' ? n : describeValue(C);
  };
  if (typeof expected !== 'function') {
    throw new ValidationError({ code: 'invalid_option', estimator: 'loadModel', param: 'expect', expected: 'a class (e.g. Pipeline)', received: describeValue(expected) });
  }
  if (model instanceof expected) return;
  const loaded = model !== null && typeof model === 'object' ? nameOf(model.constructor) : describeValue(model);
  throw new ValidationError({
    code: 'invalid_model',
    estimator: 'loadModel',
    param: 'expect',
    expected: `a saved ${nameOf(expected)}`,
    received: `a saved ${loaded}`,
    message: `Cannot load model: expected a ${nameOf(expected)} (the expect option), but the JSON holds a ${loaded}.`,
  });
}
