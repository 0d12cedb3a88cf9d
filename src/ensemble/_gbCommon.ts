/**
 * What GradientBoostingClassifier and GradientBoostingRegressor share: their options and rules,
 * the fitted state and its load-time rules, the fit driver (warm start, the early-stopping split,
 * the initial model, the stages) and the stage-by-stage raw predictions.
 */
import { ProgressReporter, type FitControl } from '../core/fitControl';
import type { Matrix } from 'ml-matrix';
import { isEstimator, type BaseEstimator } from '../core/base';
import { ValidationError, describeValue } from '../core/errors';
import { bool, int, nullable, num, oneOf, union, type ParamSpec } from '../core/params';
import { RandomState } from '../core/random';
import { matrixFromFlat, takeRows, type ColMajor, type RowMajor } from '../core/data/index';
import { float64Array, listOf, numberValue, orNull, refine, stateRule, type StateContext, type StateSpec } from '../core/stateSchema';
import { trainTestSplit } from '../model_selection/trainTestSplit';
import { estimatorSpec } from '../model_selection/BaseSearchCV';
import { featureImportances, type TreeArrays } from '../tree/buildTree';
import { baseTreeDefaults, baseTreeSchema, builderWeights, resolveTreeOptions, treeColumns, treeRule, type BaseTreeOptions } from '../tree/forEnsembles';
import { DecisionTreeRegressor } from '../tree/DecisionTreeRegressor';
import { RESTORE_STATE } from '../core/serialization';
import { addTree, applyRows, toFloat32Rows } from './_boostTrees';
import { fitStages, type StagesOut, type ValidationData } from './_gradientBoosting';
import type { GBLoss } from './_gbLosses';

/** The tree options scikit-learn's gradient boosting passes to its trees. */
type StageTreeOptions = Pick<BaseTreeOptions, 'maxDepth' | 'minSamplesSplit' | 'minSamplesLeaf' | 'minWeightFractionLeaf' | 'maxFeatures' | 'randomState' | 'minImpurityDecrease' | 'maxLeafNodes' | 'ccpAlpha'>;

/** Options both gradient boosting estimators take (scikit-learn's, same defaults). */
export interface GradientBoostingCommonOptions extends StageTreeOptions {
  /** Shrinks the contribution of each tree; in [0, Infinity). @defaultValue 0.1 */
  learningRate: number;
  /** The number of boosting stages. @defaultValue 100 */
  nEstimators: number;
  /** The fraction of samples each stage's trees are fitted on, in (0, 1]; below 1 this is stochastic gradient boosting and `oobImprovement_` is recorded. @defaultValue 1 */
  subsample: number;
  /** How a split is scored: 'friedman_mse' (Friedman's improvement) or 'squared_error'. @defaultValue 'friedman_mse' */
  criterion: 'friedman_mse' | 'squared_error';
  /**
   * The initial model: null for the loss's own (the mean, the median, the `alpha`-quantile or the
   * class priors), 'zero' for raw predictions of 0, or an estimator (fitted on X, y; a classifier
   * needs predictProba).
   * @defaultValue null
   */
  init: BaseEstimator | 'zero' | null;
  /** Reuse the fitted stages and add stages up to `nEstimators`. @defaultValue false */
  warmStart: boolean;
  /** The fraction of the training data held out for early stopping, in (0, 1). @defaultValue 0.1 */
  validationFraction: number;
  /**
   * Stop when the held-out loss has not improved by `tol` for this many stages (null: no early
   * stopping, no held-out data).
   * @defaultValue null
   */
  nIterNoChange: number | null;
  /** The improvement early stopping asks for. @defaultValue 1e-4 */
  tol: number;
}

/** The defaults of {@link GradientBoostingCommonOptions} (scikit-learn's). */
export const gbCommonDefaults: GradientBoostingCommonOptions = {
  learningRate: 0.1,
  nEstimators: 100,
  subsample: 1,
  criterion: 'friedman_mse',
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  minWeightFractionLeaf: 0,
  maxDepth: 3,
  minImpurityDecrease: 0,
  init: null,
  randomState: null,
  maxFeatures: null,
  maxLeafNodes: null,
  warmStart: false,
  validationFraction: 0.1,
  nIterNoChange: null,
  tol: 1e-4,
  ccpAlpha: 0,
};

/** The rules of {@link GradientBoostingCommonOptions}. */
export const gbCommonSchema: Record<keyof GradientBoostingCommonOptions, ParamSpec> = {
  maxDepth: baseTreeSchema.maxDepth,
  minSamplesSplit: baseTreeSchema.minSamplesSplit,
  minSamplesLeaf: baseTreeSchema.minSamplesLeaf,
  minWeightFractionLeaf: baseTreeSchema.minWeightFractionLeaf,
  maxFeatures: baseTreeSchema.maxFeatures,
  randomState: baseTreeSchema.randomState,
  minImpurityDecrease: baseTreeSchema.minImpurityDecrease,
  maxLeafNodes: baseTreeSchema.maxLeafNodes,
  ccpAlpha: baseTreeSchema.ccpAlpha,
  learningRate: num({ min: 0 }),
  nEstimators: int({ min: 1 }),
  subsample: num({ min: 0, max: 1, minInclusive: false }),
  criterion: oneOf('friedman_mse', 'squared_error'),
  init: union(oneOf(null, 'zero'), estimatorSpec),
  warmStart: bool(),
  validationFraction: num({ min: 0, max: 1, minInclusive: false, maxInclusive: false }),
  nIterNoChange: nullable(int({ min: 1 })),
  tol: num({ min: 0 }),
};

/** The fitted state both estimators keep. */
export interface GBState {
  nFeaturesIn: number;
  /** The loss fitted (the option may change after fit). */
  loss: string;
  /** The learning rate fitted (predictions use it). */
  learningRate: number;
  /** The base seed of the stages' generators (a warm start continues from it). */
  seed: number;
  /** Trees per stage. */
  nTreesPerStage: number;
  /** The constant raw prediction of the initial model (the loss's own, or 'zero'); null with an init estimator. */
  initRaw: Float64Array | null;
  /** The fitted init estimator, or null. */
  initEstimator: BaseEstimator | null;
  /** `nTreesPerStage` trees per stage, stage after stage. */
  trees: TreeArrays[];
  trainScore: Float64Array;
  /** Null unless `subsample < 1`. */
  oobImprovement: Float64Array | null;
  maxFeatures: number;
}

const perStage = (ctx: StateContext): number | undefined => {
  const t = ctx.state.trees;
  const K = ctx.state.nTreesPerStage;
  return Array.isArray(t) && typeof K === 'number' ? t.length / K : undefined;
};

/** The load-time rules of {@link GBState} (the classifier adds `classes` before them). */
export function gbStateSchema(losses: readonly string[], treesPerStage: (ctx: StateContext) => number): Record<keyof GBState, StateSpec> {
  return {
    nFeaturesIn: stateRule('an integer ≥ 1', (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1),
    loss: stateRule(`one of ${losses.map((l) => `'${l}'`).join(', ')}`, (v) => typeof v === 'string' && losses.includes(v)),
    learningRate: numberValue({ min: 0 }),
    seed: numberValue({ integer: true, min: 0, max: 4294967295 }),
    nTreesPerStage: stateRule('the number of trees per stage the loss and classes imply', (v, ctx) => v === treesPerStage(ctx)),
    initRaw: orNull(float64Array({ length: (ctx) => ctx.state.nTreesPerStage as number })),
    initEstimator: stateRule('a fitted estimator when the init option is an estimator, else null', (v, ctx) => {
      const est = ctx.params.init;
      if (!isEstimator(est)) return v === null && ctx.state.initRaw !== null;
      return isEstimator(v) && v.isFitted() && ctx.state.initRaw === null;
    }),
    trees: refine(listOf(treeRule(() => 1), { minLength: 1 }), 'a whole number of stages', (v: unknown[], ctx) => v.length % (ctx.state.nTreesPerStage as number) === 0),
    trainScore: float64Array({ length: perStage, allowInfinity: true }),
    oobImprovement: orNull(float64Array({ length: perStage, allowInfinity: true, allowNaN: true })),
    maxFeatures: refine(numberValue({ integer: true, min: 1 }), 'at most nFeaturesIn', (v: number, ctx) => v <= (ctx.state.nFeaturesIn as number)),
  };
}

/** The per-class targets and weights a fit works on. */
export interface BoostData {
  Xr: RowMajor;
  /** Targets: real values, or class codes. */
  y: Float64Array;
  w: Float64Array;
  /** Whether the user gave sample weights (the init estimator gets them only then). */
  weighted: boolean;
}

/** How a concrete estimator plugs into the driver. */
export interface BoostHooks {
  estimator: string;
  loss: GBLoss;
  lossName: string;
  /** The initial model's constant raw prediction (K values) from the training targets. */
  constantInit(y: Float64Array, w: Float64Array, weighted: boolean): Float64Array;
  /** The raw predictions (`rows × K`) of a fitted init estimator. */
  estimatorInit(est: BaseEstimator, X: Matrix): Float64Array;
  /** The stratification labels of the early-stopping split (classes), or null. */
  stratify: number[] | null;
}

/** The float32-rounded copy of X an init estimator sees (scikit-learn fits it on float32 X). */
function float32Matrix(Xr: RowMajor): Matrix {
  return matrixFromFlat(Float64Array.from(toFloat32Rows(Xr.data)), Xr.rows, Xr.cols);
}

/** Raw predictions of a fitted model on float32 rows: the initial model's, then `stages` stages. */
export function rawPredict(s: GBState, Xr: RowMajor, hooks: Pick<BoostHooks, 'estimatorInit'>, stages = s.trees.length / s.nTreesPerStage): Float64Array {
  const K = s.nTreesPerStage;
  const X32 = toFloat32Rows(Xr.data);
  const raw = initialRaw(s, Xr, hooks);
  for (let t = 0; t < stages * K; t++) addTree(s.trees[t], X32, Xr.rows, Xr.cols, raw, K, t % K, s.learningRate);
  return raw;
}

function initialRaw(s: GBState, Xr: RowMajor, hooks: Pick<BoostHooks, 'estimatorInit'>): Float64Array {
  const K = s.nTreesPerStage;
  if (s.initEstimator !== null) return hooks.estimatorInit(s.initEstimator, float32Matrix(Xr));
  const raw = new Float64Array(Xr.rows * K);
  const init = s.initRaw as Float64Array;
  for (let i = 0; i < Xr.rows; i++) for (let k = 0; k < K; k++) raw[i * K + k] = init[k];
  return raw;
}

/** The raw predictions after each stage, one array per stage (lazily). */
export function* stagedRaw(s: GBState, Xr: RowMajor, hooks: Pick<BoostHooks, 'estimatorInit'>): Generator<Float64Array> {
  const K = s.nTreesPerStage;
  const X32 = toFloat32Rows(Xr.data);
  const raw = initialRaw(s, Xr, hooks);
  const stages = s.trees.length / K;
  for (let i = 0; i < stages; i++) {
    for (let k = 0; k < K; k++) addTree(s.trees[i * K + k], X32, Xr.rows, Xr.cols, raw, K, k, s.learningRate);
    yield raw.slice();
  }
}

/** The leaf of each sample in each tree: `[sample][stage][k]`. */
export function applyAll(s: GBState, Xr: RowMajor): number[][][] {
  const K = s.nTreesPerStage;
  const X32 = toFloat32Rows(Xr.data);
  const stages = s.trees.length / K;
  const out = Array.from({ length: Xr.rows }, () => Array.from({ length: stages }, () => new Array<number>(K)));
  const leaves = new Int32Array(Xr.rows);
  for (let t = 0; t < s.trees.length; t++) {
    applyRows(s.trees[t], X32, Xr.rows, Xr.cols, leaves);
    const i = Math.floor(t / K);
    for (let r = 0; r < Xr.rows; r++) out[r][i][t % K] = leaves[r];
  }
  return out;
}

/** scikit-learn's `feature_importances_`: the mean of the trees' unnormalized importances (single-leaf trees left out), normalized. */
export function boostingImportances(s: GBState): number[] {
  const d = s.nFeaturesIn;
  const sum = new Float64Array(d);
  let count = 0;
  for (const tree of s.trees) {
    if (tree.nodeCount <= 1) continue;
    const imp = featureImportances(tree, d, false);
    for (let f = 0; f < d; f++) sum[f] += imp[f];
    count++;
  }
  if (count === 0) return new Array<number>(d).fill(0);
  let total = 0;
  for (let f = 0; f < d; f++) {
    sum[f] /= count;
    total += sum[f];
  }
  return Array.from(sum, (v) => v / total);
}

/** The fitted trees as DecisionTreeRegressor instances, `[stage][k]`. */
export function treesAsEstimators(s: GBState, p: GradientBoostingCommonOptions): DecisionTreeRegressor[][] {
  const K = s.nTreesPerStage;
  // The stage trees have one output; a tree state that records its outputs says so with null
  // (a 1-d target), as DecisionTreeRegressor's own fit does.
  const schema = DecisionTreeRegressor.stateSchema as Readonly<Record<string, unknown>>;
  const singleOutput = Object.prototype.hasOwnProperty.call(schema, 'nOutputs') ? { nOutputs: null } : {};
  const out: DecisionTreeRegressor[][] = [];
  for (let t = 0; t < s.trees.length; t++) {
    const reg = new DecisionTreeRegressor({
      criterion: p.criterion,
      maxDepth: p.maxDepth,
      minSamplesSplit: p.minSamplesSplit,
      minSamplesLeaf: p.minSamplesLeaf,
      minWeightFractionLeaf: p.minWeightFractionLeaf,
      minImpurityDecrease: p.minImpurityDecrease,
      maxFeatures: p.maxFeatures,
      maxLeafNodes: p.maxLeafNodes,
      ccpAlpha: p.ccpAlpha,
    });
    const tree = s.trees[t];
    const copy: TreeArrays = {
      ...tree,
      childrenLeft: tree.childrenLeft.slice(),
      childrenRight: tree.childrenRight.slice(),
      feature: tree.feature.slice(),
      threshold: tree.threshold.slice(),
      impurity: tree.impurity.slice(),
      nNodeSamples: tree.nNodeSamples.slice(),
      weightedNNodeSamples: tree.weightedNNodeSamples.slice(),
      value: tree.value.slice(),
    };
    reg[RESTORE_STATE]({ nFeaturesIn: s.nFeaturesIn, tree: copy, ...singleOutput });
    if (t % K === 0) out.push([]);
    out[out.length - 1].push(reg);
  }
  return out;
}

/** Fits an init estimator on X and y (with the sample weights the user gave, which it must take). */
export function fitInit(est: BaseEstimator, X: Matrix, y: ArrayLike<number>, w: Float64Array | undefined, estimator: string): BaseEstimator {
  const fitted = est.clone();
  const fit = (fitted as unknown as { fit?: unknown }).fit;
  if (typeof fit !== 'function') {
    throw new ValidationError({ code: 'invalid_option', estimator, param: 'init', expected: 'an estimator with fit', received: est.className });
  }
  if (w !== undefined) {
    if (fit.length < 3) {
      throw new ValidationError({
        code: 'invalid_option',
        estimator,
        param: 'init',
        expected: 'an estimator whose fit takes sampleWeight (sample weights were given)',
        received: est.className,
      });
    }
    (fit as (X: Matrix, y: ArrayLike<number>, sw: Float64Array) => unknown).call(fitted, X, y, w);
  } else (fit as (X: Matrix, y: ArrayLike<number>) => unknown).call(fitted, X, y);
  return fitted;
}

/** The tree options of the stages: the boosting options' tree part, the trees' defaults for the rest. */
function stageTreeOptions(p: GradientBoostingCommonOptions, n: number, d: number, estimator: string): ReturnType<typeof resolveTreeOptions> {
  const treeParams = { ...baseTreeDefaults, ...p };
  return resolveTreeOptions(treeParams, p.criterion, n, d, 1, estimator);
}

/**
 * The fit driver: the early-stopping split, warm start or a fresh initial model, then the stages.
 * Returns the new state; `previous` is the fitted state to continue with `warmStart`.
 */
export function fitBoosting(p: GradientBoostingCommonOptions, data: BoostData, hooks: BoostHooks, previous: GBState | undefined, control: FitControl = {}): GBState {
  const name = hooks.estimator;
  const { Xr } = data;
  // Weights whose sum would overflow (or whose size underflows) are divided by the largest: every
  // loss, line search and initial constant is a ratio of weighted sums, so the model is the same.
  data = { ...data, w: builderWeights(data.w) };
  const n = Xr.rows;
  const d = Xr.cols;
  const K = hooks.loss.K;
  let train = { Xr, y: data.y, w: data.w };
  let val: { Xr: RowMajor; y: Float64Array; w: Float64Array } | undefined;
  if (p.nIterNoChange !== null) {
    const index = Array.from({ length: n }, (_, i) => [i]);
    const split = trainTestSplit(index, { testSize: p.validationFraction, randomState: p.randomState, stratify: hooks.stratify });
    const take = (part: number[][]) => {
      const rows = part.map((r) => r[0]);
      return { Xr: takeRows(Xr, rows), y: Float64Array.from(rows, (r) => data.y[r]), w: Float64Array.from(rows, (r) => data.w[r]) };
    };
    train = take(split.XTrain);
    val = take(split.XTest);
    if (hooks.stratify !== null && new Set(train.y).size !== new Set(data.y).size) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator: name,
        param: 'y',
        message: `${name}: the training data after the early stopping split is missing some classes. Try another randomState.`,
      });
    }
  }
  const trainXr = train.Xr as RowMajor;
  const Xc: ColMajor<Float32Array> = treeColumns(trainXr, name);
  const warm = p.warmStart && previous !== undefined && previous.loss === hooks.lossName && previous.nFeaturesIn === d && previous.nTreesPerStage === K;
  let state: GBState;
  let raw: Float64Array;
  if (warm) {
    const stages = previous.trees.length / K;
    if (p.nEstimators < stages) {
      throw new ValidationError({
        code: 'invalid_option',
        estimator: name,
        param: 'nEstimators',
        expected: `at least the ${stages} stages already fitted (warmStart is true)`,
        received: describeValue(p.nEstimators),
      });
    }
    // The stages already fitted keep their learning rate, and so do the new ones (one rate per model).
    state = { ...previous, trees: previous.trees.slice() };
    raw = rawPredict(previous, trainXr, hooks);
  } else {
    let initRaw: Float64Array | null = null;
    let initEstimator: BaseEstimator | null = null;
    if (p.init === 'zero') initRaw = new Float64Array(K);
    else if (p.init === null) initRaw = hooks.constantInit(train.y, train.w, data.weighted);
    else initEstimator = fitInit(p.init, float32Matrix(trainXr), train.y, data.weighted ? train.w : undefined, name);
    const seed = new RandomState(p.randomState ?? undefined).nextUint32();
    const resolved = stageTreeOptions(p, trainXr.rows, d, name);
    state = {
      nFeaturesIn: d,
      loss: hooks.lossName,
      learningRate: p.learningRate,
      seed,
      nTreesPerStage: K,
      initRaw,
      initEstimator,
      trees: [],
      trainScore: new Float64Array(0),
      oobImprovement: p.subsample < 1 ? new Float64Array(0) : null,
      maxFeatures: resolved.maxFeatures,
    };
    raw = initialRaw(state, trainXr, hooks);
  }
  const resolved = stageTreeOptions(p, trainXr.rows, d, name);
  const { rng: _unused, minWeightLeaf: _w, ...tree } = resolved;
  const out: StagesOut = { trees: state.trees, trainScore: Array.from(state.trainScore), oobImprovement: Array.from(state.oobImprovement ?? []) };
  let valData: ValidationData | undefined;
  if (val !== undefined) {
    const vr = val.Xr as RowMajor;
    valData = { X: toFloat32Rows(vr.data), rows: vr.rows, cols: d, y: val.y, w: val.w, raw: rawPredict(state, vr, hooks) };
  }
  const begin = state.trees.length / K;
  const progress = new ProgressReporter(control, 'iteration', p.nEstimators - begin);
  const stages = fitStages(
    Xc,
    train.y,
    train.w,
    raw,
    hooks.loss,
    {
      nEstimators: p.nEstimators,
      learningRate: state.learningRate,
      subsample: p.subsample,
      tree,
      minWeightFractionLeaf: p.minWeightFractionLeaf,
      nIterNoChange: p.nIterNoChange,
      tol: p.tol,
      ccpAlpha: p.ccpAlpha,
      seed: state.seed,
      onStage: progress.silent ? undefined : (stage, loss) => progress.step(stage, { loss }),
    },
    begin,
    out,
    valData,
  );
  return {
    ...state,
    trees: out.trees.slice(0, stages * K),
    trainScore: Float64Array.from(out.trainScore.slice(0, stages)),
    oobImprovement: p.subsample < 1 && out.oobImprovement.length === stages ? Float64Array.from(out.oobImprovement) : null,
    maxFeatures: state.maxFeatures,
  };
}

/** The number of stages of a fitted model. */
export function stageCount(s: GBState): number {
  return s.trees.length / s.nTreesPerStage;
}

/** `oobImprovement_`: recorded only with `subsample < 1`. */
export function oobImprovementOf(s: GBState, estimator: string): number[] {
  if (s.oobImprovement === null) {
    throw new ValidationError({ code: 'unsupported', estimator, param: 'oobImprovement_', message: `${estimator} has oobImprovement_ only when fitted with subsample < 1.` });
  }
  return Array.from(s.oobImprovement);
}
