import type { Matrix } from 'ml-matrix';
import { LogisticRegression, accuracyScore, setWarningHandler } from '../../src/index';
import { makeClassificationDense } from '../../src/datasets/makeClassification';
import { rowViews } from '../lib/rows';
import type { BenchCase } from '../types';

/** LogisticRegression (lbfgs, default C and maxIter) on makeClassification data: fit, then predictProba on the training rows. */
function logisticCase(name: string, nClasses: number, sklearnRunner: string): BenchCase {
  return {
    name,
    sizes: [10_000, 100_000],
    d: 50,
    metric: 'accuracy (train)',
    generate(n, d, seed) {
      const r = makeClassificationDense({ nSamples: n, nFeatures: d, nInformative: 20, nRedundant: 5, nClasses, randomState: seed });
      return { X: r.X, y: Float64Array.from(r.y), n, d };
    },
    typelearn(data) {
      const rows = rowViews(data.X, data.n, data.d);
      const y = Array.from(data.y as Float64Array);
      let model: LogisticRegression | undefined;
      let proba: Matrix | undefined;
      return {
        steps: [
          {
            name: 'fit',
            run: () => {
              // Both sides stop at maxIter = 100 when they do not converge; the warning is not timed noise worth printing.
              const previous = setWarningHandler(() => undefined);
              try {
                model = new LogisticRegression().fit(rows, y);
              } finally {
                setWarningHandler(previous);
              }
            },
          },
          // Timed as scikit-learn's predict_proba is: the call alone; flattening for the comparison is not timed.
          { name: 'predictProba', run: () => { proba = (model as LogisticRegression).predictProba(rows); } },
        ],
        output: () => Float64Array.from((proba as Matrix).to1DArray()),
        metric: () => accuracyScore(y, (model as LogisticRegression).predict(rows)),
      };
    },
    sklearnRunner,
  };
}

export const logisticRegressionBinary = logisticCase('LogisticRegression binary', 2, 'logistic_regression');
export const logisticRegression10 = logisticCase('LogisticRegression 10-class', 10, 'logistic_regression');
