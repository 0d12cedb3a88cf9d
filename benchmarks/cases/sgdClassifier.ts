import { SGDClassifier, accuracyScore } from '../../src/index';
import { makeClassificationDense } from '../../src/datasets/makeClassification';
import { rowViews } from '../lib/rows';
import type { BenchCase } from '../types';

/**
 * SGDClassifier with the default options (hinge loss, L2, 'optimal' rate, tol 1e-3), fit then
 * predict on the training rows. The shuffling streams differ (numpy's vs ours), so the predictions
 * are not identical: compare the accuracies; max |diff| only says that some labels differ.
 */
export const sgdClassifier: BenchCase = {
  name: 'SGDClassifier',
  sizes: [100_000, 1_000_000],
  d: 50,
  metric: 'accuracy (train)',
  generate(n, d, seed) {
    const r = makeClassificationDense({ nSamples: n, nFeatures: d, nInformative: 10, nRedundant: 10, randomState: seed });
    return { X: r.X, y: Float64Array.from(r.y), n, d };
  },
  typelearn(data) {
    const rows = rowViews(data.X, data.n, data.d);
    const y = Array.from(data.y as Float64Array);
    let model: SGDClassifier | undefined;
    let pred: number[] = [];
    return {
      steps: [
        { name: 'fit', run: () => { model = new SGDClassifier({ randomState: 0 }).fit(rows, y); } },
        { name: 'predict', run: () => { pred = (model as SGDClassifier).predict(rows) as number[]; } },
      ],
      output: () => Float64Array.from(pred),
      metric: () => accuracyScore(y, pred),
    };
  },
  sklearnRunner: 'sgd_classifier',
};
