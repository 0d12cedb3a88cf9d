/**
 * Tree helpers the boosting ensembles need beyond the CART builder: leaf look-up on the
 * builder's own column-major float32 data, the accumulation of stage predictions, and the
 * unnormalized impurity importances of one tree. Free of the estimator API.
 */
import type { ColMajor } from '../core/data/index';
import type { TreeArrays } from '../tree/buildTree';

/** The leaf of each row of column-major float32 data (the values the tree was grown on). */
export function applyColMajor(tree: TreeArrays, Xc: ColMajor<Float32Array>, out: Int32Array): Int32Array {
  const { data: X, rows: n } = Xc;
  const { childrenLeft: L, childrenRight: R, feature: F, threshold: T } = tree;
  for (let i = 0; i < n; i++) {
    let node = 0;
    while (L[node] !== -1) node = X[F[node] * n + i] <= T[node] ? L[node] : R[node];
    out[i] = node;
  }
  return out;
}

/** The leaf of each row of row-major float32 data. */
export function applyRows(tree: TreeArrays, X: Float32Array, rows: number, cols: number, out: Int32Array): Int32Array {
  const { childrenLeft: L, childrenRight: R, feature: F, threshold: T } = tree;
  for (let i = 0; i < rows; i++) {
    const off = i * cols;
    let node = 0;
    while (L[node] !== -1) node = X[off + F[node]] <= T[node] ? L[node] : R[node];
    out[i] = node;
  }
  return out;
}

/** Row-major float32 copy of row-major float64 data (the values trees compare, as scikit-learn). */
export function toFloat32Rows(data: Float64Array): Float32Array {
  return Float32Array.from(data);
}

/** `raw[i * K + k] += scale * value[leaf(i)]` for every row: one stage's tree added to the predictions. */
export function addTree(tree: TreeArrays, X: Float32Array, rows: number, cols: number, raw: Float64Array, K: number, k: number, scale: number): void {
  const { childrenLeft: L, childrenRight: R, feature: F, threshold: T, value: V } = tree;
  for (let i = 0; i < rows; i++) {
    const off = i * cols;
    let node = 0;
    while (L[node] !== -1) node = X[off + F[node]] <= T[node] ? L[node] : R[node];
    raw[i * K + k] += scale * V[node];
  }
}

/**
 * Groups the samples by leaf: `idx[start[leaf]..start[leaf + 1])` are the selected samples (those
 * with `sel[i] !== 0`, all without `sel`) of that leaf, ascending.
 */
export function samplesByLeaf(leaves: Int32Array, nodeCount: number, sel: Uint8Array | undefined): { idx: Int32Array; start: Int32Array } {
  const start = new Int32Array(nodeCount + 1);
  const n = leaves.length;
  for (let i = 0; i < n; i++) if (sel === undefined || sel[i] !== 0) start[leaves[i] + 1]++;
  for (let j = 0; j < nodeCount; j++) start[j + 1] += start[j];
  const fill = start.slice(0, nodeCount);
  const idx = new Int32Array(start[nodeCount]);
  for (let i = 0; i < n; i++) if (sel === undefined || sel[i] !== 0) idx[fill[leaves[i]]++] = i;
  return { idx, start };
}
