import { describe, expect, it } from 'vitest';
import {
  ElasticNet,
  ElasticNetCV,
  KFold,
  Lasso,
  LassoCV,
  ValidationError,
  enetPath,
  lassoPath,
  loadBreastCancer,
  loadDiabetes,
  loadModel,
  setWarningHandler,
} from '../../src/index';
import type { TypelearnWarning } from '../../src/core/errors';
import { expectClose, fixture } from '../helpers';

interface Single {
  name: string;
  estimator: 'Lasso' | 'ElasticNet';
  dataset: string;
  weighted: boolean;
  params: Record<string, unknown>;
  coef: number[];
  intercept: number;
  nIter: number;
  dualGap: number;
  converged: boolean;
  predict: number[];
}
interface PathCase {
  fn: 'lassoPath' | 'enetPath';
  dataset: string;
  centerY: boolean;
  params: Record<string, unknown>;
  alphas: number[];
  coefs: number[][];
  dualGaps: number[];
  nIters: number[];
}
interface CvCase {
  name: string;
  estimator: 'LassoCV' | 'ElasticNetCV';
  dataset: string;
  weighted: boolean;
  params: Record<string, unknown>;
  alpha: number;
  l1Ratio?: number;
  alphas: number[] | number[][];
  msePath: number[][] | number[][][];
  coef: number[];
  intercept: number;
  nIter: number;
}
const fx = fixture<{ collinear: { X: number[][]; y: number[] }; weights: number[]; single: Single[]; paths: PathCase[]; cv: CvCase[] }>(
  'linear_model/coordinate_descent.json',
);

const diabetes = loadDiabetes();
const diabetesRaw = loadDiabetes({ scaled: false });
const cancer = loadBreastCancer();
const DATA: Record<string, { X: number[][]; y: number[] }> = {
  diabetes: { X: diabetes.data, y: diabetes.target },
  diabetes_raw: { X: diabetesRaw.data, y: diabetesRaw.target },
  breast_cancer: { X: cancer.data, y: cancer.target },
  collinear: fx.collinear,
};

/** Collects warnings while running fn. */
function withWarnings<T>(fn: () => T): [T, TypelearnWarning[]] {
  const seen: TypelearnWarning[] = [];
  const previous = setWarningHandler((w) => {
    seen.push(w);
  });
  try {
    return [fn(), seen];
  } finally {
    setWarningHandler(previous);
  }
}

/** Absolute tolerance `rel` times the largest |value| (at least 1). */
const scaled = (values: number[], rel: number): number => rel * Math.max(1, ...values.map(Math.abs));

describe('Lasso / ElasticNet match scikit-learn (fixtures: make_coordinate_descent.py)', () => {
  for (const c of fx.single) {
    const tight = (c.params.tol as number) <= 1e-10;
    const rel = tight ? 1e-8 : 1e-5;
    it(`${c.name}: coef, intercept to ${tight ? '1e-8' : '1e-5'} of the largest coefficient; nIter (±0.1%), dualGap (1e-3 relative), convergence`, () => {
      const { X, y } = DATA[c.dataset];
      const Model = c.estimator === 'Lasso' ? Lasso : ElasticNet;
      const [m, warnings] = withWarnings(() => new Model(c.params).fit(X, y, c.weighted ? fx.weights : undefined));
      expectClose(m.coef_, c.coef, 0, scaled(c.coef, rel));
      expectClose(m.intercept_, c.intercept, 0, scaled([...c.coef, c.intercept], rel));
      expectClose(m.predict(X.slice(0, 5)), c.predict, 0, scaled(c.predict, rel));
      expect(warnings.some((w) => w.name === 'ConvergenceWarning')).toBe(!c.converged);
      if (c.converged) {
        // Same iterates and the same stopping rule: the same number of sweeps, up to rounding (±1, or
        // ±0.1% on the ill-conditioned raw data that take thousands of sweeps).
        expect(Math.abs(m.nIter_ - c.nIter)).toBeLessThanOrEqual(Math.max(1, Math.ceil(1e-3 * c.nIter)));
      } else {
        expect(m.nIter_).toBe(c.nIter);
      }
      expectClose(m.dualGap_, c.dualGap, 1e-3, scaled([c.dualGap], 1e-9));
    });
  }
});

describe('lassoPath / enetPath match scikit-learn', () => {
  for (const c of fx.paths) {
    it(`${c.fn} on ${c.dataset}: alphas to 1e-12, coefficients to 1e-5 of the largest`, () => {
      const { X, y } = DATA[c.dataset];
      const mean = y.reduce((s, v) => s + v, 0) / y.length;
      const yy = c.centerY ? y.map((v) => v - mean) : y;
      const fn = c.fn === 'lassoPath' ? lassoPath : enetPath;
      const r = fn(X, yy, c.params);
      expectClose(r.alphas, c.alphas, 1e-12);
      expectClose(r.coefs, c.coefs, 0, scaled(c.coefs.flat(), 1e-5));
      expect(r.nIters.length).toBe(c.nIters.length);
      r.nIters.forEach((n, k) => expect(Math.abs(n - c.nIters[k])).toBeLessThanOrEqual(1));
    });
  }
});

describe('LassoCV / ElasticNetCV match scikit-learn', () => {
  for (const c of fx.cv) {
    it(`${c.name}: alpha_ (and l1Ratio_) equal, alphas_ to 1e-12, msePath_ to 1e-6, coef_ to 1e-5 of the largest`, () => {
      const { X, y } = DATA[c.dataset];
      const Model = c.estimator === 'LassoCV' ? LassoCV : ElasticNetCV;
      const [m] = withWarnings(() => new Model(c.params).fit(X, y, c.weighted ? fx.weights : undefined));
      expect(m.alpha_).toBeCloseTo(c.alpha, 12);
      expectClose(m.alpha_, c.alpha, 1e-12);
      if (m instanceof ElasticNetCV) expect(m.l1Ratio_).toBe(c.l1Ratio);
      expectClose(m.alphas_, c.alphas, 1e-12);
      expectClose(m.msePath_, c.msePath, 1e-6);
      expectClose(m.coef_, c.coef, 0, scaled(c.coef, 1e-5));
      expectClose(m.intercept_, c.intercept, 0, scaled([...c.coef, c.intercept], 1e-5));
    });
  }
});

describe('Lasso / ElasticNet behaviour', () => {
  const { X, y } = DATA.diabetes;
  const tight = fx.single.find((c) => c.name === 'lasso diabetes a=0.1 tight') as Single;

  it("selection 'random' (seeded) reaches scikit-learn's optimum: coef to 1e-6 of the largest", () => {
    const m = new Lasso({ alpha: 0.1, tol: 1e-10, selection: 'random', randomState: 0 }).fit(X, y);
    expectClose(m.coef_, tight.coef, 0, scaled(tight.coef, 1e-6));
    const again = new Lasso({ alpha: 0.1, tol: 1e-10, selection: 'random', randomState: 0 }).fit(X, y);
    expect(again.coef_).toEqual(m.coef_);
  });

  it('warmStart starts from the previous coefficients (one sweep when already optimal)', () => {
    const m = new Lasso({ alpha: 0.1, tol: 1e-10, warmStart: true }).fit(X, y);
    const first = m.nIter_;
    m.fit(X, y);
    expect(m.nIter_).toBeLessThan(first);
    expect(m.nIter_).toBeLessThanOrEqual(2);
    expectClose(m.coef_, tight.coef, 0, scaled(tight.coef, 1e-8));
    const cold = new Lasso({ alpha: 0.1, tol: 1e-10 }).fit(X, y).fit(X, y);
    expect(cold.nIter_).toBe(first);
  });

  it('Lasso equals ElasticNet with l1Ratio 1 (bit for bit)', () => {
    const a = new Lasso({ alpha: 0.3 }).fit(X, y);
    const b = new ElasticNet({ alpha: 0.3, l1Ratio: 1 }).fit(X, y);
    expect(a.coef_).toEqual(b.coef_);
    expect(a.intercept_).toBe(b.intercept_);
  });

  it('alpha above alphaMax zeroes every coefficient; the intercept is the mean of y', () => {
    const m = new Lasso({ alpha: 1e4 }).fit(X, y);
    expect(m.coef_.every((c) => c === 0)).toBe(true);
    expectClose(m.intercept_, y.reduce((s, v) => s + v, 0) / y.length, 1e-12);
    expect(m.nIter_).toBe(1);
  });

  it('integer weights equal repeated rows (coef to 1e-8 at tol 1e-12)', () => {
    const Xs = X.slice(0, 60);
    const ys = y.slice(0, 60);
    const w = Xs.map((_, i) => 1 + (i % 3));
    const Xr: number[][] = [];
    const yr: number[] = [];
    Xs.forEach((row, i) => {
      for (let k = 0; k < w[i]; k++) {
        Xr.push(row);
        yr.push(ys[i]);
      }
    });
    // Rescaling the weights to sum to n keeps alpha's meaning, so the repeated data see the same alpha.
    const a = new ElasticNet({ alpha: 0.05, tol: 1e-12, maxIter: 100000 }).fit(Xs, ys, w);
    const b = new ElasticNet({ alpha: 0.05, tol: 1e-12, maxIter: 100000 }).fit(Xr, yr);
    expectClose(a.coef_, b.coef_, 0, scaled(b.coef_, 1e-8));
    expectClose(a.intercept_, b.intercept_, 0, scaled([b.intercept_], 1e-8));
  });

  it('positive keeps every coefficient ≥ 0', () => {
    const m = new ElasticNet({ alpha: 0.001, positive: true }).fit(X, y);
    expect(m.coef_.every((c) => c >= 0)).toBe(true);
    expect(m.coef_.some((c) => c > 0)).toBe(true);
  });

  it('warns on alpha = 0 and on non-convergence, keeping the last coefficients', () => {
    const [, w0] = withWarnings(() => new Lasso({ alpha: 0, maxIter: 2000 }).fit(X, y));
    expect(w0.map((w) => w.message).join('\n')).toMatch(/alpha=0/);
    const [m, w1] = withWarnings(() => new Lasso({ alpha: 0.001, maxIter: 1, tol: 0 }).fit(X, y));
    expect(w1).toHaveLength(1);
    expect(w1[0].name).toBe('ConvergenceWarning');
    expect(w1[0].message).toMatch(/Duality gap/);
    expect(m.nIter_).toBe(1);
    expect(m.coef_.some((c) => c !== 0)).toBe(true);
  });

  it('saves and loads with identical predictions', () => {
    const m = new ElasticNet({ alpha: 0.01 }).fit(X, y);
    const back = loadModel(JSON.parse(JSON.stringify(m))) as ElasticNet;
    expect(back.predict(X.slice(0, 10))).toEqual(m.predict(X.slice(0, 10)));
    expect(back.nIter_).toBe(m.nIter_);
  });

  it('rejects bad options with ValidationError naming the option', () => {
    const bad: Array<[() => unknown, string]> = [
      [() => new Lasso({ alpha: -1 }), 'alpha'],
      [() => new ElasticNet({ l1Ratio: 1.5 }), 'l1Ratio'],
      [() => new ElasticNet({ l1Ratio: -0.1 }), 'l1Ratio'],
      [() => new Lasso({ maxIter: 0 }), 'maxIter'],
      [() => new Lasso({ maxIter: 2.5 }), 'maxIter'],
      [() => new Lasso({ tol: -1 }), 'tol'],
      [() => new Lasso({ selection: 'shuffle' as 'random' }), 'selection'],
      [() => new Lasso({ randomState: 0.5 }), 'randomState'],
      [() => new Lasso().setParams({ alpha: Number.NaN }), 'alpha'],
      [() => new Lasso({ l1Ratio: 0.5 } as never), 'l1Ratio'],
      [() => new LassoCV({ eps: 0 }), 'eps'],
      [() => new LassoCV({ nAlphas: 0 }), 'nAlphas'],
      [() => new LassoCV({ alphas: [] }), 'alphas'],
      [() => new LassoCV({ alphas: [0.1, -1] }), 'alphas'],
      [() => new LassoCV({ cv: 1 }), 'cv'],
      [() => new ElasticNetCV({ l1Ratio: [] }), 'l1Ratio'],
      [() => new ElasticNetCV({ l1Ratio: [0.5, 2] }), 'l1Ratio'],
      [() => new ElasticNetCV({ l1Ratio: 0 }).fit(X, y), 'alphas'],
      [() => new Lasso().fit(X, y, y.map(() => -1)), 'sampleWeight'],
      [() => new Lasso().fit(X, y.slice(1)), 'y'],
      [() => lassoPath(X, y, { l1Ratio: 0.5 } as never), 'l1Ratio'],
      [() => enetPath(X, y, { coefInit: [1, 2] }), 'coefInit'],
      [() => enetPath(X, y, { nAlphas: -3 }), 'nAlphas'],
    ];
    for (const [fn, param] of bad) {
      let error: unknown;
      try {
        fn();
      } catch (e) {
        error = e;
      }
      expect(error, param).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).param).toBe(param);
    }
  });

  it('ElasticNet with l1Ratio 0 and explicit alphas works in ElasticNetCV', () => {
    const [m] = withWarnings(() => new ElasticNetCV({ l1Ratio: 0, alphas: [0.001, 0.01, 0.1] }).fit(X, y));
    expect(m.l1Ratio_).toBe(0);
    expect(m.alphas_).toEqual([0.1, 0.01, 0.001]);
  });
});

describe('LassoCV behaviour', () => {
  const { X, y } = DATA.diabetes;

  it('cv as a number, a KFold and explicit splits give the same alpha_ and msePath_', () => {
    const a = new LassoCV({ cv: 3, nAlphas: 10 }).fit(X, y);
    const b = new LassoCV({ cv: new KFold({ nSplits: 3 }), nAlphas: 10 }).fit(X, y);
    const c = new LassoCV({ cv: [...new KFold({ nSplits: 3 }).split(X)], nAlphas: 10 }).fit(X, y);
    expect(b.msePath_).toEqual(a.msePath_);
    expect(c.msePath_).toEqual(a.msePath_);
    expect(b.alpha_).toBe(a.alpha_);
  });

  it('the refitted model equals a Lasso at alpha_', () => {
    const cv = new LassoCV({ nAlphas: 20 }).fit(X, y);
    const m = new Lasso({ alpha: cv.alpha_ }).fit(X, y);
    expect(cv.coef_).toEqual(m.coef_);
    expect(cv.intercept_).toBe(m.intercept_);
    expect(cv.predict(X.slice(0, 3))).toEqual(m.predict(X.slice(0, 3)));
  });

  it('a shuffled KFold changes the folds but still picks a sensible alpha', () => {
    const m = new LassoCV({ cv: new KFold({ nSplits: 4, shuffle: true, randomState: 1 }), nAlphas: 20 }).fit(X, y);
    expect(m.msePath_[0]).toHaveLength(4);
    expect(m.alphas_).toContain(m.alpha_);
    expect(m.score(X, y)).toBeGreaterThan(0.45);
  });
});
