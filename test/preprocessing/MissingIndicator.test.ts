import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { MissingIndicator, NotFittedError, ValidationError, loadModel } from '../../src/index';
import { fixture, nanify } from '../helpers';

type Cells = (number | null)[][];
interface IndicatorCase {
  name: string;
  data: string;
  params: { missingValues: number | null; features: 'missing-only' | 'all'; errorOnNew: boolean };
  features: number[];
  fitTransformTrain: Cells;
  transformTest: Cells | null;
  error: string | null;
  featureNamesOut: string[];
}
interface Fixture {
  data: Record<string, { train: Cells; test: Cells }>;
  indicator: IndicatorCase[];
}
const fx = fixture<Fixture>('preprocessing/simple_imputer.json');

function thrown(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('MissingIndicator matches scikit-learn 1.2.1 (fixtures: make_simple_imputer.py)', () => {
  it('covers both feature modes, errorOnNew and its error', () => {
    expect(fx.indicator.length).toBe(16);
    expect(fx.indicator.some((c) => c.error !== null)).toBe(true);
  });

  for (const c of fx.indicator) {
    it(`${c.name} (exact)`, () => {
      const { train, test } = fx.data[c.data];
      const Xtr = nanify(train);
      const Xte = nanify(test);
      const params = { ...c.params, missingValues: c.params.missingValues ?? NaN };
      expect(new MissingIndicator(params).fitTransform(Xtr).to2DArray()).toEqual(c.fitTransformTrain);
      const mi = new MissingIndicator(params).fit(Xtr);
      expect(mi.features_).toEqual(c.features);
      expect(mi.getFeatureNamesOut()).toEqual(c.featureNamesOut);
      if (c.error !== null) {
        const e = thrown(() => mi.transform(Xte));
        expect(e.code).toBe('invalid_input');
        // scikit-learn: "The features [0] have missing values in transform but have no missing values in fit."
        const fresh = /\[([\d ,]*)\]/.exec(c.error)?.[1].split(/[ ,]+/).filter(Boolean).join(', ');
        expect(e.message).toContain(`features [${fresh}] have missing values in transform`);
      } else {
        expect(mi.transform(Xte).to2DArray()).toEqual(c.transformTest);
      }
    });
  }
});

describe('MissingIndicator', () => {
  it('marks a numeric marker and rejects NaN when the marker is a number', () => {
    const mi = new MissingIndicator({ missingValues: -1, features: 'all' }).fit([[-1, 2], [3, 4]]);
    expect(mi.transform([[-1, -1], [0, 5]]).to2DArray()).toEqual([[1, 1], [0, 0]]);
    expect(thrown(() => mi.transform([[NaN, 1]])).message).toMatch(/missingValues = -1/);
    expect(() => new MissingIndicator({ missingValues: -1 }).fit([[NaN]])).toThrow(ValidationError);
  });

  it('raises on new missing features with errorOnNew, ignores them without, and never with features all', () => {
    const X = [[NaN, 1, 2], [3, 4, 5]];
    const Xnew = [[1, NaN, NaN]];
    const e = thrown(() => new MissingIndicator().fit(X).transform(Xnew));
    expect(e.param).toBe('X');
    expect(e.message).toMatch(/features \[1, 2\] have missing values in transform but had none in fit/);
    expect(new MissingIndicator({ errorOnNew: false }).fit(X).transform(Xnew).to2DArray()).toEqual([[0]]);
    expect(new MissingIndicator({ features: 'all' }).fit(X).transform(Xnew).to2DArray()).toEqual([[0, 1, 1]]);
  });

  it('gives an empty matrix when no feature has missing values, as scikit-learn', () => {
    const mi = new MissingIndicator().fit([[1, 2], [3, 4]]);
    expect(mi.features_).toEqual([]);
    const t = mi.transform([[5, 6]]);
    expect([t.rows, t.columns]).toEqual([1, 0]);
    expect(mi.getFeatureNamesOut()).toEqual([]);
  });

  it('validates options and input, and needs fit first', () => {
    const e = thrown(() => new MissingIndicator({ features: 'some' as never }));
    expect(e.param).toBe('features');
    expect(e.message).toMatch(/'missing-only', 'all'/);
    expect(thrown(() => new MissingIndicator({ errorOnNew: 'yes' as never })).param).toBe('errorOnNew');
    expect(thrown(() => new MissingIndicator({ missingValues: null as never })).param).toBe('missingValues');
    const mi = new MissingIndicator();
    expect(() => mi.transform([[1]])).toThrow(NotFittedError);
    expect(() => mi.features_).toThrow(NotFittedError);
    mi.fit([[NaN, 1]]);
    expect(thrown(() => mi.transform([[1]])).code).toBe('feature_mismatch');
    expect(() => mi.transform([[Infinity, 1]])).toThrow(ValidationError);
  });

  it('does not mutate its input and accepts nulls and every matrix form', () => {
    const X = [[1, null], [NaN, 3]];
    const copy = X.map((r) => r.slice());
    const a = new MissingIndicator().fitTransform(X).to2DArray();
    expect(X).toEqual(copy);
    expect(a).toEqual([[0, 1], [1, 0]]);
    const Xn = [[1, NaN], [NaN, 3]];
    expect(new MissingIndicator().fitTransform(Xn.map((r) => Float64Array.from(r))).to2DArray()).toEqual(a);
    expect(new MissingIndicator().fitTransform(new Matrix(Xn)).to2DArray()).toEqual(a);
  });

  it('names its output from given names', () => {
    const mi = new MissingIndicator().fit([[1, NaN, NaN], [2, 3, 4]]);
    expect(mi.getFeatureNamesOut(['a', 'b', 'c'])).toEqual(['missingindicator_b', 'missingindicator_c']);
    expect(() => mi.getFeatureNamesOut(['a', 'b'])).toThrow(ValidationError);
  });

  it('round-trips through JSON and refuses malformed state', () => {
    const { train, test } = fx.data.iris_minus1;
    const mi = new MissingIndicator({ missingValues: -1, errorOnNew: false }).fit(train as number[][]);
    const json = JSON.stringify(mi);
    const again = loadModel<MissingIndicator>(json);
    expect(again.getParams()).toEqual(mi.getParams());
    expect(again.features_).toEqual(mi.features_);
    expect(again.transform(test as number[][]).to2DArray()).toEqual(mi.transform(test as number[][]).to2DArray());
    const nanMi = new MissingIndicator().fit([[NaN]]);
    expect(loadModel<MissingIndicator>(JSON.stringify(nanMi)).transform([[NaN], [1]]).to2DArray()).toEqual([[1], [0]]);
    const saved = JSON.parse(json) as { state: Record<string, unknown> };
    expect(thrown(() => loadModel({ ...saved, state: { ...saved.state, features: [3, 1] } })).code).toBe('invalid_model');
  });
});
