import { describe, expect, it } from 'vitest';
import {
  FeatureUnion,
  MissingIndicator,
  NotFittedError,
  Pipeline,
  SimpleImputer,
  StandardScaler,
  ValidationError,
  getTags,
  loadModel,
} from '../../src/index';
import type { BaseEstimator } from '../../src/index';
import { expectClose, fixture, nanify } from '../helpers';
import { LocalOneHot, vega } from './_local';

const fx = fixture<{ feature_union: { output: (number | null)[][]; feature_names_out: string[] } }>('pipeline/column_transformer.json');
const cars = vega('cars.json');
const A = cars.map((r) => ['Miles_per_Gallon', 'Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration'].map((k) => r[k] as number | null));

describe('FeatureUnion', () => {
  it('scaled features next to missing indicators, weighted, a dropped entry: as scikit-learn 1.2.1 (1e-9, names exact)', () => {
    const fu = new FeatureUnion(
      [
        ['scaled', new StandardScaler()],
        ['missing', new MissingIndicator()],
        ['none', 'drop'],
      ],
      { transformerWeights: { scaled: 2 } },
    );
    const Z = fu.fitTransform(A);
    expectClose(Z.to2DArray(), nanify(fx.feature_union.output), 1e-9, 1e-9);
    expect(fu.getFeatureNamesOut()).toEqual(fx.feature_union.feature_names_out);
    expectClose(fu.transform(A).to2DArray(), nanify(fx.feature_union.output), 1e-9, 1e-9);
    expect(fu.nFeaturesIn_).toBe(6);
  });

  it("'passthrough' appends the input; names follow inputFeatures", () => {
    const fu = new FeatureUnion([
      ['imp', new SimpleImputer()],
      ['raw', 'passthrough'],
    ]).fit([[1, NaN], [3, 4]]);
    expect(fu.transform([[NaN, 2]]).to2DArray()).toEqual([[2, 2, NaN, 2]]);
    expect(fu.getFeatureNamesOut(['a', 'b'])).toEqual(['imp__a', 'imp__b', 'raw__a', 'raw__b']);
    expect(fu.getFeatureNamesOut()).toEqual(['imp__x0', 'imp__x1', 'raw__x0', 'raw__x1']);
  });

  it('on records, every transformer gets the records and names come from their keys', () => {
    const recs = [{ island: 'a', sex: 'm' }, { island: 'b', sex: null }];
    const fu = new FeatureUnion([
      ['onehot', new LocalOneHot({ impute: false })],
      ['imputed', new LocalOneHot()],
    ]);
    expect(getTags(fu).acceptsRecords).toBe(true);
    expect(fu.fitTransform(recs).to2DArray()).toEqual([
      [1, 0, 1, 1, 0, 1],
      [0, 1, 0, 0, 1, 1],
    ]);
    expect(fu.getFeatureNamesOut()).toEqual(['onehot__island_a', 'onehot__island_b', 'onehot__sex_m', 'imputed__island_a', 'imputed__island_b', 'imputed__sex_m']);
    expect(getTags(new FeatureUnion([['s', new StandardScaler()]])).acceptsRecords).toBe(false);
  });

  it('fits clones; nested params, replacement by name, save and load', () => {
    const scale = new StandardScaler();
    const fu = new FeatureUnion([
      ['s', scale],
      ['p', new Pipeline([['imp', new SimpleImputer()], ['sc', new StandardScaler()]])],
    ]);
    expect(fu.getParams().p__imp__strategy).toBe('mean');
    fu.setParams({ p__imp__strategy: 'median', s__withMean: false });
    expect(fu.getParams().p__imp__strategy).toBe('median');
    fu.fit([[1, 2], [3, 4], [5, 9]]);
    expect(scale.isFitted()).toBe(false);
    expect(fu.namedTransformers_.s).not.toBe(scale);
    const again = loadModel<FeatureUnion>(JSON.stringify(fu));
    expect(again.transform([[2, 2]]).to2DArray()).toEqual(fu.transform([[2, 2]]).to2DArray());
    fu.setParams({ s: 'drop' });
    expect(fu.transformerList[0][1]).toBe('drop');
    expect(fu.fitTransform([[1, 2], [3, 4], [5, 9]]).columns).toBe(2);
    expect(() => fu.setParams({ s: 3 })).toThrow(ValidationError);
  });

  it('bad options and input: unknown weight names, bad entries, feature mismatch, not fitted', () => {
    expect(() => new FeatureUnion([['s', new StandardScaler()]], { transformerWeights: { t: 2 } })).toThrow(ValidationError);
    expect(() => new FeatureUnion([['s', new StandardScaler()], ['s', new StandardScaler()]])).toThrow(ValidationError);
    expect(() => new FeatureUnion([['s', 'keep' as unknown as 'drop']])).toThrow(ValidationError);
    expect(() => new FeatureUnion(undefined)).toThrow(ValidationError);
    const fu = new FeatureUnion([['s', new StandardScaler()]]);
    expect(() => fu.transform([[1]])).toThrow(NotFittedError);
    fu.fit([[1, 2], [2, 3]]);
    try {
      fu.transform([[1, 2, 3]]);
      throw new Error('no error');
    } catch (e) {
      expect((e as ValidationError).code).toBe('feature_mismatch');
    }
    const all = new FeatureUnion([['d', 'drop']]).fitTransform([[1], [2]]);
    expect([all.rows, all.columns]).toEqual([2, 0]);
    expect((new FeatureUnion([['s', new StandardScaler()]]).clone().transformerList[0][1] as BaseEstimator).isFitted()).toBe(false);
  });
});
