/**
 * A range of a forest's trees as a message a worker can run: the seeds, the data every tree is grown
 * on (its typed arrays backed by SharedArrayBuffers, so they cross without a copy) and the options.
 * Free of the pool, so the worker imports it alone.
 */
import type { TreeArrays } from '../tree/buildTree';
import { fitForestTree, type ForestData, type ForestTreeOptions } from './_forestBuild';

/** The trees a worker grows: one per seed, in order. */
export interface ForestTreesTask {
  seeds: number[];
  data: ForestData;
  options: ForestTreeOptions;
}

/** Grows the task's trees, as `fit` grows them. */
export function runForestTreesTask(t: ForestTreesTask): TreeArrays[] {
  if (!Array.isArray(t?.seeds) || typeof t.data !== 'object' || t.data === null || typeof t.options !== 'object' || t.options === null) {
    throw new Error('forestTrees task: expected { seeds, data, options }');
  }
  return t.seeds.map((seed) => fitForestTree(seed, t.data, t.options));
}

/** The buffers of the trees' arrays, to transfer (not copy) back to the main thread. */
export function treeBuffers(trees: readonly TreeArrays[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const t of trees) {
    for (const a of [t.childrenLeft, t.childrenRight, t.feature, t.threshold, t.missingGoToLeft, t.impurity, t.nNodeSamples, t.weightedNNodeSamples, t.value]) {
      if (a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
    }
  }
  return out;
}

/** A copy of `a` in a SharedArrayBuffer (every worker reads the same memory). */
function shared<T extends Float32Array | Float64Array | Int32Array>(a: T, make: (b: SharedArrayBuffer) => T): T {
  const out = make(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}

/** The forest's data with its arrays in SharedArrayBuffers, to send to every worker once. */
export function shareForestData(d: ForestData): ForestData {
  const target: ForestData['target'] =
    d.target.kind === 'classification'
      ? { ...d.target, y: shared(d.target.y, (b) => new Int32Array(b)) }
      : { ...d.target, y: shared(d.target.y, (b) => new Float64Array(b)) };
  return {
    Xc: { ...d.Xc, data: shared(d.Xc.data, (b) => new Float32Array(b)) },
    presorted: d.presorted === undefined ? undefined : shared(d.presorted, (b) => new Int32Array(b)),
    target,
    sampleWeight: shared(d.sampleWeight, (b) => new Float64Array(b)),
  };
}
