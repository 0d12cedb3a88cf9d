import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { tableFromArrays, tableFromJSON, vectorFromArray, Table, Utf8, Dictionary, Int32 } from 'apache-arrow';
import { arrowColumn, arrowColumns, fromArrow } from '../../src/io';
import { StandardScaler } from '../../src/preprocessing';

describe('fromArrow', () => {
  it('reads a float64 column without nulls as a view of Arrow\'s buffer (no copy)', () => {
    const x = new Float64Array([1, 2, 3, 4]);
    const table = tableFromArrays({ x, z: new Float64Array([5, 6, 7, 8]) });
    const cols = arrowColumns(table);
    const col = cols.x as Float64Array;
    expect(col).toBeInstanceOf(Float64Array);
    expect(col.buffer).toBe(table.getChild('x')!.data[0].values.buffer);
    expect(Array.from(col)).toEqual([1, 2, 3, 4]);
  });

  it('builds X (row-major) and y from a table, and feeds an estimator', () => {
    const table = tableFromArrays({
      a: new Float64Array([1, 2, 3]),
      b: new Int32Array([10, 20, 30]),
      y: new Float64Array([0.5, 1.5, 2.5]),
    });
    const { X, y, columns, rows } = fromArrow(table, { target: 'y' });
    expect(columns).toEqual(['a', 'b']);
    expect(rows).toBe(3);
    expect(X).toBeInstanceOf(Matrix);
    expect((X as Matrix).to2DArray()).toEqual([[1, 10], [2, 20], [3, 30]]);
    expect(Array.from(y as Float64Array)).toEqual([0.5, 1.5, 2.5]);
    const s = new StandardScaler().fit(X as Matrix);
    expect(Array.from(s.mean_ as ArrayLike<number>)).toEqual([2, 20]);
    // a chosen column order
    expect((fromArrow(table, { columns: ['b', 'a'] }).X as Matrix).getRow(0)).toEqual([10, 1]);
  });

  it('turns nulls into NaN in numeric columns and null in text columns', () => {
    const table = tableFromJSON([
      { v: 1.5, n: 3, s: 'a' },
      { v: null, n: null, s: null },
      { v: 2.5, n: 4, s: 'b' },
    ]);
    const v = arrowColumn(table.getChild('v')!) as Float64Array;
    expect(v[0]).toBe(1.5);
    expect(v[1]).toBeNaN();
    expect(v[2]).toBe(2.5);
    const n = arrowColumn(table.getChild('n')!) as Float64Array;
    expect(n[1]).toBeNaN();
    expect(arrowColumn(table.getChild('s')!)).toEqual(['a', null, 'b']);
  });

  it('gives records with strings for utf8 and dictionary columns (for ColumnTransformer)', () => {
    const dict = vectorFromArray(['SEA', 'SFO', 'SEA'], new Dictionary(new Utf8(), new Int32()));
    const text = vectorFromArray(['x', 'y', 'z'], new Utf8());
    const table = new Table({ origin: dict, code: text, d: vectorFromArray([1, 2, 3]) });
    const { X } = fromArrow(table);
    expect(X).toEqual([
      { origin: 'SEA', code: 'x', d: 1 },
      { origin: 'SFO', code: 'y', d: 2 },
      { origin: 'SEA', code: 'z', d: 3 },
    ]);
    expect(() => fromArrow(table, { as: 'matrix' })).toThrow(/column "origin" of strings/);
  });

  it('reads a RecordBatch and a multi-chunk table', () => {
    const t1 = tableFromArrays({ x: new Float64Array([1, 2]) });
    const t2 = tableFromArrays({ x: new Float64Array([3]) });
    const both = t1.concat(t2);
    expect(Array.from(arrowColumns(both).x as Float64Array)).toEqual([1, 2, 3]);
    const batch = t1.batches[0];
    expect((fromArrow(batch).X as Matrix).to2DArray()).toEqual([[1], [2]]);
  });

  it('rejects what is not a table and unknown columns, naming them', () => {
    expect(() => fromArrow([[1, 2]] as never)).toThrow(/fromArrow.*Arrow Table or RecordBatch/);
    const table = tableFromArrays({ x: new Float64Array([1]) });
    expect(() => fromArrow(table, { target: 'nope' })).toThrow(/target.*"nope"/);
    expect(() => fromArrow(table, { columns: ['x', 'q'] })).toThrow(/columns.*"q"/);
  });
});
