import { sum } from '../numpySum';
import { argsort } from './argsort';

/**
 * k-means on one feature by Lloyd's iterations from given initial centers, following the steps of
 * scikit-learn's `KMeans(init=centers, n_init=1)` (algorithm 'lloyd', max_iter 300, tol 1e-4):
 * the data are centered first, the tolerance is tol × the data's variance, a sample goes to the
 * first nearest center (distances as ‖c‖² − 2·x·c), an empty cluster takes the sample farthest
 * from its center, and the loop stops when no label changes or the squared center shift is within
 * the tolerance (then the labels are recomputed for the final centers). Returns the centers.
 * The mean is numpy's pairwise sum, so that ties between two centers are decided by the same
 * rounding as in scikit-learn.
 */
export function kmeans1d(values: Float64Array, init: Float64Array, maxIter = 300, tol = 1e-4): Float64Array {
  const n = values.length;
  const k = init.length;
  // numpy's pairwise mean: the centered values then round exactly as scikit-learn's.
  const mean = sum(values) / n;
  const x = new Float64Array(n);
  let variance = 0;
  for (let i = 0; i < n; i++) {
    x[i] = values[i] - mean;
    variance += x[i] * x[i];
  }
  variance /= n;
  const tolerance = variance * tol;
  let centers = new Float64Array(k);
  for (let c = 0; c < k; c++) centers[c] = init[c] - mean;
  let next = new Float64Array(k);
  const weight = new Float64Array(k);
  const labels = new Int32Array(n);
  const oldLabels = new Int32Array(n).fill(-1);

  const assign = (cs: Float64Array) => {
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < k; c++) {
        const d = cs[c] * cs[c] - 2 * x[i] * cs[c];
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      labels[i] = best;
    }
  };

  for (let it = 0; it < maxIter; it++) {
    assign(centers);
    next.fill(0);
    weight.fill(0);
    for (let i = 0; i < n; i++) {
      next[labels[i]] += x[i];
      weight[labels[i]] += 1;
    }
    relocateEmpty(x, centers, next, weight, labels);
    for (let c = 0; c < k; c++) if (weight[c] > 0) next[c] *= 1 / weight[c];
    let shift = 0;
    for (let c = 0; c < k; c++) shift += (next[c] - centers[c]) ** 2;
    [centers, next] = [next, centers];
    let same = true;
    for (let i = 0; i < n; i++) {
      if (labels[i] !== oldLabels[i]) {
        same = false;
        break;
      }
    }
    if (same || shift <= tolerance) break;
    oldLabels.set(labels);
  }
  const out = new Float64Array(k);
  for (let c = 0; c < k; c++) out[c] = centers[c] + mean;
  return out;
}

/** Gives each empty cluster the sample farthest from its (old) center, taking it from its cluster. */
function relocateEmpty(x: Float64Array, old: Float64Array, sums: Float64Array, weight: Float64Array, labels: Int32Array): void {
  const empty: number[] = [];
  for (let c = 0; c < weight.length; c++) if (weight[c] === 0) empty.push(c);
  if (empty.length === 0) return;
  // Farthest first (ascending negated distances), equal distances in sample order.
  const order = argsort(Float64Array.from(x, (xi, i) => -((xi - old[labels[i]]) ** 2)));
  for (let e = 0; e < empty.length; e++) {
    const far = order[e];
    const from = labels[far];
    sums[from] -= x[far];
    sums[empty[e]] = x[far];
    weight[empty[e]] = 1;
    weight[from] -= 1;
  }
}
