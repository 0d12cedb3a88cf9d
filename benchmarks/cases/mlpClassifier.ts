import { MLPClassifier, accuracyScore, setWarningHandler } from '../../src/index';
import { makeClassificationDense } from '../../src/datasets/makeClassification';
import { rowViews } from '../lib/rows';
import type { BenchCase } from '../types';

/** Epochs per fit: the fit time divided by this is the time of one epoch. */
const EPOCHS = 2;

/**
 * MLPClassifier, one hidden layer of 128 relu units, Adam, batch 200, on MNIST-shaped synthetic data
 * (784 features, 10 classes): 10k rows by default, MNIST's 60k with `--full`. Steps: a fit of
 * exactly 2 epochs (tol 0) in float64, the same fit with `dtype: 'float32'` (scikit-learn: the
 * same fit on X as float32, which it keeps), then predict (float64 model) on the training rows.
 * The throughput table gives epochs/s of both sides. Initial weights and shuffles differ between
 * the libraries, so compare the accuracies, not the outputs.
 */
export const mlpClassifier: BenchCase = {
  name: 'MLPClassifier',
  sizes: [10_000],
  fullSizes: [60_000],
  d: 784,
  metric: 'accuracy (train)',
  repeats: (n) => (n > 20_000 ? 1 : 3),
  generate(n, d, seed) {
    const r = makeClassificationDense({ nSamples: n, nFeatures: d, nInformative: 40, nRedundant: 20, nClasses: 10, randomState: seed });
    return { X: r.X, y: Float64Array.from(r.y), n, d };
  },
  typelearn(data) {
    const rows = rowViews(data.X, data.n, data.d);
    const y = Array.from(data.y as Float64Array);
    let model: MLPClassifier | undefined;
    let pred: number[] = [];
    const fit = (dtype: 'float64' | 'float32') => {
      const m = new MLPClassifier({ hiddenLayerSizes: [128], maxIter: EPOCHS, tol: 0, randomState: 0, dtype });
      // The iteration limit is the point here: silence its ConvergenceWarning.
      const previous = setWarningHandler(() => {});
      try {
        m.fit(rows, y);
      } finally {
        setWarningHandler(previous);
      }
      return m;
    };
    return {
      steps: [
        { name: `fit (${EPOCHS} epochs)`, rate: { count: EPOCHS, unit: 'epochs' }, run: () => { model = fit('float64'); } },
        { name: `fit float32 (${EPOCHS} epochs)`, rate: { count: EPOCHS, unit: 'epochs' }, run: () => { fit('float32'); } },
        { name: 'predict', run: () => { pred = (model as MLPClassifier).predict(rows) as number[]; } },
      ],
      output: () => Float64Array.from(pred),
      metric: () => accuracyScore(y, pred),
    };
  },
  sklearnRunner: 'mlp_classifier',
};
