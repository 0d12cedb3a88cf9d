/**
 * The leaf-wise tree grower of histogram gradient boosting, as scikit-learn's `TreeGrower`: the
 * root's histograms are built from all samples, then the splittable leaf of largest gain is split
 * until `maxLeafNodes` leaves exist (or none can be split), children deeper than `maxDepth` or
 * with fewer than 2·`minSamplesLeaf` samples stay leaves. The smaller child's histograms are built
 * from its samples and the larger one's by subtraction from the parent's. Sample indices are
 * partitioned in place (stably) in one array; every buffer is allocated once per fit and reused.
 */
import { BIN_SLOTS, buildHistograms, histogramLength, subtractHistograms, type UsedBins } from './histogram';
import { findNodeSplit, type SplitInfo, type SplitterConfig } from './splitting';
import type { TreeSink } from './predictor';

/** A node while the tree grows. */
interface GrowNode {
  start: number;
  stop: number;
  depth: number;
  sumG: number;
  sumH: number;
  value: number;
  lower: number;
  upper: number;
  split: SplitInfo | null;
  hist: Float64Array | null;
  isLeaf: boolean;
  left: GrowNode | null;
  right: GrowNode | null;
}

/** The options of the grower. */
export interface GrowerOptions extends SplitterConfig {
  maxLeafNodes: number | null;
  maxDepth: number | null;
  shrinkage: number;
}

/** A finished leaf: its sample range in the partition, and its value (after shrinkage). */
export interface GrownLeaf {
  start: number;
  stop: number;
  value: number;
}

/**
 * Grows trees over one binned data set (column-major Uint8Array, n rows, d columns); one instance
 * per fit, its buffers reused for every tree.
 */
export class TreeGrower {
  readonly partition: Uint32Array;
  private readonly scratch: Uint32Array;
  private readonly orderedG: Float32Array;
  private readonly orderedH: Float32Array;
  private readonly pool: Float64Array[] = [];
  private readonly bitsetScratch = new Uint32Array(8);
  private readonly used: UsedBins;
  /** The counts of all samples per bin (root histograms of the first tree), once known. */
  private rootCounts: Float64Array | null = null;
  /** The leaves of the last tree grown, in the order they were finalized. */
  leaves: GrownLeaf[] = [];

  constructor(
    private readonly binned: Uint8Array,
    private readonly n: number,
    private readonly d: number,
    private readonly opts: GrowerOptions,
  ) {
    this.partition = new Uint32Array(n);
    this.scratch = new Uint32Array(n);
    this.orderedG = new Float32Array(n);
    this.orderedH = new Float32Array(n);
    this.used = { nBinsNonMissing: opts.nBinsNonMissing, missingBin: opts.missingBin };
  }

  private takeHist(): Float64Array {
    return this.pool.pop() ?? new Float64Array(histogramLength(this.d));
  }

  private releaseHist(node: GrowNode): void {
    if (node.hist !== null) this.pool.push(node.hist);
    node.hist = null;
  }

  /**
   * Grows one tree on these gradients and hessians; `commit()` then writes it to `sink`
   * (pre-order). `categories[f]` are the raw categories of categorical feature f (its bins' values).
   */
  grow(gradients: Float32Array, hessians: Float32Array, sink: TreeSink, categories: ReadonlyArray<Float64Array>): void {
    const { n, opts } = this;
    const constH = opts.constantHessian;
    const partition = this.partition;
    for (let i = 0; i < n; i++) partition[i] = i;
    let sumG = 0;
    for (let i = 0; i < n; i++) sumG += gradients[i];
    let sumH: number;
    if (constH) sumH = hessians[0] * n;
    else {
      sumH = 0;
      for (let i = 0; i < n; i++) sumH += hessians[i];
    }
    const root = this.makeNode(0, n, 0, sumG, sumH, 0);
    const finalized: GrowNode[] = [];
    const heap: GrowNode[] = [];
    const finalize = (node: GrowNode): void => {
      node.isLeaf = true;
      finalized.push(node);
    };
    const pushOrFinalize = (node: GrowNode): void => {
      const s = findNodeSplit(opts, node.hist!, node.stop - node.start, node.sumG, node.sumH, node.value, node.lower, node.upper);
      node.split = s;
      if (s.gain <= 0) {
        finalize(node);
        this.releaseHist(node);
      } else heapPush(heap, node);
    };
    if (n < 2 * opts.minSamplesLeaf || sumH < opts.minHessianToSplit) finalize(root);
    else {
      root.hist = this.takeHist();
      if (this.rootCounts === null) {
        // The first tree counts the samples per bin; later trees copy those counts.
        buildHistograms(root.hist, this.binned, n, this.d, partition, 0, n, gradients, hessians, constH, this.orderedG, this.orderedH, true, this.used);
        this.rootCounts = root.hist.slice();
      } else buildHistograms(root.hist, this.binned, n, this.d, partition, 0, n, gradients, hessians, constH, this.orderedG, this.orderedH, true, this.used, this.rootCounts);
      pushOrFinalize(root);
    }
    while (heap.length > 0) {
      const node = heapPop(heap);
      const s = node.split!;
      const mid = this.splitIndices(node, s);
      const depth = node.depth + 1;
      const nLeafNodes = finalized.length + heap.length + 2;
      const left = this.makeNode(node.start, mid, depth, s.sumGradientLeft, s.sumHessianLeft, s.valueLeft);
      const right = this.makeNode(mid, node.stop, depth, s.sumGradientRight, s.sumHessianRight, s.valueRight);
      node.left = left;
      node.right = right;
      if (opts.hasMissing[s.feature] === 0) s.missingGoToLeft = mid - node.start > node.stop - mid;
      if (opts.maxLeafNodes !== null && nLeafNodes === opts.maxLeafNodes) {
        finalize(left);
        finalize(right);
        while (heap.length > 0) {
          const rest = heap.pop()!;
          finalize(rest);
          this.releaseHist(rest);
        }
        this.releaseHist(node);
        break;
      }
      if (opts.maxDepth !== null && depth === opts.maxDepth) {
        finalize(left);
        finalize(right);
        this.releaseHist(node);
        continue;
      }
      if (left.stop - left.start < 2 * opts.minSamplesLeaf) finalize(left);
      if (right.stop - right.start < 2 * opts.minSamplesLeaf) finalize(right);
      const cst = opts.monotonicCst[s.feature];
      if (cst === 0) {
        left.lower = right.lower = node.lower;
        left.upper = right.upper = node.upper;
      } else {
        const m = (left.value + right.value) / 2;
        if (cst === 1) {
          left.lower = node.lower;
          left.upper = m;
          right.lower = m;
          right.upper = node.upper;
        } else {
          left.lower = m;
          left.upper = node.upper;
          right.lower = node.lower;
          right.upper = m;
        }
      }
      if (!left.isLeaf || !right.isLeaf) {
        const leftSmaller = left.stop - left.start < right.stop - right.start;
        const small = leftSmaller ? left : right;
        const large = leftSmaller ? right : left;
        small.hist = this.takeHist();
        buildHistograms(small.hist, this.binned, n, this.d, partition, small.start, small.stop, gradients, hessians, constH, this.orderedG, this.orderedH, false, this.used);
        large.hist = this.takeHist();
        subtractHistograms(large.hist, node.hist!, small.hist, this.used);
        if (!left.isLeaf) pushOrFinalize(left);
        if (!right.isLeaf) pushOrFinalize(right);
        if (left.isLeaf) this.releaseHist(left);
        if (right.isLeaf) this.releaseHist(right);
      }
      this.releaseHist(node);
    }
    for (const leaf of finalized) leaf.value *= opts.shrinkage;
    // The caller may replace leaf values (absolute error, quantile) before commit() writes the tree.
    this.leaves = finalized.map((l) => ({ start: l.start, stop: l.stop, value: l.value }));
    this.pending = { root, finalized };
    this.categories = categories;
    this.sink = sink;
  }

  private pending: { root: GrowNode; finalized: GrowNode[] } | null = null;
  private categories: ReadonlyArray<Float64Array> = [];
  private sink: TreeSink | null = null;

  /** Writes the last tree grown to its sink, with the leaf values of `this.leaves`. */
  commit(): void {
    const p = this.pending!;
    const sink = this.sink!;
    p.finalized.forEach((node, i) => {
      node.value = this.leaves[i].value;
    });
    const opts = this.opts;
    sink.beginTree();
    const write = (node: GrowNode): number => {
      const id = sink.addNode();
      if (node.isLeaf) {
        sink.setLeaf(id, node.value);
        return id;
      }
      const s = node.split!;
      if (s.isCategorical) {
        // The raw categories going left (bins index the sorted categories seen at fit).
        const raw = this.bitsetScratch;
        raw.fill(0);
        const cats = this.categories[s.feature];
        for (let b = 0; b < cats.length; b++) {
          if ((s.leftBins![b >>> 5] & (1 << (b & 31))) !== 0) {
            const c = cats[b];
            raw[c >>> 5] |= 1 << (c & 31);
          }
        }
        sink.setCategoricalSplit(id, s.feature, s.missingGoToLeft, raw);
      } else {
        const t = s.bin === opts.nBinsNonMissing[s.feature] - 1 ? Infinity : this.thresholds![s.feature][s.bin];
        sink.setNumericSplit(id, s.feature, t, s.missingGoToLeft);
      }
      const l = write(node.left!);
      const r = write(node.right!);
      sink.setChildren(id, l, r);
      return id;
    };
    write(p.root);
    this.pending = null;
  }

  /** The numeric thresholds of each feature (set once per fit). */
  thresholds: Float64Array[] | null = null;

  private makeNode(start: number, stop: number, depth: number, sumG: number, sumH: number, value: number): GrowNode {
    return { start, stop, depth, sumG, sumH, value, lower: -Infinity, upper: Infinity, split: null, hist: null, isLeaf: false, left: null, right: null };
  }

  /** Partitions the node's samples stably: left child first; returns where the right child starts. */
  private splitIndices(node: GrowNode, s: SplitInfo): number {
    const { partition, scratch, n } = this;
    const col = s.feature * n;
    const binned = this.binned;
    const missingBin = this.opts.missingBin;
    let l = node.start;
    let r = 0;
    if (s.isCategorical) {
      const bits = s.leftBins!;
      for (let i = node.start; i < node.stop; i++) {
        const idx = partition[i];
        const b = binned[col + idx];
        if ((bits[b >>> 5] & (1 << (b & 31))) !== 0) partition[l++] = idx;
        else scratch[r++] = idx;
      }
    } else {
      const thr = s.bin;
      const ml = s.missingGoToLeft;
      for (let i = node.start; i < node.stop; i++) {
        const idx = partition[i];
        const b = binned[col + idx];
        if (b <= thr || (ml && b === missingBin)) partition[l++] = idx;
        else scratch[r++] = idx;
      }
    }
    partition.set(scratch.subarray(0, r), l);
    return l;
  }
}

/** Bins per feature of a histogram (re-exported for the callers that size buffers). */
export { BIN_SLOTS };

// Python's heapq on "higher gain first", so ties pop in the same order as scikit-learn's grower.
function before(a: GrowNode, b: GrowNode): boolean {
  return a.split!.gain > b.split!.gain;
}

function siftDown(heap: GrowNode[], startPos: number, pos: number): void {
  const item = heap[pos];
  while (pos > startPos) {
    const parentPos = (pos - 1) >> 1;
    const parent = heap[parentPos];
    if (before(item, parent)) {
      heap[pos] = parent;
      pos = parentPos;
      continue;
    }
    break;
  }
  heap[pos] = item;
}

function siftUp(heap: GrowNode[], pos: number): void {
  const endPos = heap.length;
  const startPos = pos;
  const item = heap[pos];
  let childPos = 2 * pos + 1;
  while (childPos < endPos) {
    const rightPos = childPos + 1;
    if (rightPos < endPos && !before(heap[childPos], heap[rightPos])) childPos = rightPos;
    heap[pos] = heap[childPos];
    pos = childPos;
    childPos = 2 * pos + 1;
  }
  heap[pos] = item;
  siftDown(heap, startPos, pos);
}

function heapPush(heap: GrowNode[], node: GrowNode): void {
  heap.push(node);
  siftDown(heap, 0, heap.length - 1);
}

function heapPop(heap: GrowNode[]): GrowNode {
  const last = heap.pop()!;
  if (heap.length === 0) return last;
  const top = heap[0];
  heap[0] = last;
  siftUp(heap, 0);
  return top;
}
