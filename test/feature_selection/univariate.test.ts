/** Score functions and univariate selectors against scikit-learn 1.2.1 (test/fixtures/feature_selection/make_filters.py). */
import { describe, expect, it } from 'vitest';
import {
  GenericUnivariateSelect,
  SelectFdr,
  SelectFpr,
  SelectFwe,
  SelectKBest,
  SelectPercentile,
  chi2,
  fClassif,
  fRegression,
  loadBreastCancer,
  loadDiabetes,
  loadDigits,
  loadWine,
  mutualInfoClassif,
  mutualInfoRegression,
  rRegression,
  type ScoreFunc,
} from '../../src/index';
import { expectClose, fixture, nanify } from '../helpers';

type Scores = { scores: (number | null)[]; pvalues: (number | null)[] };
type Supports = Record<string, boolean[]>;
interface ClassEntry {
  f_classif: Scores;
  chi2: Scores;
  supports_f: Supports;
  supports_chi2: Supports;
  mi: number[];
  mi_top5: number[];
  mi_mean10: number[];
  mi_mean10_topk: number[];
  mi_discrete?: number[];
}
interface Fx {
  breast_cancer: ClassEntry;
  wine: ClassEntry;
  digits: ClassEntry;
  diabetes: {
    f_regression: Scores;
    f_regression_nocenter: Scores;
    r_regression: number[];
    r_regression_nocenter: number[];
    supports_f: Supports;
    mi: number[];
    mi_sex_discrete: number[];
    mi_sex_discrete_mean10: number[];
    mi_top4: number[];
    mi_mean10: number[];
    mi_mean10_topk: number[];
  };
  force_finite: { X: number[][]; y: number[]; on: Scores; off: Scores; r_on: (number | string)[]; r_off: (number | string | null)[] };
  ties: { X: number[][]; y: number[]; supports: Supports };
}
const fx = fixture<Fx>('feature_selection/filters.json');

const datasets = {
  breast_cancer: loadBreastCancer(),
  wine: loadWine(),
  digits: loadDigits(),
};
const diabetes = loadDiabetes();

/**
 * p-values equal to 1e-10 relative; where scikit-learn's p-value underflows to 0 (or a subnormal,
 * which scipy's fdtrc/chdtrc return with few correct digits), ours must be below 1e-300 too.
 */
function expectPvalues(got: number[], want: (number | null)[]): void {
  want.forEach((w, j) => {
    if (w === null) expect(got[j], `p[${j}]`).toBeNaN();
    else if (w < 1e-300) expect(got[j], `p[${j}] (scikit-learn: ${w})`).toBeLessThan(1e-300);
    else expect(Math.abs(got[j] - w) / w, `p[${j}]: ${got[j]} vs ${w}`).toBeLessThan(1e-10);
  });
}

/** Mean MI over seeds 0..9 (the seeds of the 1e-10 tie-breaking noise). */
function meanOver10(run: (seed: number) => number[]): number[] {
  const runs = Array.from({ length: 10 }, (_, s) => run(s));
  return runs[0].map((_, j) => runs.reduce((a, r) => a + r[j], 0) / runs.length);
}

function topK(scores: number[], k: number): number[] {
  return scores
    .map((s, j) => [s, j] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .slice(-k)
    .map(([, j]) => j)
    .sort((a, b) => a - b);
}

/** Builds the selector a fixture key names (kbest_5, percentile_10, fdr_0.01, generic_fwe_0.01, …). */
function selectorFor(key: string, scoreFunc: ScoreFunc) {
  const parts = key.split('_');
  if (parts[0] === 'kbest') return new SelectKBest({ scoreFunc, k: parts[1] === 'all' ? 'all' : Number(parts[1]) });
  if (parts[0] === 'percentile') return new SelectPercentile({ scoreFunc, percentile: Number(parts[1]) });
  if (parts[0] === 'fpr') return new SelectFpr({ scoreFunc, alpha: Number(parts[1]) });
  if (parts[0] === 'fdr') return new SelectFdr({ scoreFunc, alpha: Number(parts[1]) });
  if (parts[0] === 'fwe') return new SelectFwe({ scoreFunc, alpha: Number(parts[1]) });
  const mode = key.slice('generic_'.length, key.lastIndexOf('_')) as 'percentile' | 'k_best' | 'fpr' | 'fdr' | 'fwe';
  return new GenericUnivariateSelect({ scoreFunc, mode, param: Number(key.slice(key.lastIndexOf('_') + 1)) });
}

function expectSupports(X: number[][], y: ArrayLike<number | string | boolean>, scoreFunc: ScoreFunc, supports: Supports): void {
  expect(Object.keys(supports).length).toBeGreaterThan(10);
  for (const [key, want] of Object.entries(supports)) {
    expect(selectorFor(key, scoreFunc).fit(X, y).getSupport(), key).toEqual(want);
  }
}

describe.each(Object.keys(datasets) as (keyof typeof datasets)[])('%s against scikit-learn', (name) => {
  const { data, target } = datasets[name];
  const ref = fx[name];
  it('fClassif scores to 1e-10 relative, p-values to 1e-10 relative', () => {
    const { scores, pvalues } = fClassif(data, target);
    expectClose(scores, nanify(ref.f_classif.scores), 1e-10);
    expectPvalues(pvalues!, ref.f_classif.pvalues);
  });
  it('chi2 scores to 1e-10 relative (NaN for all-zero features), p-values to 1e-10 relative', () => {
    const { scores, pvalues } = chi2(data, target);
    expectClose(scores, nanify(ref.chi2.scores), 1e-10);
    expectPvalues(pvalues!, ref.chi2.pvalues);
  });
  it('supports of every selector with fClassif are identical', () => {
    expectSupports(data, target, fClassif, ref.supports_f);
  });
  it('supports of every selector with chi2 are identical', () => {
    expectSupports(data, target, chi2, ref.supports_chi2);
  });
  // Tied feature values make single estimates depend on the tie-breaking noise, whose draws differ
  // from numpy's (spread up to 0.06 between seeds on wine); means over 10 seeds are stable.
  it('mutualInfoClassif: means over 10 seeds within 0.02 of scikit-learn\'s, the same well-separated top-k set', () => {
    const mean = meanOver10((s) => mutualInfoClassif(data, target, { randomState: s }).scores);
    expectClose(mean, ref.mi_mean10, 0, 0.02);
    if (ref.mi_mean10_topk.length) expect(topK(mean, ref.mi_mean10_topk.length)).toEqual(ref.mi_mean10_topk);
  });
  if (name === 'breast_cancer') {
    it('mutualInfoClassif on continuous features: one seed gives the same top-5 features, values within 0.02', () => {
      const { scores } = mutualInfoClassif(data, target, { randomState: 0 });
      expect(topK(scores, 5)).toEqual(ref.mi_top5);
      expectClose(scores, ref.mi, 0, 0.02);
    });
  }
  if (name === 'digits') {
    it('mutualInfoClassif with discrete features (no noise) equals scikit-learn to 1e-12', () => {
      expectClose(mutualInfoClassif(data, target, { discreteFeatures: true }).scores, ref.mi_discrete, 1e-12, 1e-15);
    });
  }
});

describe('diabetes (regression) against scikit-learn', () => {
  const { data, target } = diabetes;
  const ref = fx.diabetes;
  it('fRegression scores and p-values to 1e-10 relative, centred and not', () => {
    const a = fRegression(data, target);
    expectClose(a.scores, ref.f_regression.scores, 1e-10);
    expectPvalues(a.pvalues!, ref.f_regression.pvalues);
    const b = fRegression(data, target, { center: false });
    expectClose(b.scores, ref.f_regression_nocenter.scores, 1e-10);
    expectPvalues(b.pvalues!, ref.f_regression_nocenter.pvalues);
  });
  it('rRegression to 1e-12, centred and not; no p-values', () => {
    const r = rRegression(data, target);
    expectClose(r.scores, ref.r_regression, 1e-12, 1e-14);
    expect(r.pvalues).toBeUndefined();
    expectClose(rRegression(data, target, { center: false }).scores, ref.r_regression_nocenter, 1e-12, 1e-14);
  });
  it('supports of every selector with fRegression are identical', () => {
    expectSupports(data, target, fRegression, ref.supports_f);
  });
  it('mutualInfoRegression: one seed gives the same top-4 features; means over 10 seeds within 0.02 (continuous, and with a discrete feature)', () => {
    expect(topK(mutualInfoRegression(data, target, { randomState: 0 }).scores, 4)).toEqual(ref.mi_top4);
    const mean = meanOver10((s) => mutualInfoRegression(data, target, { randomState: s }).scores);
    expectClose(mean, ref.mi_mean10, 0, 0.02);
    expect(topK(mean, ref.mi_mean10_topk.length)).toEqual(ref.mi_mean10_topk);
    const withDiscrete = meanOver10((s) => mutualInfoRegression(data, target, { discreteFeatures: [1], randomState: s }).scores);
    expectClose(withDiscrete, ref.mi_sex_discrete_mean10, 0, 0.02);
  });
  it('forceFinite: a constant feature gets F = 0, p = 1 (off: NaN), others as scikit-learn to 1e-10', () => {
    const f = fx.force_finite;
    const on = fRegression(f.X, f.y);
    expectClose(on.scores.slice(0, 4), f.on.scores.slice(0, 4), 1e-10);
    expectPvalues(on.pvalues!.slice(0, 4), f.on.pvalues.slice(0, 4));
    expect([on.scores[3], on.pvalues![3]]).toEqual([0, 1]);
    // Feature 4 is an exact linear function of y: r rounds to 1 ± 1 ulp, so F is ±1e16 on both sides.
    expect(Math.abs(on.scores[4])).toBeGreaterThan(1e15);
    expect(Math.abs(f.on.scores[4] as number)).toBeGreaterThan(1e15);
    const off = fRegression(f.X, f.y, { forceFinite: false });
    expect(off.scores[3]).toBeNaN();
    expect(off.pvalues![3]).toBeNaN();
    expectClose(off.scores.slice(0, 3), f.off.scores.slice(0, 3), 1e-10);
    // r of the constant feature is ±0/0 in exact arithmetic; rounding leaves a tiny numerator, so
    // both libraries give Infinity there (forceFinite replaces NaN only), and F is NaN → 0.
    const inf = (v: number | string | null) => (v === 'Infinity' ? Infinity : v === null ? NaN : (v as number));
    const rOn = rRegression(f.X, f.y).scores;
    expectClose(rOn.slice(0, 3), f.r_on.slice(0, 3), 1e-12, 1e-14);
    expect(rOn[3]).toBe(inf(f.r_on[3]));
    expect(rRegression(f.X, f.y, { forceFinite: false }).scores[3]).toBe(inf(f.r_off[3]));
  });
  it('forceFinite: r exactly ±1 gives F = Number.MAX_VALUE and p = 0 (off: Infinity and 0)', () => {
    const X = [[0, 1], [1, 0], [0, 1], [1, 0]];
    const y = [0, 1, 0, 1];
    const on = fRegression(X, y);
    expect(on.scores).toEqual([Number.MAX_VALUE, Number.MAX_VALUE]);
    expect(on.pvalues).toEqual([0, 0]);
    const off = fRegression(X, y, { forceFinite: false });
    expect(off.scores).toEqual([Infinity, Infinity]);
    expect(off.pvalues).toEqual([0, 0]);
  });
});

describe('tie-breaking as scikit-learn', () => {
  it('k-best and percentile on duplicated columns keep the same features', () => {
    expectSupports(fx.ties.X, fx.ties.y, fClassif, fx.ties.supports);
  });
});
