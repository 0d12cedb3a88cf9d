/**
 * The fitted trees of histogram gradient boosting, all in flat arrays (nodes of every tree one
 * after another, pre-order, children indices relative to their tree's first node), and prediction
 * on raw (unbinned) data. A sample goes left when its value is ≤ the node's threshold; NaN goes
 * where the split learnt; at a categorical split it goes left when its category is in the node's
 * set, and a category not seen at fit (or not a small non-negative integer) is treated as missing,
 * as scikit-learn does.
 */

/** The trees, as saved in a model's state. */
export interface HistTrees {
  /** Where each tree's nodes start, and the total node count at the end (nTrees + 1 entries). */
  treeStart: Int32Array;
  /** Split feature of each node, −1 at a leaf. */
  feature: Int32Array;
  /** Numeric threshold of each split node (+Infinity: only missing values go right). */
  threshold: Float64Array;
  /** 1 when missing values go left at the node. */
  missingGoToLeft: Uint8Array;
  /** Children, relative to the tree's first node (−1 at a leaf). */
  left: Int32Array;
  right: Int32Array;
  /** Leaf values (0 at split nodes). */
  value: Float64Array;
  /** Index of the node's category set in `catBitsets` (8 words each), −1 for numeric splits. */
  catIndex: Int32Array;
  /** The raw categories that go left, 256 bits per categorical split. */
  catBitsets: Uint32Array;
}

/** Receives the nodes of trees as the grower writes them. */
export interface TreeSink {
  beginTree(): void;
  addNode(): number;
  setLeaf(id: number, value: number): void;
  setNumericSplit(id: number, feature: number, threshold: number, missingGoToLeft: boolean): void;
  setCategoricalSplit(id: number, feature: number, missingGoToLeft: boolean, rawLeft: Uint32Array): void;
  setChildren(id: number, left: number, right: number): void;
}

/** Collects trees into growing arrays, then {@link TreeCollector.finish}es them into {@link HistTrees}. */
export class TreeCollector implements TreeSink {
  private treeStart: number[] = [];
  private feature: number[] = [];
  private threshold: number[] = [];
  private missing: number[] = [];
  private left: number[] = [];
  private right: number[] = [];
  private value: number[] = [];
  private catIndex: number[] = [];
  private bitsets: number[] = [];
  private base = 0;

  /** Starts with the trees of an earlier fit (warm start). */
  constructor(previous?: HistTrees) {
    if (previous) {
      const p = previous;
      const nTrees = p.treeStart.length - 1;
      for (let t = 0; t < nTrees; t++) this.treeStart.push(p.treeStart[t]);
      this.feature = Array.from(p.feature);
      this.threshold = Array.from(p.threshold);
      this.missing = Array.from(p.missingGoToLeft);
      this.left = Array.from(p.left);
      this.right = Array.from(p.right);
      this.value = Array.from(p.value);
      this.catIndex = Array.from(p.catIndex);
      this.bitsets = Array.from(p.catBitsets);
    }
  }

  beginTree(): void {
    this.base = this.feature.length;
    this.treeStart.push(this.base);
  }

  addNode(): number {
    this.feature.push(-1);
    this.threshold.push(0);
    this.missing.push(0);
    this.left.push(-1);
    this.right.push(-1);
    this.value.push(0);
    this.catIndex.push(-1);
    return this.feature.length - 1 - this.base;
  }

  setLeaf(id: number, value: number): void {
    this.value[this.base + id] = value;
  }

  setNumericSplit(id: number, feature: number, threshold: number, missingGoToLeft: boolean): void {
    const k = this.base + id;
    this.feature[k] = feature;
    this.threshold[k] = threshold;
    this.missing[k] = missingGoToLeft ? 1 : 0;
  }

  setCategoricalSplit(id: number, feature: number, missingGoToLeft: boolean, rawLeft: Uint32Array): void {
    const k = this.base + id;
    this.feature[k] = feature;
    this.missing[k] = missingGoToLeft ? 1 : 0;
    this.catIndex[k] = this.bitsets.length / 8;
    for (let w = 0; w < 8; w++) this.bitsets.push(rawLeft[w]);
  }

  setChildren(id: number, left: number, right: number): void {
    this.left[this.base + id] = left;
    this.right[this.base + id] = right;
  }

  /** The number of trees collected. */
  get nTrees(): number {
    return this.treeStart.length;
  }

  /** The trees collected, as flat typed arrays. */
  finish(): HistTrees {
    return {
      treeStart: Int32Array.from([...this.treeStart, this.feature.length]),
      feature: Int32Array.from(this.feature),
      threshold: Float64Array.from(this.threshold),
      missingGoToLeft: Uint8Array.from(this.missing),
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      value: Float64Array.from(this.value),
      catIndex: Int32Array.from(this.catIndex),
      catBitsets: Uint32Array.from(this.bitsets),
    };
  }
}

/** Whether category value v is in a 256-bit set at word offset `off` (false for anything not in 0..255). */
function inBitset(bits: Uint32Array, off: number, v: number): boolean {
  if (!(v >= 0 && v < 256) || v !== Math.floor(v)) return false;
  return (bits[off + (v >>> 5)] & (1 << (v & 31))) !== 0;
}

/**
 * Adds the value of tree `t` for every row of row-major X (n x d) to `out[offset + i]`.
 * `known` holds, per feature, the 256-bit set of categories seen at fit (8 words per feature).
 */
export function addTreePrediction(trees: HistTrees, t: number, X: Float64Array, n: number, d: number, known: Uint32Array, out: Float64Array, offset: number): void {
  const base = trees.treeStart[t];
  const { feature, threshold, missingGoToLeft, left, right, value, catIndex, catBitsets } = trees;
  for (let i = 0; i < n; i++) {
    let node = base;
    const row = i * d;
    for (;;) {
      const f = feature[node];
      if (f < 0) break;
      const x = X[row + f];
      const ci = catIndex[node];
      let goLeft: boolean;
      if (x !== x) goLeft = missingGoToLeft[node] === 1;
      else if (ci >= 0) {
        if (!inBitset(known, f * 8, x)) goLeft = missingGoToLeft[node] === 1;
        else goLeft = inBitset(catBitsets, ci * 8, x);
      } else goLeft = x <= threshold[node];
      node = base + (goLeft ? left[node] : right[node]);
    }
    out[offset + i] += value[node];
  }
}
