import type { RandomState } from '../core/random';

/**
 * How many of `nDraws` samples to take from each class so the draw follows the class counts, as
 * scikit-learn's `_approximate_mode`: the floors of the proportional shares, then one more for the
 * classes with the largest remainders (ties broken at random with `rng`).
 */
export function approximateMode(classCounts: readonly number[], nDraws: number, rng: RandomState): number[] {
  let total = 0;
  for (const c of classCounts) total += c;
  const continuous = classCounts.map((c) => (c / total) * nDraws);
  const floored = continuous.map(Math.floor);
  let needToAdd = nDraws - floored.reduce((a, b) => a + b, 0);
  if (needToAdd > 0) {
    const remainder = continuous.map((c, i) => c - floored[i]);
    const values = [...new Set(remainder)].sort((a, b) => b - a);
    for (const value of values) {
      const inds: number[] = [];
      remainder.forEach((r, i) => {
        if (r === value) inds.push(i);
      });
      const addNow = Math.min(inds.length, needToAdd);
      rng.shuffle(inds);
      for (let k = 0; k < addNow; k++) floored[inds[k]] += 1;
      needToAdd -= addNow;
      if (needToAdd === 0) break;
    }
  }
  return floored;
}
