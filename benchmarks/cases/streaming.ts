import { Pipeline, SGDRegressor, StandardScaler } from '../../src/index';
import { RowMajorMatrix } from '../../src/core/data/RowMajorMatrix';
import { makeRegressionDense } from '../../src/datasets/makeRegression';
import type { BenchCase, BenchData } from '../types';

/** Rows per batch, and distinct batches generated (the stream cycles through them). */
const BATCH = 10_000;
const POOL_BATCHES = 10;

/**
 * Streaming: StandardScaler + SGDRegressor (shuffle off, otherwise defaults) learnt batch by batch
 * with partialFit over n rows in batches of 10,000 x 10, one pass; scikit-learn runs the same
 * loop (scaler.partial_fit, scaler.transform, sgd.partial_fit) on the same batches. Only a pool of
 * 10 batches (100k rows) is generated, and the stream cycles through it, so memory does not grow
 * with n: the metric is the process's peak RSS in MB, sampled after every batch (typelearn:
 * process.memoryUsage.rss(), scikit-learn: /proc/self/statm). The output compared is the
 * prediction on the pool's first 1000 rows after the last pass (the same updates on both sides).
 * rows/s = n / time.
 */
export const streaming: BenchCase = {
  name: 'Streaming StandardScaler+SGDRegressor partialFit',
  sizes: [500_000, 1_000_000, 3_000_000],
  d: 10,
  metric: 'peak RSS (MB)',
  repeats: () => 3,
  generate(n, d, seed): BenchData {
    const rows = Math.min(n, BATCH * POOL_BATCHES);
    const r = makeRegressionDense({ nSamples: rows, nFeatures: d, nInformative: d, noise: 5, bias: 3, randomState: seed });
    // Features of different scales and offsets, so the scaler matters.
    for (let i = 0; i < rows; i++) for (let j = 0; j < d; j++) r.X[i * d + j] = r.X[i * d + j] * (j + 1) + 2 * j;
    return { X: r.X, y: r.y, n: rows, d, streamRows: n };
  },
  typelearn(data) {
    const { X, d } = data;
    const y = data.y as Float64Array;
    const poolRows = data.n;
    const batches = Array.from({ length: Math.ceil(poolRows / BATCH) }, (_, b) => {
      const lo = b * BATCH;
      const hi = Math.min(poolRows, lo + BATCH);
      return { X: RowMajorMatrix.fromFlat(X.subarray(lo * d, hi * d), hi - lo, d), y: y.subarray(lo, hi) };
    });
    const n = data.streamRows ?? poolRows;
    let peak = 0;
    let last: { scaler: StandardScaler; sgd: SGDRegressor } | undefined;
    const stream = (total: number, step: (b: { X: RowMajorMatrix; y: Float64Array }) => void) => {
      let rows = 0;
      for (let b = 0; rows < total; b = (b + 1) % batches.length) {
        const batch = batches[b];
        step(batch);
        rows += batch.X.rows;
        peak = Math.max(peak, process.memoryUsage.rss());
      }
    };
    return {
      steps: [
        {
          name: 'partialFit chain',
          run: () => {
            const scaler = new StandardScaler();
            const sgd = new SGDRegressor({ shuffle: false, randomState: 0 });
            stream(n, (b) => sgd.partialFit(scaler.partialFit(b.X).transform(b.X), b.y));
            last = { scaler, sgd };
          },
        },
        {
          name: 'Pipeline.partialFit',
          run: () => {
            const pipe = new Pipeline([['scale', new StandardScaler()], ['sgd', new SGDRegressor({ shuffle: false, randomState: 0 })]]);
            stream(n, (b) => pipe.partialFit(b.X, b.y));
          },
        },
      ],
      output: () => {
        const { scaler, sgd } = last as { scaler: StandardScaler; sgd: SGDRegressor };
        return Float64Array.from(sgd.predict(scaler.transform(RowMajorMatrix.fromFlat(X.subarray(0, 1000 * d), 1000, d))));
      },
      metric: () => peak / 2 ** 20,
    };
  },
  sklearnRunner: 'streaming_scaler_sgd',
};
