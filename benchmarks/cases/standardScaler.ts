import type { Matrix } from 'ml-matrix';
import { StandardScaler } from '../../src/index';
import { makeClassificationDense } from '../../src/datasets/makeClassification';
import { flatten, rowViews } from '../lib/rows';
import type { BenchCase } from '../types';

/** StandardScaler fitTransform on features of very different scales. */
export const standardScaler: BenchCase = {
  name: 'StandardScaler fit+transform',
  sizes: [10_000, 100_000, 1_000_000],
  d: 20,
  metric: 'max |std − 1| of output',
  generate(n, d, seed) {
    // Features shifted and scaled at random (scale in [1, 101)), as real data are.
    const r = makeClassificationDense({ nSamples: n, nFeatures: d, nInformative: 5, nRedundant: 5, shift: null, scale: null, randomState: seed });
    return { X: r.X, n, d };
  },
  typelearn(data) {
    const rows = rowViews(data.X, data.n, data.d);
    let out: Matrix | undefined;
    return {
      steps: [{ name: 'fit+transform', run: () => { out = new StandardScaler().fitTransform(rows); } }],
      output: () => flatten(out as Matrix),
      metric: () => {
        const z = flatten(out as Matrix);
        let worst = 0;
        for (let j = 0; j < data.d; j++) {
          let s = 0;
          let ss = 0;
          for (let i = 0; i < data.n; i++) s += z[i * data.d + j];
          const m = s / data.n;
          for (let i = 0; i < data.n; i++) ss += (z[i * data.d + j] - m) ** 2;
          worst = Math.max(worst, Math.abs(Math.sqrt(ss / data.n) - 1));
        }
        return worst;
      },
    };
  },
  sklearnRunner: 'standard_scaler',
};
