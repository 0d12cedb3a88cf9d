import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { toColumns, columnKind, numericColumn, isRecords, isMissing, hasNamedColumns, ColumnTable, ValidationError, compareLabels } from '../../src/index';

describe('toColumns', () => {
  it('reads records by key, every key in order of first appearance or as asked, missing keys as undefined', () => {
    const recs = [{ a: 1, b: 'x' }, { a: null, b: 'y', c: 3 }, { b: 'z' }];
    const c = toColumns(recs);
    expect(c.rows).toBe(3);
    expect(c.names).toEqual(['a', 'b', 'c']);
    expect(c.columns).toEqual([[1, null, undefined], ['x', 'y', 'z'], [undefined, 3, undefined]]);
    expect(toColumns([{}, { b: 4 }]).names).toEqual(['b']);
    expect(toColumns(recs, { columns: ['c', 'a'] }).columns).toEqual([[undefined, 3, undefined], [1, null, undefined]]);
  });

  it('names a column no record has', () => {
    expect(() => toColumns([{ a: 1 }], { estimator: 'ColumnTransformer', columns: ['a', 'island'] })).toThrow(/column 'island'/);
  });

  it('reads rows of mixed values and matrices, rejecting ragged and empty input', () => {
    expect(toColumns([['a', 1], ['b', null]]).columns).toEqual([['a', 'b'], [1, null]]);
    expect(toColumns(new Matrix([[1, 2], [3, 4]])).columns).toEqual([[1, 3], [2, 4]]);
    expect(() => toColumns([['a', 1], ['b']])).toThrow(ValidationError);
    expect(() => toColumns([])).toThrow(ValidationError);
    expect(() => toColumns([1, 2] as never)).toThrow(/1-d array/);
  });

  it('does not mutate the input', () => {
    const rows = [['a', 1]];
    const c = toColumns(rows);
    c.columns[0][0] = 'changed';
    expect(rows).toEqual([['a', 1]]);
  });
});

describe('ColumnTable', () => {
  it('is read by toColumns as named columns, all or the asked ones, and a missing name is an error', () => {
    const t = new ColumnTable(['a', 'b'], [[1, 2], ['x', null]], 2);
    expect(hasNamedColumns(t)).toBe(true);
    expect(toColumns(t)).toEqual({ rows: 2, names: ['a', 'b'], columns: [[1, 2], ['x', null]] });
    expect(toColumns(t, { columns: ['b'] }).columns).toEqual([['x', null]]);
    expect(() => toColumns(t, { estimator: 'OneHotEncoder', columns: ['c'] })).toThrow(/column 'c'/);
    expect(() => toColumns(new ColumnTable([], [], 0))).toThrow(ValidationError);
  });
});

describe('compareLabels', () => {
  it('orders strings by code point as numpy does, not by UTF-16 unit', () => {
    // U+FF5E (one unit, 0xFF5E) sorts before U+1F600 (surrogates 0xD83D…) in numpy; JS '<' says the opposite.
    expect(['\u{1F600}', '\uFF5E'].sort(compareLabels)).toEqual(['\uFF5E', '\u{1F600}']);
    expect([3, 1, 2].sort(compareLabels)).toEqual([1, 2, 3]);
  });
});

describe('column helpers', () => {
  it('classifies columns ignoring missing cells', () => {
    expect(columnKind([1, NaN, null, 2])).toBe('number');
    expect(columnKind(['a', undefined])).toBe('string');
    expect(columnKind([true, false])).toBe('boolean');
    expect(columnKind(['a', 1])).toBe('mixed');
    expect(columnKind([null, NaN])).toBe('empty');
  });

  it('reads numeric columns with missing as NaN and rejects strings with the column named', () => {
    expect(Array.from(numericColumn([1, null, undefined, NaN]))).toEqual([1, NaN, NaN, NaN]);
    expect(() => numericColumn([1, '.'], { estimator: 'SimpleImputer', column: 'sex' })).toThrow(/column 'sex'.*'\.' at row 1/);
    expect(() => numericColumn([Infinity], { column: 0 })).toThrow(/Infinity/);
  });

  it('recognises records and missing values', () => {
    expect(isRecords([{ a: 1 }])).toBe(true);
    expect(isRecords([[1]])).toBe(false);
    expect(isRecords([])).toBe(false);
    expect([null, undefined, NaN, 0, ''].map(isMissing)).toEqual([true, true, true, false, false]);
  });
});
