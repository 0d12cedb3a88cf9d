import { SGDRegressor, r2Score } from '../../src/index';
import { makeRegressionDense } from '../../src/datasets/makeRegression';
import { rowViews } from '../lib/rows';
import type { BenchCase } from '../types';

/**
 * SGDRegressor with the default options (squared error, L2, 'invscaling' rate, tol 1e-3) on
 * standard-normal features, fit then predict on the training rows. The shuffling streams differ
 * (numpy's vs ours), so compare the R²; max |diff| only says how far the two fits are apart.
 */
export const sgdRegressor: BenchCase = {
  name: 'SGDRegressor',
  sizes: [100_000, 1_000_000],
  d: 50,
  metric: 'R² (train)',
  generate(n, d, seed) {
    const r = makeRegressionDense({ nSamples: n, nFeatures: d, nInformative: Math.ceil(d / 2), noise: 10, bias: 3, randomState: seed });
    return { X: r.X, y: r.y, n, d };
  },
  typelearn(data) {
    const rows = rowViews(data.X, data.n, data.d);
    const y = data.y as Float64Array;
    let model: SGDRegressor | undefined;
    let pred: number[] = [];
    return {
      steps: [
        { name: 'fit', run: () => { model = new SGDRegressor({ randomState: 0 }).fit(rows, y); } },
        { name: 'predict', run: () => { pred = (model as SGDRegressor).predict(rows); } },
      ],
      output: () => Float64Array.from(pred),
      metric: () => r2Score(y, pred),
    };
  },
  sklearnRunner: 'sgd_regressor',
};
