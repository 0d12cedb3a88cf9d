/** Shared test helpers: fixture loading and numeric comparison. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ValidationError } from '../src/core/errors';

const FIXTURES = join(__dirname, 'fixtures');

/** Reads a JSON fixture from test/fixtures. */
export function fixture<T>(path: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, path), 'utf8')) as T;
}

/** null (how Python's json writes NaN after our encoding) back to NaN, in nested arrays. */
export function nanify<T>(v: T): T {
  if (v === null) return NaN as unknown as T;
  if (Array.isArray(v)) return v.map(nanify) as unknown as T;
  return v;
}

/** Asserts |a − b| ≤ atol + rtol·|b| elementwise (NaN equals NaN), for nested arrays or numbers. */
export function expectClose(actual: unknown, expected: unknown, rtol = 1e-9, atol = 0, path = ''): void {
  if (Array.isArray(expected) || ArrayBuffer.isView(expected)) {
    const e = Array.from(expected as ArrayLike<unknown>);
    const a = Array.from(actual as ArrayLike<unknown>);
    expect(a.length, `length at ${path || 'root'}`).toBe(e.length);
    e.forEach((x, i) => expectClose(a[i], x, rtol, atol, `${path}[${i}]`));
    return;
  }
  const a = actual as number;
  const b = expected as number;
  if (a === b) return; // equal infinities too
  if (Number.isNaN(b)) {
    expect(Number.isNaN(a), `NaN expected at ${path}, got ${a}`).toBe(true);
    return;
  }
  const tol = atol + rtol * Math.abs(b);
  if (!(Math.abs(a - b) <= tol)) {
    throw new Error(`at ${path || 'root'}: got ${a}, expected ${b} (|diff| ${Math.abs(a - b)} > tol ${tol})`);
  }
}

/** Runs `fn` and returns the ValidationError it throws; fails the test if it throws anything else or nothing. */
export function validationError(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('expected a ValidationError, but nothing was thrown');
}
