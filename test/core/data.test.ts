/** The data module: layouts, subsets, transposes and the output matrix. */
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import {
  RowMajorMatrix,
  at,
  colMajor,
  column,
  flatOf,
  matrixFromFlat,
  matrixRowMajor,
  rowMajor,
  takeColumns,
  takeRows,
  toColMajor,
  toRowMajor,
  transpose,
  transposeView,
  type ColMajor,
  type RowMajor,
} from '../../src/core/data/index';
import { gram } from '../../src/core/linalg';
import { columnsToColMajor, toDense } from '../../src/core/validation';
import { ValidationError } from '../../src/core/errors';
import { ColumnTransformer, StandardScaler } from '../../src/index';

/** Every element of X as nested arrays, read through the layout-aware `at`. */
function toArrays(X: RowMajor<Float64Array | Float32Array | Uint8Array> | ColMajor<Float64Array | Float32Array | Uint8Array>): number[][] {
  return Array.from({ length: X.rows }, (_, i) => Array.from({ length: X.cols }, (_, j) => at(X, i, j)));
}

const A = [
  [1, 2, 3],
  [4, 5, 6],
];

describe('RowMajor / ColMajor', () => {
  it('hold the same matrix in the two orders and refuse a buffer of the wrong size', () => {
    const R = rowMajor(Float64Array.from([1, 2, 3, 4, 5, 6]), 2, 3);
    const C = colMajor(Float64Array.from([1, 4, 2, 5, 3, 6]), 2, 3);
    expect(toArrays(R)).toEqual(A);
    expect(toArrays(C)).toEqual(A);
    expect(R.layout).toBe('row-major');
    expect(C.layout).toBe('col-major');
    expect(() => rowMajor(new Float64Array(5), 2, 3)).toThrow(RangeError);
    expect(() => colMajor(new Float64Array(6), 2, 2.5)).toThrow(RangeError);
  });

  it('keep the layout in the type: a column-major buffer is not accepted where rows are read', () => {
    // These two lines are checked by the type checker (npm run typecheck), not run.
    const typeErrors = (C: ColMajor): RowMajor => {
      // @ts-expect-error gram() reads rows; a ColMajor must be converted first
      gram(C);
      // @ts-expect-error a plain object is neither layout
      return { data: new Float64Array(6), rows: 3, cols: 2 };
    };
    expect(typeErrors).toBeTypeOf('function');
    const C = colMajor(Float64Array.from([1, 2, 3, 4, 5, 6]), 3, 2);
    expect(Array.from(gram(toRowMajor(C)))).toEqual([14, 32, 32, 77]);
  });

  it('takeRows and takeColumns keep the layout and the storage type (Float32Array, Uint8Array)', () => {
    for (const make of [Float64Array, Float32Array, Uint8Array] as const) {
      const R = rowMajor(make.from([1, 2, 3, 4, 5, 6]), 2, 3);
      const C = toColMajor(R);
      expect(C.data).toBeInstanceOf(make);
      for (const X of [R, C]) {
        const rows = X.layout === 'row-major' ? takeRows(X, [1, 0, 1]) : takeRows(X, [1, 0, 1]);
        expect(rows.layout).toBe(X.layout);
        expect(rows.data).toBeInstanceOf(make);
        expect(toArrays(rows)).toEqual([A[1], A[0], A[1]]);
        const cols = X.layout === 'row-major' ? takeColumns(X, [2, 0]) : takeColumns(X, [2, 0]);
        expect(cols.layout).toBe(X.layout);
        expect(toArrays(cols)).toEqual([
          [3, 1],
          [6, 4],
        ]);
        expect(Array.from(column(X, 1))).toEqual([2, 5]);
      }
    }
  });

  it('transpose, toColMajor / toRowMajor and transposeView agree with the definition (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 40 }), (n, d) => {
        const data = Float64Array.from({ length: n * d }, (_, k) => k * 1.5 - 7);
        const R = rowMajor(data, n, d);
        const C = toColMajor(R);
        const T = transpose(R);
        const TV = transposeView(R);
        expect(TV.data).toBe(data);
        expect([T.rows, T.cols, TV.rows, TV.cols]).toEqual([d, n, d, n]);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < d; j++) {
            expect(at(C, i, j)).toBe(at(R, i, j));
            expect(at(T, j, i)).toBe(at(R, i, j));
            expect(at(TV, j, i)).toBe(at(R, i, j));
          }
        }
        expect(toRowMajor(C).data).toEqual(data);
        expect(transpose(transpose(C)).data).toEqual(C.data);
      }),
      { numRuns: 30 },
    );
  });
});

describe('columnsToColMajor (columnar data in, no row-major round trip)', () => {
  it('copies columns into one column-major buffer, float64 or float32', () => {
    const X = columnsToColMajor([Float64Array.of(1, 4), [2, 5], Float32Array.of(3, 6)]);
    expect(X.layout).toBe('col-major');
    expect(X.data).toBeInstanceOf(Float64Array);
    expect(toArrays(X)).toEqual(A);
    const F = columnsToColMajor([Float32Array.of(0.1, 4), [2, 5]], { storage: Float32Array });
    expect(F.data).toBeInstanceOf(Float32Array);
    expect(F.data[0]).toBe(Math.fround(0.1));
    expect(toArrays(toRowMajor(F))).toEqual([
      [Math.fround(0.1), 2],
      [4, 5],
    ]);
  });

  it('applies the same cell rule and messages as row input', () => {
    const err = (f: () => unknown): ValidationError => {
      try {
        f();
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error('no error');
    };
    expect(err(() => columnsToColMajor([[1, 2], [3, true]])).received).toBe(err(() => toDense([[1, 3], [2, true]] as never)).received);
    expect(err(() => columnsToColMajor([[1, Infinity]])).received).toBe('Infinity at row 1, column 0');
    expect(err(() => columnsToColMajor([[1, NaN]], { estimator: 'Ridge' })).message).toMatch(/Ridge does not accept missing values/);
    expect(Number.isNaN(columnsToColMajor([[1, null]], { allowNaN: true }).data[1])).toBe(true);
    expect(err(() => columnsToColMajor([[1, 2], [3]])).received).toBe('column 1 of length 1');
    expect(err(() => columnsToColMajor([[1e300]], { storage: Float32Array })).expected).toBe('finite numbers that fit the storage type');
    expect(err(() => columnsToColMajor([[1]], { nFeatures: 2 })).code).toBe('feature_mismatch');
    expect(err(() => columnsToColMajor([])).received).toBe('0 columns');
  });
});

describe('RowMajorMatrix (the output matrix)', () => {
  const make = () => matrixFromFlat(Float64Array.from([1, 2, 3, 4, 5, 6]), 2, 3);

  it('is an ml-matrix Matrix: isMatrix, instanceof, to2DArray, get, getRow, mmul, transpose, clone', () => {
    const m = make();
    expect(Matrix.isMatrix(m)).toBe(true);
    expect(m).toBeInstanceOf(Matrix);
    expect([m.rows, m.columns]).toEqual([2, 3]);
    expect(m.get(1, 2)).toBe(6);
    expect(m.to2DArray()).toEqual(A);
    expect(m.getRow(0)).toEqual([1, 2, 3]);
    expect(m.getColumn(1)).toEqual([2, 5]);
    expect(m.mmul(Matrix.eye(3)).to2DArray()).toEqual(A);
    expect(new Matrix(A).mmul(m.transpose()).to2DArray()).toEqual(new Matrix(A).mmul(new Matrix(A).transpose()).to2DArray());
    expect(m.transpose().to2DArray()).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    const c = m.clone();
    expect(c.to2DArray()).toEqual(A);
    expect(flatOf(c)).not.toBe(flatOf(m));
    expect(new Matrix(m).to2DArray()).toEqual(A);
    expect(String(m)).toContain('Matrix');
  });

  it("works with ml-matrix's statics called through its constructor (new this(rows, columns))", () => {
    const m = make();
    const Ctor = m.constructor as typeof Matrix;
    expect(Ctor.max(m, Matrix.ones(2, 3).mul(4)).to2DArray()).toEqual([
      [4, 4, 4],
      [4, 5, 6],
    ]);
    expect(Matrix.max(m, m).to2DArray()).toEqual(A);
    expect(Ctor.add(m, 1).to2DArray()).toEqual(A.map((r) => r.map((v) => v + 1)));
    expect(Ctor.abs(m.clone().neg()).to2DArray()).toEqual(A);
    expect(Ctor.zeros(1, 2).to2DArray()).toEqual([[0, 0]]);
    expect(new RowMajorMatrix(2, 2).to2DArray()).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(new RowMajorMatrix(A).to2DArray()).toEqual(A);
    expect(new RowMajorMatrix(new Matrix(A)).to2DArray()).toEqual(A);
    expect(() => new RowMajorMatrix([[1], [2, 3]])).toThrow(RangeError);
  });

  it('writes through set, and resizes in place as Matrix does (addRow, removeRow, addColumn, removeColumn)', () => {
    const m = make();
    const flat = flatOf(m) as Float64Array;
    m.set(0, 0, 10);
    expect(flat[0]).toBe(10);
    m.removeColumn(0);
    expect(m.to2DArray()).toEqual([
      [2, 3],
      [5, 6],
    ]);
    m.addRow([8, 9]).addRow(0, [0, 1]);
    expect(m.to2DArray()).toEqual([
      [0, 1],
      [2, 3],
      [5, 6],
      [8, 9],
    ]);
    m.removeRow(1).addColumn(1, [7, 7, 7]).addColumn(Matrix.columnVector([1, 2, 3]));
    expect(m.to2DArray()).toEqual([
      [0, 7, 1, 1],
      [5, 7, 6, 2],
      [8, 7, 9, 3],
    ]);
    expect(Array.from(flatOf(m) as Float64Array)).toEqual(m.to1DArray());
    expect(() => m.removeRow(3)).toThrow(RangeError);
    expect(() => m.addColumn([1])).toThrow(RangeError);
  });

  it('is read back by validation in place (copy: false) and by copy; other matrices through get', () => {
    const m = make();
    expect(toDense(m, { copy: false }).data).toBe(flatOf(m));
    expect(Array.from(toDense(m).data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(toDense(m).data).not.toBe(flatOf(m));
    expect(matrixRowMajor(m)?.data).toBe(flatOf(m));
    expect(matrixRowMajor(new Matrix(A))).toBeUndefined();
    expect(Array.from(toDense(new Matrix(A)).data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('survives structuredClone: the clone carries rows, columns and the numbers', () => {
    const out = new StandardScaler().fitTransform([
      [1, 2],
      [3, 4],
      [5, 9],
    ]);
    const c = structuredClone(out) as unknown as { rows: number; columns: number; flat: Float64Array };
    expect([c.rows, c.columns]).toEqual([3, 2]);
    expect(Object.keys(c).sort()).toEqual(['columns', 'flat', 'rows']);
    expect(RowMajorMatrix.fromFlat(c.flat, c.rows, c.columns).to2DArray()).toEqual(out.to2DArray());
    const ct = new ColumnTransformer([['s', new StandardScaler(), ['a']]]).fitTransform([{ a: 1 }, { a: 2 }, { a: 4 }]);
    const cc = structuredClone(ct) as unknown as { rows: number; columns: number; flat: Float64Array };
    expect(Array.from(cc.flat)).toEqual(ct.to1DArray());
  });

  it('survives postMessage to a worker thread and back', async () => {
    const out = new StandardScaler().fitTransform([
      [1, 2],
      [3, 4],
      [5, 9],
    ]);
    const worker = new Worker(
      "const { parentPort } = require('node:worker_threads'); parentPort.on('message', (m) => parentPort.postMessage({ sum: m.flat.reduce((a, b) => a + b, 0), back: m }));",
      { eval: true },
    );
    try {
      const reply = await new Promise<{ sum: number; back: { rows: number; columns: number; flat: Float64Array } }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage(out);
      });
      const expected = out.to1DArray().reduce((a, b) => a + b, 0);
      expect(reply.sum).toBeCloseTo(expected, 12);
      const back = RowMajorMatrix.fromFlat(reply.back.flat, reply.back.rows, reply.back.columns);
      expect(back.to2DArray()).toEqual(out.to2DArray());
    } finally {
      await worker.terminate();
    }
  });
});
