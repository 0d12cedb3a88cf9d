/**
 * Issue 13 §4: no silent garbage. Finite inputs that overflow inside a fit, invalid y handed to a
 * meta-estimator, options changed by reference after validation, '__proto__' keys, bad seeds and
 * options of functions, all-zero weights, BigInt rows and unknown scorer names each give a clear
 * ValidationError (or, for '__proto__' labels, a correct result) instead of NaN or a wrong answer.
 */
import { describe, expect, it } from 'vitest';
import { validationError } from '../helpers';
import { RandomState, checkRandomState } from '../../src/core/random';
import { registerFunction } from '../../src/core/serialization';
import { ElasticNet, Lasso, LinearRegression, LogisticRegression, Ridge, RidgeClassifier, RidgeCV, SGDClassifier, SGDRegressor } from '../../src/linear_model/index';
import { KBinsDiscretizer, Normalizer, SimpleImputer, StandardScaler } from '../../src/preprocessing/index';
import { RFECV, SequentialFeatureSelector, fClassif, fRegression, mutualInfoClassif, mutualInfoRegression, rRegression } from '../../src/feature_selection/index';
import { GridSearchCV, KFold, ParameterGrid, RandomizedSearchCV, ShuffleSplit, trainTestSplit } from '../../src/model_selection/index';
import { accuracyScore, balancedAccuracyScore, classificationReport, confusionMatrix, f1Score, rocAucScore } from '../../src/metrics/index';
import { makeRegression } from '../../src/datasets/index';


const X = [[1, 2], [3, 4], [5, 7], [2, 1], [4, 4], [6, 1]];
const y = [1, 2, 3, 4, 5, 6];
const labels = [0, 1, 0, 1, 0, 1];
const huge = X.map((r) => r.map((v) => v * 1e200));

describe('finite but huge inputs that overflow inside a fit', () => {
  it('StandardScaler on [[1e308], [1.5e308]] throws instead of returning NaN, keeping the previous fit', () => {
    const sc = new StandardScaler().fit([[1], [3]]);
    const e = validationError(() => sc.fit([[1e308], [1.5e308]]));
    expect(e.message).toMatch(/StandardScaler: the mean or variance of feature 0 overflowed\. X holds finite values too large/);
    expect(sc.mean_).toEqual([2]);
    expect(validationError(() => new StandardScaler().fitTransform([[1e308], [1.5e308]])).param).toBe('X');
    expect(validationError(() => new StandardScaler().partialFit([[1e308]]).partialFit([[1.5e308]])).param).toBe('X');
    // Large values whose statistics are representable still work.
    expect(new StandardScaler().fit([[1e150], [3e150]]).mean_).toEqual([2e150]);
  });

  it('SGDClassifier on X × 1e200 throws as SGDRegressor does', () => {
    const e = validationError(() => new SGDClassifier({ randomState: 0 }).fit(huge, labels));
    expect(e.message).toMatch(/SGDClassifier: floating-point under-\/overflow occurred at epoch #1\. X holds finite values too large/);
    expect(validationError(() => new SGDRegressor({ randomState: 0 }).fit(huge, y)).message).toMatch(/SGDRegressor: floating-point under-\/overflow/);
  });

  it('Ridge, RidgeClassifier, RidgeCV, ElasticNet, Lasso on X × 1e200 throw instead of returning zero coefficients', () => {
    for (const [name, fit] of [
      ['Ridge', () => new Ridge().fit(huge, y)],
      ['RidgeClassifier', () => new RidgeClassifier().fit(huge, labels)],
      ['RidgeCV', () => new RidgeCV().fit(huge, y)],
      ['ElasticNet', () => new ElasticNet().fit(huge, y)],
      ['Lasso', () => new Lasso().fit(huge, y)],
    ] as const) {
      const e = validationError(fit);
      expect(e.message).toMatch(new RegExp(`^${name}: the sums of squares of the features overflowed\\. X holds finite values too large`));
    }
    // Large values whose squares are representable still fit.
    const big = new Ridge({ alpha: 1e-300 }).fit(X.map((r) => [r[0], r[1] * 1e150]), y).coef_ as number[];
    expect(big.every(Number.isFinite)).toBe(true);
  });
});

describe('the same overflow elsewhere', () => {
  const big = [[1e308, 1], [1.5e308, 2], [1.2e308, 3]];
  it('SimpleImputer mean and median, LogisticRegression, fClassif and fRegression throw the same error', () => {
    expect(validationError(() => new SimpleImputer().fit([[1e308], [1.5e308], [NaN]])).message).toMatch(/^SimpleImputer: the mean of feature 0 overflowed\./);
    expect(validationError(() => new SimpleImputer({ strategy: 'median' }).fit([[1e308], [1.5e308], [NaN]])).message).toMatch(/the median of feature 0 overflowed/);
    expect(new SimpleImputer({ strategy: 'most_frequent' }).fit([[1e308], [1.5e308], [NaN]]).statistics_).toEqual([1e308]);
    for (const f of [() => new LogisticRegression().fit(big, [0, 1, 0]), () => fClassif(big, [0, 1, 0]), () => fRegression(big, [1, 2, 3])]) {
      expect(validationError(f).message).toMatch(/the sums of squares of the features overflowed/);
    }
  });

  it('Normalizer computes the norm of such rows without overflow instead of returning zeros', () => {
    const out = new Normalizer().fitTransform([[3e200, 4e200], [3, 4]]).to2DArray();
    expect(out[0][0]).toBeCloseTo(0.6, 15);
    expect(out[0][1]).toBeCloseTo(0.8, 15);
    expect(out[1]).toEqual([0.6, 0.8]);
    expect(new Normalizer({ norm: 'l1' }).fitTransform([[1e308, 1e308]]).to2DArray()).toEqual([[0.5, 0.5]]);
  });
});

describe('validation of what a meta-estimator hands on', () => {
  it('SequentialFeatureSelector validates y (NaN, Infinity, null)', () => {
    const X3 = [[1, 2, 3], [2, 3, 1], [3, 1, 2], [4, 4, 4], [5, 3, 2], [6, 1, 1]];
    const sfs = () => new SequentialFeatureSelector({ estimator: new LinearRegression(), nFeaturesToSelect: 1, cv: 2 });
    for (const bad of [NaN, Infinity, null]) {
      const e = validationError(() => sfs().fit(X3, [bad as number, 1, 2, 3, 4, 5]));
      expect(e.estimator).toBe('SequentialFeatureSelector');
      expect(e.param).toBe('y');
    }
    expect(validationError(() => sfs().fit(X3, [1, 2, 3])).message).toMatch(/same number of samples as X \(6\)/);
    expect(sfs().fit(X3, [1, 2, 3, 4, 5, 6]).getSupport()).toHaveLength(3);
  });

  it('mutualInfoRegression with nNeighbors >= n is rejected; below n it works', () => {
    const Xm = [[1], [2], [3], [4]];
    const e = validationError(() => mutualInfoRegression(Xm, [1, 2, 3, 4], { nNeighbors: 4 }));
    expect(e.param).toBe('nNeighbors');
    expect(e.message).toMatch(/an integer below the number of samples \(4\)/);
    expect(mutualInfoRegression(Xm, [1, 2, 3, 4], { nNeighbors: 3, randomState: 0 }).scores).toHaveLength(1);
    // Classification takes k per class, as scikit-learn: not affected.
    expect(mutualInfoClassif(Xm, [0, 0, 1, 1], { nNeighbors: 4, randomState: 0 }).scores).toHaveLength(1);
  });
});

describe('options are copied in and out', () => {
  it('pushing onto the array passed to RidgeCV({ alphas }) changes nothing', () => {
    const alphas = [1, 2];
    const m = new RidgeCV({ alphas });
    alphas.push(-5);
    expect(m.getParams().alphas).toEqual([1, 2]);
    expect(m.fit(X, y).alpha_).toBeGreaterThan(0);
  });

  it('pushing onto an array returned by getParams() changes nothing', () => {
    const m = new RidgeCV({ alphas: [1, 2] });
    (m.getParams().alphas as number[]).push(-5);
    expect(m.getParams().alphas).toEqual([1, 2]);
    const s = new GridSearchCV(new Ridge(), { alpha: [1, 2] }, { cv: 2 });
    (s.getParams().paramGrid as Record<string, number[]>).alpha.push(-5);
    expect(s.getParams().paramGrid).toEqual({ alpha: [1, 2] });
  });

  it('setParams copies too; nested estimators are kept, not copied', () => {
    const m = new RidgeCV();
    const a = [3, 4];
    m.setParams({ alphas: a });
    a.push(-1);
    expect(m.getParams().alphas).toEqual([3, 4]);
    const inner = new Ridge();
    expect(new GridSearchCV(inner, { alpha: [1] }).getParams().estimator).toBe(inner);
  });
});

describe("'__proto__' keys", () => {
  it("a '__proto__' key in a parameter grid is rejected with a clear error", () => {
    const grid = JSON.parse('{"alpha": [1], "__proto__": [{"fitIntercept": false}]}') as Record<string, unknown[]>;
    const e = validationError(() => new GridSearchCV(new Ridge(), grid, { cv: 2 }));
    expect(e.param).toBe('paramGrid');
    expect(validationError(() => new ParameterGrid(grid)).message).toMatch(/'__proto__' in grid 0/);
    expect(validationError(() => new RandomizedSearchCV(new Ridge(), grid, { cv: 2 })).param).toBe('paramDistributions');
  });

  it("classificationReport outputDict keeps a '__proto__' label as a row and the result's prototype untouched", () => {
    const r = classificationReport(['__proto__', 'a', 'a', '__proto__'], ['__proto__', 'a', '__proto__', '__proto__'], { outputDict: true });
    expect(Object.keys(r)).toEqual(['__proto__', 'a', 'accuracy', 'macro avg', 'weighted avg']);
    expect(Object.getPrototypeOf(r)).toBe(null);
    expect(Object.getOwnPropertyDescriptor(r, '__proto__')?.value).toEqual({ precision: 2 / 3, recall: 1, 'f1-score': 0.8, support: 2 });
    expect(Object.keys(JSON.parse(JSON.stringify(r)))).toContain('__proto__'); // and it survives JSON
  });
});

describe('clear errors for bad seeds, options, weights and rows', () => {
  it('randomState of -1 or 1e308 is refused, by estimators, splitters and functions alike', () => {
    for (const seed of [-1, 1e308, 2 ** 32, 0.5]) {
      expect(validationError(() => new SGDRegressor({ randomState: seed })).param).toBe('randomState');
      expect(validationError(() => new KFold({ nSplits: 2, shuffle: true, randomState: seed })).param).toBe('randomState');
      expect(validationError(() => new ShuffleSplit({ randomState: seed })).param).toBe('randomState');
      expect(validationError(() => new KBinsDiscretizer({ randomState: seed })).param).toBe('randomState');
      expect(validationError(() => trainTestSplit(X, y, { randomState: seed })).param).toBe('randomState');
      expect(validationError(() => makeRegression({ randomState: seed })).param).toBe('randomState');
      expect(validationError(() => mutualInfoRegression(X, y, { randomState: seed })).param).toBe('randomState');
      expect(validationError(() => checkRandomState(seed)).param).toBe('randomState');
    }
    expect(validationError(() => new SGDRegressor({ randomState: -1 })).message).toBe(
      "The 'randomState' option of SGDRegressor must be an integer in [0, 4294967295] or null. Got -1.",
    );
    expect(new RandomState(4294967295).random()).toBeGreaterThanOrEqual(0);
    expect(new SGDRegressor({ randomState: 4294967295 }).fit(X, y).coef_).toHaveLength(2);
  });

  it("rRegression({ center: 'x' }) and unknown options of the score functions are refused", () => {
    const e = validationError(() => rRegression(X, y, { center: 'x' as unknown as boolean }));
    expect(e.message).toBe("The 'center' option of rRegression must be a boolean. Got 'x'.");
    expect(validationError(() => fRegression(X, y, { forceFinite: 1 as unknown as boolean })).param).toBe('forceFinite');
    expect(validationError(() => rRegression(X, y, { centre: true } as unknown as { center: boolean })).code).toBe('unknown_option');
  });

  it('registerFunction of a non-function is refused', () => {
    const e = validationError(() => registerFunction('notAFunction', 5 as unknown as () => number));
    expect(e.message).toBe('registerFunction: fn must be a function. Got 5.');
    expect(validationError(() => registerFunction('', () => 1)).param).toBe('name');
  });

  it('all-zero sampleWeight in metrics is refused instead of giving NaN', () => {
    const w = { sampleWeight: [0, 0, 0, 0] };
    for (const f of [
      () => accuracyScore([0, 1, 1, 0], [0, 1, 0, 0], w),
      () => balancedAccuracyScore([0, 1, 1, 0], [0, 1, 0, 0], w),
      () => rocAucScore([0, 1, 1, 0], [0.1, 0.9, 0.4, 0.2], w),
      () => f1Score([0, 1, 1, 0], [0, 1, 0, 0], w),
      () => confusionMatrix([0, 1, 1, 0], [0, 1, 0, 0], w),
    ]) {
      expect(validationError(f).message).toMatch(/sampleWeight must be weights with a positive sum/);
    }
    expect(accuracyScore([0, 1, 1, 0], [0, 1, 0, 0], { sampleWeight: [0, 1, 1, 0] })).toBe(0.5);
  });

  it('BigInt64Array rows are refused with a clear error, not a TypeError', () => {
    const rows = [new BigInt64Array([1n, 2n]), new BigInt64Array([3n, 4n])] as unknown as number[][];
    const e = validationError(() => new StandardScaler().fit(rows));
    expect(e.message).toMatch(/StandardScaler: X must be rows of numbers .*Got row 0: a BigInt64Array\./);
    expect(validationError(() => new StandardScaler().fit([new Float64Array([1, 2]), new BigUint64Array([3n, 4n])] as unknown as number[][])).message).toMatch(/row 1/);
    expect(validationError(() => new Ridge().fit(X, new BigInt64Array(6) as unknown as number[])).param).toBe('y');
  });
});

describe("scoring: 'bogus' fails at construction, naming the class the user called", () => {
  const cases: Array<[string, () => unknown]> = [
    ['GridSearchCV', () => new GridSearchCV(new Ridge(), { alpha: [1] }, { scoring: 'bogus' })],
    ['RandomizedSearchCV', () => new RandomizedSearchCV(new Ridge(), { alpha: [1] }, { scoring: 'bogus' })],
    ['RFECV', () => new RFECV({ estimator: new Ridge(), scoring: 'bogus' })],
    ['RidgeCV', () => new RidgeCV({ scoring: 'bogus' })],
    ['SequentialFeatureSelector', () => new SequentialFeatureSelector({ estimator: new Ridge(), scoring: 'bogus' })],
  ];
  for (const [name, make] of cases) {
    it(name, () => {
      const e = validationError(make);
      expect(e.estimator).toBe(name);
      expect(e.param).toBe('scoring');
      expect(e.message).toMatch(new RegExp(`^The 'scoring' option of ${name} must be .*'neg_mean_squared_error'.*\\. Got 'bogus'\\.$`));
    });
  }

  it('lists and objects of names are checked too; known names and functions pass', () => {
    expect(validationError(() => new GridSearchCV(new Ridge(), { alpha: [1] }, { scoring: ['r2', 'bogus'] })).param).toBe('scoring');
    expect(validationError(() => new GridSearchCV(new Ridge(), { alpha: [1] }, { scoring: { a: 'r2', b: 'bogus' } })).param).toBe('scoring');
    expect(() => new GridSearchCV(new Ridge(), { alpha: [1] }, { scoring: ['r2', 'neg_mean_squared_error'] })).not.toThrow();
    expect(() => new RidgeCV({ scoring: 'r2' })).not.toThrow();
    expect(() => new RFECV({ estimator: new Ridge(), scoring: () => 1 })).not.toThrow();
  });
});
