import { RFE, Ridge, r2Score } from '../../src/index';
import { makeRegressionDense } from '../../src/datasets/makeRegression';
import { rowViews } from '../lib/rows';
import type { BenchCase } from '../types';

/**
 * RFE around Ridge (alpha 1), step 1, down to 10 of 30 features (20 Ridge fits and a final one),
 * then predict with the refitted estimator. The output compared is `ranking_`.
 */
export const rfe: BenchCase = {
  name: 'RFE(Ridge)',
  sizes: [10_000, 100_000],
  d: 30,
  metric: 'R² (train)',
  generate(n, d, seed) {
    const r = makeRegressionDense({ nSamples: n, nFeatures: d, nInformative: 15, noise: 20, bias: 3, randomState: seed });
    return { X: r.X, y: r.y, n, d };
  },
  typelearn(data) {
    const rows = rowViews(data.X, data.n, data.d);
    const y = data.y as Float64Array;
    let model: RFE | undefined;
    let pred: number[] = [];
    return {
      steps: [
        { name: 'fit', run: () => { model = new RFE({ estimator: new Ridge({ alpha: 1 }), nFeaturesToSelect: 10 }).fit(rows, y); } },
        { name: 'predict', run: () => { pred = (model as RFE).predict(rows) as number[]; } },
      ],
      output: () => Float64Array.from((model as RFE).ranking_),
      metric: () => r2Score(y, pred),
    };
  },
  sklearnRunner: 'rfe_ridge',
};
