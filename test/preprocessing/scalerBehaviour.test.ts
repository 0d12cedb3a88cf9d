import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  Binarizer,
  FunctionTransformer,
  KBinsDiscretizer,
  MaxAbsScaler,
  MinMaxScaler,
  Normalizer,
  OutlierClipper,
  PolynomialFeatures,
  PowerTransformer,
  QuantileTransformer,
  RobustScaler,
  ValidationError,
  loadModel,
  registerFunction,
  setWarningHandler,
} from '../../src/index';
import type { TypelearnWarning } from '../../src/index';
import type { Matrix } from 'ml-matrix';

const X = [[1, 10, -3], [2, 20, 0], [4, 5, 3], [8, 40, 9], [3, 25, -1]];
let warnings: TypelearnWarning[] = [];
let previous: ReturnType<typeof setWarningHandler>;
beforeEach(() => {
  warnings = [];
  previous = setWarningHandler((w) => warnings.push(w));
});
afterEach(() => {
  setWarningHandler(previous);
});

/** The ValidationError a call throws (fails the test when it does not throw one). */
function errorOf(f: () => unknown): ValidationError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('inverseTransform rejects the wrong width', () => {
  const cases: [string, () => { fit(X: number[][]): unknown; inverseTransform(X: number[][]): Matrix }][] = [
    ['MinMaxScaler', () => new MinMaxScaler()],
    ['MaxAbsScaler', () => new MaxAbsScaler()],
    ['RobustScaler', () => new RobustScaler()],
    ['PowerTransformer', () => new PowerTransformer()],
    ['QuantileTransformer', () => new QuantileTransformer({ nQuantiles: 5 })],
    ['KBinsDiscretizer', () => new KBinsDiscretizer({ nBins: 2, encode: 'ordinal' })],
  ];
  for (const [name, make] of cases) {
    it(name, () => {
      const est = make();
      est.fit(X);
      const e = errorOf(() => est.inverseTransform([[1, 2]]));
      expect(e.code).toBe('feature_mismatch');
      expect(e.message).toContain(`${name} is expecting 3 features`);
    });
  }
  it('KBinsDiscretizer one-hot expects the one-hot width', () => {
    const est = new KBinsDiscretizer({ nBins: 2 }).fit(X);
    expect(errorOf(() => est.inverseTransform([[0, 1, 2]])).message).toContain('expecting 6 features');
  });
});

describe('invalid options name the estimator and the option', () => {
  const bad: [string, () => unknown, string][] = [
    ['featureRange min >= max', () => new MinMaxScaler({ featureRange: [1, 0] }).fit(X), 'featureRange'],
    ['featureRange not a pair', () => new MinMaxScaler({ featureRange: [0] as unknown as [number, number] }), 'featureRange'],
    ['quantileRange reversed', () => new RobustScaler({ quantileRange: [80, 20] }).fit(X), 'quantileRange'],
    ['quantileRange above 100', () => new RobustScaler({ quantileRange: [20, 120] }), 'quantileRange'],
    ['norm', () => new Normalizer({ norm: 'l3' as 'l1' }), 'norm'],
    ['threshold', () => new Binarizer({ threshold: 'a' as unknown as number }), 'threshold'],
    ['method', () => new PowerTransformer({ method: 'log' as 'box-cox' }), 'method'],
    ['nQuantiles 0', () => new QuantileTransformer({ nQuantiles: 0 }), 'nQuantiles'],
    ['nQuantiles > subsample', () => new QuantileTransformer({ nQuantiles: 100, subsample: 10 }).fit(X), 'nQuantiles'],
    ['degree [3, 2]', () => new PolynomialFeatures({ degree: [3, 2] }).fit(X), 'degree'],
    ['degree 0 without bias', () => new PolynomialFeatures({ degree: 0, includeBias: false }).fit(X), 'degree'],
    ['degree -1', () => new PolynomialFeatures({ degree: -1 }), 'degree'],
    ['nBins 1', () => new KBinsDiscretizer({ nBins: 1 }), 'nBins'],
    ['nBins of the wrong length', () => new KBinsDiscretizer({ nBins: [2, 3] }).fit(X), 'nBins'],
    ['subsample with kmeans', () => new KBinsDiscretizer({ strategy: 'kmeans', subsample: 10 }).fit(X), 'subsample'],
    ['encode', () => new KBinsDiscretizer({ encode: 'sparse' as 'onehot' }), 'encode'],
    ['k < 0', () => new OutlierClipper({ k: -1 }), 'k'],
    ['clip quantileRange reversed', () => new OutlierClipper({ quantileRange: [90, 10] }).fit(X), 'quantileRange'],
    ['func not a function', () => new FunctionTransformer({ func: 3 as unknown as null }), 'func'],
    ['featureNamesOut', () => new FunctionTransformer({ featureNamesOut: 'same' as 'one-to-one' }), 'featureNamesOut'],
  ];
  for (const [what, f, param] of bad) {
    it(what, () => {
      const e = errorOf(f);
      expect(e.param).toBe(param);
      expect(e.estimator).toBeDefined();
      expect(e.message).toContain(e.estimator as string);
    });
  }
});

describe('constant and all-missing features', () => {
  it('scalers give a constant feature scale 1 (so it maps to 0 / featureRange[0] / itself)', () => {
    const C = [[5, 1], [5, 2], [5, 3]];
    expect(new MinMaxScaler().fit(C).scale_[0]).toBe(1);
    expect(new MinMaxScaler().fitTransform(C).getColumn(0)).toEqual([0, 0, 0]);
    expect(new RobustScaler().fit(C).scale_?.[0]).toBe(1);
    expect(new MaxAbsScaler().fit([[0, 1], [0, 2]]).scale_).toEqual([1, 2]);
    const pt = new PowerTransformer().fit(C);
    expect(pt.lambdas_[0]).toBe(1);
    expect(pt.transform(C).getColumn(0)).toEqual([0, 0, 0]);
  });
  it('Box-Cox rejects constant features, non-positive values and all-missing features', () => {
    expect(errorOf(() => new PowerTransformer({ method: 'box-cox' }).fit([[5, 1], [5, 2]])).message).toContain('feature 0 is constant');
    expect(errorOf(() => new PowerTransformer({ method: 'box-cox' }).fit([[1, 1], [0, 2]])).message).toContain('strictly positive');
    const fitted = new PowerTransformer({ method: 'box-cox' }).fit([[1, 1], [2, 2]]);
    expect(errorOf(() => fitted.transform([[-1, 1]])).message).toContain('strictly positive');
    expect(errorOf(() => new PowerTransformer({ method: 'box-cox' }).fit([[NaN, 1], [NaN, 2]])).message).toContain('no non-missing value');
  });
  it('KBinsDiscretizer gives a constant feature one bin (−∞, ∞) and warns', () => {
    const est = new KBinsDiscretizer({ nBins: 3, encode: 'ordinal' }).fit([[5, 1], [5, 2], [5, 3]]);
    expect(est.binEdges_[0]).toEqual([-Infinity, Infinity]);
    expect(est.nBins_).toEqual([1, 3]);
    expect(warnings.map((w) => w.message)).toEqual(['Feature 0 is constant and will be replaced with 0.']);
    expect(est.transform([[-100, 2]]).to2DArray()).toEqual([[0, 1]]);
  });
  it('KBinsDiscretizer merges bins narrower than 1e-8 with a warning', () => {
    const est = new KBinsDiscretizer({ nBins: 4, encode: 'ordinal' }).fit([[0], [0], [0], [0], [0], [1]]);
    expect(est.binEdges_[0]).toEqual([0, 1]);
    expect(est.nBins_).toEqual([1]);
    expect(warnings[0].message).toContain('Bins whose width are too small');
  });
  it('all-missing features: NaN statistics, NaN passes through', () => {
    const M = [[1, NaN], [3, NaN]];
    expect(new MinMaxScaler().fit(M).dataMin_).toEqual([1, NaN]);
    expect(new MaxAbsScaler().fit(M).maxAbs_).toEqual([3, NaN]);
    expect(new RobustScaler().fit(M).center_).toEqual([2, NaN]);
    const clip = new OutlierClipper().fit(M);
    expect([clip.lower_[1], clip.upper_[1]]).toEqual([NaN, NaN]);
    expect(clip.transform([[100, 7], [NaN, NaN]]).to2DArray()).toEqual([[4, 7], [NaN, NaN]]);
    expect(new QuantileTransformer({ nQuantiles: 2 }).fit(M).transform([[2, 1]]).to2DArray()).toEqual([[0.5, NaN]]);
  });
  it('estimators without the allowNaN tag reject NaN', () => {
    for (const est of [new Normalizer(), new Binarizer(), new PolynomialFeatures(), new KBinsDiscretizer()]) {
      expect(() => est.fit([[1, NaN], [2, 3]])).toThrow(ValidationError);
    }
  });
});

describe('MinMaxScaler and MaxAbsScaler partialFit', () => {
  it('equals fit on all the data', () => {
    const a = new MinMaxScaler().partialFit(X.slice(0, 2)).partialFit(X.slice(2));
    const b = new MinMaxScaler().fit(X);
    expect(a.transform(X).to2DArray()).toEqual(b.transform(X).to2DArray());
    expect(a.nSamplesSeen_).toBe(5);
    const c = new MaxAbsScaler().partialFit(X.slice(0, 3)).partialFit(X.slice(3));
    expect(c.maxAbs_).toEqual(new MaxAbsScaler().fit(X).maxAbs_);
  });
  it('a failed partialFit keeps the model', () => {
    const a = new MinMaxScaler().fit(X);
    expect(() => a.partialFit([[1, 2]])).toThrow(ValidationError);
    expect(a.dataMax_).toEqual([8, 40, 9]);
  });
  it('clip keeps transformed values in the feature range', () => {
    const s = new MinMaxScaler({ featureRange: [-1, 1], clip: true }).fit(X);
    const T = s.transform([[100, -100, 4]]).to2DArray()[0];
    expect([T[0], T[1]]).toEqual([1, -1]);
  });
});

describe('QuantileTransformer', () => {
  it('caps nQuantiles at the number of samples, with a warning', () => {
    const qt = new QuantileTransformer().fit(X);
    expect(qt.nQuantiles_).toBe(5);
    expect(warnings[0].message).toContain('n_quantiles (1000) is greater than the total number of samples (5)');
  });
  it('subsamples reproducibly under randomState, with quantiles drawn from the data', () => {
    const big = Array.from({ length: 200 }, (_, i) => [i, (i * 37) % 101]);
    const a = new QuantileTransformer({ nQuantiles: 10, subsample: 50, randomState: 3 }).fit(big);
    const b = new QuantileTransformer({ nQuantiles: 10, subsample: 50, randomState: 3 }).fit(big);
    const c = new QuantileTransformer({ nQuantiles: 10, subsample: 50, randomState: 4 }).fit(big);
    expect(a.quantiles_).toEqual(b.quantiles_);
    expect(a.quantiles_).not.toEqual(c.quantiles_);
    const full = new QuantileTransformer({ nQuantiles: 10 }).fit(big);
    expect(a.quantiles_).not.toEqual(full.quantiles_);
    // The extreme quantiles are sample values (the subsample's minimum and maximum).
    for (const v of [...a.quantiles_[0], ...a.quantiles_[9]]) expect(Number.isInteger(v)).toBe(true);
  });
  it('normal output is clipped so that the extremes stay finite and invert', () => {
    const qt = new QuantileTransformer({ nQuantiles: 5, outputDistribution: 'normal' }).fit(X);
    const T = qt.transform([[-1e9, 1e9, 0]]).to2DArray()[0];
    expect(T[0]).toBeCloseTo(-5.199337582605575, 12);
    expect(T[1]).toBeCloseTo(5.19933758270342, 9);
    expect(qt.inverseTransform([T]).to2DArray()[0].slice(0, 2)).toEqual([1, 40]);
  });
});

describe('KBinsDiscretizer', () => {
  it("'onehot' and 'onehot-dense' give the same dense Matrix; inverse maps to bin centers", () => {
    const a = new KBinsDiscretizer({ nBins: 2, encode: 'onehot' }).fitTransform(X).to2DArray();
    const b = new KBinsDiscretizer({ nBins: 2, encode: 'onehot-dense' }).fitTransform(X).to2DArray();
    expect(a).toEqual(b);
    const est = new KBinsDiscretizer({ nBins: 2, encode: 'onehot', strategy: 'uniform' }).fit(X);
    expect(est.inverseTransform([[1, 0, 0, 1, 1, 0]]).to2DArray()).toEqual([[2.75, 31.25, 0]]);
  });
  it('inverseTransform rejects a one-hot block without a 1 and out-of-range bin indices', () => {
    const est = new KBinsDiscretizer({ nBins: 2 }).fit(X);
    expect(errorOf(() => est.inverseTransform([[0, 0, 1, 0, 1, 0]])).message).toContain('no 1 for feature 0');
    const ord = new KBinsDiscretizer({ nBins: 2, encode: 'ordinal' }).fit(X);
    expect(errorOf(() => ord.inverseTransform([[0, 2, 1]])).message).toContain('bin indices in [0, 1] for feature 1');
  });
  it('quantile subsampling is reproducible under randomState', () => {
    const big = Array.from({ length: 100 }, (_, i) => [(i * 7919) % 100]);
    const a = new KBinsDiscretizer({ nBins: 3, subsample: 20, randomState: 1 }).fit(big).binEdges_;
    expect(new KBinsDiscretizer({ nBins: 3, subsample: 20, randomState: 1 }).fit(big).binEdges_).toEqual(a);
    expect(new KBinsDiscretizer({ nBins: 3 }).fit(big).binEdges_).not.toEqual(a);
  });
});

describe('FunctionTransformer', () => {
  const double = (M: Matrix) => M.clone().mul(2);
  const half = (M: Matrix) => M.clone().div(2);
  it('warns when inverseFunc does not undo func (checkInverse)', () => {
    new FunctionTransformer({ func: double, inverseFunc: double }).fit(X);
    expect(warnings.map((w) => w.message)[0]).toContain('not strictly inverse');
    warnings.length = 0;
    new FunctionTransformer({ func: double, inverseFunc: half }).fit(X);
    new FunctionTransformer({ func: double, inverseFunc: double, checkInverse: false }).fit(X);
    expect(warnings).toEqual([]);
  });
  it('validate rejects NaN; without it NaN passes to func', () => {
    expect(() => new FunctionTransformer({ validate: true }).fit([[NaN]])).toThrow(ValidationError);
    expect(new FunctionTransformer().fit([[1], [2]]).transform([[NaN]]).get(0, 0)).toBeNaN();
  });
  it('may change the width; inverseTransform takes any width; a bad result is a ValidationError', () => {
    const sumCols = new FunctionTransformer({ func: (M: Matrix) => M.to2DArray().map((r) => [r.reduce((a, b) => a + b, 0)]) }).fit(X);
    expect(sumCols.transform([[1, 2, 3]]).to2DArray()).toEqual([[6]]);
    expect(sumCols.inverseTransform([[1]]).to2DArray()).toEqual([[1]]);
    const broken = new FunctionTransformer({ func: () => [1, 2] as unknown as number[][] }).fit(X);
    expect(errorOf(() => broken.transform(X)).param).toBe('the result of func');
  });
  it('names output features one to one, by a function, or not at all', () => {
    expect(new FunctionTransformer({ featureNamesOut: 'one-to-one' }).fit(X).getFeatureNamesOut()).toEqual(['x0', 'x1', 'x2']);
    const named = new FunctionTransformer({ featureNamesOut: (_t, names) => names.map((n) => `log_${n}`) }).fit(X);
    expect(named.getFeatureNamesOut(['a', 'b', 'c'])).toEqual(['log_a', 'log_b', 'log_c']);
    expect(errorOf(() => new FunctionTransformer().fit(X).getFeatureNamesOut()).code).toBe('unsupported');
  });
  it('saves registered functions by name and refuses unregistered ones', () => {
    const unregistered = new FunctionTransformer({ func: (M: Matrix) => M }).fit(X);
    expect(() => JSON.stringify(unregistered)).toThrow(/registerFunction/);
    const triple = (M: Matrix) => M.clone().mul(3);
    registerFunction('test.scalers.triple', triple);
    const saved = JSON.stringify(new FunctionTransformer({ func: triple }).fit(X));
    const loaded = loadModel<FunctionTransformer>(saved);
    expect(loaded.transform([[1, 2, 3]]).to2DArray()).toEqual([[3, 6, 9]]);
  });
});

describe('feature names', () => {
  it('KBinsDiscretizer one-hot names follow scikit-learn (x0_0.0)', () => {
    expect(new KBinsDiscretizer({ nBins: [2, 3, 2] }).fit(X).getFeatureNamesOut(['a', 'b', 'c'])).toEqual(['a_0.0', 'a_1.0', 'b_0.0', 'b_1.0', 'b_2.0', 'c_0.0', 'c_1.0']);
  });
  it('one-to-one transformers check the length of inputFeatures', () => {
    for (const est of [new MinMaxScaler(), new RobustScaler(), new OutlierClipper(), new PolynomialFeatures(), new KBinsDiscretizer({ nBins: 2 })]) {
      est.fit(X);
      expect(() => est.getFeatureNamesOut(['a'])).toThrow(ValidationError);
    }
  });
});
