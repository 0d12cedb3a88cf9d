/**
 * All the trees of a forest in one set of flat arrays, for prediction: node arrays concatenated
 * (children renumbered globally), each node's output precomputed (class probabilities of the leaf,
 * or its value), and the input rows rounded to float32 once, as the trees compare them. Predicting
 * walks tree after tree over all rows, so one tree's nodes stay in cache, and sums the outputs in
 * tree order (as scikit-learn does before dividing by the number of trees).
 */
import type { TreeArrays } from '../tree/buildTree';

export interface FlatForest {
  nTrees: number;
  /** Numbers per node: the classes, or 1. */
  nValues: number;
  /** The global index of each tree's root. */
  roots: Int32Array;
  /**
   * Four 32-bit words per node, one cache line holding four nodes: the feature (-1 for a leaf),
   * the global index of the left child, of the right child, and the threshold as a float32 (see
   * {@link thresholds}).
   */
  nodes: Int32Array;
  /** A float32 view of `nodes`: the threshold of node k is `thresholds[4k + 3]`. */
  thresholds: Float32Array;
  /** `nValues` outputs per node. */
  output: Float64Array;
}

/**
 * The largest float32 not above `t`. The trees compare float32 values with double thresholds, and
 * for a float32 x, `x <= t` exactly when `x <= floorFloat32(t)`: a float32 threshold decides alike.
 */
function floorFloat32(t: number, bits: Int32Array, f32: Float32Array): number {
  f32[0] = t;
  if (f32[0] <= t || Number.isNaN(t)) return f32[0];
  // Rounded up: step one float32 down (toward -Infinity).
  if (f32[0] > 0) bits[0] -= 1;
  else if (f32[0] < 0) bits[0] += 1;
  else bits[0] = 0x80000001 | 0; // below +0: the negative subnormal nearest 0
  return f32[0];
}

/** The output of each node of a tree: its class fractions (classification) or its value. */
export function nodeOutput(tree: TreeArrays, normalize: boolean): Float64Array {
  if (!normalize) return tree.value;
  const K = tree.nValues;
  const out = new Float64Array(tree.value.length);
  for (let node = 0; node < tree.nodeCount; node++) {
    let s = 0;
    for (let k = 0; k < K; k++) s += tree.value[node * K + k];
    // scikit-learn divides by 1 where the sum is 0.
    const div = s === 0 ? 1 : s;
    for (let k = 0; k < K; k++) out[node * K + k] = tree.value[node * K + k] / div;
  }
  return out;
}

/** Concatenates the trees; `normalize` turns class counts into fractions. */
export function flattenForest(trees: readonly TreeArrays[], normalize: boolean): FlatForest {
  const nValues = trees.length > 0 ? trees[0].nValues : 1;
  let total = 0;
  for (const t of trees) total += t.nodeCount;
  const roots = new Int32Array(trees.length);
  const nodes = new Int32Array(total * 4);
  const thresholds = new Float32Array(nodes.buffer);
  const output = new Float64Array(total * nValues);
  const f32 = new Float32Array(1);
  const bits = new Int32Array(f32.buffer);
  let off = 0;
  trees.forEach((t, k) => {
    roots[k] = off;
    for (let node = 0; node < t.nodeCount; node++) {
      const g = 4 * (off + node);
      const l = t.childrenLeft[node];
      nodes[g] = l === -1 ? -1 : t.feature[node];
      nodes[g + 1] = l === -1 ? -1 : off + l;
      nodes[g + 2] = l === -1 ? -1 : off + t.childrenRight[node];
      thresholds[g + 3] = l === -1 ? 0 : floorFloat32(t.threshold[node], bits, f32);
    }
    output.set(nodeOutput(t, normalize), off * nValues);
    off += t.nodeCount;
  });
  return { nTrees: trees.length, nValues, roots, nodes, thresholds, output };
}

/** Row-major float64 rows rounded to float32, as the trees compare them. */
export function toFloat32Rows(data: Float64Array): Float32Array {
  return Float32Array.from(data);
}

/** The (global) leaf reached from `root` by the row starting at `off` of row-major float32 `X`. */
function leafOf(f: FlatForest, root: number, X: Float32Array, off: number): number {
  const { nodes, thresholds } = f;
  let k = 4 * root;
  for (;;) {
    const feat = nodes[k];
    if (feat < 0) return k >> 2;
    k = 4 * (X[off + feat] <= thresholds[k + 3] ? nodes[k + 1] : nodes[k + 2]);
  }
}

/** The sum over the trees of each row's leaf output: `rows × nValues`, row-major. */
export function forestSum(f: FlatForest, X: Float32Array, rows: number, cols: number): Float64Array {
  const K = f.nValues;
  const out = new Float64Array(rows * K);
  const output = f.output;
  for (let t = 0; t < f.nTrees; t++) {
    for (let r = 0; r < rows; r++) {
      const node = leafOf(f, f.roots[t], X, r * cols);
      if (K === 1) out[r] += output[node];
      else for (let k = 0; k < K; k++) out[r * K + k] += output[node * K + k];
    }
  }
  return out;
}

/** The leaf each row falls into in each tree (the tree's own node numbering): `rows × nTrees`. */
export function forestApply(f: FlatForest, X: Float32Array, rows: number, cols: number): Int32Array {
  const out = new Int32Array(rows * f.nTrees);
  for (let t = 0; t < f.nTrees; t++) {
    const root = f.roots[t];
    for (let r = 0; r < rows; r++) out[r * f.nTrees + t] = leafOf(f, root, X, r * cols) - root;
  }
  return out;
}
