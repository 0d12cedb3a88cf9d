import { SelectKBest, fClassif } from '../../src/index';
import { makeClassificationDense } from '../../src/datasets/makeClassification';
import { rowViews } from '../lib/rows';
import type { BenchCase } from '../types';

/** SelectKBest(fClassif, k = 20) fit: the ANOVA F-test of every feature, then the top k. Output: the F scores. */
export const selectKBest: BenchCase = {
  name: 'SelectKBest(fClassif)',
  sizes: [100_000],
  d: 200,
  metric: 'min F among kept features',
  generate(n, d, seed) {
    const r = makeClassificationDense({ nSamples: n, nFeatures: d, nInformative: 20, nRedundant: 20, nClasses: 3, randomState: seed });
    return { X: r.X, y: Float64Array.from(r.y), n, d };
  },
  typelearn(data) {
    const rows = rowViews(data.X, data.n, data.d);
    const y = data.y as Float64Array;
    let sel: SelectKBest | undefined;
    return {
      steps: [{ name: 'fit', run: () => { sel = new SelectKBest({ scoreFunc: fClassif, k: 20 }).fit(rows, y); } }],
      output: () => Float64Array.from((sel as SelectKBest).scores_),
      metric: () => {
        const s = (sel as SelectKBest).scores_;
        return Math.min(...(sel as SelectKBest).getSupport(true).map((j) => s[j]));
      },
    };
  },
  sklearnRunner: 'select_k_best',
};
