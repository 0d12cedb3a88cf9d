/**
 * Issue 13 §2: every option or input that sets an output size is checked against what it implies
 * before anything is allocated, failing with a ValidationError naming the option, the size and the
 * limit (never a hang, a RangeError from inside or an out-of-memory abort); a realistic large size
 * (PolynomialFeatures on 500 columns) works.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import { loadModel } from '../../src/core/serialization';
import { validationError } from '../helpers';
import { MAX_COUNT, MAX_ELEMENTS, checkSize, countCombinations } from '../../src/core/sizes';
import { Pipeline } from '../../src/pipeline/index';
import { KBinsDiscretizer, KNNImputer, LabelBinarizer, OneHotEncoder, PolynomialFeatures, StandardScaler } from '../../src/preprocessing/index';
import { CorrelationThreshold, mutualInfoClassif } from '../../src/feature_selection/index';
import { ElasticNetCV, LassoCV, Ridge, enetPath, lassoPath } from '../../src/linear_model/index';
import { GridSearchCV, KFold, LeaveOneOut, ParameterGrid, RandomizedSearchCV, ShuffleSplit, StratifiedKFold, StratifiedShuffleSplit, crossValScore, uniform } from '../../src/model_selection/index';
import { confusionMatrix } from '../../src/metrics/index';
import { makeBlobs, makeClassification, makeRegression } from '../../src/datasets/index';


const X = [[1, 2], [3, 4], [5, 7], [2, 1], [4, 4], [6, 1]];
const y = [1, 2, 3, 4, 5, 6];

describe('checkSize (core)', () => {
  it('passes sizes up to the limit and names the option, the size and the limit above it', () => {
    expect(() => checkSize(MAX_ELEMENTS, { estimator: 'E', param: 'p', what: 'things' })).not.toThrow();
    const e = validationError(() => checkSize(1e12, { estimator: 'E', param: 'p', what: 'things' }));
    expect(e.message).toBe("E: the option 'p' would produce 1000000000000 things, above the limit of 2147483648.");
    expect(e.code).toBe('invalid_option');
    expect(validationError(() => checkSize(Infinity, { estimator: 'E', param: 'X', input: true, what: 'cells', limit: 10 })).code).toBe('invalid_input');
  });

  it('counts combinations as math does', () => {
    expect(countCombinations(5, 2, false)).toBe(10);
    expect(countCombinations(5, 2, true)).toBe(15);
    expect(countCombinations(2, 3, false)).toBe(0);
    expect(countCombinations(1, 1e9, true)).toBe(1);
    expect(countCombinations(496, 2, true)).toBe(123256);
  });
});

describe('PolynomialFeatures', () => {
  it('degree 2 on 500 columns works (no stack overflow) and matches the term count', () => {
    const row = Array.from({ length: 500 }, (_, j) => (j % 7) + 1);
    const poly = new PolynomialFeatures({ degree: 2 }).fit([row, row]);
    expect(poly.nOutputFeatures_).toBe(1 + 500 + (500 * 501) / 2);
    const out = poly.transform([row]);
    expect(out.columns).toBe(poly.nOutputFeatures_);
    // x0·x1 follows the linear terms: bias, 500 linear, x0², x0·x1.
    expect(out.get(0, 1 + 500 + 1)).toBe(row[0] * row[1]);
  });

  it('keeps the lexicographic term order of the recursive version', () => {
    const p = new PolynomialFeatures({ degree: 3, includeBias: false }).fit([[1, 2, 3]]);
    expect(p.getFeatureNamesOut()).toEqual([
      'x0', 'x1', 'x2', 'x0^2', 'x0 x1', 'x0 x2', 'x1^2', 'x1 x2', 'x2^2',
      'x0^3', 'x0^2 x1', 'x0^2 x2', 'x0 x1^2', 'x0 x1 x2', 'x0 x2^2', 'x1^3', 'x1^2 x2', 'x1 x2^2', 'x2^3',
    ]);
    const i = new PolynomialFeatures({ degree: [2, 3], interactionOnly: true, includeBias: false }).fit([[1, 2, 3, 4]]);
    expect(i.getFeatureNamesOut()).toEqual(['x0 x1', 'x0 x2', 'x0 x3', 'x1 x2', 'x1 x3', 'x2 x3', 'x0 x1 x2', 'x0 x1 x3', 'x0 x2 x3', 'x1 x2 x3']);
  });

  it('degree 1e9 fails at fit, naming degree and the limit', () => {
    const e = validationError(() => new PolynomialFeatures({ degree: 1e9 }).fit([[1]]));
    expect(e.param).toBe('degree');
    expect(e.message).toMatch(/'degree' would produce .* above the limit of 2147483648/);
  });

  it('loading a saved model whose degree was raised to 2^31 fails with a ValidationError at once (no 2^31-step count)', () => {
    for (const X1 of [[[1, 2], [3, 4]], [[1], [2]]]) {
      const saved = JSON.parse(JSON.stringify(new PolynomialFeatures({ degree: 2 }).fit(X1))) as { params: Record<string, unknown> };
      for (const degree of [2 ** 31, [0, 2 ** 31], [3, 2 ** 31]]) {
        const e = validationError(() => loadModel({ ...saved, params: { ...saved.params, degree } }));
        expect(e.message).toMatch(/'terms'/);
      }
      for (const interactionOnly of [false, true]) {
        const ok = new PolynomialFeatures({ degree: [1, 3], interactionOnly }).fit(X1);
        expect(loadModel<PolynomialFeatures>(JSON.parse(JSON.stringify(ok))).transform(X1)).toEqual(ok.transform(X1));
      }
    }
  });

  it('a transform whose output exceeds the limit fails before allocating', () => {
    const row = Array.from({ length: 3000 }, () => 1);
    const poly = new PolynomialFeatures({ degree: 2 }).fit([row]);
    const rows = { length: 1000 };
    const many = Array.from(rows, () => row);
    const e = validationError(() => poly.transform(many));
    expect(e.message).toMatch(/would produce 4504501000 output elements \(1000 rows × 4504501 output features\)/);
  });
});

describe('options that set a size', () => {
  it('KBinsDiscretizer nBins: 1e9 fails at construction', () => {
    const e = validationError(() => new KBinsDiscretizer({ nBins: 1e9 }));
    expect(e.param).toBe('nBins');
    expect(e.message).toContain(String(MAX_COUNT));
  });

  it('LassoCV and ElasticNetCV nAlphas: 1e7 fail at construction', () => {
    expect(validationError(() => new LassoCV({ nAlphas: 1e7 })).param).toBe('nAlphas');
    expect(validationError(() => new ElasticNetCV({ nAlphas: 1e7 })).param).toBe('nAlphas');
    expect(validationError(() => enetPath(X, y, { nAlphas: 1e7 })).param).toBe('nAlphas');
    expect(validationError(() => lassoPath(X, y, { nAlphas: 1e7 })).param).toBe('nAlphas');
    // Within the bound, the fits of the path are counted against it at fit.
    const e = validationError(() => new LassoCV({ nAlphas: MAX_COUNT, cv: 2 }).fit(X, y));
    expect(e.message).toMatch(/would produce 2097152 path fits/);
  });

  it('KNNImputer nNeighbors: 1e308 works, using every donor (scikit-learn takes min(k, donors))', () => {
    const Xm = [[1, NaN], [2, 3], [3, 5], [8, 9]];
    const huge = new KNNImputer({ nNeighbors: 1e308 }).fit(Xm).transform([[1, NaN]]).to2DArray();
    const all = new KNNImputer({ nNeighbors: 3 }).fit(Xm).transform([[1, NaN]]).to2DArray();
    expect(huge).toEqual(all);
    expect(huge[0][1]).toBeCloseTo((3 + 5 + 9) / 3, 12);
  });

  it('GridSearchCV over 1e12 candidates fails at fit before building the grid', () => {
    const v = Array.from({ length: 1000 }, (_, i) => i + 1);
    const solvers = Array.from({ length: 1000 }, (_, i) => (i % 2 ? 'auto' : 'svd'));
    const search = new GridSearchCV(new Ridge(), { alpha: v, tol: v, maxIter: v, solver: solvers });
    const e = validationError(() => search.fit(X, y));
    expect(e.param).toBe('paramGrid');
    expect(e.message).toBe(`GridSearchCV: the option 'paramGrid' would produce 1000000000000 candidates, above the limit of ${MAX_COUNT}.`);
    expect(validationError(() => new ParameterGrid({ alpha: v, tol: v, maxIter: v }).toArray()).param).toBe('paramGrid');
    // The grid itself stays lazy: its size and any candidate are available.
    expect(new ParameterGrid({ alpha: v, tol: v, maxIter: v, b: v }).length).toBe(1e12);
  });

  it('RandomizedSearchCV nIter: 1e9 fails with distributions, and is capped by a finite grid as in scikit-learn', () => {
    const e = validationError(() => new RandomizedSearchCV(new Ridge(), { alpha: uniform(0, 1) }, { nIter: 1e9, cv: 2 }).fit(X, y));
    expect(e.param).toBe('nIter');
    expect(e.message).toMatch(/would produce 1000000000 candidates/);
    const quiet = () => undefined;
    const small = new RandomizedSearchCV(new Ridge(), { alpha: [0.1, 1] }, { nIter: 1e9, cv: 2, randomState: 0 });
    void quiet;
    expect(small.fit(X, y).cvResults_.params.length).toBe(2);
  });

  it('candidates × splits are bounded too', () => {
    const v = Array.from({ length: 2 ** 19 }, (_, i) => i + 1);
    const e = validationError(() => new GridSearchCV(new Ridge(), { alpha: v }, { cv: 3 }).fit(X, y));
    expect(e.param).toBe('cv');
    expect(e.message).toMatch(/1572864 fits \(524288 candidates × 3 splits\)/);
  });

  it('makeRegression({ nFeatures: 1e8 }) and the other generators fail before allocating', () => {
    const e = validationError(() => makeRegression({ nFeatures: 1e8 }));
    expect(e.param).toBe('nFeatures');
    expect(e.message).toMatch(/would produce 10000000000 elements of X \(100 samples × 100000000 features\)/);
    expect(validationError(() => makeClassification({ nSamples: 1e9, nFeatures: 20 })).param).toBe('nSamples');
    expect(validationError(() => makeBlobs({ nSamples: 1000, nFeatures: 1e7 })).param).toBe('nFeatures');
  });
});

describe('inputs that set a size', () => {
  it('OneHotEncoder on 1e5 distinct strings: fitTransform fails with the size, transform of a few rows works', () => {
    const rows = Array.from({ length: 1e5 }, (_, i) => [`s${i}`]);
    const enc = new OneHotEncoder();
    const e = validationError(() => enc.fitTransform(rows));
    expect(e.param).toBe('X');
    expect(e.message).toMatch(/would produce 10000000000 output elements \(100000 rows × 100000 one-hot columns; maxCategories bounds the columns\)/);
    expect(enc.transform([['s7']]).get(0, enc.categories_[0].indexOf('s7'))).toBe(1);
    const capped = new OneHotEncoder({ maxCategories: 10 }).fitTransform(rows);
    expect(capped.columns).toBe(10);
  });

  it('confusionMatrix with 1e5 labels fails with the size', () => {
    const labels = Array.from({ length: 1e5 }, (_, i) => i);
    const e = validationError(() => confusionMatrix(labels, labels));
    expect(e.message).toMatch(/would produce 10000000000 matrix cells \(100000 labels × 100000 labels\)/);
  });
});

describe('label-sized outputs', () => {
  it('LabelBinarizer on 1e5 distinct labels fails with the size; CorrelationThreshold on 1e5 features too', () => {
    const y = Array.from({ length: 1e5 }, (_, i) => `c${i}`);
    const lb = new LabelBinarizer().fit(y);
    expect(validationError(() => lb.transform(y)).message).toMatch(/would produce 10000000000 output elements \(100000 labels × 100000 classes\)/);
    expect(lb.transform(['c3']).columns).toBe(1e5);
    const wide = [Array.from({ length: 1e5 }, (_, j) => j), Array.from({ length: 1e5 }, (_, j) => -j)];
    expect(validationError(() => new CorrelationThreshold().fit(wide)).message).toMatch(/10000000000 correlation matrix entries/);
  });

  it('mutual information of two discrete variables of 1e5 values each uses a sparse table', () => {
    const n = 1e5;
    const X = Array.from({ length: n }, (_, i) => [i]);
    const y = Array.from({ length: n }, (_, i) => i);
    const { scores } = mutualInfoClassif(X, y, { discreteFeatures: true });
    expect(scores[0]).toBeCloseTo(Math.log(n), 9);
  });
});

describe('splitters are lazy generators', () => {
  it('ShuffleSplit with nSplits: 1e9 yields its first split at once', () => {
    const it = new ShuffleSplit({ nSplits: 1e9, testSize: 0.5, randomState: 0 }).split(X);
    const first = it.next();
    expect(first.done).toBe(false);
    expect(first.value?.test.length).toBe(3);
    const sss = new StratifiedShuffleSplit({ nSplits: 1e9, testSize: 0.5, randomState: 0 }).split(X, [0, 0, 0, 1, 1, 1]);
    expect(sss.next().value?.test.length).toBe(3);
  });

  it('gives the same splits read lazily as spread, and checks its arguments at the call', () => {
    const a = [...new ShuffleSplit({ nSplits: 3, randomState: 5 }).split(X)];
    const lazy = new ShuffleSplit({ nSplits: 3, randomState: 5 }).split(X);
    for (const s of a) expect(lazy.next().value).toEqual(s);
    expect(lazy.next().done).toBe(true);
    expect(() => new KFold({ nSplits: 7 }).split(X)).toThrow(ValidationError);
    expect(() => new StratifiedKFold({ nSplits: 2 }).split(X)).toThrow(ValidationError);
    expect(() => new LeaveOneOut().split([[1]])).toThrow(ValidationError);
  });

  it('a cross-validation over 1e9 splits fails at once naming cv', () => {
    const e = validationError(() => crossValScore(new Ridge(), X, y, { cv: new ShuffleSplit({ nSplits: 1e9 }) }));
    expect(e.param).toBe('cv');
    expect(e.message).toMatch(/would produce 1000000000 splits/);
  });
});

describe('nesting', () => {
  it('a Pipeline nested 5,000 deep fails at construction with the depth and the limit', () => {
    let p: Pipeline = new Pipeline([['s', new StandardScaler()]]);
    let err: unknown;
    try {
      for (let i = 0; i < 5000; i++) p = new Pipeline([['p', p]]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toMatch(/would produce 65 levels of estimators nested in one another, above the limit of 64/);
  });

  it('a Pipeline nested 60 deep works', () => {
    let p: Pipeline = new Pipeline([['s', new StandardScaler()]]);
    for (let i = 0; i < 60; i++) p = new Pipeline([['p', p]]);
    expect(p.fit(X).transform(X).rows).toBe(X.length);
  });
});
