/**
 * The solver side of random forests and extra trees, free of the estimator API and of module state:
 * the per-tree seeds, the bootstrap, one tree's fit as a pure function of (seed, data, options),
 * and the out-of-bag sums.
 *
 * Designed for fitting trees in worker threads later: {@link ForestData} and
 * {@link ForestTreeOptions} are plain typed arrays and numbers (structured-clonable, and the data
 * can sit in SharedArrayBuffers), {@link fitForestTree} reads nothing else and returns plain
 * {@link TreeArrays}, and every random draw of tree `i` comes from its own seed, drawn up front by
 * {@link drawTreeSeeds}. So the trees can be built in any order, on any thread, and the forest is
 * the same, bit for bit.
 */
import type { ColMajor } from '../core/data/index';
import { RandomState } from '../core/random';
import { buildTree, type BuildTreeOptions, type TreeArrays, type TreeTarget } from '../tree/buildTree';
import { pruneTree } from '../tree/pruneTree';
import { builderWeights } from '../tree/forEnsembles';

/** scikit-learn's MAX_INT (2^31 − 1): tree seeds are drawn in [0, MAX_INT). */
const MAX_INT = 2147483647;

/** The data every tree of a forest is grown on, prepared once per fit. */
export interface ForestData {
  /** X, column-major float32 (the builder's input). */
  Xc: ColMajor<Float32Array>;
  /**
   * Each feature's order of all rows, sorted by value (`presortColumns`), shared by every tree;
   * undefined for the random splitter, which sorts nothing.
   */
  presorted: Int32Array | undefined;
  target: TreeTarget;
  /** The weight of each sample: the user's sample weights times the class weights (all 1 by default). */
  sampleWeight: Float64Array;
}

/** How each tree is grown: the builder's options less those that vary by tree. */
export interface ForestTreeOptions {
  tree: Omit<BuildTreeOptions, 'rng' | 'minWeightLeaf' | 'presorted'>;
  /** The builder's minimum leaf weight is this fraction of the tree's total sample weight. */
  minWeightFractionLeaf: number;
  /** Minimal cost-complexity pruning after growing (0: none). */
  ccpAlpha: number;
  /** Draw each tree's samples with replacement (weights = counts) rather than use them all. */
  bootstrap: boolean;
  /** The number of draws of the bootstrap (`maxSamples` resolved). */
  nSamplesBootstrap: number;
  /** 'balanced_subsample': weigh classes by their counts in each tree's bootstrap sample. */
  balancedSubsample: boolean;
  /**
   * Multiplies the leaf values: a regression target divided by its largest magnitude (to keep its
   * squares finite) is multiplied back; 1 otherwise.
   */
  valueScale: number;
}

/**
 * The seeds of trees `first .. first + count − 1` of a forest seeded with `randomState` (each a
 * draw in [0, 2^31 − 1), as scikit-learn gives each tree `random_state.randint(MAX_INT)`). Seeds
 * of earlier trees are drawn and skipped, so a warm start that adds trees gives the ones a single
 * fit would have. Without a `randomState` the seeds are fresh.
 */
export function drawTreeSeeds(randomState: number | null, first: number, count: number): number[] {
  const rng = new RandomState(randomState ?? undefined);
  for (let k = 0; k < first; k++) rng.randint(MAX_INT);
  const out: number[] = [];
  for (let k = 0; k < count; k++) out.push(rng.randint(MAX_INT));
  return out;
}

/**
 * How many times each of the `n` samples is drawn in the bootstrap of the tree seeded `seed`
 * (`nDraws` uniform draws with replacement). The tree's own generator starts afresh from the same
 * seed, as scikit-learn's does, so a tree refitted alone with these counts as sample weights and
 * `randomState: seed` is the forest's tree.
 */
export function bootstrapCounts(seed: number, n: number, nDraws: number): Float64Array {
  const rng = new RandomState(seed);
  const counts = new Float64Array(n);
  for (let k = 0; k < nDraws; k++) counts[rng.randint(n)]++;
  return counts;
}

/** Per-sample weights that balance the classes of one bootstrap sample (scikit-learn's 'balanced_subsample'). */
function subsampleClassWeights(counts: Float64Array, y: Int32Array, nClasses: number): Float64Array {
  const perClass = new Float64Array(nClasses);
  let total = 0;
  for (let i = 0; i < y.length; i++) {
    perClass[y[i]] += counts[i];
    total += counts[i];
  }
  let present = 0;
  for (let k = 0; k < nClasses; k++) if (perClass[k] > 0) present++;
  const cw = new Float64Array(nClasses);
  for (let k = 0; k < nClasses; k++) cw[k] = perClass[k] > 0 ? total / (present * perClass[k]) : 0;
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) out[i] = cw[y[i]];
  return out;
}

/**
 * Grows one tree of a forest: a pure function of its seed, the data and the options (no other
 * input, no state kept), so it can run in a worker and give the same tree.
 */
export function fitForestTree(seed: number, data: ForestData, o: ForestTreeOptions): TreeArrays {
  const n = data.Xc.rows;
  let w = data.sampleWeight;
  if (o.bootstrap) {
    const counts = bootstrapCounts(seed, n, o.nSamplesBootstrap);
    const cw = o.balancedSubsample && data.target.kind === 'classification' ? subsampleClassWeights(counts, data.target.y, data.target.nClasses) : undefined;
    const tw = new Float64Array(n);
    for (let i = 0; i < n; i++) tw[i] = w[i] * counts[i] * (cw === undefined ? 1 : cw[i]);
    w = tw;
  }
  w = builderWeights(w);
  let total = 0;
  for (let i = 0; i < n; i++) total += w[i];
  const grown = buildTree(data.Xc, data.target, w, {
    ...o.tree,
    minWeightLeaf: o.minWeightFractionLeaf * total,
    rng: new RandomState(seed),
    presorted: data.presorted,
  });
  const tree = o.ccpAlpha > 0 ? pruneTree(grown, o.ccpAlpha) : grown;
  if (o.valueScale !== 1) for (let k = 0; k < tree.value.length; k++) tree.value[k] *= o.valueScale;
  return tree;
}

/**
 * The out-of-bag sums: for each sample, the sum over the trees that did not draw it of the tree's
 * leaf output (`nValues` numbers: class probabilities, or the predicted value), and the number of
 * such trees. `leafOutput(t)` gives tree t's output per node, `nValues` numbers each.
 */
export function outOfBagSums(
  trees: readonly TreeArrays[],
  seeds: readonly number[],
  Xc: ForestData['Xc'],
  nSamplesBootstrap: number,
  nValues: number,
  leafOutput: (tree: TreeArrays) => Float64Array,
): { sums: Float64Array; counts: Int32Array } {
  const n = Xc.rows;
  const X = Xc.data;
  const sums = new Float64Array(n * nValues);
  const counts = new Int32Array(n);
  for (let t = 0; t < trees.length; t++) {
    const tree = trees[t];
    const drawn = bootstrapCounts(seeds[t], n, nSamplesBootstrap);
    const out = leafOutput(tree);
    const { childrenLeft: L, childrenRight: R, feature: F, threshold: T } = tree;
    for (let i = 0; i < n; i++) {
      if (drawn[i] !== 0) continue;
      let node = 0;
      while (L[node] !== -1) node = X[F[node] * n + i] <= T[node] ? L[node] : R[node];
      for (let k = 0; k < nValues; k++) sums[i * nValues + k] += out[node * nValues + k];
      counts[i]++;
    }
  }
  return { sums, counts };
}

/** The number of bootstrap draws: scikit-learn's `_get_n_samples_bootstrap` (null: n; an integer: itself; a fraction: round(n · f), at least 1). */
export function samplesBootstrap(n: number, maxSamples: number | null): number {
  if (maxSamples === null) return n;
  if (Number.isInteger(maxSamples)) return maxSamples;
  return Math.max(roundHalfEven(n * maxSamples), 1);
}

/** Python's round(): to the nearest integer, exact halves to the even one. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
