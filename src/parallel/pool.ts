/**
 * A thin worker pool: `nJobs` workers (Node `worker_threads`, or Web Workers in a browser) that each
 * run one task at a time from a shared queue. Nothing is created at import: a pool exists from
 * {@link WorkerPool.create} until {@link WorkerPool.terminate}.
 *
 * A task that throws in a worker rejects its own promise only (the worker stays and takes the next
 * task); a worker that dies is replaced. An `AbortSignal` terminates every worker and rejects every
 * pending task with the signal's reason.
 */
import { ValidationError, describeValue } from '../core/errors';
import { nodeBuiltin } from './_nodeBuiltin';

/** Options of {@link WorkerPool.create}. */
export interface WorkerPoolOptions {
  /** The number of workers. @defaultValue 2 */
  nJobs?: number;
  /**
   * Where the worker script is: by default typelearn's own `parallel/worker` module next to this
   * one (found from `import.meta.url`, in `dist/` and in `src/`). Bundlers that move files need the
   * URL they emit, e.g. `new URL('typelearn/parallel/worker', import.meta.url)`.
   */
  workerUrl?: string | URL;
  /**
   * Modules each worker imports before its first task: a module that imports a custom estimator
   * class and calls `registerEstimator(MyClass)`, so the worker can rebuild it from its JSON form.
   * Absolute URLs or paths (`new URL('./my-estimators.js', import.meta.url)`).
   */
  imports?: ReadonlyArray<string | URL>;
  /** Terminates every worker and rejects pending tasks when aborted. */
  signal?: AbortSignal;
}

/** What a task may move (not copy) to a worker: an ArrayBuffer it gives up. */
export type TransferItem = ArrayBuffer;

/** A message the pool sends: a task id and its payload. */
interface Request {
  id: number;
  kind: string;
  payload: unknown;
}

/** A worker's answer: the task id and its result, or the error it threw. */
export type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: { name: string; message: string } };

interface Endpoint {
  post(msg: Request, transfer: TransferItem[]): void;
  terminate(): Promise<void>;
}

interface Slot {
  endpoint: Endpoint;
  busy: Pending | null;
  ready: Promise<void>;
}

interface Pending {
  id: number;
  kind: string;
  payload: unknown;
  transfer: TransferItem[];
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

/**
 * The error a task's worker reported, with the worker's error name and message.
 * @example
 * ```ts
 * import { WorkerTaskError } from 'typelearn/parallel';
 *
 * // What a task's promise rejects with when its fit threw in the worker, e.g. in `fitAsync`:
 * const e = new WorkerTaskError('The X argument of Ridge must be finite.', 'ValidationError');
 * console.log(e.name, e.workerErrorName, e.message); // WorkerTaskError ValidationError The X argument of Ridge must be finite.
 * ```
 */
export class WorkerTaskError extends Error {
  constructor(
    message: string,
    /** The `name` of the error the worker threw (`ValidationError`, `Error`, …). */
    readonly workerErrorName: string,
  ) {
    super(message);
    this.name = 'WorkerTaskError';
  }
}

type NodeWorkerLike = {
  postMessage(msg: unknown, transfer?: readonly TransferItem[]): void;
  on(event: 'message', cb: (m: Reply) => void): void;
  on(event: 'error', cb: (e: Error) => void): void;
  on(event: 'exit', cb: (code: number) => void): void;
  terminate(): Promise<number>;
};
type NodeWorkerCtor = new (url: URL | string, opts: { eval?: boolean; execArgv?: string[] }) => NodeWorkerLike;
type WebWorkerLike = {
  postMessage(msg: unknown, transfer: TransferItem[]): void;
  addEventListener(event: 'message', cb: (e: { data: Reply }) => void): void;
  addEventListener(event: 'error', cb: (e: { message?: string }) => void): void;
  terminate(): void;
};
type WebWorkerCtor = new (url: URL | string, opts: { type: 'module' }) => WebWorkerLike;

function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string';
}

/** The parent's Node flags minus `--input-type` (meant for its own `-e` script: a worker file refuses it). */
function workerExecArgv(): string[] {
  const argv = (globalThis as { process?: { execArgv?: string[] } }).process?.execArgv ?? [];
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--input-type') i++;
    else if (!argv[i].startsWith('--input-type=')) out.push(argv[i]);
  }
  return out;
}

/** The URL of this module: `import.meta.url` in ESM, `__filename` in the CJS build (where esbuild empties `import.meta`). */
function hereUrl(): string | undefined {
  const meta = import.meta as { url?: string };
  if (typeof meta.url === 'string' && meta.url) return meta.url;
  if (typeof __filename === 'string') return `file://${__filename.replace(/\\/g, '/').replace(/^([A-Za-z]:)/, '/$1')}`;
  return undefined;
}

/** Finds typelearn's worker module beside this one: `./worker.*` in src, `./parallel/worker.*` from a dist chunk. */
async function defaultWorkerUrl(): Promise<URL> {
  const here = hereUrl();
  if (!here) {
    throw new ValidationError({ code: 'unsupported', estimator: 'WorkerPool', message: 'WorkerPool: cannot locate the worker script from this build; pass workerUrl.' });
  }
  const ext = /\.(c?js|m?js|ts)$/.exec(new URL(here).pathname)?.[1] ?? 'js';
  const candidates = [`./worker.${ext}`, `./parallel/worker.${ext}`].map((c) => new URL(c, here));
  if (!isNode()) return candidates[0];
  const { existsSync } = await nodeBuiltin<typeof import('node:fs')>('fs');
  const { fileURLToPath } = await nodeBuiltin<typeof import('node:url')>('url');
  for (const c of candidates) if (c.protocol === 'file:' && existsSync(fileURLToPath(c))) return c;
  throw new ValidationError({
    code: 'unsupported',
    estimator: 'WorkerPool',
    message: `WorkerPool: no worker script at ${candidates.map(String).join(' or ')}; pass workerUrl.`,
  });
}

function toError(e: Reply & { ok: false }): WorkerTaskError {
  return new WorkerTaskError(e.error.message, e.error.name);
}

/**
 * A pool of workers running typelearn tasks.
 * @example
 * ```ts
 * import { GridSearchCV, Ridge } from 'typelearn';
 * import { WorkerPool } from 'typelearn/parallel';
 *
 * // One pool for several searches; each fitAsync spreads its fits over the pool's workers.
 * const pool = await WorkerPool.create({ nJobs: 2 });
 * try {
 *   const X = [[0], [1], [2], [3], [4], [5]];
 *   const y = [0, 1, 2, 3, 4, 5];
 *   const search = await new GridSearchCV(new Ridge(), { alpha: [0.01, 100] }, { cv: 3 }).fitAsync(X, y, { pool });
 *   console.log(search.bestParams_, pool.nJobs); // { alpha: 0.01 } 2
 * } finally {
 *   await pool.terminate();
 * }
 * ```
 */
export class WorkerPool {
  /** The number of workers. */
  readonly nJobs: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed: unknown = null;
  private readonly onAbort = (): void => {
    void this.terminate(this.signal?.reason ?? new Error('aborted'));
  };

  private constructor(
    nJobs: number,
    private readonly url: URL | string,
    private readonly imports: string[],
    private readonly signal: AbortSignal | undefined,
    private readonly ctor: { node?: NodeWorkerCtor; web?: WebWorkerCtor; tsLoader?: string },
  ) {
    this.nJobs = nJobs;
  }

  /** Starts `nJobs` workers; rejects when the signal is already aborted. */
  static async create(options: WorkerPoolOptions = {}): Promise<WorkerPool> {
    const nJobs = options.nJobs ?? 2;
    if (!Number.isInteger(nJobs) || nJobs < 1 || nJobs > 1024) {
      throw new ValidationError({ code: 'invalid_option', estimator: 'WorkerPool', param: 'nJobs', expected: 'an integer in [1, 1024]', received: describeValue(nJobs) });
    }
    options.signal?.throwIfAborted();
    const url = options.workerUrl ?? (await defaultWorkerUrl());
    const imports = (options.imports ?? []).map((u) => String(u));
    let ctor: { node?: NodeWorkerCtor; web?: WebWorkerCtor; tsLoader?: string };
    if (isNode()) {
      const wt = (await nodeBuiltin<typeof import('node:worker_threads')>('worker_threads')) as unknown as { Worker: NodeWorkerCtor };
      ctor = { node: wt.Worker };
      // Running from TypeScript sources (tests on src/): the worker loads them through tsx.
      if (String(url).endsWith('.ts')) {
        const { createRequire } = await nodeBuiltin<typeof import('node:module')>('module');
        const { pathToFileURL } = await nodeBuiltin<typeof import('node:url')>('url');
        const req = createRequire(String(url));
        const pkgPath = req.resolve('tsx/package.json');
        const pkg = req(pkgPath) as { exports: Record<string, { import: { default: string } }> };
        ctor.tsLoader = new URL(pkg.exports['./esm/api'].import.default, pathToFileURL(pkgPath)).href;
      }
    } else {
      const W = (globalThis as { Worker?: WebWorkerCtor }).Worker;
      if (!W) throw new ValidationError({ code: 'unsupported', estimator: 'WorkerPool', message: 'WorkerPool: this environment has neither worker_threads nor Web Workers.' });
      ctor = { web: W };
    }
    // An abort while the awaits above ran fired before the listener below exists: check again.
    options.signal?.throwIfAborted();
    const pool = new WorkerPool(nJobs, url, imports, options.signal, ctor);
    options.signal?.addEventListener('abort', pool.onAbort, { once: true });
    for (let i = 0; i < nJobs; i++) pool.slots.push(pool.spawn());
    await Promise.all(pool.slots.map((s) => s.ready));
    return pool;
  }

  private spawn(): Slot {
    const slot: Slot = { endpoint: undefined as unknown as Endpoint, busy: null, ready: Promise.resolve() };
    const onReply = (m: Reply): void => {
      const p = slot.busy;
      if (!p || p.id !== m.id) return;
      slot.busy = null;
      if (m.ok) p.resolve(m.result);
      else p.reject(toError(m));
      this.pump();
    };
    const onDeath = (message: string): void => {
      const p = slot.busy;
      slot.busy = null;
      if (this.closed !== null) return;
      p?.reject(new WorkerTaskError(`a worker died: ${message}`, 'WorkerExit'));
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots[i] = this.spawn();
      this.pump();
    };
    if (this.ctor.node) {
      const w = this.ctor.tsLoader
        ? new this.ctor.node(`import(${JSON.stringify(this.ctor.tsLoader)}).then((m) => { m.register(); return import(${JSON.stringify(String(this.url))}); });`, { eval: true })
        : new this.ctor.node(typeof this.url === 'string' && !/^[a-z]+:/i.test(this.url) ? this.url : new URL(String(this.url)), { execArgv: workerExecArgv() });
      w.on('message', onReply);
      w.on('error', (e) => onDeath(e.message));
      w.on('exit', (code) => onDeath(`exit code ${code}`));
      slot.endpoint = { post: (msg, transfer) => w.postMessage(msg, transfer), terminate: async () => void (await w.terminate()) };
    } else {
      const w = new (this.ctor.web as WebWorkerCtor)(this.url, { type: 'module' });
      w.addEventListener('message', (e) => onReply(e.data));
      w.addEventListener('error', (e) => onDeath(e.message ?? 'error'));
      slot.endpoint = { post: (msg, transfer) => w.postMessage(msg, transfer), terminate: async () => w.terminate() };
    }
    slot.ready = this.imports.length > 0 ? this.direct(slot, 'init', { imports: this.imports }).then(() => undefined) : Promise.resolve();
    // Only `create` awaits the first workers' imports: a replacement's may be cut short by terminate.
    slot.ready.catch(() => undefined);
    return slot;
  }

  /** Sends a message to one slot outside the queue (the init of its imports). */
  private direct(slot: Slot, kind: string, payload: unknown): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const p: Pending = { id: this.nextId++, kind, payload, transfer: [], resolve, reject };
      slot.busy = p;
      slot.endpoint.post({ id: p.id, kind, payload }, []);
    });
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.busy) continue;
      const p = this.queue.shift() as Pending;
      slot.busy = p;
      slot.endpoint.post({ id: p.id, kind: p.kind, payload: p.payload }, p.transfer);
    }
  }

  /**
   * Runs one task of `kind` in the next free worker. `transfer` lists buffers to move rather than
   * copy (a SharedArrayBuffer needs no listing: it is shared).
   */
  run<R>(kind: string, payload: unknown, transfer: TransferItem[] = []): Promise<R> {
    if (this.closed !== null) return Promise.reject(this.closed);
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, kind, payload, transfer, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Stops every worker; pending tasks reject with `reason`. Safe to call twice. */
  async terminate(reason: unknown = new Error('WorkerPool terminated')): Promise<void> {
    if (this.closed !== null) return;
    this.closed = reason;
    this.signal?.removeEventListener('abort', this.onAbort);
    const pending = [...this.queue.splice(0), ...this.slots.map((s) => s.busy).filter((p): p is Pending => p !== null)];
    for (const s of this.slots) s.busy = null;
    await Promise.all(this.slots.map((s) => s.endpoint.terminate()));
    for (const p of pending) p.reject(reason);
  }
}
