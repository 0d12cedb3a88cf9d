import { describe, expect, it } from 'vitest';
import { CsrMatrix, OneHotEncoder, SGDClassifier, SGDRegressor, StandardScaler, ValidationError, hstackCsr, loadModel, type Label } from '../../src/index';
import { expectClose, fixture } from '../helpers';

interface SparseCase {
  name: string;
  kind: 'classifier' | 'regressor';
  target: 'yReg' | 'yBin' | 'yMulti';
  params: Record<string, unknown>;
  batches: Array<[number, number]> | null;
  classes: number[] | null;
  coef: number[][] | number[];
  intercept: number[];
  t: number;
  predict: number[];
}
const F = fixture<{ X: number[][]; yReg: number[]; yBin: number[]; yMulti: number[]; cases: SparseCase[] }>('linear_model/sgd_sparse.json');
const S = CsrMatrix.fromDense(F.X);

function rowsOf(X: CsrMatrix, lo: number, hi: number): CsrMatrix {
  const a = X.indptr[lo];
  const b = X.indptr[hi];
  return new CsrMatrix({ data: X.data.slice(a, b), indices: X.indices.slice(a, b), indptr: X.indptr.slice(lo, hi + 1).map((p) => p - a) }, [hi - lo, X.columns]);
}

function train(c: SparseCase, X: CsrMatrix | number[][]): SGDClassifier | SGDRegressor {
  const y = F[c.target];
  const m = c.kind === 'classifier' ? new SGDClassifier({ ...c.params, shuffle: false }) : new SGDRegressor({ ...c.params, shuffle: false });
  const part = (lo: number, hi: number) => (X instanceof CsrMatrix ? rowsOf(X, lo, hi) : X.slice(lo, hi));
  if (c.batches === null) {
    if (m instanceof SGDClassifier) m.fit(X as CsrMatrix, y);
    else m.fit(X as CsrMatrix, y);
  } else {
    for (const [lo, hi] of c.batches) {
      if (m instanceof SGDClassifier) m.partialFit(part(lo, hi) as CsrMatrix, y.slice(lo, hi), { classes: c.classes ?? undefined });
      else m.partialFit(part(lo, hi) as CsrMatrix, y.slice(lo, hi));
    }
  }
  return m;
}

describe("SGD on a CsrMatrix is scikit-learn's SGD on scipy.sparse.csr_matrix (fixture make_sgd_sparse.py, shuffle off)", () => {
  for (const c of F.cases) {
    it(`${c.kind} ${c.name}: coef_, intercept_ to 1e-10, t_ exactly, predictions on sparse rows`, () => {
      const m = train(c, S);
      expectClose(m.coef_, c.coef, 1e-10, 1e-10);
      expectClose(m.intercept_, c.intercept, 1e-10, 1e-10);
      expect(m.t_).toBe(c.t);
      const pred = m.predict(rowsOf(S, 0, 20)) as Label[];
      if (c.kind === 'classifier') expect(pred).toEqual(c.predict);
      else expectClose(pred, c.predict, 1e-10, 1e-10);
    });
  }
});

describe('SGD on sparse X equals SGD on its dense equivalent', () => {
  // Without an intercept (scikit-learn damps a sparse intercept's updates) and without L1 (truncated
  // on the sample's nonzeros only for sparse X), the updates are the same numbers.
  const settings: Array<Record<string, unknown>> = [
    { fitIntercept: false, maxIter: 5, tol: null, randomState: 0 },
    { fitIntercept: false, penalty: null, learningRate: 'constant', eta0: 0.02, maxIter: 3, tol: null, shuffle: false },
    { fitIntercept: false, average: 5, maxIter: 4, tol: null, randomState: 1 },
    { fitIntercept: false, loss: 'huber', maxIter: 4, tol: null, shuffle: true, randomState: 3 },
  ];
  for (const p of settings) {
    it(`SGDRegressor ${JSON.stringify(p)}: coef_ to 1e-10, predictions to 1e-10`, () => {
      const a = new SGDRegressor(p).fit(S, F.yReg);
      const b = new SGDRegressor(p).fit(F.X, F.yReg);
      expectClose(a.coef_, b.coef_, 1e-10, 1e-12);
      expectClose(a.intercept_, b.intercept_, 1e-10, 1e-12);
      expectClose(a.predict(S), b.predict(F.X), 1e-10, 1e-10);
    });
  }
  it('SGDRegressor.partialFit in batches, sparse and dense: coef_ to 1e-10', () => {
    const a = new SGDRegressor({ fitIntercept: false, shuffle: false });
    const b = new SGDRegressor({ fitIntercept: false, shuffle: false });
    for (let lo = 0; lo < 240; lo += 60) {
      a.partialFit(rowsOf(S, lo, lo + 60), F.yReg.slice(lo, lo + 60));
      b.partialFit(F.X.slice(lo, lo + 60), F.yReg.slice(lo, lo + 60));
    }
    expectClose(a.coef_, b.coef_, 1e-10, 1e-12);
  });
  it('SGDClassifier (3 classes, hinge): coef_ to 1e-10, same predictions', () => {
    const p = { fitIntercept: false, maxIter: 5, tol: null, shuffle: false };
    const a = new SGDClassifier(p).fit(S, F.yMulti);
    const b = new SGDClassifier(p).fit(F.X, F.yMulti);
    expectClose(a.coef_, b.coef_, 1e-10, 1e-12);
    expect(a.predict(S)).toEqual(b.predict(F.X));
    expectClose((a.decisionFunction(S) as { to2DArray(): number[][] }).to2DArray(), (b.decisionFunction(F.X) as { to2DArray(): number[][] }).to2DArray(), 1e-10, 1e-10);
  });
  it('with an intercept, the sparse fit is not the dense one (the 0.01 damping), as in scikit-learn', () => {
    const p = { maxIter: 5, tol: null, shuffle: false };
    const a = new SGDRegressor(p).fit(S, F.yReg);
    const b = new SGDRegressor(p).fit(F.X, F.yReg);
    expect(Math.abs(a.intercept_[0] - b.intercept_[0])).toBeGreaterThan(0.1);
  });
});

describe('SGD sparse input checks', () => {
  it('a model fitted on sparse X predicts dense X the same, and survives save/load', () => {
    const m = new SGDRegressor({ shuffle: false, maxIter: 3, tol: null }).fit(S, F.yReg);
    expectClose(m.predict(F.X), m.predict(S), 1e-12, 1e-12);
    const again = loadModel(JSON.stringify(m)) as SGDRegressor;
    expect(again.predict(S)).toEqual(m.predict(S));
    expect(m.score(S, F.yReg)).toBeCloseTo(m.score(F.X, F.yReg), 12);
  });
  it('a wrong number of columns is a feature_mismatch ValidationError; a failed partialFit keeps the model', () => {
    const m = new SGDRegressor({ shuffle: false }).partialFit(S, F.yReg);
    const before = m.coef_;
    const narrow = CsrMatrix.fromDense(F.X.map((r) => r.slice(0, 10)));
    expect(() => m.partialFit(narrow, F.yReg)).toThrow(/has 10 features, but SGDRegressor is expecting 11/);
    expect(() => m.predict(narrow)).toThrow(ValidationError);
    expect(m.coef_).toEqual(before);
  });
  it('NaN or Infinity in the stored values is refused, naming the row and column', () => {
    const bad = new CsrMatrix({ data: Float64Array.of(1, NaN), indices: Int32Array.of(0, 1), indptr: Int32Array.of(0, 1, 2) }, [2, 2]);
    expect(() => new SGDRegressor().fit(bad, [1, 2])).toThrow(/NaN in row 1, column 1/);
  });
  it('the input is not mutated', () => {
    const data = S.data.slice();
    const indices = S.indices.slice();
    new SGDClassifier({ maxIter: 2, tol: null }).fit(S, F.yBin);
    expect(S.data).toEqual(data);
    expect(S.indices).toEqual(indices);
  });
});

describe('CsrMatrix', () => {
  it('fromDense and toDense round-trip; nnz counts the stored values', () => {
    const X = [
      [0, 2, 0],
      [0, 0, 0],
      [1.5, 0, -3],
    ];
    const M = CsrMatrix.fromDense(X);
    expect(Array.from(M.indptr)).toEqual([0, 1, 1, 3]);
    expect(Array.from(M.indices)).toEqual([1, 0, 2]);
    expect(M.nnz).toBe(3);
    expect(M.toDense().to2DArray()).toEqual(X);
  });
  it('a malformed structure is a ValidationError naming what is wrong', () => {
    const mk = (indptr: number[], indices: number[], shape: [number, number]) => () =>
      new CsrMatrix({ data: new Float64Array(indices.length).fill(1), indices: Int32Array.from(indices), indptr: Int32Array.from(indptr) }, shape);
    expect(mk([0, 1], [0], [2, 2])).toThrow(/rows \+ 1 \(3\) entries/);
    expect(mk([0, 1, 1], [2], [2, 2])).toThrow(/column indices in \[0, 2\)/);
    expect(mk([0, 2, 1], [0, 1], [2, 2])).toThrow(ValidationError);
    expect(mk([0, 2, 2], [1, 1], [2, 2])).toThrow(/each column at most once per row/);
    expect(() => new CsrMatrix({ data: [1] as unknown as Float64Array, indices: Int32Array.of(0), indptr: Int32Array.of(0, 1) }, [1, 1])).toThrow(/a Float64Array/);
  });
  it('hstackCsr puts dense and sparse blocks side by side, as their dense concatenation', () => {
    const scaled = new StandardScaler().fitTransform([[1], [3], [5]]);
    const enc = new OneHotEncoder({ categories: [['a', 'b']] }).fit([['a']]);
    const both = hstackCsr([scaled, enc.transformSparse([['b'], ['a'], ['b']])]);
    const expected = scaled.to2DArray().map((r, i) => [...r, ...enc.transform([[['b', 'a', 'b'][i]]]).to2DArray()[0]]);
    expect(both.toDense().to2DArray()).toEqual(expected);
    expect(both.nnz).toBe(5); // the scaled middle row is 0
    expect(() => hstackCsr([scaled, CsrMatrix.fromDense([[1]])])).toThrow(/3 rows/);
  });
});

describe('OneHotEncoder#transformSparse is transform, stored sparse', () => {
  const rows: Array<Array<string | number | null>> = Array.from({ length: 60 }, (_, i) => [['x', 'y', 'z', 'w'][(i * 7) % 4], [1, 2, 3][(i * 5) % 3], ['p', 'q', 'p', 'r', 'p', 's'][i % 6]]);
  const options: Array<Record<string, unknown>> = [
    {},
    { drop: 'first' },
    { drop: 'if_binary' },
    { minFrequency: 12, handleUnknown: 'infrequent_if_exist' },
    { maxCategories: 2 },
    { categories: [['x', 'y', 'z'], [1, 2, 3], ['p', 'q', 'r', 's']], handleUnknown: 'ignore' },
  ];
  for (const o of options) {
    it(JSON.stringify(o), () => {
      const fitRows = 'categories' in o ? rows.filter((r) => r[0] !== 'w') : rows;
      const enc = new OneHotEncoder(o).fit(fitRows);
      const test = [...rows.slice(0, 10), ['w', 2, 's']];
      expect(enc.transformSparse(test).toDense().to2DArray()).toEqual(enc.transform(test).to2DArray());
    });
  }
  it('unknown categories with handleUnknown error throw as transform does', () => {
    const enc = new OneHotEncoder().fit([['a'], ['b']]);
    expect(() => enc.transformSparse([['c']])).toThrow(ValidationError);
  });
});
