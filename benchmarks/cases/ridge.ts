import { Ridge, r2Score } from '../../src/index';
import { makeRegressionDense } from '../../src/datasets/makeRegression';
import { rowViews } from '../lib/rows';
import type { BenchCase } from '../types';

/** Ridge (alpha 1, solver 'auto' = Cholesky on XᵀX): fit, then predict on the training rows. */
export const ridge: BenchCase = {
  name: 'Ridge',
  sizes: [100_000, 1_000_000],
  d: 50,
  metric: 'R² (train)',
  generate(n, d, seed) {
    const r = makeRegressionDense({ nSamples: n, nFeatures: d, nInformative: Math.ceil(d / 2), noise: 50, bias: 3, randomState: seed });
    return { X: r.X, y: r.y, n, d };
  },
  typelearn(data) {
    const rows = rowViews(data.X, data.n, data.d);
    const y = data.y as Float64Array;
    let model: Ridge | undefined;
    let pred: number[] = [];
    return {
      steps: [
        { name: 'fit', run: () => { model = new Ridge({ alpha: 1 }).fit(rows, y); } },
        { name: 'predict', run: () => { pred = (model as Ridge).predict(rows) as number[]; } },
      ],
      output: () => Float64Array.from(pred),
      metric: () => r2Score(y, pred),
    };
  },
  sklearnRunner: 'ridge',
};
