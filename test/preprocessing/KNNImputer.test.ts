import { describe, expect, it } from 'vitest';
import { KNNImputer, ValidationError, loadModel } from '../../src/index';
import { expectClose, fixture, nanify } from '../helpers';

type Cells = (number | null)[][];
interface KnnCase {
  name: string;
  data: string;
  params: {
    missingValues: number | null;
    nNeighbors: number;
    weights: 'uniform' | 'distance';
    addIndicator: boolean;
    keepEmptyFeatures: boolean;
  };
  transformTest: Cells;
  transformTrain: Cells | null;
  featureNamesOut: string[];
}
interface Fixture {
  data: Record<string, { train: Cells; test: Cells }>;
  cases: KnnCase[];
}
const fx = fixture<Fixture>('preprocessing/knn_imputer.json');

function makeImputer(p: KnnCase['params']): KNNImputer {
  return new KNNImputer({ ...p, missingValues: p.missingValues ?? NaN });
}

/** Throws and returns the error, so its fields can be checked. */
function thrown(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('KNNImputer matches scikit-learn 1.2.1 (fixtures: make_knn_imputer.py)', () => {
  it('covers iris, wine, a -1 marker, zero distances, every nNeighbors and both weights', () => {
    expect(fx.cases.length).toBe(48);
    expect(new Set(fx.cases.map((c) => c.data))).toEqual(new Set(['iris', 'wine', 'iris_minus1', 'zeros']));
    expect(new Set(fx.cases.map((c) => c.params.nNeighbors))).toEqual(new Set([1, 2, 3, 5]));
    // the fixtures do hold missing values, an all-missing test row and an all-missing training column
    const { train, test } = fx.data.wine;
    expect(test.some((row) => row.every((v) => v === null))).toBe(true);
    expect(train.every((row) => row[2] === null)).toBe(true);
  });

  for (const c of fx.cases) {
    it(`${c.name} (1e-9)`, () => {
      const { train, test } = fx.data[c.data];
      const Xtr = nanify(train);
      const Xte = nanify(test);
      const imp = makeImputer(c.params).fit(Xtr);
      expectClose(imp.transform(Xte).to2DArray(), nanify(c.transformTest), 1e-9, 1e-12);
      if (c.transformTrain) expectClose(imp.transform(Xtr).to2DArray(), nanify(c.transformTrain), 1e-9, 1e-12);
      const names = imp.getFeatureNamesOut();
      expect(names.length).toBe(c.transformTest[0].length);
      // scikit-learn 1.2.1 leaves kept empty features out of its names (fewer names than columns)
      const empty = new Set(train[0].map((_, j) => `x${j}`).filter((_, j) => train.every((row) => row[j] === null || row[j] === c.params.missingValues)));
      if (c.params.keepEmptyFeatures) expect(names.filter((n) => !empty.has(n))).toEqual(c.featureNamesOut);
      else expect(names).toEqual(c.featureNamesOut);
    });
  }
});

describe('KNNImputer behaviour', () => {
  const X = [
    [1, 2, NaN],
    [3, 4, 3],
    [NaN, 6, 5],
    [8, 8, 7],
  ];

  it('leaves complete rows alone and never mutates its input (exact)', () => {
    const copy = X.map((r) => r.slice());
    const out = new KNNImputer({ nNeighbors: 2 }).fit(X).transform(X).to2DArray();
    expect(out[1]).toEqual([3, 4, 3]);
    expect(out[3]).toEqual([8, 8, 7]);
    expect(out[0]).toEqual([1, 2, 4]);
    expect(X).toEqual(copy);
  });

  it('uses the fit mean when no donor shares a coordinate with the row (exact)', () => {
    const imp = new KNNImputer({ nNeighbors: 1 }).fit([
      [1, NaN],
      [2, NaN],
      [NaN, 10],
      [NaN, 20],
    ]);
    // row [NaN, 5] shares column 1 only with donors that lack column 0: mean of column 0 = 1.5
    expect(imp.transform([[NaN, 5]]).to2DArray()).toEqual([[1.5, 5]]);
    expect(imp.transform([[NaN, NaN]]).to2DArray()).toEqual([[1.5, 15]]);
  });

  it('averages only donors with a distance when fewer than nNeighbors share a coordinate (exact)', () => {
    const imp = new KNNImputer({ nNeighbors: 3 }).fit([
      [1, 0, NaN],
      [3, NaN, 1],
      [100, NaN, NaN],
    ]);
    // donors of column 0: all three rows; only row 0 and 1 share a coordinate with [NaN, 0, 1]
    expect(imp.transform([[NaN, 0, 1]]).to2DArray()).toEqual([[2, 0, 1]]);
  });

  it('weights "distance": zero-distance donors alone decide (exact)', () => {
    const imp = new KNNImputer({ nNeighbors: 3, weights: 'distance' }).fit([
      [0, 0, 10],
      [0, 0, 20],
      [1, 0, 100],
    ]);
    expect(imp.transform([[0, 0, NaN]]).to2DArray()).toEqual([[0, 0, 15]]);
  });

  it('keeps empty features as 0 and appends indicators with keepEmptyFeatures/addIndicator', () => {
    const imp = new KNNImputer({ nNeighbors: 1, keepEmptyFeatures: true, addIndicator: true }).fit([
      [1, NaN],
      [2, NaN],
    ]);
    // no shared coordinate: the fit mean 1.5; the empty feature is 0; one indicator (feature 1)
    expect(imp.transform([[NaN, 7]]).to2DArray()).toEqual([[1.5, 0, 0]]);
    // indicator columns are there even when nothing is missing
    expect(imp.transform([[5, 7]]).to2DArray()).toEqual([[5, 0, 0]]);
    expect(imp.transform([[5, NaN]]).to2DArray()).toEqual([[5, 0, 1]]);
    expect(imp.getFeatureNamesOut(['a', 'b'])).toEqual(['a', 'b', 'missingindicator_b']);
    expect(new KNNImputer().fit([[1, NaN], [2, NaN]]).transform([[3, 4]]).to2DArray()).toEqual([[3]]);
    expect(imp.indicator_?.features_).toEqual([1]);
  });

  it('survives save and load with identical output (exact)', () => {
    const imp = new KNNImputer({ nNeighbors: 2, weights: 'distance', addIndicator: true }).fit(X);
    const back = loadModel<KNNImputer>(JSON.parse(JSON.stringify(imp.toJSON())));
    const Q = [[NaN, 5, NaN], [2, NaN, 4]];
    expect(back.transform(Q).to2DArray()).toEqual(imp.transform(Q).to2DArray());
  });

  it('rejects bad options and bad input with ValidationError', () => {
    expect(thrown(() => new KNNImputer({ nNeighbors: 0 })).param).toBe('nNeighbors');
    expect(thrown(() => new KNNImputer({ nNeighbors: 2.5 })).param).toBe('nNeighbors');
    expect(thrown(() => new KNNImputer({ weights: 'bogus' as 'uniform' })).param).toBe('weights');
    expect(thrown(() => new KNNImputer({ metric: 'euclidean' as 'nan_euclidean' })).param).toBe('metric');
    const imp = new KNNImputer().fit(X);
    expect(thrown(() => imp.transform([[1, 2]])).code).toBe('feature_mismatch');
    thrown(() => new KNNImputer().fit([[1, Infinity], [2, 3]]));
    thrown(() => imp.transform([[1, -Infinity, 3]]));
    // with a number marker, NaN is not allowed
    expect(thrown(() => new KNNImputer({ missingValues: -1 }).fit(X)).param).toBe('X');
  });
});
