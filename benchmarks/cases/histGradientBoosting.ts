import { HistGradientBoostingClassifier, HistGradientBoostingRegressor, accuracyScore, r2Score } from '../../src/index';
import { makeClassificationDense } from '../../src/datasets/makeClassification';
import { makeRegressionDense } from '../../src/datasets/makeRegression';
import { rowViews } from '../lib/rows';
import type { BenchCase, BenchData } from '../types';

/** Fit once at 1M rows (`--full`; a fit takes tens of seconds), three times below. */
const repeats = (n: number): number => (n >= 1_000_000 ? 1 : 3);

/**
 * HistGradientBoosting (defaults, except earlyStopping off so that both sides grow 100
 * iterations) on 20 features: fit on the first 80% of the rows, predict the last 20%. The step
 * `fit (xgboost hist)` times our fit again on the TypeScript side and XGBoost's
 * `tree_method='hist'` (one thread, 100 rounds, depth-free 31-leaf trees, learning rate 0.1) on
 * the Python side, so its ratio is typelearn / XGBoost.
 */
function hgbCase(kind: 'classifier' | 'regressor'): BenchCase {
  const classifier = kind === 'classifier';
  return {
    name: classifier ? 'HistGradientBoostingClassifier' : 'HistGradientBoostingRegressor',
    sizes: [100_000],
    fullSizes: [1_000_000],
    d: 20,
    metric: classifier ? 'accuracy (held-out 20%)' : 'R² (held-out 20%)',
    repeats,
    generate(n, d, seed): BenchData {
      if (classifier) {
        const r = makeClassificationDense({ nSamples: n, nFeatures: d, nInformative: 10, nRedundant: 5, nClasses: 2, randomState: seed });
        return { X: r.X, y: Float64Array.from(r.y), n, d };
      }
      const r = makeRegressionDense({ nSamples: n, nFeatures: d, nInformative: 10, noise: 10, randomState: seed });
      return { X: r.X, y: r.y, n, d };
    },
    typelearn(data) {
      const nTrain = Math.floor(data.n * 0.8);
      const rows = rowViews(data.X, data.n, data.d);
      const train = rows.slice(0, nTrain);
      const test = rows.slice(nTrain);
      const y = Array.from(data.y as Float64Array);
      const yTrain = y.slice(0, nTrain);
      const make = () => (classifier ? new HistGradientBoostingClassifier({ earlyStopping: false }) : new HistGradientBoostingRegressor({ earlyStopping: false }));
      let model: HistGradientBoostingClassifier | HistGradientBoostingRegressor | undefined;
      let pred: number[] = [];
      const fit = () => {
        model = make().fit(train, yTrain);
      };
      return {
        steps: [
          { name: 'fit', run: fit },
          { name: 'predict', run: () => { pred = (model as HistGradientBoostingRegressor).predict(test) as number[]; } },
          { name: 'fit (xgboost hist)', run: fit },
        ],
        output: () => Float64Array.from(pred),
        metric: () => (classifier ? accuracyScore(y.slice(nTrain), pred) : r2Score(y.slice(nTrain), pred)),
      };
    },
    sklearnRunner: classifier ? 'hist_gradient_boosting_classifier' : 'hist_gradient_boosting_regressor',
  };
}

export const histGradientBoostingClassifier = hgbCase('classifier');
export const histGradientBoostingRegressor = hgbCase('regressor');
