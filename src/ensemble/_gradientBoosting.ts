/**
 * The boosting loop of GradientBoostingClassifier / GradientBoostingRegressor, as scikit-learn
 * 1.2's `BaseGradientBoosting._fit_stages` / `_fit_stage`: at each stage, for each of the K trees,
 * the negative gradient of the loss at the previous stage's predictions is fitted by a CART
 * regression tree (the builder of src/tree), every leaf is set by the loss's line search on its
 * in-bag samples, and the predictions move by `learningRate` times the tree. Free of the
 * estimator API; X enters once, column-major float32, for all stages.
 */
import type { ColMajor } from '../core/data/index';
import { RandomState } from '../core/random';
import { buildTree, presortColumns, type BuildTreeOptions, type TreeArrays } from '../tree/buildTree';
import { pruneTree } from '../tree/pruneTree';
import { addTree, applyColMajor, samplesByLeaf } from './_boostTrees';
import type { GBLoss } from './_gbLosses';

/** The boosting options, already resolved against the data. */
export interface StageOptions {
  nEstimators: number;
  learningRate: number;
  subsample: number;
  /** The tree options but the generator and the weight floor (set per tree). */
  tree: Omit<BuildTreeOptions, 'rng' | 'minWeightLeaf'>;
  minWeightFractionLeaf: number;
  nIterNoChange: number | null;
  tol: number;
  /** Minimal cost-complexity pruning of each tree before its leaves are set (0: none). */
  ccpAlpha: number;
  /** The base seed; stage i draws from a generator seeded by (seed, i), so a warm start continues the stream. */
  seed: number;
  /** Called after every stage with its number in this run (from 1) and the training loss; what it throws ends the fit. */
  onStage?: (stage: number, loss: number) => void;
}

/** The held-out data of early stopping (float32 rows, as predictions see them). */
export interface ValidationData {
  X: Float32Array;
  rows: number;
  cols: number;
  y: Float64Array;
  w: Float64Array;
  /** Its raw predictions so far, `rows × K`; updated in place. */
  raw: Float64Array;
}

/** What the loop appends to. */
export interface StagesOut {
  /** K trees per stage, stage after stage. */
  trees: TreeArrays[];
  trainScore: number[];
  oobImprovement: number[];
}

/** The generator of stage `i`. */
export function stageRandom(seed: number, i: number): RandomState {
  return new RandomState((seed ^ Math.imul(i + 1, 0x9e3779b9)) >>> 0);
}

/** scikit-learn's `_random_sample_mask`: exactly `nInBag` of `n` samples, by selection sampling. */
export function randomSampleMask(n: number, nInBag: number, rng: RandomState): Uint8Array {
  const rand = new Float64Array(n);
  for (let i = 0; i < n; i++) rand[i] = rng.random();
  const mask = new Uint8Array(n);
  let taken = 0;
  for (let i = 0; i < n; i++) {
    if (rand[i] * (n - i) < nInBag - taken) {
      mask[i] = 1;
      taken++;
    }
  }
  return mask;
}

/**
 * Fits stages `begin .. nEstimators-1` (fewer when early stopping ends the loop), updating `raw`
 * (`n × K`) in place; returns the number of stages the model has then.
 * `y` holds the targets (class codes 0..K-1 for the multinomial loss).
 */
export function fitStages(Xc: ColMajor<Float32Array>, y: Float64Array, w: Float64Array, raw: Float64Array, loss: GBLoss, o: StageOptions, begin: number, out: StagesOut, val?: ValidationData): number {
  const n = Xc.rows;
  const K = loss.K;
  const doOob = o.subsample < 1;
  const nInBag = Math.max(1, Math.floor(o.subsample * n));
  const residual = new Float64Array(n);
  const leaves = new Int32Array(n);
  const yk = loss.multiClass ? new Float64Array(n) : y;
  const wMasked = doOob ? new Float64Array(n) : w;
  const history = o.nIterNoChange === null ? null : new Float64Array(o.nIterNoChange).fill(Infinity);
  // Every stage's tree splits the same X: sort each feature once here, not once per tree (the
  // builder's `presorted` option, for data without missing values).
  const presorted = o.tree.splitter === 'random' || hasNaN(Xc.data) ? undefined : presortColumns(Xc);
  for (let i = begin; i < o.nEstimators; i++) {
    const rng = stageRandom(o.seed, i);
    let mask: Uint8Array | undefined;
    let oldOob = 0;
    if (doOob) {
      mask = randomSampleMask(n, nInBag, rng);
      oldOob = loss.value(y, raw, w, mask, 0);
      for (let s = 0; s < n; s++) wMasked[s] = mask[s] ? w[s] : 0;
    }
    let wSum = 0;
    for (let s = 0; s < n; s++) wSum += wMasked[s];
    const previous = raw.slice();
    for (let k = 0; k < K; k++) {
      if (loss.multiClass) for (let s = 0; s < n; s++) yk[s] = y[s] === k ? 1 : 0;
      loss.negativeGradient(yk, previous, k, w, residual);
      let tree = buildTree(Xc, { kind: 'regression', y: residual }, wMasked, { ...o.tree, minWeightLeaf: o.minWeightFractionLeaf * wSum, rng, presorted });
      if (o.ccpAlpha > 0) tree = pruneTree(tree, o.ccpAlpha);
      applyColMajor(tree, Xc, leaves);
      const groups = samplesByLeaf(leaves, tree.nodeCount, mask);
      for (let leaf = 0; leaf < tree.nodeCount; leaf++) {
        if (tree.childrenLeft[leaf] !== -1) continue;
        const lo = groups.start[leaf];
        const hi = groups.start[leaf + 1];
        if (hi === lo) continue;
        const v = loss.leafValue({ idx: groups.idx, lo, hi }, yk, residual, raw, k, wMasked);
        if (v !== null) tree.value[leaf] = v;
      }
      const V = tree.value;
      for (let s = 0; s < n; s++) raw[s * K + k] += o.learningRate * V[leaves[s]];
      out.trees.push(tree);
    }
    if (mask !== undefined) {
      out.trainScore.push(loss.value(y, raw, w, mask, 1));
      out.oobImprovement.push(oldOob - loss.value(y, raw, w, mask, 0));
    } else out.trainScore.push(loss.value(y, raw, w));
    o.onStage?.(i - begin + 1, out.trainScore[out.trainScore.length - 1]);
    if (val !== undefined && history !== null) {
      const stage = out.trees.slice(out.trees.length - K);
      for (let k = 0; k < K; k++) addTree(stage[k], val.X, val.rows, val.cols, val.raw, K, k, o.learningRate);
      const lossVal = loss.value(val.y, val.raw, val.w);
      if (history.some((h) => lossVal + o.tol < h)) history[i % history.length] = lossVal;
      else return i + 1;
    }
  }
  return Math.max(begin, o.nEstimators);
}

function hasNaN(x: Float32Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== x[i]) return true;
  return false;
}
