import { Lasso, r2Score } from '../../src/index';
import { makeRegressionDense } from '../../src/datasets/makeRegression';
import { rowViews } from '../lib/rows';
import type { BenchCase } from '../types';

/**
 * Lasso by coordinate descent (default tol), alpha = 1 on make_regression data with 40 informative
 * features out of 200: about 40 non-zero coefficients. Fit, then predict on the training rows.
 */
export const lasso: BenchCase = {
  name: 'Lasso',
  sizes: [10_000, 100_000],
  d: 200,
  metric: 'R² (train)',
  generate(n, d, seed) {
    const r = makeRegressionDense({ nSamples: n, nFeatures: d, nInformative: 40, noise: 20, bias: 3, randomState: seed });
    return { X: r.X, y: r.y, n, d };
  },
  typelearn(data) {
    const rows = rowViews(data.X, data.n, data.d);
    const y = data.y as Float64Array;
    let model: Lasso | undefined;
    let pred: number[] = [];
    return {
      steps: [
        { name: 'fit', run: () => { model = new Lasso({ alpha: 1 }).fit(rows, y); } },
        { name: 'predict', run: () => { pred = (model as Lasso).predict(rows); } },
      ],
      output: () => Float64Array.from(pred),
      metric: () => r2Score(y, pred),
    };
  },
  sklearnRunner: 'lasso',
};
