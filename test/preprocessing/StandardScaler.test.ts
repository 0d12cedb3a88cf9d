import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { StandardScaler, ValidationError } from '../../src/index';
import { expectClose, fixture, nanify } from '../helpers';

interface Case {
  name: string;
  params: { withMean: boolean; withStd: boolean };
  X: (number | null)[][];
  batches: [number, number][] | null;
  sampleWeight: number[] | null;
  mean: (number | null)[] | null;
  var: (number | null)[] | null;
  scale: (number | null)[] | null;
  nSamplesSeen: number | number[];
  transform: (number | null)[][];
  inverse: (number | null)[][];
}
const { cases } = fixture<{ cases: Case[] }>('preprocessing/standard_scaler.json');

describe('StandardScaler matches scikit-learn (fixtures: make_standard_scaler.py)', () => {
  for (const c of cases) {
    it(`${c.name} to 1e-9`, () => {
      const X = nanify(c.X);
      const s = new StandardScaler(c.params);
      if (c.batches) for (const [lo, hi] of c.batches) s.partialFit(X.slice(lo, hi));
      else s.fit(X, undefined, c.sampleWeight ?? undefined);
      if (c.mean === null) expect(s.mean_).toBeNull();
      else expectClose(s.mean_, nanify(c.mean), 1e-9, 1e-12);
      if (c.var === null) expect(s.var_).toBeNull();
      else expectClose(s.var_, nanify(c.var), 1e-9, 1e-12);
      if (c.scale === null) expect(s.scale_).toBeNull();
      else expectClose(s.scale_, nanify(c.scale), 1e-9, 1e-12);
      expectClose(s.nSamplesSeen_, c.nSamplesSeen, 1e-12);
      const T = s.transform(X).to2DArray();
      expectClose(T, nanify(c.transform), 1e-9, 1e-9);
      expectClose(s.inverseTransform(T).to2DArray(), nanify(c.inverse), 1e-9, 1e-9);
    });
  }
});

describe('StandardScaler', () => {
  it('does not mutate its input and accepts every matrix form', () => {
    const X = [[1, 2], [3, 5], [4, 9]];
    const copy = X.map((r) => r.slice());
    const a = new StandardScaler().fitTransform(X).to2DArray();
    expect(X).toEqual(copy);
    expect(new StandardScaler().fitTransform(X.map((r) => Float64Array.from(r))).to2DArray()).toEqual(a);
    expect(new StandardScaler().fitTransform(new Matrix(X)).to2DArray()).toEqual(a);
  });

  it('names its output features one to one', () => {
    const s = new StandardScaler().fit([[1, 2], [3, 4]]);
    expect(s.getFeatureNamesOut()).toEqual(['x0', 'x1']);
    expect(s.getFeatureNamesOut(['a', 'b'])).toEqual(['a', 'b']);
    expect(() => s.getFeatureNamesOut(['a'])).toThrow(ValidationError);
  });

  it('rejects Infinity, wrong widths and records', () => {
    const s = new StandardScaler().fit([[1, 2], [3, 4]]);
    expect(() => s.transform([[1, Infinity]])).toThrow(/Infinity/);
    expect(() => s.inverseTransform([[1, 2, 3]])).toThrow(/3 features, but StandardScaler is expecting 2/);
    expect(() => new StandardScaler().fit([{ a: 1 }] as never)).toThrow(/records/);
  });

  it('gives an all-missing feature NaN statistics, as scikit-learn, and passes NaN through', () => {
    const s = new StandardScaler().fit([[1, NaN], [3, NaN]]);
    expect(s.mean_).toEqual([2, NaN]);
    expect(s.var_).toEqual([1, NaN]);
    expect(s.scale_).toEqual([1, NaN]);
    expect(s.nSamplesSeen_).toEqual([2, 0]);
    expect(s.transform([[1, 5]]).to2DArray()).toEqual([[-1, NaN]]);
  });
});
