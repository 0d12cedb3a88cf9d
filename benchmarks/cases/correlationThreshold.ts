import { CorrelationThreshold } from '../../src/index';
import { makeClassificationDense } from '../../src/datasets/makeClassification';
import { rowViews } from '../lib/rows';
import type { BenchCase } from '../types';

/**
 * CorrelationThreshold (Pearson, threshold 0.9) fit against pandas' DataFrame.corr() plus the same
 * keep/drop rule in Python. Output: the correlation matrix.
 */
export const correlationThreshold: BenchCase = {
  name: 'CorrelationThreshold',
  sizes: [100_000],
  d: 200,
  metric: 'features kept',
  generate(n, d, seed) {
    // Redundant (linear combinations) and repeated (copied) features make strongly correlated pairs.
    const r = makeClassificationDense({ nSamples: n, nFeatures: d, nInformative: 20, nRedundant: 60, nRepeated: 20, randomState: seed });
    return { X: r.X, n, d };
  },
  typelearn(data) {
    const rows = rowViews(data.X, data.n, data.d);
    let sel: CorrelationThreshold | undefined;
    return {
      steps: [{ name: 'fit', run: () => { sel = new CorrelationThreshold({ method: 'pearson', threshold: 0.9 }).fit(rows); } }],
      output: () => Float64Array.from((sel as CorrelationThreshold).correlation_.flat()),
      metric: () => (sel as CorrelationThreshold).getSupport(true).length,
    };
  },
  sklearnRunner: 'correlation_threshold',
};
