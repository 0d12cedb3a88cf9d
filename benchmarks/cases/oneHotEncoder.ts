import type { Matrix } from 'ml-matrix';
import { OneHotEncoder } from '../../src/index';
import { RandomState } from '../../src/core/random';
import { flatten, rowViews } from '../lib/rows';
import type { BenchCase } from '../types';

/** OneHotEncoder fitTransform on integer-coded categorical columns (10 categories each, skewed). */
export const oneHotEncoder: BenchCase = {
  name: 'OneHotEncoder fit+transform',
  sizes: [10_000, 100_000, 1_000_000],
  d: 5,
  metric: 'output columns',
  generate(n, d, seed) {
    const rng = new RandomState(seed);
    const X = new Float64Array(n * d);
    // Category k of 10 with probability falling with k (the square of a uniform draw).
    for (let i = 0; i < X.length; i++) X[i] = Math.floor(10 * rng.random() ** 2);
    return { X, n, d };
  },
  typelearn(data) {
    const rows = rowViews(data.X, data.n, data.d);
    let out: Matrix | undefined;
    return {
      steps: [{ name: 'fit+transform', run: () => { out = new OneHotEncoder().fitTransform(rows); } }],
      output: () => flatten(out as Matrix),
      metric: () => (out as Matrix).columns,
    };
  },
  sklearnRunner: 'one_hot_encoder',
};
