import { describe, expect, it } from 'vitest';
import {
  CategoricalNB,
  GaussianNB,
  MaxAbsScaler,
  MinMaxScaler,
  MultinomialNB,
  OneHotEncoder,
  OrdinalEncoder,
  Pipeline,
  RobustScaler,
  SGDRegressor,
  StandardScaler,
  ValidationError,
  loadDiabetes,
  loadWine,
} from '../../src/index';
import { expectClose, fixture, nanify } from '../helpers';

type ScalerCase = { cls: string; weighted: boolean; attrs: Record<string, unknown>; transform: number[][] };
type Fixture = {
  X: (number | null)[][];
  sampleWeight: number[];
  batches: [number, number][];
  scalers: ScalerCase[];
  chains: Array<Record<string, unknown>>;
};
const F = fixture<Fixture>('stream/stream.json');
const X = nanify(F.X) as number[][];
const NAMES: Record<string, string> = {
  mean_: 'mean_',
  var_: 'var_',
  scale_: 'scale_',
  n_samples_seen_: 'nSamplesSeen_',
  data_min_: 'dataMin_',
  data_max_: 'dataMax_',
  min_: 'min_',
  max_abs_: 'maxAbs_',
};
/** Features entirely missing in at least one batch. */
const missingInABatch = X[0]
  .map((_, j) => j)
  .filter((j) => F.batches.some(([lo, hi]) => X.slice(lo, hi).every((r) => Number.isNaN(r[j]))));
type Scaler = StandardScaler | MinMaxScaler | MaxAbsScaler;
const make = (cls: string): Scaler => (cls === 'StandardScaler' ? new StandardScaler() : cls === 'MinMaxScaler' ? new MinMaxScaler() : new MaxAbsScaler());

describe("the scalers' partialFit against scikit-learn's partial_fit (wine with NaN, a batch of one row, a feature missing in a whole batch)", () => {
  for (const c of F.scalers) {
    it(`${c.cls}${c.weighted ? ' with sampleWeight' : ''}`, () => {
      const est = make(c.cls);
      for (const [lo, hi] of F.batches) {
        if (c.weighted) (est as StandardScaler).partialFit(X.slice(lo, hi), undefined, { sampleWeight: F.sampleWeight.slice(lo, hi) });
        else est.partialFit(X.slice(lo, hi));
      }
      // Feature 3 is missing in the whole first batch, and the one-row batch misses some features.
      // scikit-learn 1.2.1's StandardScaler then keeps NaN statistics for such a feature for good
      // (its running sum is mean · count = NaN · 0, its batch variance 0 / 0); typelearn's are
      // those of the values seen, as a fit on all rows gives. (MinMaxScaler / MaxAbsScaler copy
      // numpy's NaN-propagating minimum / maximum, so they agree with scikit-learn there too.)
      const skipped = c.cls === 'StandardScaler' ? missingInABatch : [];
      const drop = (v: unknown): unknown => (Array.isArray(v) ? (Array.isArray(v[0]) ? v.map(drop) : v.filter((_, j) => !skipped.includes(j))) : v);
      for (const [py, ts] of Object.entries(NAMES)) {
        if (!(py in c.attrs)) continue;
        expectClose(drop((est as unknown as Record<string, unknown>)[ts]), drop(nanify(c.attrs[py])), 1e-10, 1e-12, ts);
      }
      expectClose(drop(est.transform(X.filter((_, i) => i % 9 === 0)).to2DArray()), drop(nanify(c.transform)), 1e-10, 1e-12);
      if (skipped.length) {
        expect(skipped).toContain(3);
        const ref = new StandardScaler().fit(X, undefined, c.weighted ? F.sampleWeight : undefined);
        for (const j of skipped) {
          expectClose((est as StandardScaler).mean_?.[j], ref.mean_?.[j], 1e-10);
          expectClose((est as StandardScaler).var_?.[j], ref.var_?.[j], 1e-10);
        }
      }
    });
  }
});

describe('k batches equal one fit on all rows', () => {
  // Rows 40.. hold every feature in every batch (an all-missing batch makes scikit-learn's running
  // min / max NaN for good, so partial_fit and fit differ there by design).
  // The one-row batch is a row without missing values (a batch where a feature is all missing
  // makes MinMaxScaler's and MaxAbsScaler's running statistics NaN, as in scikit-learn).
  const full = X.findIndex((r, i) => i >= 40 && r.every((v) => !Number.isNaN(v)));
  const order = [full, ...X.map((_, i) => i).filter((i) => i >= 40 && i !== full)];
  const rows = order.map((i) => X[i]);
  const w = order.map((i) => F.sampleWeight[i]);
  const cuts = [0, 1, 30, 77, rows.length];
  for (const cls of ['StandardScaler', 'MinMaxScaler', 'MaxAbsScaler']) {
    it(`${cls}: 4 batches (one of a single row) vs fit, to 1e-10`, () => {
      const full = make(cls).fit(rows);
      const inc = make(cls);
      for (let b = 0; b + 1 < cuts.length; b++) inc.partialFit(rows.slice(cuts[b], cuts[b + 1]));
      expectClose(inc.transform(rows).to2DArray(), full.transform(rows).to2DArray(), 1e-10, 1e-12);
      expect(inc.nSamplesSeen_).toEqual(full.nSamplesSeen_);
    });
  }
  it('StandardScaler with sampleWeight', () => {
    const full = new StandardScaler().fit(rows, undefined, w);
    const inc = new StandardScaler();
    for (let b = 0; b + 1 < cuts.length; b++) inc.partialFit(rows.slice(cuts[b], cuts[b + 1]), undefined, { sampleWeight: w.slice(cuts[b], cuts[b + 1]) });
    expectClose(inc.mean_, full.mean_, 1e-10, 1e-12);
    expectClose(inc.var_, full.var_, 1e-10, 1e-12);
    expectClose(inc.nSamplesSeen_, full.nSamplesSeen_, 1e-12);
  });
});

describe('Pipeline.partialFit', () => {
  it('StandardScaler + SGDRegressor equals the scikit-learn partial_fit chain (2 epochs of batches of 50)', () => {
    const c = F.chains[0] as { rows: number; batch: number; epochs: number; params: Record<string, unknown>; coef: number[]; intercept: number[]; predict: number[] };
    const { data, target } = loadDiabetes();
    const Xd = data.slice(0, c.rows);
    const yd = target.slice(0, c.rows);
    const pipe = new Pipeline([['scale', new StandardScaler()], ['sgd', new SGDRegressor(c.params)]]);
    for (let e = 0; e < c.epochs; e++) for (let lo = 0; lo < c.rows; lo += c.batch) pipe.partialFit(Xd.slice(lo, lo + c.batch), yd.slice(lo, lo + c.batch));
    const sgd = pipe.namedSteps.sgd as SGDRegressor;
    expectClose(sgd.coef_, c.coef, 1e-9, 1e-9);
    expectClose(sgd.intercept_, c.intercept, 1e-9, 1e-9);
    expectClose(pipe.predict(Xd.filter((_, i) => i % 10 === 0)), c.predict, 1e-9, 1e-9);
  });

  it('MinMaxScaler + GaussianNB with classes on the first call equals the scikit-learn chain', () => {
    const c = F.chains[1] as { perm: number[]; batch: number; theta: number[][]; var: number[][]; proba: number[][] };
    const { data, target } = loadWine();
    const pipe = new Pipeline([['mm', new MinMaxScaler()], ['nb', new GaussianNB()]]);
    for (let lo = 0; lo < c.perm.length; lo += c.batch) {
      const idx = c.perm.slice(lo, lo + c.batch);
      pipe.partialFit(idx.map((i) => data[i]), idx.map((i) => target[i]), { classes: [0, 1, 2] });
    }
    const nb = pipe.namedSteps.nb as GaussianNB;
    expectClose(nb.theta_, c.theta, 1e-10, 1e-12);
    expectClose(nb.var_, c.var, 1e-10, 1e-14);
    expectClose(pipe.predictProba(data.filter((_, i) => i % 10 === 0)).to2DArray(), c.proba, 1e-9, 1e-12);
  });

  it('names the first step without partialFit', () => {
    const pipe = new Pipeline([['robust', new RobustScaler()], ['scale', new StandardScaler()], ['sgd', new SGDRegressor()]]);
    const err = (() => {
      try {
        pipe.partialFit([[1], [2]], [1, 2]);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).code).toBe('unsupported');
    expect((err as Error).message).toBe("Pipeline.partialFit needs partialFit on every step: step 'robust' (RobustScaler) does not implement it.");
    expect(pipe.isFitted()).toBe(false);
  });

  it('a batch that fails in the last step leaves every step as before it', () => {
    const pipe = new Pipeline([['scale', new StandardScaler()], ['nb', new GaussianNB()]]);
    pipe.partialFit([[0, 1], [1, 0], [2, 2]], ['a', 'b', 'a'], { classes: ['a', 'b'] });
    const before = JSON.stringify(pipe);
    expect(() => pipe.partialFit([[5, 5]], ['c'])).toThrow(ValidationError);
    expect(JSON.stringify(pipe)).toBe(before);
    pipe.partialFit([[5, 5]], ['b']);
    expect((pipe.namedSteps.scale as StandardScaler).nSamplesSeen_).toBe(4);
  });

  it("skips 'passthrough' steps", () => {
    const pipe = new Pipeline([['skip', 'passthrough'], ['scale', new MaxAbsScaler()], ['nb', new GaussianNB()]]);
    pipe.partialFit([[1, -4], [2, 2]], [0, 1], { classes: [0, 1] });
    expect((pipe.namedSteps.scale as MaxAbsScaler).maxAbs_).toEqual([2, 4]);
    expect(pipe.predict([[1, -4]])).toEqual([0]);
  });

  it('continues after fit, and the configured steps stay unfitted', () => {
    const scaler = new StandardScaler();
    const pipe = new Pipeline([['scale', scaler], ['sgd', new SGDRegressor({ randomState: 0 })]]).fit([[0], [1], [2]], [0, 1, 2]);
    pipe.partialFit([[3], [4]], [3, 4]);
    expect((pipe.namedSteps.scale as StandardScaler).nSamplesSeen_).toBe(5);
    expect(scaler.isFitted()).toBe(false);
  });
});

describe('encoders with declared categories stream without a first pass', () => {
  const categories = [['red', 'green', 'blue'], ['S', 'M', 'L']];
  it('OneHotEncoder: partialFit on the first batch, transform every batch; an undeclared category is an error', () => {
    const enc = new OneHotEncoder({ categories });
    enc.partialFit([['red', 'S']]);
    expect(enc.transform([['blue', 'L'], ['green', 'M']]).to2DArray()).toEqual([
      [0, 0, 1, 0, 0, 1],
      [0, 1, 0, 0, 1, 0],
    ]);
    expect(() => enc.transform([['purple', 'S']])).toThrow(/purple/);
    expect(() => enc.partialFit([['red', 'XL']])).toThrow(/XL/);
    expect(() => enc.partialFit([['red']])).toThrow(ValidationError);
    expect(enc.categories_).toEqual(categories);
  });
  it("handleUnknown: 'ignore' lets unknown values through as zeros", () => {
    const enc = new OneHotEncoder({ categories, handleUnknown: 'ignore' }).partialFit([['red', 'S']]).partialFit([['purple', 'S']]);
    expect(enc.transform([['purple', 'S']]).to2DArray()).toEqual([[0, 0, 0, 1, 0, 0]]);
  });
  it("OrdinalEncoder keeps the declared order; 'auto' categories and infrequent grouping refuse partialFit", () => {
    const enc = new OrdinalEncoder({ categories }).partialFit([['green', 'M']]);
    expect(enc.transform([['blue', 'S']]).to2DArray()).toEqual([[2, 0]]);
    expect(() => enc.partialFit([['blue', 'XXL']])).toThrow(/XXL/);
    expect(() => new OrdinalEncoder().partialFit([['a']])).toThrow(/declared up front/);
    expect(() => new OneHotEncoder({ categories, minFrequency: 2 }).partialFit([['red', 'S']])).toThrow(/minFrequency/);
  });
  it('OrdinalEncoder + CategoricalNB in a Pipeline equal one fit on all the records', () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ color: categories[0][(i * 7) % 3], size: categories[1][(i * 5) % 3] }));
    const y = rows.map((r, i) => (r.color === 'red' || i % 5 === 0 ? 'x' : 'y'));
    const make = () => new Pipeline([['ord', new OrdinalEncoder({ categories })], ['nb', new CategoricalNB({ minCategories: 3 })]]);
    const inc = make();
    for (let lo = 0; lo < 40; lo += 7) inc.partialFit(rows.slice(lo, lo + 7), y.slice(lo, lo + 7), { classes: ['x', 'y'] });
    const full = make().fit(rows, y);
    expect((inc.namedSteps.nb as CategoricalNB).featureLogProb_).toEqual((full.namedSteps.nb as CategoricalNB).featureLogProb_);
    expect(inc.predictProba(rows).to2DArray()).toEqual(full.predictProba(rows).to2DArray());
  });

  it('OneHotEncoder + MultinomialNB in a Pipeline learn from records batch by batch', () => {
    const pipe = new Pipeline([
      ['onehot', new OneHotEncoder({ categories })],
      ['nb', new MultinomialNB()],
    ]);
    pipe.partialFit([{ color: 'red', size: 'S' }, { color: 'blue', size: 'L' }], ['small', 'large'], { classes: ['large', 'small'] });
    pipe.partialFit([{ color: 'red', size: 'M' }, { color: 'blue', size: 'L' }], ['small', 'large']);
    expect(() => pipe.partialFit([{ color: 'pink', size: 'M' }], ['small'])).toThrow(/pink/);
    expect(pipe.predict([{ color: 'red', size: 'S' }, { color: 'blue', size: 'L' }])).toEqual(['small', 'large']);
    expect((pipe.namedSteps.nb as MultinomialNB).classCount_).toEqual([2, 2]);
  });
});
