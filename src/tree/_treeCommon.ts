/**
 * What DecisionTreeClassifier and DecisionTreeRegressor share: their common options and how they
 * resolve against the data, the fitted state and its validation on load, leaf look-up, and the
 * text rendering of a tree (scikit-learn's `export_text`).
 */
import { ValidationError, describeValue } from '../core/errors';
import { int, nullable, num, oneOf, union, type ParamSpec } from '../core/params';
import { RandomState } from '../core/random';
import { stateRule, type StateContext, type StateSpec } from '../core/stateSchema';
import type { Label } from '../core/types';
import type { ColMajor, RowMajor } from '../core/data/index';
import { toColMajorFloat32, type BuildTreeOptions, type TreeArrays, type TreeCriterion } from './buildTree';

/** Options both decision trees take. */
export interface BaseTreeOptions {
  /** The deepest a leaf may be; null grows until leaves are pure or too small. @defaultValue null */
  maxDepth: number | null;
  /**
   * The fewest samples a node needs to be split: an integer ≥ 2, or a fraction in (0, 1] of the
   * samples (rounded up). @defaultValue 2
   */
  minSamplesSplit: number;
  /**
   * The fewest samples each child of a split keeps: an integer ≥ 1, or a fraction in (0, 1) of the
   * samples (rounded up). @defaultValue 1
   */
  minSamplesLeaf: number;
  /** The smallest fraction of the total sample weight each child keeps, in [0, 0.5]. @defaultValue 0 */
  minWeightFractionLeaf: number;
  /**
   * How many features to consider at each split: null (all), 'sqrt', 'log2', an integer in
   * [1, nFeatures], or a fraction in (0, 1) of the features (rounded down, at least 1). The
   * features are drawn in a random order at every node, so ties between features break by the seed.
   * @defaultValue null
   */
  maxFeatures: 'sqrt' | 'log2' | number | null;
  /** Seed of the feature draws; null draws a fresh seed at each fit. @defaultValue null */
  randomState: number | null;
  /** A split must decrease the weighted impurity by at least this much. @defaultValue 0 */
  minImpurityDecrease: number;
  /**
   * Grow best first (the split of largest impurity improvement next, as scikit-learn's
   * BestFirstTreeBuilder) to at most this many leaves, an integer ≥ 2; null grows depth first
   * without a leaf limit. @defaultValue null
   */
  maxLeafNodes: number | null;
  /**
   * Complexity parameter of minimal cost-complexity pruning, ≥ 0: after growing, the subtree with
   * the largest effective alpha not above `ccpAlpha` is kept (see `costComplexityPruningPath`);
   * 0 prunes nothing. @defaultValue 0
   */
  ccpAlpha: number;
  /**
   * How each node's split is chosen: 'best' (the best threshold of each drawn feature) or 'random'
   * (one threshold drawn uniformly between each drawn feature's extremes in the node, the best of
   * those kept: scikit-learn's RandomSplitter, as in extremely randomized trees; one output, no
   * missing values, not with 'absolute_error'). @defaultValue 'best'
   */
  splitter: 'best' | 'random';
}

/** The parameter rules of {@link BaseTreeOptions}. */
export const baseTreeSchema: Record<keyof BaseTreeOptions, ParamSpec> = {
  maxDepth: nullable(int({ min: 1 })),
  minSamplesSplit: union(int({ min: 2 }), num({ min: 0, max: 1, minInclusive: false })),
  minSamplesLeaf: union(int({ min: 1 }), num({ min: 0, max: 1, minInclusive: false, maxInclusive: false })),
  minWeightFractionLeaf: num({ min: 0, max: 0.5 }),
  maxFeatures: nullable(union(oneOf('sqrt', 'log2'), int({ min: 1 }), num({ min: 0, max: 1, minInclusive: false, maxInclusive: false }))),
  randomState: nullable(int()),
  minImpurityDecrease: num({ min: 0 }),
  maxLeafNodes: nullable(int({ min: 2 })),
  ccpAlpha: num({ min: 0 }),
  splitter: oneOf('best', 'random'),
};

/** The defaults of {@link BaseTreeOptions} (scikit-learn's). */
export const baseTreeDefaults: BaseTreeOptions = {
  maxDepth: null,
  minSamplesSplit: 2,
  minSamplesLeaf: 1,
  minWeightFractionLeaf: 0,
  maxFeatures: null,
  randomState: null,
  minImpurityDecrease: 0,
  maxLeafNodes: null,
  ccpAlpha: 0,
  splitter: 'best',
};

/** The fitted state of a decision tree. */
export interface TreeState {
  nFeaturesIn: number;
  /** The number of outputs for a 2-d y (one column per output), null for a 1-d y. */
  nOutputs: number | null;
  tree: TreeArrays;
}

/** Resolves the options against the data: counts from fractions, the feature draw size, the generator. */
export function resolveTreeOptions(
  p: BaseTreeOptions,
  criterion: TreeCriterion,
  n: number,
  d: number,
  totalWeight: number,
  estimator: string,
): BuildTreeOptions {
  const minSamplesLeaf = Number.isInteger(p.minSamplesLeaf) ? p.minSamplesLeaf : Math.ceil(p.minSamplesLeaf * n);
  let minSamplesSplit = Number.isInteger(p.minSamplesSplit) && p.minSamplesSplit >= 2 ? p.minSamplesSplit : Math.max(2, Math.ceil(p.minSamplesSplit * n));
  minSamplesSplit = Math.max(minSamplesSplit, 2 * minSamplesLeaf);
  let maxFeatures: number;
  const mf = p.maxFeatures;
  if (mf === null) maxFeatures = d;
  else if (mf === 'sqrt') maxFeatures = Math.max(1, Math.floor(Math.sqrt(d)));
  else if (mf === 'log2') maxFeatures = Math.max(1, Math.floor(Math.log2(d)));
  else if (Number.isInteger(mf)) {
    if (mf > d) {
      throw new ValidationError({ code: 'invalid_option', estimator, param: 'maxFeatures', expected: `at most the number of features (${d})`, received: describeValue(mf) });
    }
    maxFeatures = mf;
  } else maxFeatures = Math.max(1, Math.floor(mf * d));
  return {
    criterion,
    maxDepth: p.maxDepth ?? Infinity,
    minSamplesSplit,
    minSamplesLeaf,
    minWeightLeaf: p.minWeightFractionLeaf * totalWeight,
    minImpurityDecrease: p.minImpurityDecrease,
    maxFeatures,
    rng: new RandomState(p.randomState ?? undefined),
    maxLeafNodes: p.maxLeafNodes ?? undefined,
    splitter: p.splitter,
  };
}

/**
 * The sample weights, divided by the largest when their sum would overflow or their size underflow
 * in the builder's products (the tree is the same: every criterion is invariant to a common
 * factor of the weights); returned as given otherwise, so weighted counts stay as scikit-learn's.
 */
export function builderWeights(w: Float64Array): Float64Array {
  let max = 0;
  let sum = 0;
  for (let i = 0; i < w.length; i++) {
    sum += w[i];
    if (w[i] > max) max = w[i];
  }
  if (sum <= 1e100 && max >= 1e-100) return w;
  const out = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) out[i] = w[i] / max;
  return out;
}

/**
 * The builder's input: X column-major in float32, as scikit-learn's trees store it. Values beyond
 * float32's range are refused, as scikit-learn refuses them.
 */
export function treeColumns(Xr: RowMajor, estimator: string): ColMajor<Float32Array> {
  const Xc = toColMajorFloat32(Xr);
  const v = Xc.data;
  for (let k = 0; k < v.length; k++) {
    if (v[k] === Infinity || v[k] === -Infinity) {
      const i = k % Xr.rows;
      const j = (k - i) / Xr.rows;
      throw new ValidationError({ code: 'invalid_input', estimator, param: 'X', expected: 'values within the float32 range (±3.4e38) that decision trees work in', received: `${Xr.data[i * Xr.cols + j]} at row ${i}, column ${j}` });
    }
  }
  return Xc;
}

/**
 * What the random splitter does not take (as scikit-learn 1.3's RandomSplitter takes no missing
 * values): missing values in X, several outputs, the 'absolute_error' criterion.
 */
export function checkSplitter(splitter: 'best' | 'random', Xc: ColMajor<Float32Array>, nOutputs: number, criterion: TreeCriterion, estimator: string): void {
  if (splitter !== 'random') return;
  const bad = (what: string): never => {
    throw new ValidationError({ code: 'invalid_input', estimator, param: 'splitter', message: `${estimator}: splitter 'random' does not take ${what}; use splitter 'best'.` });
  };
  if (nOutputs > 1) bad('several outputs');
  if (criterion === 'absolute_error') bad("the 'absolute_error' criterion");
  const v = Xc.data;
  for (let k = 0; k < v.length; k++) if (v[k] !== v[k]) bad('missing values (NaN) in X (impute them first)');
}

/** The number of leaves. */
export function countLeaves(tree: TreeArrays): number {
  let leaves = 0;
  for (let node = 0; node < tree.nodeCount; node++) if (tree.childrenLeft[node] === -1) leaves++;
  return leaves;
}

/**
 * What is wrong with a loaded tree, or undefined when it is sound: arrays of one length, children
 * after their parent (pre-order, so prediction cannot loop) and inside the tree, features in range,
 * finite thresholds and values.
 */
function treeProblem(t: unknown, d: number, nValues: number): string | undefined {
  if (t === null || typeof t !== 'object') return 'an object';
  const tree = t as Partial<TreeArrays>;
  const c = tree.nodeCount;
  if (typeof c !== 'number' || !Number.isInteger(c) || c < 1) return 'nodeCount, a positive integer';
  if (typeof tree.maxDepth !== 'number' || !Number.isInteger(tree.maxDepth) || tree.maxDepth < 0 || tree.maxDepth >= c) return 'maxDepth, an integer in [0, nodeCount)';
  if (tree.nValues !== nValues) return `nValues ${nValues}`;
  const ints = [tree.childrenLeft, tree.childrenRight, tree.feature, tree.nNodeSamples];
  const floats = [tree.threshold, tree.impurity, tree.weightedNNodeSamples];
  if (!ints.every((a) => a instanceof Int32Array && a.length === c)) return `childrenLeft, childrenRight, feature, nNodeSamples: Int32Arrays of nodeCount (${c}) entries`;
  if (!floats.every((a) => a instanceof Float64Array && a.length === c)) return `threshold, impurity, weightedNNodeSamples: Float64Arrays of nodeCount (${c}) entries`;
  if (!(tree.missingGoToLeft instanceof Uint8Array) || tree.missingGoToLeft.length !== c || !tree.missingGoToLeft.every((v) => v <= 1)) return `missingGoToLeft, a Uint8Array of nodeCount (${c}) zeros and ones`;
  const value = tree.value;
  if (!(value instanceof Float64Array) || value.length !== c * nValues) return `value, a Float64Array of nodeCount x ${nValues} entries`;
  for (let k = 0; k < value.length; k++) if (!Number.isFinite(value[k])) return 'finite values';
  const { childrenLeft: L, childrenRight: R, feature: F, threshold: T } = tree as TreeArrays;
  for (let node = 0; node < c; node++) {
    const l = L[node];
    const r = R[node];
    if (l === -1 && r === -1) continue;
    if (!(l > node && l < c && r > node && r < c)) return `children of node ${node} after it and inside the tree`;
    if (!(F[node] >= 0 && F[node] < d)) return `the feature of node ${node} in [0, nFeaturesIn)`;
    if (Number.isNaN(T[node]) || T[node] === -Infinity) return `a threshold (a number or +Infinity) at node ${node}`;
  }
  return undefined;
}

/** The state rule of a fitted tree with `nValues` numbers per node (the classes, or 1). */
export function treeRule(nValues: (ctx: StateContext) => number): StateSpec {
  return stateRule('a tree (flat node arrays in pre-order, as fit makes them)', (v, ctx) => treeProblem(v, ctx.state.nFeaturesIn as number, nValues(ctx)) === undefined);
}

/** Options of `exportText`, as scikit-learn's `export_text`. */
export interface ExportTextOptions {
  /** Names of the features; default `feature_0`, `feature_1`, …. */
  featureNames?: string[];
  /** Levels shown; deeper branches are printed as "truncated branch of depth k". @defaultValue 10 */
  maxDepth?: number;
  /** Width of each indentation level. @defaultValue 3 */
  spacing?: number;
  /** Decimals of thresholds and values. @defaultValue 2 */
  decimals?: number;
  /** Also print the weighted class counts of each leaf (classifiers). @defaultValue false */
  showWeights?: boolean;
}

/** Python's `'{:.Nf}'.format(v)`: like `toFixed`, but exact ties round to even and -0 keeps its sign. */
export function formatFixed(v: number, decimals: number): string {
  if (v === Infinity || v === -Infinity) return v > 0 ? 'inf' : '-inf';
  let s = v.toFixed(decimals);
  // toFixed rounds an exact tie away from zero; Python rounds it to even. The 100-digit expansion
  // of a double is exact, which tells a true tie from a value just above or below it.
  const exact = Math.abs(v) < 1e21 ? Math.abs(v).toFixed(100) : '';
  const dot = exact.indexOf('.');
  if (dot >= 0 && exact[dot + 1 + decimals] === '5' && /^0*$/.test(exact.slice(dot + 2 + decimals))) {
    const last = Number(s[s.length - 1]);
    if (last % 2 === 1) s = (Math.sign(v) * (Math.abs(v) - 0.5 * 10 ** -decimals)).toFixed(decimals);
  }
  if ((v < 0 || Object.is(v, -0)) && !s.startsWith('-')) s = `-${s}`;
  return s;
}

function subtreeDepth(tree: TreeArrays, node: number): number {
  const l = tree.childrenLeft[node];
  if (l === -1) return 1;
  return 1 + Math.max(subtreeDepth(tree, l), subtreeDepth(tree, tree.childrenRight[node]));
}

/** The tree as text, line for line as scikit-learn's `export_text`. */
export function treeText(tree: TreeArrays, nFeatures: number, classes: readonly Label[] | undefined, options: ExportTextOptions, estimator: string): string {
  const { maxDepth = 10, spacing = 3, decimals = 2, showWeights = false } = options;
  const names = options.featureNames;
  if (names !== undefined && (!Array.isArray(names) || names.length !== nFeatures)) {
    throw new ValidationError({ code: 'invalid_input', estimator, param: 'featureNames', expected: `an array of ${nFeatures} names`, received: describeValue(names) });
  }
  for (const [k, v] of [['maxDepth', maxDepth], ['spacing', spacing], ['decimals', decimals]] as const) {
    if (!Number.isInteger(v) || v < (k === 'spacing' ? 1 : 0)) {
      throw new ValidationError({ code: 'invalid_input', estimator, param: k, expected: `an integer ≥ ${k === 'spacing' ? 1 : 0}`, received: describeValue(v) });
    }
  }
  const K = tree.nValues;
  let out = '';
  const leaf = (node: number, indent: string): void => {
    const v = tree.value.subarray(node * K, (node + 1) * K);
    if (classes === undefined) {
      out += `${indent} value: [${Array.from(v, (x) => formatFixed(x, decimals)).join(', ')}]\n`;
      return;
    }
    let best = 0;
    for (let k = 1; k < K; k++) if (v[k] > v[best]) best = k;
    const weights = showWeights ? ` weights: [${Array.from(v, (x) => formatFixed(x, decimals)).join(', ')}]` : '';
    out += `${indent}${weights} class: ${String(classes[best])}\n`;
  };
  const walk = (node: number, depth: number): void => {
    let indent = `|${' '.repeat(spacing)}`.repeat(depth);
    indent = indent.slice(0, indent.length - spacing) + '-'.repeat(spacing);
    if (depth <= maxDepth + 1) {
      if (tree.childrenLeft[node] !== -1) {
        const f = tree.feature[node];
        const name = names ? names[f] : `feature_${f}`;
        const t = formatFixed(tree.threshold[node], decimals);
        out += `${indent} ${name} <= ${t}\n`;
        walk(tree.childrenLeft[node], depth + 1);
        out += `${indent} ${name} >  ${t}\n`;
        walk(tree.childrenRight[node], depth + 1);
      } else leaf(node, indent);
    } else {
      const sub = subtreeDepth(tree, node);
      if (sub === 1) leaf(node, indent);
      else out += `${indent} truncated branch of depth ${sub}\n`;
    }
  };
  walk(0, 1);
  return out;
}

/** Whether a target is 2-d: rows (arrays) of one value per output. */
export function isTwoDimensional(y: unknown): boolean {
  if (y === null || typeof y !== 'object' || !('length' in y)) return false;
  const a = y as ArrayLike<unknown>;
  return a.length > 0 && (Array.isArray(a[0]) || ArrayBuffer.isView(a[0]));
}

/**
 * The columns of a 2-d target (`n` rows of one length ≥ 1), each checked by `column` (which names
 * the output in its errors).
 */
export function targetColumns<T>(y: ArrayLike<ArrayLike<unknown>>, n: number, estimator: string, column: (values: unknown[], name: string) => T): T[] {
  const fail = (expected: string, received: string): never => {
    throw new ValidationError({ code: 'invalid_input', estimator, param: 'y', expected, received });
  };
  if (y.length !== n) fail(`the same number of samples as X (${n})`, `${y.length}`);
  const first = y[0];
  const k = first.length;
  if (k < 1) fail('rows of at least one output', 'an empty row');
  const cols: unknown[][] = Array.from({ length: k }, () => new Array<unknown>(n));
  for (let i = 0; i < n; i++) {
    const row = y[i];
    if (!(Array.isArray(row) || ArrayBuffer.isView(row))) fail('a 2-d array (every row an array)', `${describeValue(row)} at row ${i}`);
    if (row.length !== k) fail(`rows of ${k} outputs (as the first)`, `${row.length} at row ${i}`);
    for (let j = 0; j < k; j++) cols[j][i] = row[j];
  }
  return cols.map((c, j) => column(c, `y[:, ${j}]`));
}

/**
 * Checks that the y given to `score` has the form of the y of `fit` (1-d, or 2-d with the same
 * number of outputs) and `n` rows; returns the number of outputs of a 2-d y, null for a 1-d one.
 */
export function checkScoreTarget(y: unknown, n: number, nOutputs: number | null, estimator: string): number | null {
  const twoD = isTwoDimensional(y);
  if (twoD !== (nOutputs !== null)) {
    throw new ValidationError({ code: 'invalid_input', estimator, param: 'y', expected: nOutputs === null ? 'a 1-d y, as in fit' : `rows of ${nOutputs} outputs, as in fit`, received: describeValue(y) });
  }
  if (!twoD) return null;
  const rows = y as ArrayLike<ArrayLike<unknown>>;
  if (rows.length !== n) throw new ValidationError({ code: 'invalid_input', estimator, param: 'y', expected: `the same number of samples as X (${n})`, received: `${rows.length}` });
  if (rows[0].length !== nOutputs) throw new ValidationError({ code: 'invalid_input', estimator, param: 'y', expected: `rows of ${nOutputs} outputs, as in fit`, received: `rows of ${rows[0].length}` });
  return nOutputs;
}

/**
 * The divisor of regression targets so large that their squares overflow: the largest |y| when it
 * is above 1e100, else 1. The tree is grown on y / scale and its leaf values multiplied back (the
 * impurities stay in the divided units; the importances are ratios).
 */
export function targetScale(y: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < y.length; i++) max = Math.max(max, Math.abs(y[i]));
  return max > 1e100 ? max : 1;
}
