import { createRequire } from 'node:module';
import { RandomForestClassifier, RandomForestRegressor, accuracyScore, r2Score } from '../../src/index';
import { makeClassificationDense } from '../../src/datasets/makeClassification';
import { makeRegressionDense } from '../../src/datasets/makeRegression';
import { rowViews } from '../lib/rows';
import type { BenchCase, BenchStep } from '../types';

/**
 * ml-random-forest (the JS baseline, a devDependency) is run only up to this many rows, with 10
 * trees: it grows one tree on 10,000 rows × 20 features in 148 s and on 1,000 rows in 2 s
 * (measured), so 100 trees do not finish in any reasonable time.
 */
const ML_RF_MAX_ROWS = 1000;
const ML_RF_TREES = 10;

interface MlForest {
  train(X: number[][], y: number[]): void;
  predict(X: number[][]): number[];
}
type MlForestClass = new (options: Record<string, unknown>) => MlForest;

/** The first 80% of the rows (fit) and the last 20% (predict). */
function trainTest(X: Float64Array, n: number, d: number) {
  const nTrain = Math.floor(n * 0.8);
  const rows = rowViews(X, n, d);
  return { nTrain, train: rows.slice(0, nTrain), test: rows.slice(nTrain) };
}

/**
 * RandomForestClassifier with scikit-learn's defaults (100 trees, gini, 'sqrt' features,
 * bootstrap) on makeClassification data with 20 features: fit on the first 80% of the rows,
 * predict the last 20%; the metric is the held-out accuracy. At 1,000 rows ml-random-forest's fit
 * with 10 trees (its defaults otherwise: every feature per tree, bagging) is timed as the step
 * 'fit (ml-random-forest, 10 trees)', and the scikit-learn runner times its own 10-tree fit under
 * that name, so that the row's ratio is ml-random-forest / scikit-learn at 10 trees.
 */
export const randomForestClassifier: BenchCase = {
  name: 'RandomForestClassifier',
  sizes: [1_000, 10_000],
  // Minutes on each side (measured: 322 s here, 203 s for scikit-learn, on the shared machine).
  fullSizes: [100_000],
  d: 20,
  metric: 'accuracy (held-out 20%)',
  repeats: (n) => (n <= 10_000 ? 3 : 1),
  generate(n, d, seed) {
    const r = makeClassificationDense({ nSamples: n, nFeatures: d, nInformative: 10, nRedundant: 5, nClasses: 2, randomState: seed });
    return { X: r.X, y: Float64Array.from(r.y), n, d };
  },
  typelearn(data) {
    const { nTrain, train, test } = trainTest(data.X, data.n, data.d);
    const y = Array.from(data.y as Float64Array);
    const yTrain = y.slice(0, nTrain);
    let model: RandomForestClassifier | undefined;
    let pred: number[] = [];
    const steps: BenchStep[] = [
      { name: 'fit', run: () => { model = new RandomForestClassifier({ randomState: 0 }).fit(train, yTrain); } },
      { name: 'predict', run: () => { pred = (model as RandomForestClassifier).predict(test) as number[]; } },
    ];
    if (data.n <= ML_RF_MAX_ROWS) {
      const require = createRequire(import.meta.url);
      const { RandomForestClassifier: MlRF } = require('ml-random-forest') as { RandomForestClassifier: MlForestClass };
      const plain = train.map((r) => Array.from(r));
      steps.push({ name: `fit (ml-random-forest, ${ML_RF_TREES} trees)`, run: () => new MlRF({ nEstimators: ML_RF_TREES, seed: 0, noOOB: true }).train(plain, yTrain) });
    }
    return { steps, output: () => Float64Array.from(pred), metric: () => accuracyScore(y.slice(nTrain), pred) };
  },
  sklearnRunner: 'random_forest_classifier',
};

/**
 * RandomForestRegressor with scikit-learn's defaults (100 trees, squared error, every feature at
 * every split, bootstrap) on makeRegression data with 20 features (10 informative, noise 10): fit
 * on the first 80%, predict the last 20%; the metric is the held-out R². 100,000 rows only with
 * `--full` (scikit-learn alone takes many minutes there).
 */
export const randomForestRegressor: BenchCase = {
  name: 'RandomForestRegressor',
  sizes: [10_000],
  fullSizes: [100_000],
  d: 20,
  metric: 'R² (held-out 20%)',
  repeats: (n) => (n <= 10_000 ? 2 : 1),
  generate(n, d, seed) {
    const r = makeRegressionDense({ nSamples: n, nFeatures: d, nInformative: 10, noise: 10, randomState: seed });
    return { X: r.X, y: r.y, n, d };
  },
  typelearn(data) {
    const { nTrain, train, test } = trainTest(data.X, data.n, data.d);
    const y = data.y as Float64Array;
    let model: RandomForestRegressor | undefined;
    let pred: number[] = [];
    return {
      steps: [
        { name: 'fit', run: () => { model = new RandomForestRegressor({ randomState: 0 }).fit(train, y.subarray(0, nTrain)); } },
        { name: 'predict', run: () => { pred = (model as RandomForestRegressor).predict(test); } },
      ],
      output: () => Float64Array.from(pred),
      metric: () => r2Score(y.subarray(nTrain), pred),
    };
  },
  sklearnRunner: 'random_forest_regressor',
};
