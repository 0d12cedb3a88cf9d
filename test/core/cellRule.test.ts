/**
 * One rule for a numeric cell, whatever way it enters: rows of arrays, typed-array rows, a Matrix,
 * records or mixed rows through ColumnTransformer, SimpleImputer, and numericColumn. Each cell gets
 * the same verdict on every route (see core/data/cell.ts and docs/api-contract.md).
 */
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { cellKind } from '../../src/core/data/index';
import { ValidationError } from '../../src/core/errors';
import { numericColumn } from '../../src/core/tabular';
import { ColumnTransformer, SimpleImputer, StandardScaler } from '../../src/index';

type Verdict = 'number' | 'missing' | 'error';

/** The cells and the verdict the rule gives each. */
const TABLE: Array<[string, unknown, Verdict]> = [
  ['a finite number', 4, 'number'],
  ['0', 0, 'number'],
  ['true', true, 'error'],
  ['false', false, 'error'],
  ['null', null, 'missing'],
  ['undefined', undefined, 'missing'],
  ['NaN', NaN, 'missing'],
  ["'1' (a numeric string)", '1', 'error'],
  ["'a'", 'a', 'error'],
  ['Infinity', Infinity, 'error'],
  ['-Infinity', -Infinity, 'error'],
  ['an object', { v: 1 }, 'error'],
];

/** Runs a route on a column [v, 1, 2]; returns what became of v: a number, missing, or an error. */
type Route = (v: unknown) => Verdict;

/** The verdict from a StandardScaler output cell (NaN passes through as missing). */
function fromScaled(out: Matrix): Verdict {
  return Number.isNaN(out.get(0, 0)) ? 'missing' : 'number';
}

/** The verdict from a SimpleImputer output cell: the mean of the other two (1.5) when v was missing. */
function fromImputed(out: Matrix, v: unknown): Verdict {
  return out.get(0, 0) === 1.5 && v !== 1.5 ? 'missing' : 'number';
}

function verdict(run: () => Verdict): Verdict {
  try {
    return run();
  } catch (e) {
    if (e instanceof ValidationError) return 'error';
    throw e;
  }
}

const ROUTES: Array<[string, Route, (v: unknown) => boolean]> = [
  ['StandardScaler on number[][]', (v) => verdict(() => fromScaled(new StandardScaler().fitTransform([[v], [1], [2]] as never))), () => true],
  // Typed arrays and Matrix hold numbers only: the number cells take these routes.
  ['StandardScaler on typed-array rows', (v) => verdict(() => fromScaled(new StandardScaler().fitTransform([Float64Array.of(v as number), Float64Array.of(1), Float64Array.of(2)]))), (v) => typeof v === 'number'],
  ['StandardScaler on a Matrix', (v) => verdict(() => fromScaled(new StandardScaler().fitTransform(new Matrix([[v as number], [1], [2]])))), (v) => typeof v === 'number'],
  [
    'ColumnTransformer on records → StandardScaler',
    (v) => verdict(() => fromScaled(new ColumnTransformer([['s', new StandardScaler(), ['a']]]).fitTransform([{ a: v, b: 'x' }, { a: 1, b: 'y' }, { a: 2, b: 'x' }]))),
    () => true,
  ],
  [
    'ColumnTransformer on mixed rows → StandardScaler',
    (v) => verdict(() => fromScaled(new ColumnTransformer([['s', new StandardScaler(), [0]]]).fitTransform([[v, 'x'], [1, 'y'], [2, 'x']] as never))),
    () => true,
  ],
  [
    'ColumnTransformer on a Matrix → StandardScaler',
    (v) => verdict(() => fromScaled(new ColumnTransformer([['s', new StandardScaler(), [0]]]).fitTransform(new Matrix([[v as number, 0], [1, 0], [2, 0]])))),
    (v) => typeof v === 'number',
  ],
  ['SimpleImputer on number[][]', (v) => verdict(() => fromImputed(new SimpleImputer().fitTransform([[v], [1], [2]] as never), v)), () => true],
  ['SimpleImputer on records', (v) => verdict(() => fromImputed(new SimpleImputer().fitTransform([{ a: v }, { a: 1 }, { a: 2 }]), v)), () => true],
  [
    'ColumnTransformer on records → SimpleImputer',
    (v) => verdict(() => fromImputed(new ColumnTransformer([['i', new SimpleImputer(), ['a']]]).fitTransform([{ a: v }, { a: 1 }, { a: 2 }]), v)),
    () => true,
  ],
  [
    'numericColumn',
    (v) =>
      verdict(() => {
        const c = numericColumn([v, 1, 2]);
        return Number.isNaN(c[0]) ? 'missing' : 'number';
      }),
    () => true,
  ],
];

describe('one cell rule on every route into typelearn', () => {
  for (const [cellName, v, expected] of TABLE) {
    it(`${cellName}: ${expected} on every route`, () => {
      const kind = cellKind(v);
      expect(kind === 'number' ? 'number' : kind === 'missing' ? 'missing' : 'error').toBe(expected);
      const got = ROUTES.filter(([, , applies]) => applies(v)).map(([name, route]) => [name, route(v)]);
      expect(got.length).toBeGreaterThan(2);
      expect(got).toEqual(got.map(([name]) => [name, expected]));
    });
  }

  it('names the cell and says what to do in the error', () => {
    const msg = (f: () => unknown): string => {
      try {
        f();
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    };
    const fromScaler = msg(() => new StandardScaler().fit([[true], [1]] as never));
    const fromColumns = msg(() => new ColumnTransformer([['s', new StandardScaler(), ['a']]]).fit([{ a: true }, { a: 1 }]));
    expect(fromScaler).toMatch(/booleans are categories.*Got true at row 0, column 0/);
    expect(fromColumns).toMatch(/numbers in column 'a'.*booleans are categories.*Got true at row 0/);
    expect(msg(() => new StandardScaler().fit([['1'], [1]] as never))).toMatch(/numeric strings are not converted/);
    expect(msg(() => new StandardScaler().fit([[Infinity], [1]]))).toMatch(/finite numbers\. Got Infinity at row 0, column 0/);
  });
});
