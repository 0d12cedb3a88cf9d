import { describe, expect, it } from 'vitest';
import { bracketMinimum, brentMinimize } from '../../src/preprocessing/_brent';
import { kmeans1d } from '../../src/preprocessing/_kmeans1d';
import { erf, erfc, normCdf, normPpf } from '../../src/preprocessing/_normal';
import { interp, linspace, percentileSorted, sortedColumn } from '../../src/preprocessing/_quantile';
import { expectClose, fixture, nanify } from '../helpers';

interface Kernels {
  percentile: { values: number[]; q: number[]; expected: number[] }[];
  interp: { xp: number[]; fp: number[]; x: number[]; expected: number[] };
  normal: { p: number[]; ppf: (number | string)[]; x: number[]; cdf: number[] };
  brent: { name: string; coef: number[]; bracket: number[]; x: number; fx: number; iterations: number }[];
  kmeans: { name: string; values: number[]; init: number[]; centers: number[] }[];
}
const k = fixture<Kernels>('preprocessing/scaler_kernels.json');
const num = (v: number | string) => (v === 'inf' ? Infinity : v === '-inf' ? -Infinity : (v as number));

describe('numpy percentile and interp (fixtures: make_scaler_kernels.py)', () => {
  it('percentileSorted equals np.percentile (linear) to the last bit', () => {
    for (const c of k.percentile) {
      const v = Float64Array.from(c.values);
      expect(c.q.map((q) => percentileSorted(v, q))).toEqual(c.expected);
    }
  });
  it('percentileSorted of no values is NaN; sortedColumn drops NaN and sorts', () => {
    expect(percentileSorted(new Float64Array(0), 50)).toBeNaN();
    const buf = new Float64Array(3);
    const n = sortedColumn(Float64Array.from([5, 0, NaN, 1, 2, 0]), 3, 2, 0, buf);
    expect([n, Array.from(buf.subarray(0, n))]).toEqual([2, [2, 5]]);
  });
  it('interp equals np.interp with repeated xp to the last bit', () => {
    const xp = Float64Array.from(k.interp.xp);
    const fp = Float64Array.from(k.interp.fp);
    expect(k.interp.x.map((x) => interp(x, xp, fp))).toEqual(k.interp.expected);
    expect(interp(NaN, xp, fp)).toBeNaN();
  });
  it('linspace ends exactly at its bounds', () => {
    expect(Array.from(linspace(0, 100, 5))).toEqual([0, 25, 50, 75, 100]);
    expect(Array.from(linspace(2, 2, 3))).toEqual([2, 2, 2]);
    expect(Array.from(linspace(1, 3, 1))).toEqual([1]);
  });
});

describe('normal CDF and quantile match scipy.stats.norm to 1e-13 relative', () => {
  it('normCdf', () => expectClose(k.normal.x.map(normCdf), k.normal.cdf, 1e-13, 1e-300));
  it('normPpf', () => expectClose(k.normal.p.map(normPpf), k.normal.ppf.map(num), 1e-13, 1e-300));
  it('edges and symmetry', () => {
    expect([normPpf(0), normPpf(1), normPpf(0.5), normPpf(-0.1), normPpf(NaN)]).toEqual([-Infinity, Infinity, 0, NaN, NaN]);
    expect(erf(0.3) + erfc(0.3)).toBeCloseTo(1, 15);
    expect(erf(-2.5)).toBeCloseTo(-erf(2.5), 15);
    for (const p of [1e-10, 0.01, 0.3]) expect(normCdf(normPpf(p)) / p).toBeCloseTo(1, 13);
  });
});

describe('Brent as scipy.optimize.brent (same iterates: exact)', () => {
  for (const c of k.brent) {
    it(c.name, () => {
      const f = (x: number) => c.coef.reduce((r, a) => r * x + a, 0);
      const b = bracketMinimum(f, -2, 2);
      expect([b.xa, b.xb, b.xc, b.fa, b.fb, b.fc]).toEqual(c.bracket);
      const r = brentMinimize(f, -2, 2);
      expect([r.x, r.fx, r.iterations]).toEqual([c.x, c.fx, c.iterations]);
    });
  }
});

describe("1-d k-means matches scikit-learn's KMeans from given centers (to 1e-12)", () => {
  for (const c of k.kmeans) {
    it(c.name, () => {
      expectClose(Array.from(kmeans1d(Float64Array.from(nanify(c.values)), Float64Array.from(c.init))), c.centers, 1e-12, 1e-12);
    });
  }
});
