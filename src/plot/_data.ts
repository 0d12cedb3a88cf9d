import { ValidationError, describeValue } from '../core/errors';
import { trapezoid } from '../metrics/auc';

/** Throws a ValidationError naming the plot function and argument. */
export function bad(fn: string, param: string, expected: string, value: unknown): never {
  throw new ValidationError({ code: 'invalid_input', estimator: fn, param, expected, received: describeValue(value) });
}

/** A finite-number array (copied), or a ValidationError. */
export function numbers(fn: string, param: string, v: unknown, length?: number): number[] {
  if (v === null || typeof v !== 'object' || typeof (v as ArrayLike<unknown>).length !== 'number') bad(fn, param, 'an array of numbers', v);
  const a = Array.from(v as ArrayLike<unknown>);
  if (!a.every((x) => typeof x === 'number' && Number.isFinite(x))) bad(fn, param, 'an array of finite numbers', v);
  if (length !== undefined && a.length !== length) bad(fn, param, `${length} values`, `${a.length} values`);
  if (a.length === 0) bad(fn, param, 'at least one value', v);
  return a as number[];
}

/** A named curve as the SVG and Vega-Lite forms draw it. */
export interface NamedCurve {
  name: string;
  x: number[];
  y: number[];
}

/** One curve (an object) or several (an array) of the given two keys, checked, with names. */
export function curves(fn: string, input: unknown, xKey: string, yKey: string, fallback: string): NamedCurve[] {
  const list = Array.isArray(input) ? input : [input];
  if (list.length === 0) bad(fn, 'curves', 'at least one curve', input);
  return list.map((c, i) => {
    if (c === null || typeof c !== 'object') bad(fn, 'curves', `an object with ${xKey} and ${yKey}`, c);
    const o = c as Record<string, unknown>;
    const x = numbers(fn, xKey, o[xKey]);
    const y = numbers(fn, yKey, o[yKey], x.length);
    const name = typeof o.name === 'string' ? o.name : list.length > 1 ? `${fallback} ${i + 1}` : fallback;
    return { name, x, y };
  });
}

/** The area under a curve by the trapezoidal rule (x monotonic, either direction). */
export function areaUnder(fn: string, x: number[], y: number[]): number {
  return Math.abs(trapezoid(fn, x, y));
}

/** Mean and population standard deviation (numpy's default) of each row. */
export function rowStats(fn: string, param: string, rows: unknown): { mean: number[]; std: number[] } {
  if (!Array.isArray(rows) || rows.length === 0) bad(fn, param, 'a non-empty array of score rows', rows);
  const mean: number[] = [];
  const std: number[] = [];
  for (const r of rows) {
    const a = numbers(fn, param, r);
    const m = a.reduce((s, v) => s + v, 0) / a.length;
    mean.push(m);
    std.push(Math.sqrt(a.reduce((s, v) => s + (v - m) * (v - m), 0) / a.length));
  }
  return { mean, std };
}

/** Mean ± std bands of train and test scores against x, shared by learning and validation curves. */
export interface BandSeries {
  name: 'Training score' | 'Cross-validation score';
  x: number[];
  mean: number[];
  std: number[];
}

/** The two band series of a learning or validation curve. */
export function scoreBands(fn: string, x: number[], train: unknown, test: unknown): BandSeries[] {
  const tr = rowStats(fn, 'trainScores', train);
  const te = rowStats(fn, 'testScores', test);
  if (tr.mean.length !== x.length || te.mean.length !== x.length) bad(fn, 'scores', `${x.length} rows of scores (one per x value)`, `${tr.mean.length} and ${te.mean.length} rows`);
  return [
    { name: 'Training score', x, ...tr },
    { name: 'Cross-validation score', x, ...te },
  ];
}

/** The k largest values by absolute size, with their names, largest first (ties: lower index first). */
export function topK(fn: string, values: unknown, names: readonly string[] | undefined, k: number): Array<{ name: string; value: number }> {
  const v = numbers(fn, 'values', values);
  if (names !== undefined && (!Array.isArray(names) || names.length !== v.length)) bad(fn, 'featureNames', `${v.length} names`, names);
  if (!Number.isInteger(k) || k < 1) bad(fn, 'topK', 'a positive integer', k);
  const order = v.map((_, i) => i).sort((a, b) => Math.abs(v[b]) - Math.abs(v[a]) || a - b);
  return order.slice(0, k).map((i) => ({ name: names ? String(names[i]) : `x${i}`, value: v[i] }));
}

/** A square matrix of finite counts, checked. */
export function squareMatrix(fn: string, m: unknown): number[][] {
  if (!Array.isArray(m) || m.length === 0) bad(fn, 'matrix', 'a non-empty square array of rows', m);
  return m.map((row) => numbers(fn, 'matrix', row, m.length));
}
