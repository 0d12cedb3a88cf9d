/**
 * Gradient / hessian histograms of a node: for each feature and bin, the sum of the gradients, the
 * sum of the hessians and the count of the node's samples in that bin, in one flat Float64Array
 * laid out as `[(feature · BIN_SLOTS + bin) · 3 + {0: gradient, 1: hessian, 2: count}]`.
 * Histograms are built directly for the smaller child of a split and by subtraction
 * (parent − smaller) for its sibling.
 */

/** Bins per feature in a histogram: 255 for values and one for missing values, rounded up. */
export const BIN_SLOTS = 256;

/** The length of the flat histogram of `d` features. */
export function histogramLength(d: number): number {
  return d * BIN_SLOTS * 3;
}

/**
 * Fills `hist` with the histograms of the samples `index[start..stop)` over binned columns
 * `binned` (column-major, `n` rows). `ordered` is scratch of at least stop − start entries for the
 * gathered gradients (and hessians when they are not constant); with `identity` the index is
 * 0..n−1 in order and nothing is gathered, and `rootCounts` (when given) are the counts of all the
 * samples per bin, copied instead of counted again.
 */
export function buildHistograms(
  hist: Float64Array,
  binned: Uint8Array,
  n: number,
  d: number,
  index: Uint32Array,
  start: number,
  stop: number,
  gradients: Float32Array,
  hessians: Float32Array,
  constantHessian: boolean,
  orderedG: Float32Array,
  orderedH: Float32Array,
  identity: boolean,
  used: UsedBins,
  rootCounts: Float64Array | null = null,
): void {
  clearHistograms(hist, used);
  const m = stop - start;
  let g: Float32Array = gradients;
  let h: Float32Array = hessians;
  if (!identity) {
    for (let i = 0; i < m; i++) orderedG[i] = gradients[index[start + i]];
    if (!constantHessian) for (let i = 0; i < m; i++) orderedH[i] = hessians[index[start + i]];
    g = orderedG;
    h = orderedH;
  }
  let f0 = 0;
  if (!identity && constantHessian) {
    // Gathered rows, features two at a time: each sample's index is read once for both, and the
    // two features' updates are independent, so they overlap instead of waiting on each other.
    for (; f0 + 3 < d; f0 += 4) {
      const colA = f0 * n;
      const baseA = f0 * BIN_SLOTS * 3;
      const S = BIN_SLOTS * 3;
      for (let i = 0; i < m; i++) {
        const idx = colA + index[start + i];
        const gi = g[i];
        const oa = baseA + binned[idx] * 3;
        const ob = baseA + S + binned[idx + n] * 3;
        const oc = baseA + 2 * S + binned[idx + 2 * n] * 3;
        const od = baseA + 3 * S + binned[idx + 3 * n] * 3;
        hist[oa] += gi;
        hist[oa + 2] += 1;
        hist[ob] += gi;
        hist[ob + 2] += 1;
        hist[oc] += gi;
        hist[oc + 2] += 1;
        hist[od] += gi;
        hist[od + 2] += 1;
      }
    }
    for (; f0 + 1 < d; f0 += 2) {
      const colA = f0 * n;
      const colB = colA + n;
      const baseA = f0 * BIN_SLOTS * 3;
      const baseB = baseA + BIN_SLOTS * 3;
      for (let i = 0; i < m; i++) {
        const idx = index[start + i];
        const gi = g[i];
        const oa = baseA + binned[colA + idx] * 3;
        const ob = baseB + binned[colB + idx] * 3;
        hist[oa] += gi;
        hist[oa + 2] += 1;
        hist[ob] += gi;
        hist[ob + 2] += 1;
      }
    }
  }
  for (let f = f0; f < d; f++) {
    const col = f * n;
    const base = f * BIN_SLOTS * 3;
    if (identity && rootCounts !== null) {
      // All samples: the counts per bin are the same for every tree, so they are copied.
      if (constantHessian) for (let i = 0; i < m; i++) hist[base + binned[col + i] * 3] += g[i];
      else {
        for (let i = 0; i < m; i++) {
          const o = base + binned[col + i] * 3;
          hist[o] += g[i];
          hist[o + 1] += h[i];
        }
      }
      const end = base + used.nBinsNonMissing[f] * 3;
      for (let k = base + 2; k < end; k += 3) hist[k] = rootCounts[k];
      hist[base + used.missingBin * 3 + 2] = rootCounts[base + used.missingBin * 3 + 2];
    } else if (identity) {
      if (constantHessian) {
        for (let i = 0; i < m; i++) {
          const o = base + binned[col + i] * 3;
          hist[o] += g[i];
          hist[o + 2] += 1;
        }
      } else {
        for (let i = 0; i < m; i++) {
          const o = base + binned[col + i] * 3;
          hist[o] += g[i];
          hist[o + 1] += h[i];
          hist[o + 2] += 1;
        }
      }
    } else if (constantHessian) {
      for (let i = 0; i < m; i++) {
        const o = base + binned[col + index[start + i]] * 3;
        hist[o] += g[i];
        hist[o + 2] += 1;
      }
    } else {
      for (let i = 0; i < m; i++) {
        const o = base + binned[col + index[start + i]] * 3;
        hist[o] += g[i];
        hist[o + 1] += h[i];
        hist[o + 2] += 1;
      }
    }
  }
}

/**
 * The bins a feature can use: 0..nBinsNonMissing[f]−1 and the missing-value bin. Histograms are
 * cleared and subtracted over these only, which matters when features have few distinct values.
 */
export interface UsedBins {
  nBinsNonMissing: Int32Array;
  missingBin: number;
}

function clearHistograms(hist: Float64Array, used: UsedBins): void {
  const d = used.nBinsNonMissing.length;
  const mb = used.missingBin * 3;
  for (let f = 0; f < d; f++) {
    const base = f * BIN_SLOTS * 3;
    hist.fill(0, base, base + used.nBinsNonMissing[f] * 3);
    hist[base + mb] = 0;
    hist[base + mb + 1] = 0;
    hist[base + mb + 2] = 0;
  }
}

/** `out = parent − child` over the used bins (the histograms of a split node's larger child). */
export function subtractHistograms(out: Float64Array, parent: Float64Array, child: Float64Array, used: UsedBins): void {
  const d = used.nBinsNonMissing.length;
  const mb = used.missingBin * 3;
  for (let f = 0; f < d; f++) {
    const base = f * BIN_SLOTS * 3;
    const end = base + used.nBinsNonMissing[f] * 3;
    for (let k = base; k < end; k++) out[k] = parent[k] - child[k];
    for (let k = base + mb; k < base + mb + 3; k++) out[k] = parent[k] - child[k];
  }
}
