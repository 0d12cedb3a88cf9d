/** VarianceThreshold and CorrelationThreshold against scikit-learn / pandas (make_filters.py). */
import { describe, expect, it } from 'vitest';
import { CorrelationThreshold, VarianceThreshold, loadBreastCancer, loadDigits } from '../../src/index';
import { expectClose, fixture, nanify } from '../helpers';

type Opt = number | null;
interface CorrRef {
  corr?: Opt[][];
  support: boolean[];
  dropped: [number, number, number][];
}
interface Fx {
  variance: {
    digits_0: { variances: number[]; support: boolean[] };
    digits_5: { variances: number[]; support: boolean[] };
    nan_X: Opt[][];
    nan_0: { variances: Opt[]; support: boolean[] };
    nan_2: { variances: Opt[]; support: boolean[] };
  };
  corr: Record<'pearson' | 'spearman' | 'kendall', Record<'0.9' | '0.8', CorrRef>> &
    Record<'pearson_nan' | 'spearman_nan' | 'kendall_nan', CorrRef> & { nan_X: Opt[][] };
}
const fx = fixture<Fx>('feature_selection/filters.json');
const digits = loadDigits().data;
const cancer = loadBreastCancer().data;

describe('VarianceThreshold against scikit-learn', () => {
  it('digits: variances to 1e-12 relative and supports identical, thresholds 0 and 5', () => {
    const a = new VarianceThreshold().fit(digits);
    expectClose(a.variances_, fx.variance.digits_0.variances, 1e-12, 1e-15);
    expect(a.getSupport()).toEqual(fx.variance.digits_0.support);
    const b = new VarianceThreshold({ threshold: 5 }).fit(digits);
    expectClose(b.variances_, fx.variance.digits_5.variances, 1e-12, 1e-15);
    expect(b.getSupport()).toEqual(fx.variance.digits_5.support);
    expect(b.transform(digits).columns).toBe(fx.variance.digits_5.support.filter(Boolean).length);
  });
  it('missing values are ignored as numpy nanvar (1e-12 relative), supports identical', () => {
    const X = nanify(fx.variance.nan_X) as number[][];
    const a = new VarianceThreshold().fit(X);
    expectClose(a.variances_, nanify(fx.variance.nan_0.variances), 1e-12, 1e-15);
    expect(a.getSupport()).toEqual(fx.variance.nan_0.support);
    const b = new VarianceThreshold({ threshold: 2 }).fit(X);
    expect(b.getSupport()).toEqual(fx.variance.nan_2.support);
  });
  it('drops a constant feature whose variance rounds above 0 (the range is used at threshold 0)', () => {
    const X = [[0.1, 1], [0.1, 2], [0.1, 3]];
    const sel = new VarianceThreshold().fit(X);
    expect(sel.getSupport()).toEqual([false, true]);
    expect(sel.variances_[0]).toBe(0);
  });
  it('throws when no feature passes, as scikit-learn', () => {
    expect(() => new VarianceThreshold().fit([[1, 2], [1, 2]])).toThrow(/No feature in X meets the variance threshold 0.00000/);
    expect(() => new VarianceThreshold().fit([[1, 2]])).toThrow(/only one sample/);
  });
});

function dropped(sel: CorrelationThreshold): [number, number, number][] {
  return sel.dropped_.map((x) => [x.feature, x.keptFeature, x.r]);
}

describe('CorrelationThreshold against pandas DataFrame.corr and the rule in Python', () => {
  for (const method of ['pearson', 'spearman', 'kendall'] as const) {
    it(`${method} on breast-cancer: matrix to 1e-12, supports and dropped pairs identical (thresholds 0.9, 0.8)`, () => {
      const ref = fx.corr[method];
      const sel = new CorrelationThreshold({ method, threshold: 0.9 }).fit(cancer);
      expectClose(sel.correlation_, nanify(ref['0.9'].corr), 1e-12, 1e-12);
      expect(sel.getSupport()).toEqual(ref['0.9'].support);
      expect(dropped(sel).map(([a, b]) => [a, b])).toEqual(ref['0.9'].dropped.map(([a, b]) => [a, b]));
      expectClose(dropped(sel).map(([, , r]) => r), ref['0.9'].dropped.map(([, , r]) => r), 1e-12, 1e-12);
      const sel8 = new CorrelationThreshold({ method, threshold: 0.8 }).fit(cancer);
      expect(sel8.getSupport()).toEqual(ref['0.8'].support);
      expect(dropped(sel8).map(([a, b]) => [a, b])).toEqual(ref['0.8'].dropped.map(([a, b]) => [a, b]));
    });
    it(`${method} with missing values, ties and a constant column: pairwise-complete matrix to 1e-12, NaN for the constant column, supports identical`, () => {
      const ref = fx.corr[`${method}_nan`];
      const X = nanify(fx.corr.nan_X) as number[][];
      const sel = new CorrelationThreshold({ method, threshold: 0.7 }).fit(X);
      expectClose(sel.correlation_, nanify(ref.corr), 1e-12, 1e-12);
      expect(sel.correlation_[5].filter((v, j) => j !== 5).every(Number.isNaN)).toBe(true);
      expect(sel.getSupport()).toEqual(ref.support);
      expect(sel.getSupport()[5]).toBe(true);
      expect(dropped(sel).map(([a, b]) => [a, b])).toEqual(ref.dropped.map(([a, b]) => [a, b]));
    });
  }
  it('the rule: a dropped feature never drops others; later features are compared with kept ones only', () => {
    // x1 ≈ x0 (dropped by 0); x2 ≈ x1 but not ≈ x0 beyond the threshold: x2 stays, since x1 is gone.
    const n = 200;
    const X = Array.from({ length: n }, (_, i) => {
      const t = i / n;
      const w = Math.sin(i * 1.7);
      return [t, t + 0.12 * w, t + 0.24 * w];
    });
    const sel = new CorrelationThreshold({ threshold: 0.95 }).fit(X);
    const R = sel.correlation_;
    expect(Math.abs(R[0][1])).toBeGreaterThan(0.95);
    expect(Math.abs(R[1][2])).toBeGreaterThan(0.95);
    expect(Math.abs(R[0][2])).toBeLessThanOrEqual(0.95);
    expect(sel.getSupport()).toEqual([true, false, true]);
    expect(sel.dropped_).toEqual([{ feature: 1, keptFeature: 0, r: R[0][1] }]);
  });
  it('threshold 1 drops nothing (r is clipped to [-1, 1]); threshold 0 keeps one feature of each correlated group', () => {
    expect(new CorrelationThreshold({ threshold: 1 }).fit(cancer).getSupport().every(Boolean)).toBe(true);
    const X = [[1, 2, 3], [2, 1, 3], [3, 5, 3], [4, 3, 3]];
    expect(new CorrelationThreshold({ threshold: 0 }).fit(X).getSupport()).toEqual([true, false, true]);
  });
});
