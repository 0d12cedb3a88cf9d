import { describe, expect, it } from 'vitest';
import {
  SGDClassifier,
  SGDRegressor,
  StandardScaler,
  ValidationError,
  loadBreastCancer,
  loadDiabetes,
  loadDigits,
  loadIris,
  loadModel,
  setWarningHandler,
  type Label,
} from '../../src/index';
import type { TypelearnWarning } from '../../src/core/errors';
import { expectClose, fixture } from '../helpers';

interface ExactCase {
  name: string;
  kind: 'classifier' | 'regressor';
  data: string;
  params: Record<string, unknown>;
  sampleWeight: boolean;
  batches: Array<[number, number]> | null;
  classes: number[] | null;
  coef: number[][] | number[];
  intercept: number[];
  nIter: number;
  t: number;
}
interface ScoreCase {
  data: 'breast_cancer' | 'iris' | 'digits' | 'diabetes';
  kind: 'classifier' | 'regressor';
  params: Record<string, unknown>;
  scores: number[];
  mean: number;
}
const F = fixture<{ data: Record<string, { X: number[][]; y: number[] }>; exact: ExactCase[]; scores: ScoreCase[] }>('linear_model/sgd.json');

function linspace(a: number, b: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1));
}

describe("SGD with shuffle: false is scikit-learn's algorithm: coefficients equal to 1e-10 (fixture make_sgd.py)", () => {
  for (const c of F.exact) {
    it(`${c.kind} ${c.name}: coef_, intercept_ to 1e-10; nIter_ and t_ exactly`, () => {
      const { X, y } = F.data[c.data];
      const sw = c.sampleWeight ? linspace(0.5, 2, y.length) : undefined;
      const m = c.kind === 'classifier' ? new SGDClassifier({ ...c.params, shuffle: false }) : new SGDRegressor({ ...c.params, shuffle: false });
      const previous = setWarningHandler(() => undefined);
      try {
        if (c.batches === null) {
          if (m instanceof SGDClassifier) m.fit(X, y, sw);
          else m.fit(X, y, sw);
        } else {
          for (const [lo, hi] of c.batches) {
            const sampleWeight = sw?.slice(lo, hi);
            if (m instanceof SGDClassifier) m.partialFit(X.slice(lo, hi), y.slice(lo, hi), { classes: c.classes ?? undefined, sampleWeight });
            else m.partialFit(X.slice(lo, hi), y.slice(lo, hi), { sampleWeight });
          }
        }
      } finally {
        setWarningHandler(previous);
      }
      const scale = Math.max(1, ...c.coef.flat().map(Math.abs), ...c.intercept.map(Math.abs));
      expectClose(m.coef_, c.coef, 0, 1e-10 * scale);
      expectClose(m.intercept_, c.intercept, 0, 1e-10 * scale);
      expect(m.nIter_).toBe(c.nIter);
      expect(m.t_).toBe(c.t);
    });
  }
});

function dataset(name: ScoreCase['data']): { X: number[][]; y: number[] } {
  const d =
    name === 'breast_cancer' ? loadBreastCancer() : name === 'iris' ? loadIris() : name === 'digits' ? loadDigits() : loadDiabetes();
  return { X: d.data, y: d.target };
}

describe("SGD scores within 0.02 of scikit-learn's at the same settings (mean held-out accuracy / R² over 20 seeds, 5 for digits; fixture make_sgd.py)", () => {
  const cache = new Map<string, { Xtr: number[][]; ytr: number[]; Xte: number[][]; yte: number[] }>();
  const split = (name: ScoreCase['data']) => {
    if (!cache.has(name)) {
      const { X, y } = dataset(name);
      const test = (i: number) => i % 4 === 0;
      const rawTr = X.filter((_, i) => !test(i));
      const sc = new StandardScaler().fit(rawTr);
      cache.set(name, {
        Xtr: sc.transform(rawTr).to2DArray(),
        ytr: y.filter((_, i) => !test(i)),
        Xte: sc.transform(X.filter((_, i) => test(i))).to2DArray(),
        yte: y.filter((_, i) => test(i)),
      });
    }
    return cache.get(name)!;
  };
  for (const c of F.scores) {
    const label = `${c.data} ${JSON.stringify(c.params)}: ${c.kind === 'classifier' ? 'accuracy' : 'R²'} within 0.02 of ${c.mean.toFixed(4)}`;
    it(label, () => {
      const { Xtr, ytr, Xte, yte } = split(c.data);
      const previous = setWarningHandler(() => undefined);
      let sum = 0;
      try {
        for (let seed = 0; seed < c.scores.length; seed++) {
          const m = c.kind === 'classifier' ? new SGDClassifier({ ...c.params, randomState: seed }) : new SGDRegressor({ ...c.params, randomState: seed });
          sum += m instanceof SGDClassifier ? m.fit(Xtr, ytr).score(Xte, yte) : m.fit(Xtr, ytr).score(Xte, yte);
        }
      } finally {
        setWarningHandler(previous);
      }
      const mean = sum / c.scores.length;
      expect(Math.abs(mean - c.mean), `ours ${mean.toFixed(4)} vs scikit-learn ${c.mean.toFixed(4)}`).toBeLessThanOrEqual(0.02);
    });
  }
});

describe('SGDClassifier', () => {
  const X = [[-2, -1], [-1, -2], [-1.5, -1.5], [1, 2], [2, 1], [1.5, 1.5], [0.2, 3], [3, 0.2]];
  const y = ['a', 'a', 'a', 'b', 'b', 'b', 'b', 'b'];

  it('has scikit-learn 1.2 defaults', () => {
    const p = new SGDClassifier().getParams();
    expect(p).toMatchObject({ loss: 'hinge', penalty: 'l2', alpha: 1e-4, l1Ratio: 0.15, maxIter: 1000, tol: 1e-3, shuffle: true, epsilon: 0.1, learningRate: 'optimal', eta0: 0, powerT: 0.5, earlyStopping: false, validationFraction: 0.1, nIterNoChange: 5, average: false, warmStart: false, classWeight: null, fitIntercept: true });
    expect(new SGDRegressor().getParams()).toMatchObject({ loss: 'squared_error', learningRate: 'invscaling', eta0: 0.01, powerT: 0.25, epsilon: 0.1 });
  });

  it('keeps the user labels; decisionFunction, predictProba (log_loss and modified_huber) agree with predict', () => {
    for (const loss of ['log_loss', 'modified_huber'] as const) {
      const m = new SGDClassifier({ loss, randomState: 0 }).fit(X, y);
      expect(m.classes_).toEqual(['a', 'b']);
      expect(m.predict(X)).toEqual(y);
      const d = m.decisionFunction(X) as number[];
      const P = m.predictProba(X);
      d.forEach((v, i) => {
        expect(P.get(i, 1) > 0.5 || (loss === 'modified_huber' && P.get(i, 1) === 0.5)).toBe(v > 0);
        expect(P.get(i, 0) + P.get(i, 1)).toBeCloseTo(1, 12);
      });
      if (loss === 'log_loss') expectClose(P.getColumn(1), d.map((v) => 1 / (1 + Math.exp(-v))), 1e-12);
      else expectClose(P.getColumn(1), d.map((v) => (Math.min(1, Math.max(-1, v)) + 1) / 2), 1e-12);
      expectClose(m.predictLogProba(X).to2DArray().map((r) => r.map(Math.exp)), P.to2DArray(), 1e-12);
    }
  });

  it("predictProba throws an 'unsupported' ValidationError for other losses", () => {
    const m = new SGDClassifier({ randomState: 0 }).fit(X, y);
    expect(() => m.predictProba(X)).toThrow(/only available for loss 'log_loss' or 'modified_huber'/);
    try {
      m.predictProba(X);
    } catch (e) {
      expect((e as ValidationError).code).toBe('unsupported');
    }
  });

  it('multiclass one-vs-all: K rows of coef_, a K-column decisionFunction, probabilities summing to 1', () => {
    const iris = loadIris();
    const Xs = new StandardScaler().fitTransform(iris.data);
    const m = new SGDClassifier({ loss: 'log_loss', randomState: 1 }).fit(Xs, iris.target );
    expect(m.coef_.length).toBe(3);
    expect(m.intercept_.length).toBe(3);
    const D = m.decisionFunction(Xs);
    expect(Array.isArray(D)).toBe(false);
    const P = m.predictProba(Xs);
    for (let i = 0; i < P.rows; i++) expect(P.getRow(i).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(m.score(Xs, iris.target )).toBeGreaterThan(0.85);
  });

  it('partialFit: classes required on the first call; unseen labels later are refused; classes must not change', () => {
    const m = new SGDClassifier({ randomState: 0 });
    expect(() => m.partialFit(X, y)).toThrow(ValidationError);
    expect(() => m.partialFit(X, y)).toThrow(/classes/);
    m.partialFit(X.slice(0, 4), y.slice(0, 4), { classes: ['a', 'b'] });
    expect(m.nIter_).toBe(1);
    expect(m.t_).toBe(5);
    m.partialFit(X.slice(4), y.slice(4));
    expect(m.t_).toBe(9);
    expect(() => m.partialFit([[0, 0]], ['c'])).toThrow(ValidationError);
    expect(() => m.partialFit([[0, 0]], ['a'], { classes: ['a', 'b', 'c'] })).toThrow(/classes of the first call/);
    expect(() => m.partialFit([[0, 0, 0]], ['a'])).toThrow(ValidationError);
  });

  it('partialFit: a class that appears only in `classes` gets its own (negative) score row, and can be predicted once seen', () => {
    const m = new SGDClassifier({ loss: 'log_loss', randomState: 0 });
    m.partialFit(X, y, { classes: ['a', 'b', 'z'] });
    expect(m.classes_).toEqual(['a', 'b', 'z']);
    expect(m.coef_.length).toBe(3);
    const D = m.decisionFunction(X) as unknown as { getColumn(k: number): number[] };
    for (const v of D.getColumn(2)) expect(v).toBeLessThan(0);
    expect(m.predictProba(X).columns).toBe(3);
    const Xz = [[5, -5], [6, -5], [5, -6]];
    for (let e = 0; e < 30; e++) m.partialFit([...X, ...Xz], [...y, 'z', 'z', 'z']);
    expect(m.predict(Xz)).toEqual(['z', 'z', 'z']);
  });

  it("partialFit refuses earlyStopping and classWeight 'balanced'", () => {
    expect(() => new SGDClassifier({ earlyStopping: true }).partialFit(X, y, { classes: ['a', 'b'] })).toThrow(/earlyStopping/);
    expect(() => new SGDClassifier({ classWeight: 'balanced' }).partialFit(X, y, { classes: ['a', 'b'] })).toThrow(/classWeight/);
  });

  it('checks option combinations at fit: eta0 > 0 unless optimal, alpha > 0 with optimal', () => {
    expect(() => new SGDClassifier({ learningRate: 'constant' }).fit(X, y)).toThrow(/'eta0' option of SGDClassifier must be a number > 0/);
    expect(() => new SGDClassifier({ alpha: 0 }).fit(X, y)).toThrow(/'alpha' option/);
    expect(() => new SGDClassifier({ loss: 'log' as never })).toThrow(ValidationError);
    expect(() => new SGDClassifier({ average: -1 })).toThrow(ValidationError);
    expect(() => new SGDClassifier({ validationFraction: 1 })).toThrow(ValidationError);
    expect(() => new SGDClassifier().fit(X, y.map(() => 'a'))).toThrow(/at least 2 classes/);
    expect(() => new SGDClassifier({ classWeight: { c: 2 } }).fit(X, y)).toThrow(/classWeight/);
  });

  it('partialFit over batches (shuffle off) equals one epoch of fit over their concatenation, averaging included', () => {
    const iris = loadIris();
    const Xs = new StandardScaler().fitTransform(iris.data).to2DArray();
    const order = Xs.map((_, i) => i).sort((a, b) => (a % 7) - (b % 7) || a - b);
    const Xo = order.map((i) => Xs[i]);
    const yo = order.map((i) => iris.target[i]);
    for (const opts of [{ average: true }, { average: 30, loss: 'log_loss' as const }, {}]) {
      const inc = new SGDClassifier({ ...opts, shuffle: false });
      for (let lo = 0; lo < Xo.length; lo += 40) inc.partialFit(Xo.slice(lo, lo + 40), yo.slice(lo, lo + 40), { classes: [0, 1, 2] });
      const whole = new SGDClassifier({ ...opts, shuffle: false, maxIter: 1, tol: null }).fit(Xo, yo);
      expectClose(inc.coef_, whole.coef_, 1e-10, 1e-12);
      expectClose(inc.intercept_, whole.intercept_, 1e-10, 1e-12);
      expect(inc.t_).toBe(whole.t_);
    }
  });

  it('warmStart continues from the previous coefficients; without it fit starts again', () => {
    const opts = { shuffle: false, maxIter: 3, tol: null, learningRate: 'constant' as const, eta0: 0.01 };
    const six = new SGDClassifier({ ...opts, maxIter: 6 }).fit(X, y);
    const warm = new SGDClassifier({ ...opts, warmStart: true }).fit(X, y);
    const cold = new SGDClassifier(opts).fit(X, y);
    const three = cold.coef_;
    cold.fit(X, y);
    expectClose(cold.coef_, three, 0, 0);
    warm.fit(X, y);
    // The step counter restarts, which does not matter for a constant rate.
    expectClose(warm.coef_, six.coef_, 1e-12, 1e-14);
  });

  it('earlyStopping holds out validationFraction and stops on its accuracy', () => {
    const bc = loadBreastCancer();
    const Xs = new StandardScaler().fitTransform(bc.data);
    const m = new SGDClassifier({ earlyStopping: true, randomState: 0, nIterNoChange: 3 }).fit(Xs, bc.target );
    expect(m.nIter_).toBeGreaterThanOrEqual(4);
    expect(m.nIter_).toBeLessThan(100);
    expect(m.score(Xs, bc.target )).toBeGreaterThan(0.95);
  });

  it('warns (ConvergenceWarning) when maxIter is reached with tol set, keeping the result', () => {
    const seen: TypelearnWarning[] = [];
    const previous = setWarningHandler((w) => seen.push(w));
    try {
      const m = new SGDClassifier({ maxIter: 1, randomState: 0 }).fit(X, y);
      expect(m.isFitted()).toBe(true);
    } finally {
      setWarningHandler(previous);
    }
    expect(seen.length).toBe(1);
    expect(seen[0].message).toMatch(/Maximum number of iteration reached/);
  });

  it('refuses data that makes the weights overflow, keeping the previous model', () => {
    const m = new SGDClassifier({ randomState: 0, learningRate: 'constant', eta0: 1, penalty: null, loss: 'squared_error' }).fit(X, y);
    const before = m.coef_;
    expect(() => m.fit(X.map((r) => r.map((v) => v * 1e300)), y)).toThrow(/overflow/);
    expect(m.coef_).toEqual(before);
  });

  it('saves and loads (averaged, multiclass), predicting the same', () => {
    const iris = loadIris();
    const Xs = new StandardScaler().fitTransform(iris.data).to2DArray();
    const labels: Label[] = (iris.target ).map((k) => ['x', 'y', 'z'][k]);
    const m = new SGDClassifier({ average: 10, randomState: 2 }).fit(Xs, labels);
    const back = loadModel(JSON.parse(JSON.stringify(m))) as SGDClassifier;
    expect(back.predict(Xs)).toEqual(m.predict(Xs));
    expect(back.coef_).toEqual(m.coef_);
    back.partialFit(Xs, labels);
    m.partialFit(Xs, labels);
    expect(back.coef_).toEqual(m.coef_);
  });
});

describe('SGDRegressor', () => {
  it('partialFit on batches approaches the least-squares fit; t_ counts samples', () => {
    const diab = loadDiabetes();
    const Xs = new StandardScaler().fitTransform(diab.data).to2DArray();
    const y = diab.target;
    const m = new SGDRegressor({ randomState: 0 });
    for (let e = 0; e < 20; e++) for (let lo = 0; lo < Xs.length; lo += 100) m.partialFit(Xs.slice(lo, lo + 100), y.slice(lo, lo + 100));
    expect(m.t_).toBe(1 + 20 * Xs.length);
    expect(m.nIter_).toBe(1);
    expect(m.score(Xs, y)).toBeGreaterThan(0.5);
  });

  it('earlyStopping stops on the validation R²', () => {
    const diab = loadDiabetes();
    const Xs = new StandardScaler().fitTransform(diab.data);
    const m = new SGDRegressor({ earlyStopping: true, randomState: 0 }).fit(Xs, diab.target );
    expect(m.nIter_).toBeLessThan(1000);
    expect(m.score(Xs, diab.target )).toBeGreaterThan(0.45);
  });

  it('rejects bad options and inputs', () => {
    expect(() => new SGDRegressor({ loss: 'hinge' as never })).toThrow(ValidationError);
    expect(() => new SGDRegressor({ eta0: 0 }).fit([[1], [2]], [1, 2])).toThrow(/eta0/);
    expect(() => new SGDRegressor().fit([[1], [2]], [1])).toThrow(ValidationError);
    expect(() => new SGDRegressor().fit([[1], [2]], [1, 2], [1, -1])).toThrow(/sampleWeight/);
    expect(() => new SGDRegressor({ earlyStopping: true }).partialFit([[1], [2]], [1, 2])).toThrow(/earlyStopping/);
  });
});
