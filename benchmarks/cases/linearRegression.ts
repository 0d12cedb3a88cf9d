import { LinearRegression, r2Score } from '../../src/index';
import { makeRegressionDense } from '../../src/datasets/makeRegression';
import { rowViews } from '../lib/rows';
import type { BenchCase } from '../types';

/** Ordinary least squares: fit, then predict on the training rows. */
export const linearRegression: BenchCase = {
  name: 'LinearRegression',
  sizes: [10_000, 100_000, 1_000_000],
  d: 50,
  metric: 'R² (train)',
  generate(n, d, seed) {
    const r = makeRegressionDense({ nSamples: n, nFeatures: d, nInformative: Math.ceil(d / 2), noise: 50, bias: 3, randomState: seed });
    return { X: r.X, y: r.y, n, d };
  },
  typelearn(data) {
    const rows = rowViews(data.X, data.n, data.d);
    const y = data.y as Float64Array;
    let model: LinearRegression | undefined;
    let pred: number[] = [];
    return {
      steps: [
        { name: 'fit', run: () => { model = new LinearRegression().fit(rows, y); } },
        { name: 'predict', run: () => { pred = (model as LinearRegression).predict(rows); } },
      ],
      output: () => Float64Array.from(pred),
      metric: () => r2Score(y, pred),
    };
  },
  sklearnRunner: 'linear_regression',
};

/**
 * A wide problem (fewer samples than features): the minimum-norm solution by QR and a Jacobi SVD of
 * the 30 × 1000 triangular factor, where the normal equations would factor a 1000 × 1000 Gram.
 */
export const linearRegressionWide: BenchCase = { ...linearRegression, name: 'LinearRegression (wide)', sizes: [30], d: 1000 };
