import { MLPClassifier, accuracyScore, setWarningHandler } from '../../src/index';
import { makeClassificationDense } from '../../src/datasets/makeClassification';
import { rowViews } from '../lib/rows';
import type { BenchCase } from '../types';

/** Epochs per fit: the fit time divided by this is the time of one epoch. */
const EPOCHS = 2;

/**
 * MLPClassifier, one hidden layer of 128 relu units, Adam, batch 200, on MNIST-shaped synthetic data
 * (784 features, 10 classes) at 10k rows (not the 60k of MNIST, to keep the run short): a fit of
 * exactly 2 epochs (tol 0), then predict on the training rows. epochs/s = 2000 / fit ms. Initial
 * weights and shuffles differ between the libraries, so compare the accuracies, not the outputs.
 */
export const mlpClassifier: BenchCase = {
  name: 'MLPClassifier',
  sizes: [10_000],
  d: 784,
  metric: 'accuracy (train)',
  generate(n, d, seed) {
    const r = makeClassificationDense({ nSamples: n, nFeatures: d, nInformative: 40, nRedundant: 20, nClasses: 10, randomState: seed });
    return { X: r.X, y: Float64Array.from(r.y), n, d };
  },
  typelearn(data) {
    const rows = rowViews(data.X, data.n, data.d);
    const y = Array.from(data.y as Float64Array);
    let model: MLPClassifier | undefined;
    let pred: number[] = [];
    return {
      steps: [
        {
          name: `fit (${EPOCHS} epochs)`,
          run: () => {
            model = new MLPClassifier({ hiddenLayerSizes: [128], maxIter: EPOCHS, tol: 0, randomState: 0 });
            // The iteration limit is the point here: silence its ConvergenceWarning.
            const previous = setWarningHandler(() => {});
            try {
              model.fit(rows, y);
            } finally {
              setWarningHandler(previous);
            }
          },
        },
        { name: 'predict', run: () => { pred = (model as MLPClassifier).predict(rows) as number[]; } },
      ],
      output: () => Float64Array.from(pred),
      metric: () => accuracyScore(y, pred),
    };
  },
  sklearnRunner: 'mlp_classifier',
};
