/**
 * What the browser suite runs, the same code in Node, in a page's main thread and in a Web Worker:
 * one workload per family, each fitting with a fixed `randomState` and returning what it predicted,
 * encoded by `encode` so that equal strings mean equal bits. Adding a family is one line in
 * `workloads` (the helpers `classify`, `regress` and `transformOf` do the fitting).
 */
import {
  AdaBoostClassifier, BaggingClassifier, ColumnTransformer, ExtraTreesRegressor, GradientBoostingRegressor, HistGradientBoostingClassifier, RandomForestClassifier, DecisionTreeClassifier, GaussianNB, MultinomialNB, StackingClassifier, VotingRegressor, DecisionTreeRegressor, GridSearchCV, KFold, LinearSVC, LogisticRegression,
  MLPClassifier, MLPRegressor, MinMaxScaler, OneHotEncoder, Pipeline, PolynomialFeatures, Ridge, SGDClassifier, SVC, SVR,
  SelectKBest, SimpleImputer, StandardScaler, StratifiedKFold, VarianceThreshold, crossValScore, fClassif, loadDigits,
  loadIris, loadModel, makeRegression, trainTestSplit,
} from 'typelearn';

import { encode, type Encodable } from './encode';

export { encode };

const iris = loadIris();
const reg = makeRegression({ nSamples: 120, nFeatures: 5, noise: 2, randomState: 0 });
const split = trainTestSplit(iris.data, iris.target, { testSize: 0.3, randomState: 1, stratify: iris.target });

interface Fits {
  fit(X: number[][], y: ArrayLike<number>): unknown;
  predict(X: number[][]): ArrayLike<unknown>;
}

/** Fits on iris' training split; the test split's predictions (and probabilities, decision values). */
export function classify(model: Fits): Encodable {
  model.fit(split.XTrain, split.yTrain);
  const m = model as Fits & { predictProba?(X: number[][]): Encodable; decisionFunction?(X: number[][]): Encodable };
  return {
    predict: Array.from(m.predict(split.XTest) as ArrayLike<number>),
    proba: typeof m.predictProba === 'function' ? m.predictProba(split.XTest) : null,
    decision: typeof m.decisionFunction === 'function' ? optional(() => m.decisionFunction!(split.XTest)) : null,
  };
}

/** What `run` returns, or null when the estimator says it does not support it (a meta-estimator whose members lack the method). */
function optional(run: () => Encodable): Encodable {
  try {
    return run();
  } catch (e) {
    if ((e as { code?: string }).code === 'unsupported') return null;
    throw e;
  }
}

/** Fits on 100 samples of a seeded regression problem; predictions for the other 20. */
export function regress(model: Fits): Encodable {
  model.fit(reg.X.slice(0, 100), reg.y.slice(0, 100));
  return Array.from(model.predict(reg.X.slice(100)) as ArrayLike<number>);
}

/** Fits a transformer on iris' training split; its output on the test split. */
export function transformOf(t: { fit(X: number[][], y?: ArrayLike<number>): unknown; transform(X: number[][]): Encodable }): Encodable {
  t.fit(split.XTrain, split.yTrain);
  return t.transform(split.XTest);
}

const records = iris.data.map((r, i) => ({ len: i % 7 === 0 ? null : r[0], width: r[1], kind: ['a', 'b', 'c'][i % 3] }));

/** One workload per family; each returns what its estimators computed. */
export const workloads: Record<string, () => Encodable> = {
  preprocessing: () => ({
    standard: transformOf(new StandardScaler()),
    minmax: transformOf(new MinMaxScaler()),
    poly: transformOf(new PolynomialFeatures({ degree: 2 })),
    onehot: new OneHotEncoder({ handleUnknown: 'ignore' }).fit([['a'], ['b'], ['c']]).transform([['b'], ['z']]),
  }),
  feature_selection: () => ({
    kbest: transformOf(new SelectKBest({ scoreFunc: fClassif, k: 2 })),
    variance: transformOf(new VarianceThreshold({ threshold: 0.2 })),
  }),
  'linear_model (LogisticRegression)': () => classify(new LogisticRegression({ maxIter: 1000 })),
  linear_model: () => ({
    sgd: classify(new SGDClassifier({ loss: 'modified_huber', randomState: 0 })),
    ridge: regress(new Ridge({ alpha: 0.5 })),
  }),
  svm: () => ({
    svc: classify(new SVC({ probability: true, randomState: 0 })),
    linearSvc: classify(new LinearSVC({ randomState: 0 })),
    svr: regress(new SVR({ C: 10 })),
  }),
  tree: () => ({
    classifier: classify(new DecisionTreeClassifier({ maxFeatures: 2, randomState: 0 })),
    regressor: regress(new DecisionTreeRegressor({ maxDepth: 4, randomState: 0 })),
  }),
  neural_network: () => ({
    classifier: classify(new MLPClassifier({ hiddenLayerSizes: [8], maxIter: 60, randomState: 0 })),
    regressor: regress(new MLPRegressor({ hiddenLayerSizes: [8], maxIter: 60, randomState: 0 })),
  }),
  naive_bayes: () => ({
    gaussian: classify(new GaussianNB()),
    multinomial: classify(new MultinomialNB({ alpha: 0.5 })),
  }),
  ensemble: () => ({
    bagging: classify(new BaggingClassifier({ nEstimators: 5, randomState: 0 })),
    stacking: classify(new StackingClassifier([['tree', new DecisionTreeClassifier({ maxDepth: 3, randomState: 0 })], ['svc', new SVC()]], { finalEstimator: new LogisticRegression() })),
    forest: classify(new RandomForestClassifier({ nEstimators: 10, randomState: 0 })),
    extraTrees: regress(new ExtraTreesRegressor({ nEstimators: 10, randomState: 0 })),
    hgb: classify(new HistGradientBoostingClassifier({ maxIter: 20 })),
    gradientBoosting: regress(new GradientBoostingRegressor({ nEstimators: 20, randomState: 0 })),
    adaBoost: classify(new AdaBoostClassifier({ nEstimators: 10, randomState: 0 })),
    voting: regress(new VotingRegressor([['ridge', new Ridge()], ['tree', new DecisionTreeRegressor({ maxDepth: 3, randomState: 0 })]])),
  }),
  pipeline: () => {
    const pipe = new Pipeline([['scale', new StandardScaler()], ['clf', new LogisticRegression()]]);
    const ct = new ColumnTransformer([
      ['num', new Pipeline([['impute', new SimpleImputer({ strategy: 'median' })], ['scale', new StandardScaler()]]), ['len', 'width']],
      ['cat', new OneHotEncoder(), ['kind']],
    ]);
    return { pipeline: classify(pipe), columns: ct.fitTransform(records.slice(0, 100)) };
  },
  model_selection: () => {
    const search = new GridSearchCV(new SVC(), { C: [0.5, 2], gamma: ['scale', 0.1] }, { cv: new StratifiedKFold({ nSplits: 3, shuffle: true, randomState: 0 }) });
    search.fit(split.XTrain, split.yTrain);
    return {
      split: trainTestSplit(reg.X, reg.y, { testSize: 0.25, randomState: 7 }).yTest,
      cv: crossValScore(new Ridge(), reg.X, reg.y, { cv: new KFold({ nSplits: 4, shuffle: true, randomState: 3 }) }),
      best: encode(search.bestParams_ as Encodable),
      bestScore: search.bestScore_,
      predict: Array.from(search.predict(split.XTest) as ArrayLike<number>),
    };
  },
};

/**
 * Families whose estimators go through the engine's `Math.exp`, `Math.log`, `Math.tanh` (logistic and
 * softmax losses, RBF kernels, activations): ECMAScript lets engines differ in their last bit, and
 * iterative solvers carry such a bit on to their stopping tolerance, so these agree with Node to the
 * relative tolerance given here (labels and structure exactly). Every other family must agree bit for bit.
 */
export const engineMathTolerance: Record<string, number> = {
  // L-BFGS stops when an iteration lowers the loss by less than 64 ε (relative), so a last-bit
  // difference can end it an iteration sooner or later: on unscaled iris, 3e-4 apart.
  'linear_model (LogisticRegression)': 1e-3,
  svm: 1e-12,
  neural_network: 1e-12,
  pipeline: 1e-12,
  // GaussianNB's log densities and MultinomialNB's log probabilities; stacking's SVC and LogisticRegression.
  naive_bayes: 1e-12,
  // (stacking's final LogisticRegression stops on L-BFGS' relative tolerance: 5.5e-12 seen)
  ensemble: 1e-9,
};

/** What docs/browser.md's worker example does: fit in the worker, send the model as JSON. */
export function trainForPage(): { model: unknown; predictions: string } {
  const model = new Pipeline([['scale', new StandardScaler()], ['mlp', new MLPClassifier({ hiddenLayerSizes: [64], maxIter: 400, randomState: 0 })]]);
  model.fit(iris.data, iris.target);
  return { model: model.toJSON(), predictions: encode(Array.from(model.predict(iris.data) as ArrayLike<number>)) };
}

/** The page's half: rebuild the worker's model and predict. */
export function loadFromWorker(model: unknown): string {
  const back = loadModel<Pipeline>(model as object, { classes: [Pipeline, StandardScaler, MLPClassifier] });
  return encode(Array.from(back.predict(iris.data) as ArrayLike<number>));
}

/** Runs every workload; each result encoded, or the error it threw. */
export function runAll(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, run] of Object.entries(workloads)) {
    try {
      out[name] = encode(run());
    } catch (e) {
      out[name] = `error: ${(e as Error).stack ?? String(e)}`;
    }
  }
  return out;
}

/** The timed fit of issue #10: an MLP with 100 hidden units, 50 epochs on the digits (after a short warm-up fit). */
export function timeDigitsMlp(now: () => number): { ms: number; predictions: string } {
  const digits = loadDigits();
  new MLPClassifier({ hiddenLayerSizes: [100], maxIter: 3, randomState: 0 }).fit(digits.data, digits.target);
  const t0 = now();
  const model = new MLPClassifier({ hiddenLayerSizes: [100], maxIter: 50, randomState: 0 }).fit(digits.data, digits.target);
  const ms = now() - t0;
  return { ms, predictions: encode(Array.from(model.predict(digits.data.slice(0, 200)) as ArrayLike<number>)) };
}
