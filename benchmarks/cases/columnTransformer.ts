import type { Matrix } from 'ml-matrix';
import * as typelearn from '../../src/index';
import { ColumnTransformer, RandomState, StandardScaler } from '../../src/index';
import type { BaseEstimator, RecordRows } from '../../src/index';
import { makeClassificationDense } from '../../src/datasets/makeClassification';
import { flatten } from '../lib/rows';
import type { BenchCase } from '../types';

/** Categories of the two string columns: 5 and 30 levels. */
const LEVELS = [5, 30];

/**
 * When the library has a OneHotEncoder, the string columns are one-hot encoded; until then they
 * are dropped (remainder 'drop') and only the numeric path is measured. The runner name tells
 * sklearn_runner.py which of the two to run.
 */
const OneHotEncoder = (typelearn as Record<string, unknown>).OneHotEncoder as (new () => BaseEstimator) | undefined;

/**
 * Records in, numbers out: 4 numeric columns (scaled) and 2 string columns (one-hot encoded when
 * OneHotEncoder exists, else dropped), the whole ColumnTransformer fitted on rows as objects.
 * Building the records (on the Python side, the DataFrame) is not timed.
 */
export const columnTransformer: BenchCase = {
  name: OneHotEncoder ? 'ColumnTransformer records (scale + one-hot)' : 'ColumnTransformer records (scale, strings dropped)',
  sizes: [100_000, 1_000_000],
  d: 6,
  metric: 'output columns',
  generate(n, d, seed) {
    const r = makeClassificationDense({ nSamples: n, nFeatures: 4, nInformative: 2, nRedundant: 2, shift: null, scale: null, randomState: seed });
    const rng = new RandomState(seed + 1);
    const X = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < 4; j++) X[i * d + j] = r.X[i * 4 + j];
      X[i * d + 4] = rng.randint(LEVELS[0]);
      X[i * d + 5] = rng.randint(LEVELS[1]);
    }
    return { X, n, d };
  },
  typelearn(data) {
    const { X, n, d } = data;
    const records: RecordRows = new Array(n);
    for (let i = 0; i < n; i++) {
      const o = i * d;
      records[i] = { x0: X[o], x1: X[o + 1], x2: X[o + 2], x3: X[o + 3], c0: `c${X[o + 4]}`, c1: `c${X[o + 5]}` };
    }
    const make = () =>
      new ColumnTransformer(
        OneHotEncoder
          ? [
              ['num', new StandardScaler(), ['x0', 'x1', 'x2', 'x3']],
              ['cat', new OneHotEncoder(), ['c0', 'c1']],
            ]
          : [['num', new StandardScaler(), ['x0', 'x1', 'x2', 'x3']]],
      );
    let ct: ColumnTransformer | undefined;
    let out: Matrix | undefined;
    return {
      steps: [
        { name: 'fit+transform', run: () => { ct = make(); out = ct.fitTransform(records); } },
        { name: 'transform', run: () => { out = (ct as ColumnTransformer).transform(records); } },
      ],
      output: () => flatten(out as Matrix),
      metric: () => (out as Matrix).columns,
    };
  },
  sklearnRunner: OneHotEncoder ? 'column_transformer_onehot' : 'column_transformer_numeric',
};
