import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { MissingIndicator, NotFittedError, SimpleImputer, ValidationError, loadModel } from '../../src/index';
import { expectClose, fixture, nanify } from '../helpers';

type Cells = (number | null)[][];
interface ImputerCase {
  name: string;
  data: string;
  params: {
    missingValues: number | null;
    strategy: 'mean' | 'median' | 'most_frequent' | 'constant';
    fillValue: number | null;
    addIndicator: boolean;
    keepEmptyFeatures: boolean;
  };
  statistics: (number | null)[];
  transformTest: Cells;
  featureNamesOut: string[];
  indicatorFeatures: number[] | null;
  inverseTrain: Cells | null;
}
interface Fixture {
  data: Record<string, { train: Cells; test: Cells }>;
  imputer: ImputerCase[];
}
const fx = fixture<Fixture>('preprocessing/simple_imputer.json');

function makeImputer(p: ImputerCase['params']): SimpleImputer {
  return new SimpleImputer({ ...p, missingValues: p.missingValues ?? NaN });
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

describe('SimpleImputer matches scikit-learn 1.2.1 (fixtures: make_simple_imputer.py)', () => {
  it('covers every strategy, both flags, -1 markers, ties and all-missing features', () => {
    expect(fx.imputer.length).toBe(80);
    expect(new Set(fx.imputer.map((c) => c.params.strategy)).size).toBe(4);
    expect(fx.imputer.filter((c) => c.inverseTrain !== null).length).toBeGreaterThan(0);
  });

  for (const c of fx.imputer) {
    const exact = c.params.strategy === 'most_frequent' || c.params.strategy === 'constant';
    it(`${c.name} (${exact ? 'exact' : '1e-12'})`, () => {
      const { train, test } = fx.data[c.data];
      const Xtr = nanify(train);
      const Xte = nanify(test);
      const imp = makeImputer(c.params).fit(Xtr);
      const stats = nanify(c.statistics);
      const out = imp.transform(Xte).to2DArray();
      if (exact) {
        expect(imp.statistics_).toEqual(stats);
        expect(out).toEqual(nanify(c.transformTest));
      } else {
        expectClose(imp.statistics_, stats, 1e-12, 1e-12);
        expectClose(out, nanify(c.transformTest), 1e-12, 1e-12);
      }
      expect(imp.getFeatureNamesOut()).toEqual(c.featureNamesOut);
      expect(out[0].length).toBe(c.featureNamesOut.length);
      expect(imp.indicator_?.features_ ?? null).toEqual(c.indicatorFeatures);
      if (c.params.addIndicator) {
        // Inverting the transformed training rows gives them back, missing values included.
        const back = imp.inverseTransform(imp.transform(Xtr)).to2DArray();
        if (c.inverseTrain !== null) expect(back).toEqual(nanify(c.inverseTrain));
        const allMissing = c.statistics.map((v, j) => v === null && Xtr.every((r) => r[j] !== r[j] || r[j] === c.params.missingValues));
        const expected = Xtr.map((r) => r.map((v, j) => (allMissing[j] ? (c.params.missingValues ?? NaN) : v)));
        expect(back).toEqual(expected);
      } else {
        expect(() => imp.inverseTransform(out)).toThrow(/addIndicator: true/);
      }
    });
  }
});

describe('SimpleImputer', () => {
  it('breaks most_frequent ties towards the smallest value and averages the middle pair of an even count', () => {
    const X = [[3, 10], [1, 20], [3, 40], [1, NaN], [NaN, 30]];
    expect(new SimpleImputer({ strategy: 'most_frequent' }).fit(X).statistics_).toEqual([1, 10]);
    expect(new SimpleImputer({ strategy: 'median' }).fit(X).statistics_).toEqual([2, 25]);
    expect(new SimpleImputer({ strategy: 'mean' }).fit(X).statistics_).toEqual([2, 25]);
  });

  it('drops all-missing features unless kept, and the constant strategy keeps them', () => {
    const X = [[1, NaN, 2], [3, NaN, NaN]];
    const drop = new SimpleImputer().fit(X);
    expect(drop.statistics_).toEqual([2, NaN, 2]);
    expect(drop.transform(X).to2DArray()).toEqual([[1, 2], [3, 2]]);
    const keep = new SimpleImputer({ keepEmptyFeatures: true }).fit(X);
    expect(keep.statistics_).toEqual([2, 0, 2]);
    expect(keep.transform(X).to2DArray()).toEqual([[1, 0, 2], [3, 0, 2]]);
    const constant = new SimpleImputer({ strategy: 'constant', fillValue: 9 }).fit(X);
    expect(constant.transform(X).to2DArray()).toEqual([[1, 9, 2], [3, 9, 9]]);
    expect(new SimpleImputer({ strategy: 'constant' }).fit(X).statistics_).toEqual([0, 0, 0]);
  });

  it('imputes a numeric marker and then rejects NaN, naming the marker', () => {
    const imp = new SimpleImputer({ missingValues: -1, strategy: 'median' }).fit([[-1, 2], [4, -1], [6, 8]]);
    expect(imp.statistics_).toEqual([5, 5]);
    expect(imp.transform([[-1, -1]]).to2DArray()).toEqual([[5, 5]]);
    const e = thrown(() => imp.transform([[NaN, 1]]));
    expect(e.code).toBe('invalid_input');
    expect(e.message).toMatch(/missingValues = -1/);
  });

  it('inverts one row with a missing value (where scikit-learn 1.2 raises IndexError)', () => {
    const imp = new SimpleImputer({ addIndicator: true }).fit([[1, NaN, 3], [NaN, 2, 5], [4, 6, NaN]]);
    const t = imp.transform([[NaN, 1, 2]]);
    expect(t.to2DArray()).toEqual([[2.5, 1, 2, 1, 0, 0]]);
    expect(imp.inverseTransform(t).to2DArray()).toEqual([[NaN, 1, 2]]);
    expect(() => imp.inverseTransform([[1, 2, 3]])).toThrow(/3 features, but SimpleImputer is expecting 6/);
  });

  it('validates options, naming the option and the accepted values', () => {
    const e = thrown(() => new SimpleImputer({ strategy: 'mode' as never }));
    expect(e.code).toBe('invalid_option');
    expect(e.param).toBe('strategy');
    expect(e.message).toMatch(/'mean', 'median', 'most_frequent', 'constant'/);
    expect(thrown(() => new SimpleImputer({ missingValues: 'NA' as never })).param).toBe('missingValues');
    expect(thrown(() => new SimpleImputer({ fillValue: true as never })).param).toBe('fillValue');
    expect(thrown(() => new SimpleImputer({ addIndicator: 1 as never })).param).toBe('addIndicator');
    expect(thrown(() => new SimpleImputer().setParams({ strategy: 'avg' as never })).param).toBe('strategy');
  });

  it("rejects a non-number fillValue for the constant strategy on numeric data at fit", () => {
    const imp = new SimpleImputer({ strategy: 'constant', fillValue: 'missing' });
    const e = thrown(() => imp.fit([[1, NaN]]));
    expect(e.code).toBe('invalid_option');
    expect(e.param).toBe('fillValue');
    expect(e.message).toMatch(/'missing'/);
    expect(imp.isFitted()).toBe(false);
    // Other strategies ignore fillValue, as in scikit-learn.
    expect(new SimpleImputer({ fillValue: 'missing' }).fit([[1], [NaN]]).statistics_).toEqual([1]);
  });

  it('checks the feature count, Infinity and records, and needs fit first', () => {
    const imp = new SimpleImputer();
    expect(() => imp.transform([[1]])).toThrow(NotFittedError);
    expect(() => imp.statistics_).toThrow(NotFittedError);
    imp.fit([[1, 2], [NaN, 4]]);
    const e = thrown(() => imp.transform([[1, 2, 3]]));
    expect(e.code).toBe('feature_mismatch');
    expect(e.message).toMatch(/3 features, but SimpleImputer is expecting 2/);
    expect(() => imp.transform([[Infinity, 1]])).toThrow(ValidationError);
    // Records and string data are accepted since the encoders issue (SimpleImputerStrings.test.ts);
    // the mean of strings is not.
    expect(new SimpleImputer().fit([{ a: 1 }]).statistics_).toEqual([1]);
    expect(() => new SimpleImputer().fit([['a', 'b']])).toThrow(ValidationError);
    expect(() => new SimpleImputer().fit([{ a: 'x' }, { a: 2 }])).toThrow(ValidationError);
  });

  it('does not mutate its input, accepts nulls and every matrix form', () => {
    const X = [[1, null, 3], [NaN, 5, 6], [7, 8, null]];
    const copy = X.map((r) => r.slice());
    const imp = new SimpleImputer({ strategy: 'median', addIndicator: true });
    const a = imp.fitTransform(X).to2DArray();
    expect(X).toEqual(copy);
    expect(a).toEqual([[1, 6.5, 3, 0, 1, 0], [4, 5, 6, 1, 0, 0], [7, 8, 4.5, 0, 0, 1]]);
    const Xn = X.map((r) => r.map((v) => v ?? NaN));
    expect(new SimpleImputer({ strategy: 'median', addIndicator: true }).fitTransform(Xn.map((r) => Float64Array.from(r))).to2DArray()).toEqual(a);
    expect(new SimpleImputer({ strategy: 'median', addIndicator: true }).fitTransform(new Matrix(Xn)).to2DArray()).toEqual(a);
    const t = imp.transform(Xn);
    const tCopy = t.to2DArray();
    imp.inverseTransform(t);
    expect(t.to2DArray()).toEqual(tCopy);
  });

  it('names output features from given names too', () => {
    const imp = new SimpleImputer({ addIndicator: true }).fit([[1, NaN, NaN], [2, NaN, 3]]);
    expect(imp.getFeatureNamesOut(['a', 'b', 'c'])).toEqual(['a', 'c', 'missingindicator_b', 'missingindicator_c']);
    expect(() => imp.getFeatureNamesOut(['a'])).toThrow(ValidationError);
  });

  it('hands out a copy of its indicator, so the imputer cannot be changed through it', () => {
    const imp = new SimpleImputer({ addIndicator: true }).fit([[1, NaN], [2, 3]]);
    const ind = imp.indicator_ as MissingIndicator;
    expect(ind).toBeInstanceOf(MissingIndicator);
    expect(ind.getParams()).toMatchObject({ errorOnNew: false, features: 'missing-only' });
    ind.fit([[NaN, 1]]);
    expect(imp.indicator_?.features_).toEqual([1]);
    expect(new SimpleImputer().fit([[1]]).indicator_).toBeNull();
  });

  it('keeps its fitted behaviour when options change until it is refitted', () => {
    const imp = new SimpleImputer({ missingValues: -1 }).fit([[-1, 2], [4, 6]]);
    imp.setParams({ missingValues: NaN, strategy: 'constant' });
    expect(imp.transform([[-1, -1]]).to2DArray()).toEqual([[4, 4]]);
    imp.fit([[NaN, 2], [4, 6]]);
    expect(imp.transform([[NaN, -1]]).to2DArray()).toEqual([[0, -1]]);
  });

  it('round-trips through JSON with NaN statistics and its indicator, transforming identically', () => {
    const { train, test } = fx.data.wine;
    const Xtr = nanify(train);
    const Xte = nanify(test);
    for (const params of [
      { strategy: 'mean' as const, addIndicator: true },
      { strategy: 'median' as const },
      { strategy: 'most_frequent' as const, keepEmptyFeatures: true, addIndicator: true },
      { strategy: 'constant' as const, fillValue: -7.5 },
    ]) {
      const imp = new SimpleImputer(params).fit(Xtr);
      const json = JSON.stringify(imp);
      const again = loadModel<SimpleImputer>(json);
      expect(again).toBeInstanceOf(SimpleImputer);
      expect(again.getParams()).toEqual(imp.getParams());
      expect(again.statistics_).toEqual(imp.statistics_);
      expect(again.transform(Xte).to2DArray()).toEqual(imp.transform(Xte).to2DArray());
      expect(again.getFeatureNamesOut()).toEqual(imp.getFeatureNamesOut());
      if (params.addIndicator) {
        const t = imp.transform(Xte);
        expect(again.inverseTransform(t).to2DArray()).toEqual(imp.inverseTransform(t).to2DArray());
      }
      expect(JSON.stringify(again)).toBe(json);
    }
    expect(new SimpleImputer().fit(Xtr).statistics_[2]).toBeNaN();
    const minus = new SimpleImputer({ missingValues: -1 }).fit([[-1, 2], [4, -1]]);
    expect(loadModel<SimpleImputer>(JSON.stringify(minus)).transform([[-1, -1]]).to2DArray()).toEqual([[4, 2]]);
  });

  it('refuses malformed saved state', () => {
    const saved = JSON.parse(JSON.stringify(new SimpleImputer({ addIndicator: true }).fit([[1, NaN], [2, 3]]))) as { state: Record<string, unknown> };
    const broken = { ...saved, state: { ...saved.state, kept: [0, 5] } };
    expect(thrown(() => loadModel(broken)).code).toBe('invalid_model');
    const noStats = { ...saved, state: { ...saved.state, statistics: [1, 2] } };
    expect(thrown(() => loadModel(noStats)).code).toBe('invalid_model');
  });

  it('clones unfitted with equal options', () => {
    const imp = new SimpleImputer({ strategy: 'constant', fillValue: 3, missingValues: -1 }).fit([[-1]]);
    const c = imp.clone();
    expect(c.isFitted()).toBe(false);
    expect(c.getParams()).toEqual(imp.getParams());
    expect(new SimpleImputer().getParams().missingValues).toBeNaN();
  });
});
