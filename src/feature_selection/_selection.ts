/**
 * The selection rules of the univariate selectors, as pure functions of the scores or p-values,
 * with scikit-learn 1.2's tie-breaking.
 */
import { argsort } from '../core/math/argsort';
import { percentile as percentileOf } from '../core/math/percentile';
import { cleanNaNs } from './_univariate';

/** The k highest scores; at equal scores the later feature wins (a stable ascending sort, last k). */
export function kBestSupport(scores: Float64Array, k: number | 'all'): boolean[] {
  const d = scores.length;
  if (k === 'all') return new Array<boolean>(d).fill(true);
  const mask = new Array<boolean>(d).fill(false);
  if (k === 0) return mask;
  const s = cleanNaNs(scores);
  const order = argsort(s);
  for (let t = Math.max(0, d - k); t < d; t++) mask[order[t]] = true;
  return mask;
}

/** Features whose score is in the top `percentile` percent; ties at the threshold fill up to the count, in feature order. */
export function percentileSupport(scores: Float64Array, percentile: number): boolean[] {
  const d = scores.length;
  if (percentile === 100) return new Array<boolean>(d).fill(true);
  if (percentile === 0) return new Array<boolean>(d).fill(false);
  const s = cleanNaNs(scores);
  const threshold = percentileOf(s, 100 - percentile);
  const mask = Array.from(s, (v) => v > threshold);
  const ties: number[] = [];
  for (let j = 0; j < d; j++) if (s[j] === threshold) ties.push(j);
  if (ties.length) {
    const maxFeats = Math.trunc((d * percentile) / 100);
    const chosen = mask.filter(Boolean).length;
    // Python's ties[:m] with a negative m drops the last |m| ties; slice(0, m) does the same.
    for (const j of ties.slice(0, maxFeats - chosen)) mask[j] = true;
  }
  return mask;
}

/** p-values below alpha (false positive rate). */
export function fprSupport(pvalues: Float64Array, alpha: number): boolean[] {
  return Array.from(pvalues, (p) => p < alpha);
}

/** Benjamini–Hochberg: the p-values up to the largest sorted p(i) ≤ alpha·i/n. */
export function fdrSupport(pvalues: Float64Array, alpha: number): boolean[] {
  const n = pvalues.length;
  const sv = Float64Array.from(pvalues).sort();
  let cut = -Infinity;
  let any = false;
  for (let i = 0; i < n; i++) {
    if (sv[i] <= (alpha / n) * (i + 1)) {
      any = true;
      if (sv[i] > cut) cut = sv[i];
    }
  }
  if (!any) return new Array<boolean>(n).fill(false);
  return Array.from(pvalues, (p) => p <= cut);
}

/** Bonferroni: p-values below alpha / n (family-wise error rate). */
export function fweSupport(pvalues: Float64Array, alpha: number): boolean[] {
  const bound = alpha / pvalues.length;
  return Array.from(pvalues, (p) => p < bound);
}
