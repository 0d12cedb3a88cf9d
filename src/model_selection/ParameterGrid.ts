import { ValidationError, describeValue } from '../core/errors';
import { MAX_COUNT, checkSize } from '../core/sizes';

/** One grid: option name → the values to try. */
export type ParamGridDict = Record<string, readonly unknown[]>;
/** A grid or a list of grids (each explored on its own, in turn). */
export type ParamGridInput = ParamGridDict | readonly ParamGridDict[];
/** One candidate: option name → value. */
export type ParamSet = Record<string, unknown>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v);
}

/** Validates a grid (or list of grids) and returns it as a list; throws naming `fn` and `param`. */
export function checkParamGrid(grid: unknown, fn: string, param = 'paramGrid'): ParamGridDict[] {
  const fail = (expected: string, received: string): never => {
    throw new ValidationError({ code: 'invalid_option', estimator: fn, param, expected, received });
  };
  if (!isPlainObject(grid) && !Array.isArray(grid)) fail('an object of option → array of values, or an array of such objects', describeValue(grid));
  const list = (Array.isArray(grid) ? grid : [grid]) as unknown[];
  if (list.length === 0) fail('a non-empty array of grids', 'an empty array');
  list.forEach((g, i) => {
    if (!isPlainObject(g)) fail('grids that are objects of option → array of values', `${describeValue(g)} at index ${i}`);
    for (const [key, values] of Object.entries(g as Record<string, unknown>)) {
      if (key === '__proto__') fail("option names (a '__proto__' key, as JSON.parse makes, names no option and would replace the prototype of every candidate)", `'__proto__' in grid ${i}`);
      if (!Array.isArray(values)) {
        fail(`an array of values for '${key}' (wrap a single value in an array with one element)`, describeValue(values));
      }
      if ((values as unknown[]).length === 0) fail(`a non-empty array of values for '${key}'`, 'an empty array');
    }
  });
  return list as ParamGridDict[];
}

/** The sorted keys and their value arrays of one grid. */
function sortedItems(g: ParamGridDict): [string[], Array<readonly unknown[]>] {
  const keys = Object.keys(g).sort();
  return [keys, keys.map((k) => g[k])];
}

/**
 * Every combination of the values of a grid of options, in scikit-learn's `ParameterGrid` order:
 * grid after grid; within a grid the option names sorted and the last one varying fastest. An empty
 * grid `{}` gives one empty candidate (the estimator's own options).
 * @example
 * ```ts
 * import { ParameterGrid } from 'typelearn';
 * const grid = new ParameterGrid({ b: [1, 2], a: ['x', 'y'] });
 * console.log(grid.length); // 4
 * console.log(grid.toArray()); // [ { a: 'x', b: 1 }, { a: 'x', b: 2 }, { a: 'y', b: 1 }, { a: 'y', b: 2 } ]
 * console.log(grid.at(3)); // { a: 'y', b: 2 }
 * ```
 */
export class ParameterGrid implements Iterable<ParamSet> {
  /** The grids, validated. */
  readonly paramGrid: ParamGridDict[];

  constructor(paramGrid: ParamGridInput) {
    this.paramGrid = checkParamGrid(paramGrid, 'ParameterGrid');
  }

  /** The number of candidates. */
  get length(): number {
    let total = 0;
    for (const g of this.paramGrid) total += Object.values(g).reduce((p, v) => p * v.length, 1);
    return total;
  }

  /** Every combination of the grid, one at a time, in scikit-learn's order. */
  *[Symbol.iterator](): Iterator<ParamSet> {
    for (const g of this.paramGrid) {
      const [keys, values] = sortedItems(g);
      const pos = new Array<number>(keys.length).fill(0);
      for (;;) {
        const out: ParamSet = {};
        keys.forEach((k, i) => (out[k] = values[i][pos[i]]));
        yield out;
        let i = keys.length - 1;
        while (i >= 0 && ++pos[i] === values[i].length) pos[i--] = 0;
        if (i < 0) break;
      }
    }
  }

  /** All candidates, in order. */
  toArray(): ParamSet[] {
    checkSize(this.length, { estimator: 'ParameterGrid', param: 'paramGrid', limit: MAX_COUNT, what: 'candidates' });
    return [...this];
  }

  /** The candidate at `index` (as in the iteration order) without listing the ones before it. */
  at(index: number): ParamSet {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) {
      throw new ValidationError({ code: 'invalid_input', estimator: 'ParameterGrid', param: 'index', expected: `an integer in [0, ${this.length - 1}]`, received: describeValue(index) });
    }
    let ind = index;
    for (const g of this.paramGrid) {
      const [keys, values] = sortedItems(g);
      const total = values.reduce((p, v) => p * v.length, 1);
      if (ind >= total) {
        ind -= total;
        continue;
      }
      const out: ParamSet = {};
      for (let i = keys.length - 1; i >= 0; i--) {
        const n = values[i].length;
        out[keys[i]] = values[i][ind % n];
        ind = Math.floor(ind / n);
      }
      return Object.fromEntries(keys.map((k) => [k, out[k]]));
    }
    throw new RangeError('unreachable: index checked above');
  }
}
