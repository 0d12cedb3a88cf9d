/**
 * Minimal cost-complexity pruning of a grown tree, as scikit-learn's `_cost_complexity_prune`:
 * repeatedly collapse the inner node whose subtree buys the least impurity per extra leaf (its
 * effective alpha, the first of equal ones), until that alpha exceeds `ccpAlpha`. Free of the
 * estimator API, like the builder.
 */
import type { TreeArrays } from './buildTree';

/** The cost-complexity pruning path: the effective alphas and the total leaf impurity after each step. */
export interface PruningPath {
  /** The effective alphas, ascending, starting at 0 (the unpruned tree); pass one as `ccpAlpha` to get that tree. */
  ccpAlphas: number[];
  /** The total weighted impurity of the leaves of the tree pruned at each alpha. */
  impurities: number[];
}

/**
 * Runs the pruning sequence; `stop(alpha)` ends it before a step of effective alpha `alpha`, and
 * `save(alpha, impurity)` sees each tree of the sequence (the unpruned one with alpha 0). Returns
 * which nodes are leaves of the final tree.
 */
function prune(tree: TreeArrays, stop: (alpha: number) => boolean, save: (alpha: number, impurity: number) => void): Uint8Array {
  const c = tree.nodeCount;
  const { childrenLeft: L, childrenRight: R, impurity, weightedNNodeSamples: W } = tree;
  const total = W[0];
  const rNode = new Float64Array(c);
  for (let i = 0; i < c; i++) rNode[i] = (W[i] * impurity[i]) / total;
  const parent = new Int32Array(c).fill(-1);
  const leaves = new Uint8Array(c);
  const stack: number[] = [0];
  while (stack.length > 0) {
    const node = stack.pop() as number;
    if (L[node] === -1) leaves[node] = 1;
    else {
      parent[L[node]] = node;
      parent[R[node]] = node;
      stack.push(L[node], R[node]);
    }
  }
  const nLeaves = new Int32Array(c);
  const rBranch = new Float64Array(c);
  for (let leaf = 0; leaf < c; leaf++) {
    if (leaves[leaf] === 0) continue;
    rBranch[leaf] = rNode[leaf];
    const r = rNode[leaf];
    let node = leaf;
    while (node !== 0) {
      const p = parent[node];
      rBranch[p] += r;
      nLeaves[p] += 1;
      node = p;
    }
  }
  const candidate = new Uint8Array(c);
  for (let i = 0; i < c; i++) candidate[i] = leaves[i] === 1 ? 0 : 1;
  const inSubtree = new Uint8Array(c).fill(1);
  save(0, rBranch[0]);
  while (candidate[0] === 1) {
    let alpha = Number.MAX_VALUE;
    let pruned = 0;
    for (let i = 0; i < c; i++) {
      if (candidate[i] === 0) continue;
      const a = (rNode[i] - rBranch[i]) / (nLeaves[i] - 1);
      if (a < alpha) {
        alpha = a;
        pruned = i;
      }
    }
    if (stop(alpha)) break;
    stack.push(pruned);
    while (stack.length > 0) {
      const node = stack.pop() as number;
      if (inSubtree[node] === 0) continue;
      candidate[node] = 0;
      leaves[node] = 0;
      inSubtree[node] = 0;
      if (L[node] !== -1) stack.push(L[node], R[node]);
    }
    leaves[pruned] = 1;
    inSubtree[pruned] = 1;
    const removed = nLeaves[pruned] - 1;
    nLeaves[pruned] = 0;
    const diff = rNode[pruned] - rBranch[pruned];
    rBranch[pruned] = rNode[pruned];
    for (let node = parent[pruned]; node !== -1; node = parent[node]) {
      nLeaves[node] -= removed;
      rBranch[node] += diff;
    }
    save(alpha, rBranch[0]);
  }
  return leaves;
}

/** The cost-complexity pruning path of a grown tree, as scikit-learn's `ccp_pruning_path`. */
export function pruningPath(tree: TreeArrays): PruningPath {
  const ccpAlphas: number[] = [];
  const impurities: number[] = [];
  prune(
    tree,
    () => false,
    (a, imp) => {
      ccpAlphas.push(a);
      impurities.push(imp);
    },
  );
  return { ccpAlphas, impurities };
}

/**
 * The subtree of `tree` pruned with complexity `ccpAlpha` (the one of largest effective alpha not
 * above it), its nodes renumbered in pre-order as scikit-learn's `_build_pruned_tree` does.
 */
export function pruneTree(tree: TreeArrays, ccpAlpha: number): TreeArrays {
  const leaves = prune(
    tree,
    (a) => ccpAlpha < a,
    () => undefined,
  );
  const V = tree.nValues;
  const ids: number[] = [];
  const newParent: number[] = [];
  const isLeftChild: number[] = [];
  const depths: number[] = [];
  // Pre-order walk (left subtree first) over the kept nodes.
  const stack: Array<[number, number, number, number]> = [[0, 0, -1, 0]];
  while (stack.length > 0) {
    const [node, depth, par, asLeft] = stack.pop() as [number, number, number, number];
    ids.push(node);
    newParent.push(par);
    isLeftChild.push(asLeft);
    depths.push(depth);
    if (leaves[node] === 0 && tree.childrenLeft[node] !== -1) {
      const me = ids.length - 1;
      stack.push([tree.childrenRight[node], depth + 1, me, 0]);
      stack.push([tree.childrenLeft[node], depth + 1, me, 1]);
    }
  }
  const k = ids.length;
  const out: TreeArrays = {
    nodeCount: k,
    childrenLeft: new Int32Array(k).fill(-1),
    childrenRight: new Int32Array(k).fill(-1),
    feature: new Int32Array(k).fill(-2),
    threshold: new Float64Array(k).fill(-2),
    missingGoToLeft: new Uint8Array(k),
    impurity: new Float64Array(k),
    nNodeSamples: new Int32Array(k),
    weightedNNodeSamples: new Float64Array(k),
    value: new Float64Array(k * V),
    nValues: V,
    maxDepth: 0,
  };
  for (let j = 0; j < k; j++) {
    const node = ids[j];
    const leaf = leaves[node] === 1 || tree.childrenLeft[node] === -1;
    if (!leaf) {
      out.feature[j] = tree.feature[node];
      out.threshold[j] = tree.threshold[node];
      out.missingGoToLeft[j] = tree.missingGoToLeft[node];
    }
    out.impurity[j] = tree.impurity[node];
    out.nNodeSamples[j] = tree.nNodeSamples[node];
    out.weightedNNodeSamples[j] = tree.weightedNNodeSamples[node];
    out.value.set(tree.value.subarray(node * V, (node + 1) * V), j * V);
    const p = newParent[j];
    if (p >= 0) {
      if (isLeftChild[j] === 1) out.childrenLeft[p] = j;
      else out.childrenRight[p] = j;
    }
    if (depths[j] > out.maxDepth) out.maxDepth = depths[j];
  }
  return out;
}
