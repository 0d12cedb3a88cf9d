import { DecisionTreeClassifier, accuracyScore } from '../../src/index';
import { makeClassificationDense } from '../../src/datasets/makeClassification';
import { rowViews } from '../lib/rows';
import type { BenchCase } from '../types';

/**
 * DecisionTreeClassifier (defaults: gini, full depth, all features) on makeClassification data with
 * 20 features: fit on the first 80% of the rows, predict the last 20%; the metric is the held-out
 * accuracy.
 */
export const decisionTreeClassifier: BenchCase = {
  name: 'DecisionTreeClassifier',
  sizes: [10_000, 100_000],
  d: 20,
  metric: 'accuracy (held-out 20%)',
  generate(n, d, seed) {
    const r = makeClassificationDense({ nSamples: n, nFeatures: d, nInformative: 10, nRedundant: 5, nClasses: 2, randomState: seed });
    return { X: r.X, y: Float64Array.from(r.y), n, d };
  },
  typelearn(data) {
    const nTrain = Math.floor(data.n * 0.8);
    const rows = rowViews(data.X, data.n, data.d);
    const train = rows.slice(0, nTrain);
    const test = rows.slice(nTrain);
    const y = Array.from(data.y as Float64Array);
    const yTrain = y.slice(0, nTrain);
    let model: DecisionTreeClassifier | undefined;
    let pred: number[] = [];
    return {
      steps: [
        { name: 'fit', run: () => { model = new DecisionTreeClassifier({ randomState: 0 }).fit(train, yTrain); } },
        { name: 'predict', run: () => { pred = (model as DecisionTreeClassifier).predict(test) as number[]; } },
      ],
      output: () => Float64Array.from(pred),
      metric: () => accuracyScore(y.slice(nTrain), pred),
    };
  },
  sklearnRunner: 'decision_tree_classifier',
};
