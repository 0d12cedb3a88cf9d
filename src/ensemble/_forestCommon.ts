/**
 * What the four forests (RandomForest and ExtraTrees, classifier and regressor) share: their
 * common options, the fitted state and its load-time rules, the fit loop over the trees (warm start
 * included), the feature importances and the trees as DecisionTree instances.
 */
import { ValidationError, TypelearnWarning, describeValue, warn } from '../core/errors';
import { bool, func, int, nullable, num, randomStateSpec, union, type ParamSpec } from '../core/params';
import { listOf, numberArray, stateRule, type StateContext, type StateSpec } from '../core/stateSchema';
import type { RowMajor } from '../core/data/index';
import { featureImportances, presortColumns, type TreeArrays, type TreeCriterion, type TreeTarget } from '../tree/buildTree';
import { baseTreeDefaults, baseTreeSchema, builderWeights, checkSplitter, resolveTreeOptions, treeColumns, treeRule, type BaseTreeOptions } from '../tree/forEnsembles';
import { ProgressReporter, type FitControl } from '../core/fitControl';
import { drawTreeSeeds, fitForestTree, samplesBootstrap, type ForestData, type ForestTreeOptions } from './_forestBuild';
import { RESTORE_STATE } from '../core/serialization';
import { flattenForest, forestApply, toFloat32Rows, type FlatForest } from './_flatForest';

/** Options all four forests take. */
export interface BaseForestOptions {
  /** The number of trees. @defaultValue 100 */
  nEstimators: number;
  /** The deepest a leaf may be; null grows until leaves are pure or too small. @defaultValue null */
  maxDepth: number | null;
  /** The fewest samples a node needs to be split: an integer ≥ 2 or a fraction in (0, 1] of the samples. @defaultValue 2 */
  minSamplesSplit: number;
  /** The fewest samples each child keeps: an integer ≥ 1 or a fraction in (0, 1) of the samples. @defaultValue 1 */
  minSamplesLeaf: number;
  /** The smallest fraction of a tree's total sample weight each child keeps, in [0, 0.5]. @defaultValue 0 */
  minWeightFractionLeaf: number;
  /**
   * How many features each split considers: null (all; scikit-learn's `1.0`), 'sqrt', 'log2', an
   * integer in [1, nFeatures], or a fraction in (0, 1) of the features (rounded down, at least 1).
   * @defaultValue 'sqrt' for classifiers, null for regressors (as scikit-learn ≥ 1.1)
   */
  maxFeatures: 'sqrt' | 'log2' | number | null;
  /** Grow each tree best first to at most this many leaves (an integer ≥ 2); null: no limit. @defaultValue null */
  maxLeafNodes: number | null;
  /** A split must decrease the weighted impurity by at least this much. @defaultValue 0 */
  minImpurityDecrease: number;
  /**
   * Grow each tree on a bootstrap sample (drawn with replacement, as sample weights that count the
   * draws) rather than on all the samples. @defaultValue true for random forests, false for extra trees
   */
  bootstrap: boolean;
  /** Seed of the trees' seeds; null draws fresh ones at each fit. @defaultValue null */
  randomState: number | null;
  /** Keep the trees already fitted and add trees up to `nEstimators` on the next fit. @defaultValue false */
  warmStart: boolean;
  /** Minimal cost-complexity pruning of each tree (see DecisionTree's `ccpAlpha`); 0 prunes nothing. @defaultValue 0 */
  ccpAlpha: number;
  /**
   * With bootstrap, the number of draws for each tree: null (as many as samples), an integer in
   * [1, nSamples], or a fraction in (0, 1) of the samples (rounded, at least 1). @defaultValue null
   */
  maxSamples: number | null;
}

/** The rules of {@link BaseForestOptions} (the tree options' rules are the trees'). */
export const baseForestSchema: Record<keyof BaseForestOptions, ParamSpec> = {
  nEstimators: int({ min: 1 }),
  maxDepth: baseTreeSchema.maxDepth,
  minSamplesSplit: baseTreeSchema.minSamplesSplit,
  minSamplesLeaf: baseTreeSchema.minSamplesLeaf,
  minWeightFractionLeaf: baseTreeSchema.minWeightFractionLeaf,
  maxFeatures: baseTreeSchema.maxFeatures,
  maxLeafNodes: baseTreeSchema.maxLeafNodes,
  minImpurityDecrease: baseTreeSchema.minImpurityDecrease,
  bootstrap: bool(),
  randomState: randomStateSpec,
  warmStart: bool(),
  ccpAlpha: baseTreeSchema.ccpAlpha,
  maxSamples: nullable(union(int({ min: 1 }), num({ min: 0, max: 1, minInclusive: false, maxInclusive: false }))),
};

/** The rule of `oobScore`: a boolean, or a scorer `(yTrue, yPred) => number`. */
export const oobScoreSchema: ParamSpec = union(bool(), func());

/**
 * A forest's defaults in scikit-learn's order of options: the shared ones (scikit-learn's), with
 * the forest's own criterion, `maxFeatures` and `bootstrap`, and `extra` (the classifiers' `classWeight`).
 */
export function forestDefaults<C extends string, E extends object>(
  criterion: C,
  maxFeatures: BaseForestOptions['maxFeatures'],
  bootstrap: boolean,
  extra: E,
): BaseForestOptions & { criterion: C; oobScore: false } & E {
  return {
    nEstimators: 100,
    criterion,
    maxDepth: null,
    minSamplesSplit: 2,
    minSamplesLeaf: 1,
    minWeightFractionLeaf: 0,
    maxFeatures,
    maxLeafNodes: null,
    minImpurityDecrease: 0,
    bootstrap,
    oobScore: false,
    randomState: null,
    warmStart: false,
    ...extra,
    ccpAlpha: 0,
    maxSamples: null,
  };
}

/** The out-of-bag results: the score, and the out-of-bag output of each training sample (`nValues` each). */
export interface OobState {
  score: number;
  values: Float64Array;
}

/** The fitted state of a forest. */
export interface ForestState {
  nFeaturesIn: number;
  /** The seed of each tree (its `randomState`), drawn up front. */
  seeds: number[];
  trees: TreeArrays[];
  /** The out-of-bag score and outputs, null when `oobScore` was off. */
  oob: OobState | null;
}

/** The state rules of a forest's `seeds`, `trees` and `oob`, with `nValues` numbers per node. */
export function forestStateRules(nValues: (ctx: StateContext) => number): Record<'seeds' | 'trees' | 'oob', StateSpec> {
  return {
    seeds: numberArray({ integer: true, min: 0, max: 2147483646 }),
    trees: listOf(treeRule(nValues), { length: (ctx) => (Array.isArray(ctx.state.seeds) ? ctx.state.seeds.length : undefined), minLength: 1 }),
    oob: stateRule('null, or { score: a number, values: a Float64Array of finite numbers, nValues per sample }', (v, ctx) => {
      if (v === null) return true;
      if (typeof v !== 'object' || Array.isArray(v)) return false;
      const o = v as Partial<OobState>;
      const keys = Object.keys(v);
      if (keys.length !== 2 || typeof o.score !== 'number' || !(o.values instanceof Float64Array)) return false;
      const K = nValues(ctx);
      return o.values.length > 0 && o.values.length % K === 0 && o.values.every(Number.isFinite);
    }),
  };
}

/** What the shared fit loop needs from a forest. */
export interface ForestFitInput {
  estimator: string;
  params: BaseForestOptions & { criterion: TreeCriterion };
  splitter: 'best' | 'random';
  Xr: RowMajor;
  target: TreeTarget;
  /** Sample weights times any class weights (not 'balanced_subsample', which is per tree). */
  sampleWeight: Float64Array;
  balancedSubsample: boolean;
  valueScale: number;
  /** Whether an out-of-bag score is asked for. */
  oob: boolean;
  /** The state kept by a warm start (undefined for a fresh fit). */
  previous: ForestState | undefined;
}

/** What the fit loop hands back: the trees (kept and new), their seeds, and the data they were grown on. */
export interface ForestFitOutput {
  seeds: number[];
  trees: TreeArrays[];
  data: ForestData;
  nSamplesBootstrap: number;
}

/** The options each tree is grown with, as a decision tree's options (for `estimators_`, and resolved for the builder). */
export function treeParams(p: object, splitter: 'best' | 'random', seed: number | null): BaseTreeOptions {
  const out: Record<string, unknown> = { ...baseTreeDefaults };
  for (const k of Object.keys(baseTreeDefaults)) if (k in p) out[k] = Reflect.get(p, k);
  out.splitter = splitter;
  out.randomState = seed;
  return out as unknown as BaseTreeOptions;
}

/**
 * A forest's fit made ready to grow: every check done, the data prepared and the seeds of the new
 * trees drawn. Growing tree `newSeeds[k]` with {@link fitForestTree} on `data` and `options` gives
 * tree `kept.length + k`, on any thread.
 */
export interface PreparedForest {
  /** The trees a warm start keeps, then the seeds of every tree (kept and new). */
  kept: TreeArrays[];
  seeds: number[];
  newSeeds: number[];
  data: ForestData;
  options: ForestTreeOptions;
  nSamplesBootstrap: number;
}

/** The fit's output from the new trees grown (in seed order) for a prepared forest. */
export function assembleForest(prep: PreparedForest, newTrees: readonly TreeArrays[]): ForestFitOutput {
  return { seeds: prep.seeds, trees: [...prep.kept, ...newTrees], data: prep.data, nSamplesBootstrap: prep.nSamplesBootstrap };
}

/** Grows the prepared forest's new trees in this thread (`fit`), reporting each tree to `control`. */
export function growForest(prep: PreparedForest, control: FitControl = {}): ForestFitOutput {
  const progress = new ProgressReporter(control, 'tree', prep.newSeeds.length);
  return assembleForest(
    prep,
    prep.newSeeds.map((seed, k) => {
      const tree = fitForestTree(seed, prep.data, prep.options);
      progress.step(k + 1);
      return tree;
    }),
  );
}

/** Checks the options against each other and the data, prepares the data and draws the new trees' seeds. */
export function prepareForest(f: ForestFitInput): PreparedForest {
  const { estimator, params: p, Xr } = f;
  const n = Xr.rows;
  if (!p.bootstrap && p.maxSamples !== null) {
    throw new ValidationError({ code: 'invalid_option', estimator, param: 'maxSamples', expected: 'null when bootstrap is false (set bootstrap: true to draw maxSamples samples)', received: describeValue(p.maxSamples) });
  }
  if (!p.bootstrap && f.oob) {
    throw new ValidationError({ code: 'invalid_option', estimator, param: 'oobScore', expected: 'false when bootstrap is false (out-of-bag estimates need bootstrap samples)', received: describeValue(true) });
  }
  if (p.maxSamples !== null && Number.isInteger(p.maxSamples) && p.maxSamples > n) {
    throw new ValidationError({ code: 'invalid_option', estimator, param: 'maxSamples', expected: `at most the number of samples (${n})`, received: describeValue(p.maxSamples) });
  }
  const kept = f.previous;
  if (kept !== undefined) {
    if (kept.nFeaturesIn !== Xr.cols) {
      throw new ValidationError({ code: 'invalid_input', estimator, param: 'X', expected: `${kept.nFeaturesIn} features, as the trees kept by warmStart`, received: `${Xr.cols}` });
    }
    if (p.nEstimators < kept.trees.length) {
      throw new ValidationError({ code: 'invalid_option', estimator, param: 'nEstimators', expected: `at least the ${kept.trees.length} trees already fitted, with warmStart`, received: describeValue(p.nEstimators) });
    }
    if (p.nEstimators === kept.trees.length) warn(new TypelearnWarning(`${estimator}: warm-start fitting without increasing nEstimators does not fit new trees.`, estimator));
  }
  const nKept = kept?.trees.length ?? 0;
  const nBoot = p.bootstrap ? samplesBootstrap(n, p.maxSamples) : n;
  const Xc = treeColumns(Xr, estimator);
  // Weights near the double range are divided by the largest first, so that the draw counts cannot overflow them.
  // The random splitter sorts nothing: no presorted orders for extra trees.
  const presorted = f.splitter === 'best' ? presortColumns(Xc) : undefined;
  const data: ForestData = { Xc, presorted, target: f.target, sampleWeight: builderWeights(f.sampleWeight) };
  let total = 0;
  for (let i = 0; i < n; i++) total += f.sampleWeight[i];
  // Counts from fractions and the feature draw size, resolved once (their checks too).
  const { rng: _rng, minWeightLeaf: _mwl, ...resolved } = resolveTreeOptions(treeParams(p, f.splitter, 0), p.criterion, n, Xr.cols, total, estimator);
  const newSeeds = drawTreeSeeds(p.randomState, nKept, p.nEstimators - nKept);
  checkSplitter(f.splitter, Xc, 1, p.criterion, estimator);
  const options: ForestTreeOptions = { tree: resolved, minWeightFractionLeaf: p.minWeightFractionLeaf, ccpAlpha: p.ccpAlpha, bootstrap: p.bootstrap, nSamplesBootstrap: nBoot, balancedSubsample: f.balancedSubsample, valueScale: f.valueScale };
  return { kept: kept ? kept.trees.slice() : [], seeds: [...(kept?.seeds ?? []), ...newSeeds], newSeeds, data, options, nSamplesBootstrap: nBoot };
}

/** Warns when some training samples were drawn by every tree (their out-of-bag output is 0). */
export function warnMissingOob(counts: Int32Array, estimator: string): void {
  if (counts.some((c) => c === 0)) {
    warn(
      new TypelearnWarning(
        `${estimator}: some inputs do not have OOB scores. This probably means too few trees were used to compute any reliable OOB estimates.`,
        estimator,
      ),
    );
  }
}

/** The mean over the trees (of more than one node) of their normalized importances, normalized again (scikit-learn's). */
export function forestImportances(trees: readonly TreeArrays[], nFeatures: number): number[] {
  const sum = new Float64Array(nFeatures);
  let count = 0;
  for (const t of trees) {
    if (t.nodeCount <= 1) continue;
    const imp = featureImportances(t, nFeatures);
    for (let j = 0; j < nFeatures; j++) sum[j] += imp[j];
    count++;
  }
  if (count === 0) return new Array<number>(nFeatures).fill(0);
  let s = 0;
  for (let j = 0; j < nFeatures; j++) {
    sum[j] /= count;
    s += sum[j];
  }
  return Array.from(sum, (v) => (s > 0 ? v / s : 0));
}

/** The leaf of each row in each tree (each tree's own numbering): one array per row, one entry per tree. */
export function leavesByRow(flat: FlatForest, Xr: RowMajor): number[][] {
  const leaves = forestApply(flat, toFloat32Rows(Xr.data), Xr.rows, Xr.cols);
  const T = flat.nTrees;
  return Array.from({ length: Xr.rows }, (_, r) => Array.from(leaves.subarray(r * T, (r + 1) * T)));
}

/** The out-of-bag results of a fitted forest; an `unsupported` error when it was fitted without `oobScore`. */
export function requireOob(state: ForestState, estimator: string, attribute: string): OobState {
  if (state.oob === null) {
    throw new ValidationError({ code: 'unsupported', estimator, param: 'oobScore', message: `${estimator} has no ${attribute}: it was fitted with oobScore false.` });
  }
  return state.oob;
}

/**
 * The trees of a fitted forest as fitted decision trees: `make` builds each from its options (the
 * forest's tree options, its criterion, its seed as `randomState`), and the tree's state is the
 * forest's node arrays plus `extra` (a classifier's classes).
 */
export function treesAsEstimators<T extends { [RESTORE_STATE](state: unknown): void }>(
  s: ForestState,
  params: BaseForestOptions & { criterion: string },
  splitter: 'best' | 'random',
  make: (options: Record<string, unknown>) => T,
  extra: () => object,
): T[] {
  return s.trees.map((tree, k) => {
    const t = make({ ...treeParams(params, splitter, s.seeds[k]), criterion: params.criterion });
    t[RESTORE_STATE]({ nFeaturesIn: s.nFeaturesIn, nOutputs: null, ...extra(), tree });
    return t;
  });
}

/** Caches each fitted state's flat forest (built at the first prediction, dropped with the state). */
export class FlatCache {
  private readonly cache = new WeakMap<object, FlatForest>();
  get(state: ForestState, normalize: boolean): FlatForest {
    let f = this.cache.get(state);
    if (f === undefined) {
      f = flattenForest(state.trees, normalize);
      this.cache.set(state, f);
    }
    return f;
  }
}
