import { BaggingClassifier, DecisionTreeClassifier, LogisticRegression, StackingClassifier, accuracyScore } from '../../src/index';
import { makeClassificationDense } from '../../src/datasets/makeClassification';
import { rowViews } from '../lib/rows';
import type { BenchCase, BenchData, TypelearnRun } from '../types';

function generate(n: number, d: number, seed: number): BenchData {
  const r = makeClassificationDense({ nSamples: n, nFeatures: d, nInformative: 10, nRedundant: 5, nClasses: 2, randomState: seed });
  return { X: r.X, y: Float64Array.from(r.y), n, d };
}

/** Fit on the first 80% of the rows, predict the last 20%; the metric is the held-out accuracy. */
function heldOut(data: BenchData, make: () => { fit(X: Float64Array[], y: number[]): unknown; predict(X: Float64Array[]): unknown[] }): TypelearnRun {
  const nTrain = Math.floor(data.n * 0.8);
  const rows = rowViews(data.X, data.n, data.d);
  const y = Array.from(data.y as Float64Array);
  let model: ReturnType<typeof make> | undefined;
  let pred: number[] = [];
  return {
    steps: [
      { name: 'fit', run: () => { model = make(); model.fit(rows.slice(0, nTrain), y.slice(0, nTrain)); } },
      { name: 'predict', run: () => { pred = model!.predict(rows.slice(nTrain)) as number[]; } },
    ],
    output: () => Float64Array.from(pred),
    metric: () => accuracyScore(y.slice(nTrain), pred),
  };
}

/** BaggingClassifier with its default members (10 unpruned decision trees, bootstrap) on makeClassification data. */
export const baggingClassifier: BenchCase = {
  name: 'BaggingClassifier (10 trees)',
  sizes: [10_000],
  d: 20,
  metric: 'accuracy (held-out 20%)',
  repeats: () => 2,
  generate,
  typelearn: (data) => heldOut(data, () => new BaggingClassifier({ nEstimators: 10, randomState: 0 })),
  sklearnRunner: 'bagging_classifier',
};

/**
 * StackingClassifier of LogisticRegression and a depth-8 decision tree, LogisticRegression on their
 * out-of-fold probabilities (5 stratified folds): 12 member fits and the final fit.
 */
export const stackingClassifier: BenchCase = {
  name: 'StackingClassifier (LR + tree, cv 5)',
  sizes: [10_000],
  d: 20,
  metric: 'accuracy (held-out 20%)',
  repeats: () => 2,
  generate,
  typelearn: (data) =>
    heldOut(
      data,
      () =>
        new StackingClassifier([
          ['lr', new LogisticRegression()],
          ['tree', new DecisionTreeClassifier({ maxDepth: 8, randomState: 0 })],
        ]),
    ),
  sklearnRunner: 'stacking_classifier',
};
