import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError, setWarningHandler, type TypelearnWarning, type WarningHandler } from '../../src/core/errors';
import { LogisticRegression, Ridge } from '../../src/linear_model/index';
import { KFold, learningCurve, validationCurve } from '../../src/model_selection/index';

const dir = fileURLToPath(new URL('../fixtures/model_selection/', import.meta.url));
const fx = JSON.parse(readFileSync(dir + 'curves.json', 'utf8'));
const X: number[][] = fx.X;

const warnings: TypelearnWarning[] = [];
let previous: WarningHandler;
beforeEach(() => {
  warnings.length = 0;
  previous = setWarningHandler((w) => warnings.push(w));
});
afterEach(() => setWarningHandler(previous));

function closeGrid(a: number[][], b: number[][], tol: number): void {
  expect(a.length).toBe(b.length);
  a.forEach((row, i) => {
    expect(row.length).toBe(b[i].length);
    row.forEach((v, k) => expect(Math.abs(v - b[i][k])).toBeLessThan(tol));
  });
}

describe('learningCurve matches scikit-learn 1.2.1', () => {
  it('default sizes, Ridge, 5 folds', () => {
    const r = learningCurve(new Ridge({ alpha: 0.5 }), X, fx.yr, { cv: 5 });
    expect(r.trainSizes).toEqual(fx.ridgeDefault.trainSizes);
    closeGrid(r.trainScores, fx.ridgeDefault.trainScores, 1e-8);
    closeGrid(r.testScores, fx.ridgeDefault.testScores, 1e-8);
  });
  it('fractions with a duplicate (warned and removed), neg MSE', () => {
    const r = learningCurve(new Ridge({ alpha: 0.5 }), X, fx.yr, { cv: 4, trainSizes: [0.05, 0.3, 0.3001, 1.0], scoring: 'neg_mean_squared_error' });
    expect(r.trainSizes).toEqual([1, 11, 39]);
    expect(r.trainSizes).toEqual(fx.ridgeFractions.trainSizes);
    closeGrid(r.trainScores, fx.ridgeFractions.trainScores, 1e-8);
    closeGrid(r.testScores, fx.ridgeFractions.testScores, 1e-8);
    expect(warnings.some((w) => /duplicate/.test(w.message))).toBe(true);
  });
  it('absolute counts, LogisticRegression with string labels (stratified folds)', () => {
    const r = learningCurve(new LogisticRegression({ C: 0.7 }), X, fx.yc, { cv: 3, trainSizes: [12, 20, 35], scoring: 'accuracy' });
    expect(r.trainSizes).toEqual(fx.logisticCounts.trainSizes);
    closeGrid(r.trainScores, fx.logisticCounts.trainScores, 1e-8);
    closeGrid(r.testScores, fx.logisticCounts.testScores, 1e-8);
  });
  it('shuffle is seeded, uses subsets of each training fold, and leaves the full size unchanged', () => {
    const o = { cv: new KFold({ nSplits: 4 }), trainSizes: [10, 39], shuffle: true, randomState: 3 };
    const a = learningCurve(new Ridge(), X, fx.yr, o);
    const b = learningCurve(new Ridge(), X, fx.yr, o);
    expect(a).toEqual(b);
    const plain = learningCurve(new Ridge(), X, fx.yr, { ...o, shuffle: false });
    expect(a.testScores[0]).not.toEqual(plain.testScores[0]);
    // Fold 0 trains on 39 rows: size 39 is all of them, in another order.
    expect(Math.abs(a.testScores[1][0] - plain.testScores[1][0])).toBeLessThan(1e-10);
  });
  it('rejects bad sizes and options', () => {
    expect(() => learningCurve(new Ridge(), X, fx.yr, { trainSizes: [0, 0.5] })).toThrow(ValidationError);
    expect(() => learningCurve(new Ridge(), X, fx.yr, { trainSizes: [5, 100] })).toThrow(/trainSizes/);
    expect(() => learningCurve(new Ridge(), X, fx.yr, { trainSizes: [] })).toThrow(/trainSizes/);
    expect(() => learningCurve(new Ridge(), X, fx.yr, { shuffle: 1 as unknown as boolean })).toThrow(/shuffle/);
    expect(() => learningCurve(new Ridge(), X, fx.yr, { foo: 1 } as never)).toThrow(/foo/);
  });
});

describe('validationCurve matches scikit-learn 1.2.1', () => {
  it('Ridge alpha, default score', () => {
    const r = validationCurve(new Ridge(), X, fx.yr, { paramName: 'alpha', paramRange: [0.01, 1.0, 10.0, 1000.0], cv: 5 });
    closeGrid(r.trainScores, fx.ridgeAlpha.trainScores, 1e-8);
    closeGrid(r.testScores, fx.ridgeAlpha.testScores, 1e-8);
  });
  it('LogisticRegression C, neg log loss', () => {
    const r = validationCurve(new LogisticRegression(), X, fx.yc, { paramName: 'C', paramRange: [0.01, 0.1, 1.0], cv: 4, scoring: 'neg_log_loss' });
    closeGrid(r.trainScores, fx.logisticC.trainScores, 1e-8);
    closeGrid(r.testScores, fx.logisticC.testScores, 1e-8);
  });
  it('checks the parameter before fitting and never touches the estimator passed', () => {
    const est = new Ridge({ alpha: 2 });
    expect(() => validationCurve(est, X, fx.yr, { paramName: 'alpha', paramRange: [-1] })).toThrow(ValidationError);
    expect(() => validationCurve(est, X, fx.yr, { paramName: 'nope', paramRange: [1] })).toThrow(/nope/);
    expect(() => validationCurve(est, X, fx.yr, { paramName: 'alpha', paramRange: [] })).toThrow(/paramRange/);
    validationCurve(est, X, fx.yr, { paramName: 'alpha', paramRange: [5], cv: 3 });
    expect(est.getParams().alpha).toBe(2);
  });
});
