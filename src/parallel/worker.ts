/**
 * The script each pool worker runs (Node `worker_threads` or a module Web Worker). It imports the
 * whole library, so every built-in estimator is registered for `loadModel`; an `init` message
 * imports the user's modules (which register custom estimators) before the first task.
 *
 * In a bundled page this module is the worker's entry point: with esbuild, build
 * `typelearn/parallel/worker` as an entry of its own; with Vite, import its URL with
 * `typelearn/parallel/worker?worker&url`; pass that URL as `workerUrl` (docs/browser.md).
 */
// Read as a whole (not a bare import, which `sideEffects: false` lets bundlers drop), so every
// estimator module loads and registers its class.
import * as library from '../index';
import type { Hello, Reply } from './pool';
import { runFoldTask, type FoldData, type FoldTask } from '../model_selection/foldTask';
import { runForestTreesTask, treeBuffers, type ForestTreesData, type ForestTreesTask } from '../ensemble/forestTask';
import { collectWarnings, type WarningRecord } from './warnings';
import { nodeBuiltin } from './_nodeBuiltin';

/** A message from the pool: a task id, the kind of task (`init`, `fold`, `forestTrees`) and its payload. */
export type Request = {
  /** The task id, echoed in the reply. */
  id: number;
  /** The kind of task. */
  kind: string;
  /** The task's data, as the pool sent it. */
  payload: unknown;
  /** The id of shared data the task reads (see `WorkerPool.share`), when it reads any. */
  dataId?: number;
};

/** The shared data this worker holds, by id (see `WorkerPool.share`). */
const store = new Map<number, unknown>();

function sharedData(req: Request): unknown {
  if (req.dataId === undefined) return undefined;
  if (!store.has(req.dataId)) throw new Error(`task '${req.kind}' reads shared data ${req.dataId}, which this worker was not sent`);
  return store.get(req.dataId);
}

/**
 * Answers one message from the pool: `init` imports the listed modules, `fold` fits and scores one
 * cross-validation fold, `forestTrees` grows a range of a forest's trees; `data` and `unshare` keep
 * and free shared data and get no reply (null). Warnings a task emits come back in the reply.
 * Exported for a custom worker script that wraps this one.
 * @example
 * ```ts norun
 * // my-worker.ts: a module Web Worker of your own that logs each task, then lets typelearn's handler
 * // run it. Start the pool with WorkerPool.create({ workerUrl: new URL('./my-worker.js', import.meta.url) }).
 * import { handleWorkerMessage, replyTransfer, type Request } from 'typelearn/parallel/worker';
 *
 * self.addEventListener('message', async (e: MessageEvent<Request>) => {
 *   console.log(`task ${e.data.id}: ${e.data.kind}`);
 *   const reply = await handleWorkerMessage(e.data);
 *   if (reply) self.postMessage(reply, replyTransfer(e.data, reply)); // null: a message that needs no answer
 * });
 * ```
 */
export async function handleWorkerMessage(req: Request): Promise<Reply | null> {
  if (req.kind === 'data' && req.dataId !== undefined) {
    store.set(req.dataId, req.payload);
    return null;
  }
  if (req.kind === 'unshare' && req.dataId !== undefined) {
    store.delete(req.dataId);
    return null;
  }
  const warnings: WarningRecord[] = [];
  const withWarnings = (r: Reply): Reply => (warnings.length > 0 ? { ...r, warnings } : r);
  try {
    if (req.kind === 'init') {
      for (const u of (req.payload as { imports: string[] }).imports) await import(u);
      return { id: req.id, ok: true, result: null };
    }
    if (req.kind === 'fold') {
      const data = sharedData(req) as FoldData;
      return withWarnings({ id: req.id, ok: true, result: collectWarnings(() => runFoldTask(req.payload as FoldTask, data), warnings) });
    }
    if (req.kind === 'forestTrees') {
      const data = sharedData(req) as ForestTreesData;
      return withWarnings({ id: req.id, ok: true, result: collectWarnings(() => runForestTreesTask(req.payload as ForestTreesTask, data), warnings) });
    }
    throw new Error(`unknown task kind '${req.kind}'`);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    return withWarnings({ id: req.id, ok: false, error: { name: err.name, message: err.message } });
  }
}

/**
 * The buffers a reply gives up rather than copies: the arrays of the trees a `forestTrees` task grew.
 * @example
 * ```ts norun
 * // Inside a custom worker script (see handleWorkerMessage): post the reply, moving its buffers.
 * const reply = await handleWorkerMessage(req);
 * if (reply) self.postMessage(reply, replyTransfer(req, reply));
 * ```
 */
export function replyTransfer(req: Request, reply: Reply): ArrayBuffer[] {
  return reply.ok && req.kind === 'forestTrees' ? treeBuffers(reply.result as Parameters<typeof treeBuffers>[0]) : [];
}

const HELLO: Hello = { typelearnWorker: 1 };

/** Listens for the pool's messages when this module runs as a worker (does nothing in a main thread). */
async function main(): Promise<void> {
  if (Object.keys(library).length === 0) throw new Error('typelearn worker: the library did not load');
  const scope = globalThis as { WorkerGlobalScope?: unknown; postMessage?: (m: unknown, transfer?: ArrayBuffer[]) => void; addEventListener?: (t: string, cb: (e: { data: Request }) => void) => void };
  if (scope.WorkerGlobalScope !== undefined && scope.addEventListener && scope.postMessage) {
    const post = scope.postMessage.bind(globalThis);
    scope.addEventListener('message', (e) => void handleWorkerMessage(e.data).then((r) => r && post(r, replyTransfer(e.data, r))));
    post(HELLO);
    return;
  }
  const { parentPort, workerData } = await nodeBuiltin<typeof import('node:worker_threads')>('worker_threads');
  // Only a pool's worker (imported elsewhere, e.g. by a test in a worker thread, it stays quiet).
  if (!parentPort || (workerData as Partial<Hello> | null)?.typelearnWorker !== 1) return;
  const port = parentPort;
  port.on('message', (m: Request) => void handleWorkerMessage(m).then((r) => r && port.postMessage(r, replyTransfer(m, r))));
  port.postMessage(HELLO);
}

void main();
