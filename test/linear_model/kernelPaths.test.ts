/**
 * The linear models' paths through core/kernels: predict validates X inside the fused product
 * (linearPredict) instead of a separate pass, and Ridge / Lasso fits read X in place. These tests
 * pin what that must not change: the same ValidationError for NaN and ±Infinity, no error for
 * finite rows whose scores overflow, and inputs left untouched.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import {
  ElasticNet,
  Lasso,
  LassoCV,
  LinearRegression,
  LogisticRegression,
  Ridge,
  RidgeCV,
  RidgeClassifier,
  SGDClassifier,
  SGDRegressor,
} from '../../src/linear_model/index';

/** n rows of d columns as Float64Array views of one buffer: the input read in place. */
function views(n: number, d: number, seed: number): { buf: Float64Array; rows: Float64Array[] } {
  const buf = new Float64Array(n * d);
  for (let k = 0; k < buf.length; k++) buf[k] = Math.sin(seed + 1.7 * k) + (k % d) * 0.1;
  return { buf, rows: Array.from({ length: n }, (_, i) => buf.subarray(i * d, (i + 1) * d)) };
}

const n = 40;
const d = 5;
const { rows: train } = views(n, d, 1);
const yReg = train.map((r) => r[0] - 2 * r[1] + 0.5 * r[3]);
const yCls = yReg.map((v, i) => (i % 3 === 0 ? 'c' : v > 0 ? 'a' : 'b'));
const yBin = yReg.map((v) => (v > 0 ? 1 : 0));

type Fitted = { predict(X: Float64Array[]): unknown };
const models: Array<[string, () => Fitted]> = [
  ['LinearRegression', () => new LinearRegression().fit(train, yReg)],
  ['Ridge', () => new Ridge().fit(train, yReg)],
  ['RidgeCV', () => new RidgeCV().fit(train, yReg)],
  ['Lasso', () => new Lasso({ alpha: 0.01 }).fit(train, yReg)],
  ['ElasticNet', () => new ElasticNet({ alpha: 0.01 }).fit(train, yReg)],
  ['LassoCV', () => new LassoCV({ cv: 3 }).fit(train, yReg)],
  ['SGDRegressor', () => new SGDRegressor({ randomState: 0 }).fit(train, yReg)],
  ['RidgeClassifier', () => new RidgeClassifier().fit(train, yCls)],
  ['LogisticRegression (multinomial)', () => new LogisticRegression().fit(train, yCls)],
  ['LogisticRegression (binary)', () => new LogisticRegression().fit(train, yBin)],
  ['SGDClassifier', () => new SGDClassifier({ randomState: 0 }).fit(train, yCls)],
];

describe('linear predict paths: finiteness checked inside the product', () => {
  for (const [name, make] of models) {
    it(`${name}: NaN and ±Infinity in contiguous rows throw the ValidationError naming the first bad cell`, () => {
      const model = make();
      for (const bad of [NaN, Infinity, -Infinity]) {
        const { buf, rows } = views(9, d, 3);
        buf[6 * d + 2] = bad;
        buf[8 * d + 4] = NaN;
        const before = Float64Array.from(buf);
        let error: unknown;
        try {
          model.predict(rows);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(ValidationError);
        const text = String((error as Error).message);
        expect(text).toContain(`at row 6, column 2`);
        expect(text).toContain(name.split(' ')[0]);
        expect(Array.from(buf)).toEqual(Array.from(before));
      }
    });
  }

  it('a finite row whose score overflows predicts ±Infinity or NaN instead of throwing', () => {
    const model = new LinearRegression().fit(train, yReg);
    const { rows } = views(3, d, 5);
    rows[1].fill(1.7e308); // finite, but 1.7e308 · coef (≈ −2) overflows
    const pred = model.predict(rows);
    expect(Number.isFinite(pred[0])).toBe(true);
    expect(Number.isFinite(pred[1])).toBe(false);
  });

  it('predictions from contiguous views equal those from number[][]', () => {
    for (const [, make] of models) {
      const model = make();
      const plain = train.map((r) => Array.from(r));
      expect(model.predict(train)).toEqual(model.predict(plain as unknown as Float64Array[]));
    }
  });
});

describe('fits that read X in place leave it untouched', () => {
  it('Ridge (with and without intercept and weights), Lasso and ElasticNet', () => {
    const { buf, rows } = views(n, d, 7);
    const before = Float64Array.from(buf);
    const w = rows.map((_, i) => 1 + (i % 4));
    const a = new Ridge({ alpha: 0.5 }).fit(rows, yReg);
    new Ridge({ alpha: 0.5, fitIntercept: false }).fit(rows, yReg);
    const b = new Ridge({ alpha: 0.5 }).fit(rows, yReg, w);
    new Ridge({ alpha: 0.5, solver: 'svd' }).fit(rows, yReg, w);
    new Ridge({ alpha: 0.5, solver: 'lsqr' }).fit(rows, yReg);
    new Lasso({ alpha: 0.01 }).fit(rows, yReg, w);
    new ElasticNet({ alpha: 0.01, fitIntercept: false }).fit(rows, yReg);
    expect(Array.from(buf)).toEqual(Array.from(before));
    // and the results equal those on a private copy (number[][] input is copied by validation)
    const plain = rows.map((r) => Array.from(r));
    expect(new Ridge({ alpha: 0.5 }).fit(plain, yReg).coef_).toEqual(a.coef_);
    expect(new Ridge({ alpha: 0.5 }).fit(plain, yReg, w).coef_).toEqual(b.coef_);
  });
});
