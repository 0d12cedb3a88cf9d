import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { DecisionTreeClassifier, DecisionTreeRegressor, accuracyScore, r2Score } from '../../src/index';
import { makeClassificationDense } from '../../src/datasets/makeClassification';
import { makeRegressionDense } from '../../src/datasets/makeRegression';
import { rowViews } from '../lib/rows';
import type { BenchCase, BenchStep } from '../types';

/**
 * ml-cart (the JavaScript baseline, a devDependency) is timed only up to this many rows: with its
 * defaults it grew one classification tree on 10,000 rows × 20 features in 35 s (measured), so
 * larger sizes would dominate the whole run.
 */
const ML_CART_MAX_ROWS = 2000;

/**
 * scikit.js (`scikitjs` on npm) is not a dependency: with TensorFlow.js it installs about 684 MB,
 * too heavy for CI. It is timed only when the environment variable SCIKITJS_PATH names a directory
 * whose node_modules hold `scikitjs` and `@tensorflow/tfjs-node` or `@tensorflow/tfjs`, e.g.
 * `mkdir /tmp/sjs && cd /tmp/sjs && npm init -y && npm i scikitjs @tensorflow/tfjs`, then
 * `SCIKITJS_PATH=/tmp/sjs npm run bench -- --filter DecisionTree`; and only up to this many rows.
 */
const SCIKITJS_MAX_ROWS = 100_000;

interface JsTree {
  train?(X: number[][], y: number[]): void;
  fit?(X: number[][], y: number[]): unknown;
}
type JsTreeClass = new (options?: Record<string, unknown>) => JsTree;

interface ScikitJs {
  setBackend(tf: unknown): void;
  DecisionTreeClassifier: JsTreeClass;
  DecisionTreeRegressor: JsTreeClass;
}

let scikitjsCache: { lib?: ScikitJs; why?: string } | undefined;

/** scikit.js from SCIKITJS_PATH, or the reason it is not there. Loaded once. */
function loadScikitjs(): { lib?: ScikitJs; why?: string } {
  if (scikitjsCache) return scikitjsCache;
  const dir = process.env.SCIKITJS_PATH;
  if (!dir) {
    scikitjsCache = { why: 'scikit.js not timed: set SCIKITJS_PATH to a directory where `npm i scikitjs @tensorflow/tfjs` was run (it is not a dependency: ~684 MB with TensorFlow.js)' };
    return scikitjsCache;
  }
  try {
    const req = createRequire(resolve(dir, 'package.json'));
    let tf: unknown;
    try {
      tf = req('@tensorflow/tfjs-node');
    } catch {
      tf = req('@tensorflow/tfjs');
    }
    const lib = req('scikitjs') as ScikitJs;
    lib.setBackend(tf);
    scikitjsCache = { lib };
  } catch (e) {
    scikitjsCache = { why: `scikit.js not timed: loading it from SCIKITJS_PATH=${dir} failed: ${(e as Error).message.split('\n')[0]}` };
  }
  return scikitjsCache;
}

/**
 * The fit steps of the JavaScript baselines at this size, each on the same training rows as plain
 * arrays (converted outside the timing), and notes on those skipped. The scikit-learn runner times
 * its own fit again under each step's name, so a baseline row's ratio is baseline / scikit-learn.
 */
function baselineSteps(kind: 'classifier' | 'regressor', n: number, train: Float64Array[], yTrain: number[]): { steps: BenchStep[]; notes: string[] } {
  const steps: BenchStep[] = [];
  const notes: string[] = [];
  const sjs = loadScikitjs();
  const plain = n <= ML_CART_MAX_ROWS || (sjs.lib && n <= SCIKITJS_MAX_ROWS) ? train.map((r) => Array.from(r)) : [];
  if (n <= ML_CART_MAX_ROWS) {
    const require = createRequire(import.meta.url);
    const cart = require('ml-cart') as { DecisionTreeClassifier: JsTreeClass; DecisionTreeRegression: JsTreeClass };
    const Cls = kind === 'classifier' ? cart.DecisionTreeClassifier : cart.DecisionTreeRegression;
    steps.push({ name: 'fit (ml-cart)', run: () => (new Cls() as Required<JsTree>).train(plain, yTrain) });
  } else {
    notes.push(`ml-cart (defaults: minNumSamples 3, gainThreshold 0.01) is timed only up to ${ML_CART_MAX_ROWS.toLocaleString('en-US')} rows: it took 35 s for one tree on 10,000 × 20.`);
  }
  if (sjs.lib && n <= SCIKITJS_MAX_ROWS) {
    const Cls = kind === 'classifier' ? sjs.lib.DecisionTreeClassifier : sjs.lib.DecisionTreeRegressor;
    steps.push({ name: 'fit (scikit.js)', run: () => (new Cls() as Required<JsTree>).fit(plain, yTrain) });
  } else if (sjs.lib) {
    notes.push(`scikit.js is timed only up to ${SCIKITJS_MAX_ROWS.toLocaleString('en-US')} rows.`);
  } else if (sjs.why) {
    notes.push(sjs.why);
  }
  return { steps, notes };
}

/** Fewer repeats than the default by cell count: the baselines take seconds per fit. */
const treeRepeats = (n: number) => (n <= 10_000 ? 5 : n <= 100_000 ? 3 : 1);

/**
 * DecisionTreeClassifier (defaults: gini, full depth, all features) on makeClassification data with
 * 20 features: fit on the first 80% of the rows, predict the last 20%; the metric is the held-out
 * accuracy. At 2,000 rows ml-cart's fit is timed too, and scikit.js's up to 100,000 rows when
 * SCIKITJS_PATH points at an install of it. 1,000,000 rows only with `--full`.
 */
export const decisionTreeClassifier: BenchCase = {
  name: 'DecisionTreeClassifier',
  sizes: [2_000, 10_000, 100_000],
  fullSizes: [1_000_000],
  d: 20,
  metric: 'accuracy (held-out 20%)',
  repeats: treeRepeats,
  generate(n, d, seed) {
    const r = makeClassificationDense({ nSamples: n, nFeatures: d, nInformative: 10, nRedundant: 5, nClasses: 2, randomState: seed });
    return { X: r.X, y: Float64Array.from(r.y), n, d };
  },
  typelearn(data) {
    const nTrain = Math.floor(data.n * 0.8);
    const rows = rowViews(data.X, data.n, data.d);
    const train = rows.slice(0, nTrain);
    const test = rows.slice(nTrain);
    const y = Array.from(data.y as Float64Array);
    const yTrain = y.slice(0, nTrain);
    let model: DecisionTreeClassifier | undefined;
    let pred: number[] = [];
    const base = baselineSteps('classifier', data.n, train, yTrain);
    return {
      steps: [
        { name: 'fit', run: () => { model = new DecisionTreeClassifier({ randomState: 0 }).fit(train, yTrain); } },
        { name: 'predict', run: () => { pred = (model as DecisionTreeClassifier).predict(test) as number[]; } },
        ...base.steps,
      ],
      output: () => Float64Array.from(pred),
      metric: () => accuracyScore(y.slice(nTrain), pred),
      notes: base.notes,
    };
  },
  sklearnRunner: 'decision_tree_classifier',
};

/**
 * DecisionTreeRegressor (defaults: squared error, full depth, all features) on makeRegression data
 * with 20 features (10 informative, noise 10): fit on the first 80% of the rows, predict the last
 * 20%; the metric is the held-out R². Baselines as for the classifier; 1,000,000 rows only with
 * `--full`.
 */
export const decisionTreeRegressor: BenchCase = {
  name: 'DecisionTreeRegressor',
  sizes: [2_000, 10_000, 100_000],
  fullSizes: [1_000_000],
  d: 20,
  metric: 'R² (held-out 20%)',
  repeats: treeRepeats,
  generate(n, d, seed) {
    const r = makeRegressionDense({ nSamples: n, nFeatures: d, nInformative: 10, noise: 10, randomState: seed });
    return { X: r.X, y: r.y, n, d };
  },
  typelearn(data) {
    const nTrain = Math.floor(data.n * 0.8);
    const rows = rowViews(data.X, data.n, data.d);
    const train = rows.slice(0, nTrain);
    const test = rows.slice(nTrain);
    const y = data.y as Float64Array;
    const yTrain = Array.from(y.subarray(0, nTrain));
    let model: DecisionTreeRegressor | undefined;
    let pred: number[] = [];
    const base = baselineSteps('regressor', data.n, train, yTrain);
    return {
      steps: [
        { name: 'fit', run: () => { model = new DecisionTreeRegressor({ randomState: 0 }).fit(train, yTrain); } },
        { name: 'predict', run: () => { pred = (model as DecisionTreeRegressor).predict(test) as number[]; } },
        ...base.steps,
      ],
      output: () => Float64Array.from(pred),
      metric: () => r2Score(y.subarray(nTrain), pred),
      notes: base.notes,
    };
  },
  sklearnRunner: 'decision_tree_regressor',
};
