import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { FlatMatrix, flatBuffer } from '../../src/core/FlatMatrix';
import { toDense } from '../../src/core/validation';
import { StandardScaler } from '../../src/index';

const make = () => new FlatMatrix(Float64Array.from([1, 2, 3, 4, 5, 6]), 2, 3);

describe('FlatMatrix (typelearn outputs over one buffer)', () => {
  it('is an ml-matrix Matrix with the right shape and values', () => {
    const m = make();
    expect(m).toBeInstanceOf(Matrix);
    expect(Matrix.isMatrix(m)).toBe(true);
    expect([m.rows, m.columns]).toEqual([2, 3]);
    expect(m.get(1, 2)).toBe(6);
    expect(m.to2DArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(m.getRow(0)).toEqual([1, 2, 3]);
    expect(m.getColumn(1)).toEqual([2, 5]);
    expect(m.transpose().to2DArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(m.mmul(Matrix.eye(3)).to2DArray()).toEqual(m.to2DArray());
    expect(m.clone().to2DArray()).toEqual(m.to2DArray());
    expect(new Matrix(m).to2DArray()).toEqual(m.to2DArray());
  });

  it('writes through set, before and after its rows are materialised', () => {
    const m = make();
    m.set(0, 0, 10);
    expect(m.get(0, 0)).toBe(10);
    expect(m.getRow(0)).toEqual([10, 2, 3]);
    m.removeColumn(0); // ml-matrix's own row methods switch it to per-row storage
    expect(flatBuffer(m)).toBeUndefined();
    expect(m.to2DArray()).toEqual([[2, 3], [5, 6]]);
    m.set(1, 1, 7);
    expect(m.get(1, 1)).toBe(7);
    m.addRow([8, 9]);
    expect(m.to2DArray()).toEqual([[2, 3], [5, 7], [8, 9]]);
  });

  it('is read by validation in one block, and correctly once materialised', () => {
    const m = make();
    expect(Array.from(toDense(m).data)).toEqual([1, 2, 3, 4, 5, 6]);
    const inPlace = toDense(m, { copy: false });
    expect(inPlace.data).toBe(flatBuffer(m));
    m.removeRow(0);
    expect(Array.from(toDense(m).data)).toEqual([4, 5, 6]);
  });

  it('comes out of transformers and goes into the next step', () => {
    const out = new StandardScaler().fitTransform([[1, 2], [3, 4], [5, 9]]);
    expect(out).toBeInstanceOf(FlatMatrix);
    const again = new StandardScaler().fitTransform(out).to2DArray();
    out.to2DArray().forEach((r, i) => r.forEach((v, j) => expect(again[i][j]).toBeCloseTo(v, 12)));
  });
});
