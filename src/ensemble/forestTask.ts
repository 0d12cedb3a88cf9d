/**
 * A range of a forest's trees as a message a worker can run: the seeds; the data every tree is grown
 * on and the options go to each worker once (its typed arrays in SharedArrayBuffers where memory can
 * be shared, so they cross without a copy). Free of the pool, so the worker imports it alone.
 */
import type { TreeArrays } from '../tree/buildTree';
import { fitForestTree, type ForestData, type ForestTreeOptions } from './_forestBuild';
import { shareable } from '../parallel/share';

/** What every task of one forest's fit shares, sent to each worker once. */
export interface ForestTreesData {
  data: ForestData;
  options: ForestTreeOptions;
}

/** The trees a worker grows: one per seed, in order. */
export interface ForestTreesTask {
  seeds: number[];
}

/** Grows the task's trees, as `fit` grows them. */
export function runForestTreesTask(t: ForestTreesTask, d: ForestTreesData): TreeArrays[] {
  if (!Array.isArray(t?.seeds) || typeof d !== 'object' || d === null || typeof d.data !== 'object' || d.data === null || typeof d.options !== 'object' || d.options === null) {
    throw new Error('forestTrees task: expected { seeds } and the shared { data, options }');
  }
  return t.seeds.map((seed) => fitForestTree(seed, d.data, d.options));
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

/**
 * The forest's data with its arrays in SharedArrayBuffers when memory can be shared (else as they
 * are: each worker gets one copy), to send to every worker once.
 */
export function shareForestData(d: ForestData): ForestData {
  const target: ForestData['target'] = d.target.kind === 'classification' ? { ...d.target, y: shareable(d.target.y) } : { ...d.target, y: shareable(d.target.y) };
  return {
    Xc: { ...d.Xc, data: shareable(d.Xc.data) },
    presorted: d.presorted === undefined ? undefined : shareable(d.presorted),
    target,
    sampleWeight: shareable(d.sampleWeight),
  };
}
