import { describe, expect, it } from 'vitest';
import { BernoulliNB, CategoricalNB, ComplementNB, GaussianNB, MultinomialNB, ValidationError, loadDigits, loadIris, loadModel, setWarningHandler } from '../../src/index';
import type { Label } from '../../src/index';
import { expectClose, fixture } from '../helpers';

type Case = {
  cls: 'GaussianNB' | 'MultinomialNB' | 'ComplementNB' | 'BernoulliNB' | 'CategoricalNB';
  name: string;
  params: Record<string, unknown>;
  data: 'iris' | 'digits' | 'digits4';
  perm: number[] | 'iris' | 'digits';
  batches: [number, number][] | null;
  sampleWeight: number[] | null;
  testRows: number[];
  predict: number[];
  predict_log_proba: number[][];
  predict_proba: number[][];
  jll: number[][];
  [attr: string]: unknown;
};
type Fixture = { irisPerm: number[]; digitsPerm: number[]; cases: Case[] };

const F = fixture<Fixture>('naive_bayes/naive_bayes.json');
const iris = loadIris();
const digits = loadDigits();

/** Python's snake_case option names to ours. */
function camel(params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) out[k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = v;
  return out;
}

function decode(v: unknown): unknown {
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  if (v === null) return NaN;
  return Array.isArray(v) ? v.map(decode) : v;
}

type NB = GaussianNB | MultinomialNB | ComplementNB | BernoulliNB | CategoricalNB;
function make(c: Case): NB {
  const p = camel(c.params);
  if (c.cls === 'GaussianNB') return new GaussianNB(p);
  if (c.cls === 'MultinomialNB') return new MultinomialNB(p);
  if (c.cls === 'ComplementNB') return new ComplementNB(p);
  if (c.cls === 'CategoricalNB') return new CategoricalNB(p);
  return new BernoulliNB(p);
}

function dataOf(c: Case): { X: number[][]; y: Label[]; w: number[] | undefined; Xt: number[][] } {
  const ds = c.data === 'iris' ? iris : digits;
  const perm = c.perm === 'iris' ? F.irisPerm : c.perm === 'digits' ? F.digitsPerm : c.perm;
  // 'digits4': every 4th pixel (CategoricalNB's per-feature tables kept small).
  const rows = c.data === 'digits4' ? ds.data.map((r) => r.filter((_, j) => j % 4 === 0)) : ds.data;
  return {
    X: perm.map((i) => rows[i]),
    y: perm.map((i) => ds.target[i]),
    w: c.sampleWeight === null ? undefined : perm.map((i) => (c.sampleWeight as number[])[i]),
    Xt: c.testRows.map((i) => rows[i]),
  };
}

function train(c: Case, est: NB): NB {
  const { X, y, w } = dataOf(c);
  if (c.batches === null) return est.fit(X, y, w);
  const classes = [...new Set(y)];
  for (const [lo, hi] of c.batches) est.partialFit(X.slice(lo, hi), y.slice(lo, hi), { classes, sampleWeight: w?.slice(lo, hi) });
  return est;
}

const ATTRS: Record<string, string> = {
  theta_: 'theta_',
  var_: 'var_',
  class_prior_: 'classPrior_',
  class_count_: 'classCount_',
  epsilon_: 'epsilon_',
  feature_count_: 'featureCount_',
  feature_log_prob_: 'featureLogProb_',
  class_log_prior_: 'classLogPrior_',
  feature_all_: 'featureAll_',
  category_count_: 'categoryCount_',
  n_categories_: 'nCategories_',
};

describe('naive Bayes against scikit-learn 1.2.1 (iris, digits as counts)', () => {
  const quiet = () => undefined;
  for (const c of F.cases) {
    it(`${c.cls}: ${c.name}`, () => {
      const prev = setWarningHandler(quiet);
      try {
        const est = train(c, make(c));
        for (const [py, ts] of Object.entries(ATTRS)) {
          if (!(py in c)) continue;
          expectClose((est as unknown as Record<string, unknown>)[ts], decode(c[py]), 1e-10, 1e-12, ts);
        }
        const { Xt } = dataOf(c);
        expect(est.predict(Xt)).toEqual(c.predict);
        expectClose(est.predictJointLogLikelihood(Xt).to2DArray(), decode(c.jll), 1e-10, 1e-10);
        expectClose(est.predictLogProba(Xt).to2DArray(), decode(c.predict_log_proba), 1e-10, 1e-8);
        expectClose(est.predictProba(Xt).to2DArray(), decode(c.predict_proba), 1e-10, 1e-12);
        const again = loadModel(JSON.stringify(est)) as NB;
        expect(again.predictProba(Xt).to2DArray()).toEqual(est.predictProba(Xt).to2DArray());
      } finally {
        setWarningHandler(prev);
      }
    });
  }
});

describe('partialFit equals fit', () => {
  const X = digits.data;
  const y = digits.target;
  for (const Cls of [MultinomialNB, ComplementNB, BernoulliNB, CategoricalNB]) {
    it(`${Cls.className}: 7 batches give fit's model to 1e-12`, () => {
      const full = new Cls().fit(X, y);
      const inc = new Cls();
      for (let lo = 0; lo < X.length; lo += 260) inc.partialFit(X.slice(lo, lo + 260), y.slice(lo, lo + 260), { classes: full.classes_ });
      // CategoricalNB's tables widen batch by batch to the widest code seen: the same in the end.
      expectClose(inc.featureLogProb_, full.featureLogProb_, 1e-12, 1e-14);
      expectClose(inc.classLogPrior_, full.classLogPrior_, 1e-12, 1e-14);
      expect(inc.predict(X)).toEqual(full.predict(X));
    });
  }
  it('GaussianNB: means and counts to 1e-12, variances within epsilon', () => {
    const full = new GaussianNB().fit(iris.data, iris.target);
    const inc = new GaussianNB();
    const order = F.irisPerm;
    for (let lo = 0; lo < 150; lo += 30) {
      const idx = order.slice(lo, lo + 30);
      inc.partialFit(idx.map((i) => iris.data[i]), idx.map((i) => iris.target[i]), { classes: [0, 1, 2] });
    }
    expectClose(inc.theta_, full.theta_, 1e-12, 1e-14);
    expectClose(inc.classCount_, full.classCount_, 0);
    expectClose(inc.var_, full.var_, 0, 4 * full.epsilon_);
  });
});

describe('naive Bayes errors', () => {
  it('partialFit needs classes first, refuses other classes and unknown labels', () => {
    expect(() => new GaussianNB().partialFit([[1], [2]], [0, 1])).toThrow(/classes/);
    const nb = new MultinomialNB().partialFit([[1], [2]], [0, 1], { classes: [0, 1, 2] });
    // @ts-expect-error 3 is not among the classes of the first call (typed 0 | 1 | 2); refused at run time too
    expect(() => nb.partialFit([[1]], [3])).toThrow(ValidationError);
    expect(() => nb.partialFit([[1]], [0], { classes: [0, 1] })).toThrow(/classes of the first call/);
    expect(nb.classCount_).toEqual([1, 1, 0]);
    expect(nb.classLogPrior_[2]).toBe(-Infinity);
  });
  it('CategoricalNB: codes beyond those seen are refused at predict unless minCategories leaves room; negative codes at fit', () => {
    const nb = new CategoricalNB().fit([[0, 1], [1, 0], [2, 1]], ['a', 'b', 'a']);
    expect(() => nb.predict([[3, 0]])).toThrow(/category codes below 3 in column 0/);
    const roomy = new CategoricalNB({ minCategories: [5, 2] }).fit([[0, 1], [1, 0], [2, 1]], ['a', 'b', 'a']);
    expect(roomy.nCategories_).toEqual([5, 2]);
    expect(roomy.predict([[4, 1]])).toEqual(['a']);
    expect(() => new CategoricalNB().fit([[0], [-1]], [0, 1])).toThrow(/non-negative category codes/);
    expect(() => new CategoricalNB().fit([[0], [1e300]], [0, 1])).toThrow(ValidationError);
    // Fractions are truncated, as numpy's cast to int in scikit-learn.
    expect(new CategoricalNB().fit([[0.9], [1.2]], [0, 1]).nCategories_).toEqual([2]);
  });

  it('MultinomialNB refuses negative counts; a failed partialFit keeps the state', () => {
    const nb = new MultinomialNB().fit([[1, 2], [3, 0]], ['a', 'b']);
    const before = JSON.stringify(nb);
    expect(() => nb.partialFit([[1, -1]], ['a'])).toThrow(/non-negative/);
    expect(JSON.stringify(nb)).toBe(before);
  });
  it('checks priors, classPrior and per-feature alpha against the data', () => {
    expect(() => new GaussianNB({ priors: [0.5, 0.6] }).fit([[1], [2]], [0, 1])).toThrow(/summing to 1/);
    expect(() => new GaussianNB({ priors: [1] }).fit([[1], [2]], [0, 1])).toThrow(/one prior per class/);
    expect(() => new MultinomialNB({ classPrior: [1] }).fit([[1], [2]], [0, 1])).toThrow(/one prior per class/);
    expect(() => new MultinomialNB({ alpha: [1, 2] }).fit([[1], [2]], [0, 1])).toThrow(/one value per feature/);
    expect(() => new MultinomialNB({ alpha: -1 })).toThrow(ValidationError);
  });
  it('a tiny alpha warns and is raised to 1e-10 unless forceAlpha', () => {
    const seen: string[] = [];
    const prev = setWarningHandler((w) => seen.push(w.message));
    try {
      new MultinomialNB({ alpha: 0 }).fit([[1, 0], [0, 1]], [0, 1]);
      expect(seen.length).toBe(1);
      const forced = new MultinomialNB({ alpha: 0, forceAlpha: true }).fit([[1, 0], [0, 1]], [0, 1]);
      expect(seen.length).toBe(1);
      expect(forced.featureLogProb_[0][1]).toBe(-Infinity);
    } finally {
      setWarningHandler(prev);
    }
  });
});

describe('naive Bayes save / load of legitimate edge states', () => {
  it('a classPrior that does not sum to 1 and priors a rounding above 1 load back', () => {
    const m = new MultinomialNB({ classPrior: [0.7, 0.7] }).fit([[1, 0], [0, 1]], [0, 1]);
    expect(m.classLogPrior_[0]).toBeGreaterThan(-0.36);
    const again = loadModel(JSON.stringify(m)) as MultinomialNB;
    expect(again.predictProba([[1, 1]]).to2DArray()).toEqual(m.predictProba([[1, 1]]).to2DArray());
    const g = new GaussianNB({ priors: [1.000005, 0] }).fit([[0], [1], [2], [4]], [0, 0, 1, 1]);
    expect((loadModel(JSON.stringify(g)) as GaussianNB).classPrior_).toEqual([1.000005, 0]);
  });
});
