/** The kernels free of the estimator API: correlation matrices, MI helpers, selection rules. */
import fc from 'fast-check';
import { rowMajor } from '../../src/core/data/index';
import { describe, expect, it } from 'vitest';
import { rankData } from '../../src/core/math/rankData';
import { correlationMatrix } from '../../src/feature_selection/_correlation';
import { miContinuousDiscrete, miDiscreteDiscrete, nextDown } from '../../src/feature_selection/_mutualInfo';
import { fdrSupport, kBestSupport, percentileSupport } from '../../src/feature_selection/_selection';

/** Kendall's tau-b by its O(n²) definition. */
function naiveTauB(x: number[], y: number[]): number {
  let c = 0;
  let dcount = 0;
  let tx = 0;
  let ty = 0;
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const a = Math.sign(x[i] - x[j]);
      const b = Math.sign(y[i] - y[j]);
      if (a === 0 && b === 0) continue;
      if (a === 0) tx++;
      else if (b === 0) ty++;
      else if (a === b) c++;
      else dcount++;
    }
  }
  return (c - dcount) / Math.sqrt((c + dcount + tx) * (c + dcount + ty));
}

function dense(rows: number[][]) {
  return rowMajor(Float64Array.from(rows.flat()), rows.length, rows[0].length);
}

describe('correlationMatrix', () => {
  it("Kendall (Knight's O(n log n)) equals the O(n²) definition of tau-b with many ties, to 1e-12", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 })), { minLength: 3, maxLength: 60 }), (pairs) => {
        const x = pairs.map((p) => p[0]);
        const y = pairs.map((p) => p[1]);
        const want = naiveTauB(x, y);
        const got = correlationMatrix(dense(pairs.map(([a, b]) => [a, b])), 'kendall')[1];
        if (Number.isNaN(want)) return Number.isNaN(got);
        return Math.abs(got - want) < 1e-12;
      }),
      { numRuns: 300, seed: 1 },
    );
  });
  it('Spearman equals Pearson of average ranks (1e-12); average ranks as scipy rankdata', () => {
    expect(Array.from(rankData(Float64Array.from([3, 1, 3, 2, 3])))).toEqual([4, 1, 4, 2, 4]);
    const rows = [[1, 10], [2, 30], [2, 20], [5, 40], [7, 40]];
    const s = correlationMatrix(dense(rows), 'spearman')[1];
    const rx = rankData(Float64Array.from(rows.map((r) => r[0])));
    const ry = rankData(Float64Array.from(rows.map((r) => r[1])));
    const p = correlationMatrix(dense(Array.from(rx, (v, i) => [v, ry[i]])), 'pearson')[1];
    expect(Math.abs(s - p)).toBeLessThan(1e-12);
  });
  it('Pearson: the Gram path and the pairwise-complete path agree (1e-12) when the missing rows are removed', () => {
    const rows = Array.from({ length: 50 }, (_, i) => [Math.sin(i), Math.cos(i * 0.3) + i / 50, (i * 7) % 11]);
    const withNaN = rows.map((r, i) => (i % 5 === 0 ? [r[0], NaN, r[2]] : r));
    const kept = rows.filter((_, i) => i % 5 !== 0);
    const a = correlationMatrix(dense(withNaN), 'pearson');
    const b = correlationMatrix(dense(kept), 'pearson');
    expect(Math.abs(a[1] - b[1])).toBeLessThan(1e-12);
    expect(Math.abs(a[5] - b[5])).toBeLessThan(1e-12);
  });
});

describe('mutual-information helpers', () => {
  it('nextDown is the previous double (numpy nextafter(x, 0))', () => {
    expect(nextDown(1)).toBe(1 - Number.EPSILON / 2);
    expect(nextDown(0)).toBe(0);
    expect(nextDown(5e-324)).toBe(0);
  });
  it('discrete–discrete MI: identical variables give their entropy; independent ones 0 (1e-15)', () => {
    const a = Int32Array.from([0, 0, 1, 1]);
    expect(Math.abs(miDiscreteDiscrete(a, 2, a, 2) - Math.log(2))).toBeLessThan(1e-15);
    expect(miDiscreteDiscrete(a, 2, Int32Array.from([0, 1, 0, 1]), 2)).toBe(0);
  });
  it('continuous–discrete MI is near log 2 for two well separated classes and 0 for a singleton-only labelling', () => {
    const c = Float64Array.from({ length: 200 }, (_, i) => (i % 2 ? 100 : 0) + i * 1e-3);
    const d = Int32Array.from({ length: 200 }, (_, i) => i % 2);
    expect(Math.abs(miContinuousDiscrete(c, d, 2, 3) - Math.log(2))).toBeLessThan(0.02);
    expect(miContinuousDiscrete(Float64Array.from([1, 2, 3]), Int32Array.from([0, 1, 2]), 3, 3)).toBe(0);
  });
});

describe('selection rules (scikit-learn 1.2 tie-breaking)', () => {
  it('k-best keeps the later of tied features; NaN ranks lowest', () => {
    expect(kBestSupport(Float64Array.from([1, 2, 2, NaN]), 1)).toEqual([false, false, true, false]);
    expect(kBestSupport(Float64Array.from([NaN, 0, 0]), 2)).toEqual([false, true, true]);
  });
  it("percentile uses numpy's linear percentile and fills ties in feature order", () => {
    // The top 25%: the threshold is numpy's 75th percentile of [1, 1, 1, 2], 1.25; only 2 exceeds it.
    expect(percentileSupport(Float64Array.from([1, 2, 1, 1]), 25)).toEqual([false, true, false, false]);
    expect(percentileSupport(Float64Array.from([5, 5, 5, 5]), 50)).toEqual([true, true, false, false]);
  });
  it('Benjamini–Hochberg keeps every p-value up to the largest p(i) ≤ alpha·i/n', () => {
    expect(fdrSupport(Float64Array.from([0.01, 0.04, 0.02, 0.5]), 0.05)).toEqual([true, false, true, false]);
    // 0.03 fails its own bound (0.025), but 0.036 ≤ 0.0375 passes, so both are kept.
    expect(fdrSupport(Float64Array.from([0.001, 0.03, 0.036, 0.5]), 0.05)).toEqual([true, true, true, false]);
    expect(fdrSupport(Float64Array.from([0.2, 0.3]), 0.05)).toEqual([false, false]);
  });
});
