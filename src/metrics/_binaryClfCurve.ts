import { argsort } from '../core/math/argsort';

/**
 * Cumulative true and false positives at each distinct score threshold, highest first: the kernel of
 * ROC curves (scikit-learn's `_binary_clf_curve`).
 */
export interface ClfCurve {
  fps: Float64Array;
  tps: Float64Array;
  thresholds: Float64Array;
}

/**
 * @param isPos - whether each sample is of the positive class.
 * @param scores - finite scores, one per sample.
 * @param w - optional weights; samples of zero weight are left out.
 */
export function binaryClfCurve(isPos: ArrayLike<boolean>, scores: ArrayLike<number>, w?: ArrayLike<number>): ClfCurve {
  const kept: number[] = [];
  for (let i = 0; i < scores.length; i++) if (!w || w[i] !== 0) kept.push(i);
  // numpy: a stable ascending sort, reversed; ties therefore end up in reverse input order.
  const idx = Array.from(argsort(kept.map((i) => scores[i])), (t) => kept[t]).reverse();
  const n = idx.length;
  const ends: number[] = [];
  for (let k = 0; k < n - 1; k++) if (scores[idx[k + 1]] - scores[idx[k]] !== 0) ends.push(k);
  ends.push(n - 1);
  const m = ends.length;
  const tps = new Float64Array(m);
  const fps = new Float64Array(m);
  const thresholds = new Float64Array(m);
  let ctp = 0;
  let cfp = 0;
  let e = 0;
  for (let k = 0; k < n && e < m; k++) {
    const i = idx[k];
    const wi = w ? w[i] : 1;
    ctp += isPos[i] ? wi : 0;
    cfp += isPos[i] ? 0 : wi;
    if (k === ends[e]) {
      tps[e] = ctp;
      fps[e] = w ? cfp : 1 + k - ctp;
      thresholds[e] = scores[i];
      e++;
    }
  }
  return { fps, tps, thresholds };
}
