/**
 * The pipelines the playground builds: imputers, a scaler and an encoder in a ColumnTransformer,
 * an optional selector, and a model from typelearn's families, each with its main options. No
 * DOM here: the worker trains with it, and the browser test builds the same pipeline in Node.
 */
import {
  ColumnTransformer,
  DecisionTreeClassifier,
  DecisionTreeRegressor,
  GaussianNB,
  HistGradientBoostingClassifier,
  HistGradientBoostingRegressor,
  KFold,
  KNNImputer,
  LinearRegression,
  LogisticRegression,
  MaxAbsScaler,
  MinMaxScaler,
  MLPClassifier,
  MLPRegressor,
  OneHotEncoder,
  OrdinalEncoder,
  Pipeline,
  RandomForestClassifier,
  RandomForestRegressor,
  Ridge,
  RobustScaler,
  SelectKBest,
  SimpleImputer,
  StandardScaler,
  StratifiedKFold,
  SVC,
  SVR,
  VarianceThreshold,
  fClassif,
  fRegression,
} from 'typelearn';
import type { BaseEstimator, ColumnTransformerEntry, Label, PipelineStep, Records } from 'typelearn';
import type { Task } from './data';
import { modelSpec } from './models';

/** Everything the page chose: which columns, which steps, which model with which options. */
export interface PipelineConfig {
  task: Task;
  /** Feature columns of numbers and of text (as the CSV reader typed them). */
  numeric: string[];
  categorical: string[];
  /** The numeric columns' imputer: a SimpleImputer strategy, or 'knn' (KNNImputer, 5 neighbours). */
  imputer: 'mean' | 'median' | 'most_frequent' | 'knn';
  scaler: 'standard' | 'minmax' | 'robust' | 'maxabs' | 'none';
  /** Text columns: one-hot (unknown categories ignored) or ordinal codes, after a most-frequent imputer. */
  encoder: 'onehot' | 'ordinal';
  /** 'kbest': SelectKBest with the F-test of the task; 'variance': VarianceThreshold. */
  selector: 'none' | 'kbest' | 'variance';
  k: number;
  threshold: number;
  model: string;
  /** The model's options as the page's fields hold them (text); parsed by {@link modelParams}. */
  options: Record<string, string>;
  folds: number;
  /** Seeds the fold shuffle and every seeded model. */
  randomState: number;
}

/** Each model's constructor, by the name models.ts gives it. */
const CONSTRUCTORS: Record<string, new (params: Record<string, unknown>) => BaseEstimator> = {
  LogisticRegression,
  RandomForestClassifier,
  HistGradientBoostingClassifier,
  SVC,
  MLPClassifier,
  DecisionTreeClassifier,
  GaussianNB,
  Ridge,
  LinearRegression,
  RandomForestRegressor,
  HistGradientBoostingRegressor,
  SVR,
  MLPRegressor,
  DecisionTreeRegressor,
};

/** The model's constructor options from the page's text fields (typelearn validates the values). */
export function modelParams(config: PipelineConfig): Record<string, unknown> {
  const spec = modelSpec(config.model);
  const params: Record<string, unknown> = {};
  for (const o of spec.options) {
    const text = (config.options[o.key] ?? o.default).trim();
    if (o.kind === 'choice') params[o.key] = text;
    else if (o.kind === 'optional-int') params[o.key] = text === '' ? null : Number(text);
    else if (o.kind === 'layers') params[o.key] = text === '' ? [] : text.split(',').map((s) => Number(s.trim()));
    else params[o.key] = Number(text);
  }
  if (spec.seeded) params.randomState = config.randomState;
  return params;
}

function scaler(kind: PipelineConfig['scaler']): BaseEstimator | undefined {
  if (kind === 'standard') return new StandardScaler();
  if (kind === 'minmax') return new MinMaxScaler();
  if (kind === 'robust') return new RobustScaler();
  if (kind === 'maxabs') return new MaxAbsScaler();
  return undefined;
}

/** The whole pipeline: `pre` (a ColumnTransformer), then `select` when chosen, then `model`. */
export function buildPipeline(config: PipelineConfig): Pipeline {
  const entries: ColumnTransformerEntry[] = [];
  if (config.numeric.length > 0) {
    const steps: PipelineStep[] = [['impute', config.imputer === 'knn' ? new KNNImputer() : new SimpleImputer({ strategy: config.imputer })]];
    const s = scaler(config.scaler);
    if (s) steps.push(['scale', s]);
    entries.push(['num', new Pipeline(steps), config.numeric]);
  }
  if (config.categorical.length > 0) {
    const encode = config.encoder === 'onehot' ? new OneHotEncoder({ handleUnknown: 'ignore' }) : new OrdinalEncoder({ handleUnknown: 'use_encoded_value', unknownValue: -1 });
    entries.push(['cat', new Pipeline([['impute', new SimpleImputer({ strategy: 'most_frequent' })], ['encode', encode]]), config.categorical]);
  }
  if (entries.length === 0) throw new Error('Choose at least one feature column.');
  const steps: PipelineStep[] = [['pre', new ColumnTransformer(entries)]];
  if (config.selector === 'kbest') steps.push(['select', new SelectKBest({ scoreFunc: config.task === 'classification' ? fClassif : fRegression, k: config.k })]);
  else if (config.selector === 'variance') steps.push(['select', new VarianceThreshold({ threshold: config.threshold })]);
  const Model = CONSTRUCTORS[config.model];
  if (!Model) throw new Error(`Unknown model ${config.model}`);
  steps.push(['model', new Model(modelParams(config))]);
  return new Pipeline(steps);
}

/** A fold: indices of the training rows and of the held-out rows. */
export interface Split {
  train: number[];
  test: number[];
}

/** Shuffled folds seeded by `randomState`: stratified for classification, plain k-fold for regression. */
export function makeSplits(config: PipelineConfig, X: Records, y: ArrayLike<Label>): Split[] {
  const options = { nSplits: config.folds, shuffle: true, randomState: config.randomState };
  return [...(config.task === 'classification' ? new StratifiedKFold(options).split(X, y) : new KFold(options).split(X))];
}

/** The names of the features the model sees: the ColumnTransformer's output, less what the selector dropped. */
export function modelFeatureNames(fitted: Pipeline): string[] {
  const steps = fitted.namedSteps;
  let names = (steps.pre as ColumnTransformer).getFeatureNamesOut();
  const select = steps.select as SelectKBest | VarianceThreshold | undefined;
  if (select) {
    const keep = select.getSupport();
    names = names.filter((_, j) => keep[j]);
  }
  return names;
}

/** What the model says of its features: impurity importances, or coefficients (one series per row of coef_). */
export interface Importances {
  kind: 'importance' | 'coefficient';
  names: string[];
  series: Array<{ label: string; values: number[] }>;
}

/** Reads a fitted getter that may not exist or may throw (e.g. coef_ of a non-linear SVC). */
function read(est: unknown, key: string): unknown {
  try {
    return (est as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** The fitted model's feature importances or coefficients, or undefined when it has neither. */
export function importances(fitted: Pipeline): Importances | undefined {
  const model = fitted.namedSteps.model;
  const names = modelFeatureNames(fitted);
  const fi = read(model, 'featureImportances_');
  if (Array.isArray(fi) && fi.length === names.length) return { kind: 'importance', names, series: [{ label: 'impurity importance', values: fi as number[] }] };
  const coef = read(model, 'coef_');
  if (!Array.isArray(coef)) return undefined;
  const rows = (Array.isArray(coef[0]) ? coef : [coef]) as number[][];
  if (rows[0].length !== names.length) return undefined;
  const classes = read(model, 'classes_') as Label[] | undefined;
  const label = (i: number): string => {
    if (!classes) return rows.length === 1 ? 'coefficient' : `output ${i}`;
    if (rows.length === classes.length) return `class ${String(classes[i])}`;
    if (rows.length === 1 && classes.length === 2) return `class ${String(classes[1])}`;
    // One-vs-one (SVC): pairs in scikit-learn's order (0,1), (0,2), …, (1,2), …
    let r = 0;
    for (let a = 0; a < classes.length; a++) {
      for (let b = a + 1; b < classes.length; b++, r++) if (r === i) return `${String(classes[a])} vs ${String(classes[b])}`;
    }
    return `row ${i}`;
  };
  return { kind: 'coefficient', names, series: rows.map((values, i) => ({ label: label(i), values })) };
}
