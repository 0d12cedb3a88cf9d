import { describe, expect, it } from 'vitest';
import { BIN_SLOTS, buildHistograms, histogramLength, subtractHistograms } from '../../src/ensemble/hist/histogram';
import { findNodeSplit, type SplitterConfig } from '../../src/ensemble/hist/splitting';
import { TreeGrower } from '../../src/ensemble/hist/grower';
import { applyBins, fitBins } from '../../src/ensemble/hist/binning';
import { TreeCollector, addTreePrediction } from '../../src/ensemble/hist/predictor';
import { RandomState } from '../../src/core/random';

/** Random binned data: n rows, d columns (column-major), `bins` bins, some missing (bin 255). */
function randomData(n: number, d: number, bins: number, seed: number) {
  const rng = new RandomState(seed);
  const binned = new Uint8Array(n * d);
  for (let k = 0; k < binned.length; k++) binned[k] = rng.random() < 0.05 ? 255 : rng.randint(bins);
  const g = Float32Array.from({ length: n }, () => rng.normal());
  const h = Float32Array.from({ length: n }, () => 0.1 + rng.random());
  return { binned, g, h };
}

const used = (d: number, bins: number) => ({ nBinsNonMissing: new Int32Array(d).fill(bins), missingBin: 255 });

describe('binning', () => {
  it('maps each value to the number of thresholds below it, NaN to the missing bin', () => {
    const rng = new RandomState(3);
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + rng.randint(600);
      const d = 2;
      const k = 1 + rng.randint(400);
      const X = Float64Array.from({ length: n * d }, () => (rng.random() < 0.05 ? NaN : Math.floor(rng.random() * k) / 7));
      const m = fitBins(X, n, d, 2 + rng.randint(254), [], rng);
      const B = applyBins(X, n, d, m);
      for (let j = 0; j < d; j++) {
        const t = Array.from(m.thresholds[j]);
        expect(t.length).toBeLessThan(m.maxBins);
        for (let i = 0; i < n; i++) {
          const v = X[i * d + j];
          expect(B[j * n + i]).toBe(Number.isNaN(v) ? m.maxBins : t.filter((x) => x < v).length);
        }
      }
    }
  });
});

describe('histograms', () => {
  const n = 500;
  const d = 3;
  const { binned, g, h } = randomData(n, d, 10, 1);
  const ordG = new Float32Array(n);
  const ordH = new Float32Array(n);

  it('sum the gradients, hessians and counts of the node samples per bin', () => {
    const index = Uint32Array.from({ length: n }, (_, i) => (i * 7) % n);
    const hist = new Float64Array(histogramLength(d));
    buildHistograms(hist, binned, n, d, index, 100, 300, g, h, false, ordG, ordH, false, used(d, 10));
    for (let f = 0; f < d; f++) {
      const want = new Float64Array(BIN_SLOTS * 3);
      for (let i = 100; i < 300; i++) {
        const s = index[i];
        const b = binned[f * n + s];
        want[b * 3] += g[s];
        want[b * 3 + 1] += h[s];
        want[b * 3 + 2] += 1;
      }
      const got = hist.subarray(f * BIN_SLOTS * 3, (f + 1) * BIN_SLOTS * 3);
      for (let k = 0; k < want.length; k++) expect(got[k]).toBeCloseTo(want[k], 10);
    }
  });

  it('parent minus one child is the other child (the subtraction trick)', () => {
    const index = Uint32Array.from({ length: n }, (_, i) => i);
    const u = used(d, 10);
    const parent = new Float64Array(histogramLength(d));
    const left = new Float64Array(histogramLength(d));
    const right = new Float64Array(histogramLength(d));
    const diff = new Float64Array(histogramLength(d));
    buildHistograms(parent, binned, n, d, index, 0, n, g, h, false, ordG, ordH, true, u);
    buildHistograms(left, binned, n, d, index, 0, 180, g, h, false, ordG, ordH, false, u);
    buildHistograms(right, binned, n, d, index, 180, n, g, h, false, ordG, ordH, false, u);
    subtractHistograms(diff, parent, left, u);
    for (let k = 0; k < diff.length; k++) expect(diff[k]).toBeCloseTo(right[k], 9);
  });
});

describe('split finder', () => {
  const cfg = (hasMissing: number): SplitterConfig => ({
    nFeatures: 1,
    nBinsNonMissing: Int32Array.of(3),
    missingBin: 255,
    hasMissing: Uint8Array.of(hasMissing),
    isCategorical: Uint8Array.of(0),
    monotonicCst: Int8Array.of(0),
    l2Regularization: 0,
    minHessianToSplit: 1e-3,
    minSamplesLeaf: 1,
    constantHessian: true,
  });
  /** One feature, bins 0..2 and the missing bin, each with (gradient sum, count). */
  const hist = (cells: Array<[number, number, number]>) => {
    const out = new Float64Array(histogramLength(1));
    for (const [b, gs, c] of cells) {
      out[b * 3] = gs;
      out[b * 3 + 2] = c;
    }
    return out;
  };

  it('splits where the gradients change sign, with the leaf values −G/H', () => {
    const s = findNodeSplit(cfg(0), hist([[0, -10, 5], [1, -10, 5], [2, 20, 10]]), 20, 0, 20, 0, -Infinity, Infinity);
    expect(s.bin).toBe(1);
    expect(s.nLeft).toBe(10);
    expect(s.valueLeft).toBeCloseTo(2, 12);
    expect(s.valueRight).toBeCloseTo(-2, 12);
  });

  it('sends missing values to the side whose gradients they resemble', () => {
    const right = findNodeSplit(cfg(1), hist([[0, -10, 5], [1, 10, 5], [2, 10, 5], [255, 12, 5]]), 20, 22, 20, 0, -Infinity, Infinity);
    expect(right.bin).toBe(0);
    expect(right.missingGoToLeft).toBe(false);
    const left = findNodeSplit(cfg(1), hist([[0, -10, 5], [1, 10, 5], [2, 10, 5], [255, -12, 5]]), 20, -2, 20, 0, -Infinity, Infinity);
    expect(left.bin).toBe(0);
    expect(left.missingGoToLeft).toBe(true);
  });

  it('respects minSamplesLeaf and the monotonic constraint', () => {
    const h = hist([[0, -10, 5], [1, -10, 5], [2, 20, 10]]);
    expect(findNodeSplit({ ...cfg(0), minSamplesLeaf: 11 }, h, 20, 0, 20, 0, -Infinity, Infinity).gain).toBe(-1);
    // Left values are larger here, which a decreasing constraint allows and an increasing one forbids.
    expect(findNodeSplit({ ...cfg(0), monotonicCst: Int8Array.of(-1) }, h, 20, 0, 20, 0, -Infinity, Infinity).gain).toBeGreaterThan(0);
    expect(findNodeSplit({ ...cfg(0), monotonicCst: Int8Array.of(1) }, h, 20, 0, 20, 0, -Infinity, Infinity).gain).toBe(-1);
  });
});

describe('grower', () => {
  it('grows at most maxLeafNodes leaves of at least minSamplesLeaf samples, partitioning every sample once', () => {
    const n = 2000;
    const d = 4;
    const { binned, g, h } = randomData(n, d, 30, 2);
    for (const [maxLeafNodes, msl] of [[8, 20], [31, 5], [2, 1]] as const) {
      const grower = new TreeGrower(binned, n, d, {
        nFeatures: d,
        nBinsNonMissing: new Int32Array(d).fill(30),
        missingBin: 255,
        hasMissing: new Uint8Array(d).fill(1),
        isCategorical: new Uint8Array(d),
        monotonicCst: new Int8Array(d),
        l2Regularization: 0,
        minHessianToSplit: 1e-3,
        minSamplesLeaf: msl,
        constantHessian: false,
        maxLeafNodes,
        maxDepth: null,
        shrinkage: 0.5,
      });
      grower.thresholds = Array.from({ length: d }, () => Float64Array.from({ length: 29 }, (_, k) => k + 0.5));
      const sink = new TreeCollector();
      grower.grow(g, h, sink, []);
      expect(grower.leaves.length).toBeLessThanOrEqual(maxLeafNodes);
      expect(grower.leaves.length).toBeGreaterThan(1);
      const seen = new Uint8Array(n);
      for (const leaf of grower.leaves) {
        expect(leaf.stop - leaf.start).toBeGreaterThanOrEqual(msl);
        for (let i = leaf.start; i < leaf.stop; i++) seen[grower.partition[i]]++;
      }
      expect(seen.every((c) => c === 1)).toBe(true);
      grower.commit();
      // The written tree sends each sample to the leaf whose partition range holds it.
      const trees = sink.finish();
      const X = new Float64Array(n * d);
      for (let i = 0; i < n; i++) for (let f = 0; f < d; f++) X[i * d + f] = binned[f * n + i] === 255 ? NaN : binned[f * n + i];
      const out = new Float64Array(n);
      addTreePrediction(trees, 0, X, n, d, new Uint32Array(8 * d), out, 0);
      for (const leaf of grower.leaves) for (let i = leaf.start; i < leaf.stop; i++) expect(out[grower.partition[i]]).toBe(leaf.value);
    }
  });
});
