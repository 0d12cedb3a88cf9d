/**
 * Assertion helpers of the contract suite. They throw plain `Error`s whose messages say what the
 * check expected and what happened, so that a failing check reads as a sentence.
 */
import { Matrix } from 'ml-matrix';
import { NotFittedError, ValidationError } from '../core/errors';
import { isTypedArray } from '../core/typedArray';
import { isMatrix } from '../core/validation';

/** Throws the failure of a check. */
export function fail(message: string): never {
  throw new Error(message);
}

/** Throws unless `condition` holds. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

function errorText(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/** True for a typelearn ValidationError, also one from another copy of the package. */
export function isValidationError(e: unknown): e is ValidationError {
  return e instanceof ValidationError || (e instanceof Error && e.name === 'ValidationError' && typeof (e as { code?: unknown }).code === 'string');
}

/** True for a typelearn NotFittedError, also one from another copy of the package. */
export function isNotFittedError(e: unknown): e is NotFittedError {
  return e instanceof NotFittedError || (e instanceof Error && (e as { code?: unknown }).code === 'not_fitted');
}

/** True for a ValidationError saying the method does not exist for this configuration. */
export function isUnsupported(e: unknown): boolean {
  return isValidationError(e) && e.code === 'unsupported';
}

/** Runs `fn` and returns the ValidationError it throws; fails when it throws nothing or something else. */
export function expectValidationError(fn: () => unknown, what: string, code?: string): ValidationError {
  let result: unknown;
  try {
    result = fn();
  } catch (e) {
    if (!isValidationError(e)) fail(`${what}: expected a ValidationError${code ? ` (code '${code}')` : ''}, but got ${errorText(e)}`);
    if (code !== undefined && e.code !== code) fail(`${what}: expected a ValidationError with code '${code}', but its code was '${e.code}' (${e.message})`);
    return e;
  }
  return fail(`${what}: expected a ValidationError${code ? ` (code '${code}')` : ''}, but nothing was thrown (returned ${brief(result)})`);
}

/** Runs `fn` and fails unless it throws NotFittedError. */
export function expectNotFitted(fn: () => unknown, what: string): void {
  try {
    fn();
  } catch (e) {
    if (isNotFittedError(e)) return;
    fail(`${what} before fit: expected NotFittedError, but got ${errorText(e)}`);
  }
  fail(`${what} before fit: expected NotFittedError, but nothing was thrown`);
}

/** Runs `fn`, turning any error into a failure that says what was being done. */
export function expectOk<T>(fn: () => T, what: string): T {
  try {
    return fn();
  } catch (e) {
    return fail(`${what} threw ${errorText(e)}`);
  }
}

/** A short description of a value for messages. */
export function brief(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  if (typeof v === 'function') return 'a function';
  if (isMatrix(v)) return `a ${v.rows}x${v.columns} Matrix`;
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (ArrayBuffer.isView(v)) return `a ${v.constructor.name}`;
  if (v !== null && typeof v === 'object') {
    const C = (v as { constructor?: { className?: unknown; name?: unknown } }).constructor;
    if (C && typeof C.className === 'string') return `an instance of ${C.className}`;
    return 'an object';
  }
  return String(v);
}

/**
 * Where `a` and `b` first differ, or undefined when they are equal: numbers by `Object.is` (NaN
 * equals NaN, -0 differs from 0), typed arrays only equal to typed arrays of the same type,
 * prototypes compared, functions by identity.
 */
export function firstDifference(a: unknown, b: unknown, path = '', depth = 0): string | undefined {
  const at = path || 'the value';
  if (depth > 200) return `${at}: nesting too deep to compare`;
  if (Object.is(a, b)) return undefined;
  if (typeof a !== typeof b) return `${at}: ${brief(a)} vs ${brief(b)}`;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return `${at}: ${brief(a)} vs ${brief(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: ${brief(a)} vs ${brief(b)} (different types)`;
  if (Array.isArray(a) || isTypedArray(a)) {
    const x: ArrayLike<unknown> = a;
    const y = b as ArrayLike<unknown>; // the same prototype as a
    if (x.length !== y.length) return `${at}: length ${x.length} vs ${y.length}`;
    for (let i = 0; i < x.length; i++) {
      const d = firstDifference(x[i], y[i], `${path}[${i}]`, depth + 1);
      if (d) return d;
    }
    return undefined;
  }
  if (isMatrix(a)) return firstDifference(matrixValues(a), matrixValues(b as Matrix), path, depth + 1);
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  const keyDiff = firstDifference(ka, kb, `${path}(keys)`, depth + 1);
  if (keyDiff) return `${at}: keys [${ka.join(', ')}] vs [${kb.join(', ')}]`;
  for (const k of ka) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k, depth + 1);
    if (d) return d;
  }
  return undefined;
}

function matrixValues(m: Matrix): { rows: number; columns: number; values: number[] } {
  return { rows: m.rows, columns: m.columns, values: m.to1DArray() };
}

/** An output (Matrix, array, typed array or number) as a shape and a flat list of values. */
export interface FlatOutput {
  shape: number[];
  values: unknown[];
}

/** Flattens a method's output for comparison. */
export function flatten(v: unknown): FlatOutput {
  if (isMatrix(v)) return { shape: [v.rows, v.columns], values: v.to1DArray() };
  if (Array.isArray(v) || isTypedArray(v)) {
    const arr: unknown[] = Array.from(v);
    return { shape: [arr.length], values: arr };
  }
  return { shape: [], values: [v] };
}

/** Where two flattened outputs differ by more than `tol` (relative to max(1, |value|)), or undefined. */
export function closeDifference(a: FlatOutput, b: FlatOutput, tol: number): string | undefined {
  if (a.shape.join('x') !== b.shape.join('x')) return `shape ${a.shape.join('x')} vs ${b.shape.join('x')}`;
  for (let i = 0; i < a.values.length; i++) {
    const x = a.values[i];
    const y = b.values[i];
    if (Object.is(x, y)) continue;
    if (tol > 0 && typeof x === 'number' && typeof y === 'number' && Math.abs(x - y) <= tol * Math.max(1, Math.abs(x), Math.abs(y))) continue;
    return `element ${i}: ${brief(x)} vs ${brief(y)}`;
  }
  return undefined;
}

/** Where two flattened outputs differ at all (bit for bit, Object.is per element), or undefined. */
export function exactDifference(a: FlatOutput, b: FlatOutput): string | undefined {
  return closeDifference(a, b, 0);
}
