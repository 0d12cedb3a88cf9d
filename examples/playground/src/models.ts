/**
 * The models the playground offers and their main options, as the page shows them. Only data:
 * the page imports this without pulling every estimator into its bundle (the worker builds them,
 * in pipeline.ts).
 */
import type { Task } from './data';

/** One option of a model, as the page offers it. */
export interface OptionSpec {
  key: string;
  label: string;
  /** 'number'; 'optional-int' (empty: none); 'layers' (comma-separated sizes); 'choice'. */
  kind: 'number' | 'optional-int' | 'layers' | 'choice';
  default: string;
  choices?: string[];
  min?: number;
  step?: number;
}

/** A model the page offers. */
export interface ModelSpec {
  name: string;
  task: Task;
  options: OptionSpec[];
  /** Whether it takes a randomState (the page's seed is passed to it). */
  seeded: boolean;
}

const C: OptionSpec = { key: 'C', label: 'C (inverse regularization)', kind: 'number', default: '1', min: 0, step: 0.1 };
const KERNEL: OptionSpec = { key: 'kernel', label: 'kernel', kind: 'choice', default: 'rbf', choices: ['rbf', 'linear', 'poly', 'sigmoid'] };
const GAMMA: OptionSpec = { key: 'gamma', label: 'gamma', kind: 'choice', default: 'scale', choices: ['scale', 'auto'] };
const TREES: OptionSpec = { key: 'nEstimators', label: 'trees', kind: 'number', default: '100', min: 1, step: 1 };
const DEPTH: OptionSpec = { key: 'maxDepth', label: 'max depth (empty: none)', kind: 'optional-int', default: '', min: 1, step: 1 };
const LEAF: OptionSpec = { key: 'minSamplesLeaf', label: 'min samples per leaf', kind: 'number', default: '1', min: 1, step: 1 };
const RATE: OptionSpec = { key: 'learningRate', label: 'learning rate', kind: 'number', default: '0.1', min: 0, step: 0.01 };
const ITER_HGB: OptionSpec = { key: 'maxIter', label: 'boosting iterations', kind: 'number', default: '100', min: 1, step: 1 };
const LEAVES: OptionSpec = { key: 'maxLeafNodes', label: 'max leaves per tree', kind: 'number', default: '31', min: 2, step: 1 };
const LAYERS: OptionSpec = { key: 'hiddenLayerSizes', label: 'hidden layers (sizes, comma-separated)', kind: 'layers', default: '100' };
const ALPHA_MLP: OptionSpec = { key: 'alpha', label: 'alpha (L2 penalty)', kind: 'number', default: '0.0001', min: 0, step: 0.0001 };
const ITER_MLP: OptionSpec = { key: 'maxIter', label: 'epochs', kind: 'number', default: '200', min: 1, step: 1 };

/** The models, by task. Options and defaults are typelearn's (scikit-learn's); pipeline.ts makes them. */
export const MODELS: ModelSpec[] = [
  {
    name: 'LogisticRegression',
    task: 'classification',
    seeded: false,
    options: [C, { key: 'maxIter', label: 'max iterations', kind: 'number', default: '100', min: 1, step: 1 }],
  },
  { name: 'RandomForestClassifier', task: 'classification', seeded: true, options: [TREES, DEPTH, LEAF] },
  { name: 'HistGradientBoostingClassifier', task: 'classification', seeded: true, options: [RATE, ITER_HGB, LEAVES] },
  { name: 'SVC', task: 'classification', seeded: false, options: [C, KERNEL, GAMMA] },
  { name: 'MLPClassifier', task: 'classification', seeded: true, options: [LAYERS, ALPHA_MLP, ITER_MLP] },
  { name: 'DecisionTreeClassifier', task: 'classification', seeded: true, options: [DEPTH, LEAF] },
  { name: 'GaussianNB', task: 'classification', seeded: false, options: [] },
  { name: 'Ridge', task: 'regression', seeded: false, options: [{ key: 'alpha', label: 'alpha (L2 penalty)', kind: 'number', default: '1', min: 0, step: 0.1 }] },
  { name: 'LinearRegression', task: 'regression', seeded: false, options: [] },
  { name: 'RandomForestRegressor', task: 'regression', seeded: true, options: [TREES, DEPTH, LEAF] },
  { name: 'HistGradientBoostingRegressor', task: 'regression', seeded: true, options: [RATE, ITER_HGB, LEAVES] },
  {
    name: 'SVR',
    task: 'regression',
    seeded: false,
    options: [C, { key: 'epsilon', label: 'epsilon', kind: 'number', default: '0.1', min: 0, step: 0.05 }, KERNEL, GAMMA],
  },
  { name: 'MLPRegressor', task: 'regression', seeded: true, options: [LAYERS, ALPHA_MLP, ITER_MLP] },
  { name: 'DecisionTreeRegressor', task: 'regression', seeded: true, options: [DEPTH, LEAF] },
];

export function modelSpec(name: string): ModelSpec {
  const spec = MODELS.find((m) => m.name === name);
  if (!spec) throw new Error(`Unknown model ${name}`);
  return spec;
}
