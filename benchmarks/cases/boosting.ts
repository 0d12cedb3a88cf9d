import { AdaBoostClassifier, GradientBoostingClassifier, GradientBoostingRegressor, accuracyScore, r2Score } from '../../src/index';
import { makeClassificationDense } from '../../src/datasets/makeClassification';
import { makeRegressionDense } from '../../src/datasets/makeRegression';
import { rowViews } from '../lib/rows';
import type { BenchCase, BenchData, TypelearnRun } from '../types';

function classification(n: number, d: number, seed: number): BenchData {
  const r = makeClassificationDense({ nSamples: n, nFeatures: d, nInformative: 10, nRedundant: 5, nClasses: 2, randomState: seed });
  return { X: r.X, y: Float64Array.from(r.y), n, d };
}

/** Fit on the first 80% of the rows, predict the last 20%, score the prediction. */
function heldOut<M extends { predict(X: Float64Array[]): Array<number | string | boolean> }>(data: BenchData, make: () => { fit(X: Float64Array[], y: number[]): M }, metric: (y: number[], p: number[]) => number): TypelearnRun {
  const nTrain = Math.floor(data.n * 0.8);
  const rows = rowViews(data.X, data.n, data.d);
  const y = Array.from(data.y as Float64Array);
  let model: M | undefined;
  let pred: number[] = [];
  return {
    steps: [
      { name: 'fit', run: () => { model = make().fit(rows.slice(0, nTrain), y.slice(0, nTrain)); } },
      { name: 'predict', run: () => { pred = (model as M).predict(rows.slice(nTrain)) as number[]; } },
    ],
    output: () => Float64Array.from(pred),
    metric: () => metric(y.slice(nTrain), pred),
  };
}

/** GradientBoostingRegressor at defaults (100 stages of depth-3 trees, squared error) on makeRegression, 20 features. */
export const gradientBoostingRegressor: BenchCase = {
  name: 'GradientBoostingRegressor',
  sizes: [10_000],
  d: 20,
  metric: 'R² (held-out 20%)',
  repeats: () => 3,
  generate(n, d, seed) {
    const r = makeRegressionDense({ nSamples: n, nFeatures: d, nInformative: 10, noise: 10, randomState: seed });
    return { X: r.X, y: r.y, n, d };
  },
  typelearn: (data) => heldOut(data, () => new GradientBoostingRegressor({ randomState: 0 }), (y, p) => r2Score(y, p)),
  sklearnRunner: 'gradient_boosting_regressor',
};

/** GradientBoostingClassifier at defaults (100 stages of depth-3 trees, log loss) on makeClassification, 20 features, 2 classes. */
export const gradientBoostingClassifier: BenchCase = {
  name: 'GradientBoostingClassifier',
  sizes: [10_000],
  d: 20,
  metric: 'accuracy (held-out 20%)',
  repeats: () => 3,
  generate: classification,
  typelearn: (data) => heldOut(data, () => new GradientBoostingClassifier({ randomState: 0 }), (y, p) => accuracyScore(y, p)),
  sklearnRunner: 'gradient_boosting_classifier',
};

/** AdaBoostClassifier at defaults (50 stumps, SAMME) on makeClassification, 20 features, 2 classes. */
export const adaBoostClassifier: BenchCase = {
  name: 'AdaBoostClassifier',
  sizes: [10_000],
  d: 20,
  metric: 'accuracy (held-out 20%)',
  repeats: () => 3,
  generate: classification,
  typelearn: (data) => heldOut(data, () => new AdaBoostClassifier({ randomState: 0 }), (y, p) => accuracyScore(y, p)),
  sklearnRunner: 'ada_boost_classifier',
};
