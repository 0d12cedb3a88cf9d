import { TypelearnWarning, warn } from '../core/errors';
import { rankData } from '../core/math/rankData';
import type { FoldResult } from './_fitAndScore';
import type { ParamSet } from './ParameterGrid';

/**
 * A search's results, keyed as scikit-learn's `cv_results_`: `params`, `param_<name>` (null where a
 * candidate does not set that option), `split<k>_test_<metric>`, `mean_test_<metric>`,
 * `std_test_<metric>`, `rank_test_<metric>` (the metric is `score` for a single one), the same for
 * `train` with `returnTrainScore`, and `mean_fit_time`, `std_fit_time`, `mean_score_time`,
 * `std_score_time` (seconds). One entry per candidate in every array.
 */
export type CvResults = {
  /** The candidates, in the order they were tried. */
  params: ParamSet[];
} & { [key: `param_${string}`]: unknown[] } & {
  [key: `mean_${string}` | `std_${string}` | `rank_${string}` | `split${number}_${string}`]: number[];
};

function mean(a: readonly number[]): number {
  let s = 0;
  for (const v of a) s += v;
  return s / a.length;
}

function std(a: readonly number[], m: number): number {
  let s = 0;
  for (const v of a) s += (v - m) * (v - m);
  return Math.sqrt(s / a.length);
}

/** Ranks as scipy's `rankdata(-means, 'min')`, with NaN means tied with the worst, as scikit-learn. */
export function rankMin(means: readonly number[]): number[] {
  const finite = means.filter((m) => !Number.isNaN(m));
  if (finite.length === 0) return means.map(() => 1);
  const low = Math.min(...finite) - 1;
  return Array.from(rankData(means.map((v) => -(Number.isNaN(v) ? low : v)), 'min'));
}

/**
 * Aggregates the per-candidate, per-split results (candidate-major, as they were run) into
 * {@link CvResults}, in scikit-learn's key order.
 */
export function formatResults(fn: string, candidates: ParamSet[], nSplits: number, results: FoldResult[], metrics: string[], returnTrainScore: boolean): CvResults {
  const out: Record<string, unknown> = {};
  const byCandidate = (get: (r: FoldResult) => number): number[][] =>
    candidates.map((_, c) => results.slice(c * nSplits, (c + 1) * nSplits).map(get));
  const store = (key: string, rows: number[][], splits: boolean, rank: boolean): void => {
    if (splits) for (let k = 0; k < nSplits; k++) out[`split${k}_${key}`] = rows.map((r) => r[k]);
    const means = rows.map(mean);
    out[`mean_${key}`] = means;
    if ((key.startsWith('train_') || key.startsWith('test_')) && means.some((v) => !Number.isFinite(v))) {
      warn(new TypelearnWarning(`One or more of the ${key.split('_')[0]} scores are non-finite: [${means.join(', ')}]`, fn));
    }
    out[`std_${key}`] = rows.map((r, i) => std(r, means[i]));
    if (rank) out[`rank_${key}`] = rankMin(means);
  };
  store('fit_time', byCandidate((r) => r.fitTime), false, false);
  store('score_time', byCandidate((r) => r.scoreTime), false, false);
  const names: string[] = [];
  for (const c of candidates) for (const k of Object.keys(c)) if (!names.includes(k)) names.push(k);
  for (const name of names) {
    out[`param_${name}`] = candidates.map((c) => (Object.prototype.hasOwnProperty.call(c, name) ? c[name] : null));
  }
  out.params = candidates;
  for (const m of metrics) {
    store(`test_${m}`, byCandidate((r) => r.testScores[m]), true, true);
    if (returnTrainScore) store(`train_${m}`, byCandidate((r) => (r.trainScores as Record<string, number>)[m]), true, false);
  }
  return out as CvResults;
}

const RESULT_KEY = /^(param_.+|(mean|std|rank)_.+|split\d+_.+)$/;

/**
 * Whether a loaded `cvResults` has the shape {@link formatResults} writes: `params` (one plain
 * object per candidate, at least one) and every other key one of scikit-learn's, an array with one
 * entry per candidate (numbers, NaN for a failed fit, except the `param_` columns).
 */
export function isCvResults(v: unknown): v is CvResults {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const r = v as Record<string, unknown>;
  const params = r.params;
  if (!Array.isArray(params) || params.length === 0) return false;
  if (!params.every((p) => p !== null && typeof p === 'object' && !Array.isArray(p))) return false;
  return Object.entries(r).every(([k, col]) => {
    if (k === 'params') return true;
    if (!RESULT_KEY.test(k) || !Array.isArray(col) || col.length !== params.length) return false;
    return k.startsWith('param_') || col.every((x) => typeof x === 'number');
  });
}
