/**
 * A thin worker pool: `nJobs` workers (Node `worker_threads`, or Web Workers in a browser) that each
 * run one task at a time from a shared queue. Nothing is created at import: a pool exists from
 * {@link WorkerPool.create} until {@link WorkerPool.terminate}.
 *
 * A task that throws in a worker rejects its own promise only (the worker stays and takes the next
 * task); a worker that dies is replaced. An `AbortSignal` terminates every worker and rejects every
 * pending task with the signal's reason. Data that every task of a run reads (X, y, a forest's
 * prepared arrays) goes to each worker once ({@link WorkerPool.share}), in `SharedArrayBuffer`s
 * where the environment allows them and as a structured clone otherwise. Warnings a task emits in
 * its worker come back with its reply and reach the calling thread's warning handler.
 */
import { ValidationError, describeValue, warn, type TypelearnWarning } from '../core/errors';
import { nodeBuiltin } from './_nodeBuiltin';
import { rebuildWarning, type WarningRecord } from './warnings';

export { canShareMemory, shareable } from './share';

/** Options of {@link WorkerPool.create}. */
export interface WorkerPoolOptions {
  /** The number of workers. @defaultValue 2 */
  nJobs?: number;
  /**
   * Where the worker script is: by default typelearn's own `parallel/worker` module next to this
   * one (found from `import.meta.url`, in `dist/` and in `src/`). A bundled page needs the URL of
   * the worker script its bundler emits: with Vite, `import workerUrl from
   * 'typelearn/parallel/worker?worker&url'`; with esbuild, `typelearn/parallel/worker` built as an
   * entry point of its own (docs/browser.md, "Parallel search in the browser").
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

/** A value the pool has sent (or will send) to each worker once; tasks name it instead of carrying it. */
export interface SharedData {
  /** The id the workers know the data by. */
  readonly dataId: number;
}

/** Options of {@link WorkerPool.run}. */
export interface RunOptions {
  /** Buffers to move rather than copy (a SharedArrayBuffer needs no listing: it is shared). */
  transfer?: TransferItem[];
  /** Data from {@link WorkerPool.share} the task reads; the worker gets it before the task. */
  data?: SharedData;
  /**
   * Receives each warning the task emitted in its worker, rebuilt in this thread (same class,
   * code and message). By default it goes to this thread's warning handler as it is.
   */
  onWarning?: (warning: TypelearnWarning) => void;
}

/** A message the pool sends: a task id and its payload (and the shared data it reads). */
interface Request {
  id: number;
  kind: string;
  payload: unknown;
  dataId?: number;
}

/** A worker's answer: the task id and its result, or the error it threw, with the warnings the task emitted. */
export type Reply = ({ id: number; ok: true; result: unknown } | { id: number; ok: false; error: { name: string; message: string } }) & { warnings?: WarningRecord[] };

/** What a worker posts once it has loaded the library and listens. */
export interface Hello {
  typelearnWorker: 1;
}

interface Endpoint {
  post(msg: Request, transfer: TransferItem[]): void;
  terminate(): Promise<void>;
  /** Node: whether this worker keeps the process alive (only while the pool has work). */
  hold(on: boolean): void;
}

interface Slot {
  endpoint: Endpoint;
  busy: Pending | null;
  /** True once the worker said hello and imported the `imports`. */
  started: boolean;
  ready: Promise<void>;
  /** The shared data this worker has been sent. */
  has: Set<number>;
}

interface Pending {
  id: number;
  kind: string;
  payload: unknown;
  transfer: TransferItem[];
  dataId?: number;
  onWarning?: (warning: TypelearnWarning) => void;
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
  on(event: 'message', cb: (m: Reply | Hello) => void): void;
  on(event: 'error', cb: (e: Error) => void): void;
  on(event: 'exit', cb: (code: number) => void): void;
  terminate(): Promise<number>;
  ref(): void;
  unref(): void;
};
type NodeWorkerCtor = new (url: URL | string, opts: { eval?: boolean; execArgv?: string[]; workerData?: unknown }) => NodeWorkerLike;
type WebWorkerLike = {
  postMessage(msg: unknown, transfer: TransferItem[]): void;
  addEventListener(event: 'message', cb: (e: { data: Reply | Hello }) => void): void;
  addEventListener(event: 'error', cb: (e: { message?: string; preventDefault?(): void }) => void): void;
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

const BUNDLER_HINT = "pass workerUrl: the URL of typelearn's worker script as your bundler emits it (with Vite, `import workerUrl from 'typelearn/parallel/worker?worker&url'`; with esbuild, build 'typelearn/parallel/worker' as an entry point of its own; see docs/browser.md)";

/**
 * Finds typelearn's worker module beside this one: `./worker.*` in src, `./parallel/worker.*` from a
 * dist chunk. Without `imports`, Node takes the one-file build `worker-bundle.js` when the package
 * has it (it starts in a quarter of the CPU time); a user's modules need the file-by-file worker,
 * which shares their copy of typelearn and its estimator registry.
 */
async function defaultWorkerUrl(hasImports: boolean): Promise<URL> {
  const here = hereUrl();
  if (!here) {
    throw new ValidationError({ code: 'unsupported', estimator: 'WorkerPool', message: `WorkerPool: cannot locate the worker script from this build; ${BUNDLER_HINT}.` });
  }
  const ext = /\.(c?js|m?js|ts)$/.exec(new URL(here).pathname)?.[1] ?? 'js';
  const names = hasImports ? [`worker.${ext}`] : ['worker-bundle.js', `worker.${ext}`];
  const candidates = names.flatMap((n) => [`./${n}`, `./parallel/${n}`]).map((c) => new URL(c, here));
  // In a browser the module may sit in a bundle whose neighbours are not typelearn's: the worker's
  // hello tells (create rejects with the hint when the script there is not typelearn's worker).
  if (!isNode()) return new URL(`./worker.${ext}`, here);
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

/** The Node worker's `workerData`: tells the worker module it runs as a pool's worker (not imported elsewhere). */
const HELLO_MARK: Hello = { typelearnWorker: 1 };

function isHello(m: unknown): m is Hello {
  return typeof m === 'object' && m !== null && (m as Hello).typelearnWorker === 1;
}

/** The pools `fitAsync` keeps between calls, by configuration, and how long an idle one lives. */
const kept = new Map<string, { pool: WorkerPool; timer: ReturnType<typeof setTimeout> | null; users: number }>();
const KEEP_IDLE_MS = 30_000;
/** How long a new worker may take to load the library and say hello. */
const START_TIMEOUT_MS = 60_000;

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
  private readonly shared = new Map<number, unknown>();
  private nextId = 1;
  private nextDataId = 1;
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

  /**
   * Starts `nJobs` workers and resolves once each has loaded the library (and the `imports`), so a
   * pool made ahead of time is warm for its first task. Rejects when the signal is already aborted,
   * or, naming the URL, when the script there does not start a typelearn worker.
   */
  static async create(options: WorkerPoolOptions = {}): Promise<WorkerPool> {
    const nJobs = options.nJobs ?? 2;
    if (!Number.isInteger(nJobs) || nJobs < 1 || nJobs > 1024) {
      throw new ValidationError({ code: 'invalid_option', estimator: 'WorkerPool', param: 'nJobs', expected: 'an integer in [1, 1024]', received: describeValue(nJobs) });
    }
    options.signal?.throwIfAborted();
    const imports = (options.imports ?? []).map((u) => String(u));
    const url = options.workerUrl ?? (await defaultWorkerUrl(imports.length > 0));
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
    try {
      await Promise.all(pool.slots.map((s) => s.ready));
    } catch (e) {
      await pool.terminate(e);
      throw e;
    }
    pool.hold(false);
    return pool;
  }

  /**
   * The pool `fitAsync` and `crossValidateAsync` run in when given none: one per configuration,
   * kept warm between calls (its workers have loaded the library and compiled the hot code), and
   * terminated after 30 s without work. In Node its idle workers do not keep the process alive.
   * Call {@link WorkerPool.release} when done with it.
   */
  static async acquire(options: Omit<WorkerPoolOptions, 'signal'> = {}): Promise<WorkerPool> {
    const key = JSON.stringify([options.nJobs ?? 2, options.workerUrl === undefined ? null : String(options.workerUrl), (options.imports ?? []).map(String)]);
    const entry = kept.get(key);
    if (entry && entry.pool.closed === null) {
      if (entry.timer !== null) clearTimeout(entry.timer);
      entry.timer = null;
      entry.users++;
      return entry.pool;
    }
    const pool = await WorkerPool.create(options);
    const again = kept.get(key);
    if (again && again.pool.closed === null) {
      // Another caller made one meanwhile: use theirs.
      void pool.terminate();
      again.users++;
      if (again.timer !== null) clearTimeout(again.timer);
      again.timer = null;
      return again.pool;
    }
    kept.set(key, { pool, timer: null, users: 1 });
    pool.keptAs = key;
    return pool;
  }

  /** Hands back a pool from {@link WorkerPool.acquire}; the last user's release starts its idle timer. */
  static release(pool: WorkerPool): void {
    const entry = pool.keptAs === null ? undefined : kept.get(pool.keptAs);
    if (!entry || entry.pool !== pool) return;
    entry.users = Math.max(0, entry.users - 1);
    if (entry.users > 0) return;
    const key = pool.keptAs as string;
    entry.timer = setTimeout(() => {
      if (kept.get(key) === entry) kept.delete(key);
      void pool.terminate();
    }, KEEP_IDLE_MS);
    (entry.timer as { unref?: () => void }).unref?.();
  }

  /** Terminates every pool kept by {@link WorkerPool.acquire} (e.g. when a page no longer needs them). */
  static async terminateKept(): Promise<void> {
    const pools = [...kept.values()];
    kept.clear();
    for (const e of pools) if (e.timer !== null) clearTimeout(e.timer);
    await Promise.all(pools.map((e) => e.pool.terminate()));
  }

  private keptAs: string | null = null;

  private spawn(): Slot {
    const slot: Slot = { endpoint: undefined as unknown as Endpoint, busy: null, started: false, ready: Promise.resolve(), has: new Set() };
    let hello!: () => void;
    let failed!: (e: unknown) => void;
    const helloed = new Promise<void>((resolve, reject) => {
      hello = resolve;
      failed = reject;
    });
    // A script that neither says hello nor fails (someone else's worker) must not leave create waiting.
    const silence = setTimeout(() => {
      failed(new ValidationError({ code: 'unsupported', estimator: 'WorkerPool', message: `WorkerPool: the script at ${String(this.url)} did not start a typelearn worker within ${START_TIMEOUT_MS / 1000} s; ${BUNDLER_HINT}.` }));
    }, START_TIMEOUT_MS);
    (silence as { unref?: () => void }).unref?.();
    void helloed.then(
      () => clearTimeout(silence),
      () => clearTimeout(silence),
    );
    const onMessage = (m: Reply | Hello): void => {
      if (isHello(m)) {
        hello();
        return;
      }
      if (!slot.started && slot.busy === null) {
        failed(new ValidationError({ code: 'unsupported', estimator: 'WorkerPool', message: `WorkerPool: the script at ${String(this.url)} is not typelearn's worker (it posted something else than its hello); ${BUNDLER_HINT}.` }));
        return;
      }
      const p = slot.busy;
      if (!p || p.id !== m.id) return;
      slot.busy = null;
      if (m.warnings) {
        for (const w of m.warnings) {
          const warning = rebuildWarning(w);
          // A handler that throws must not lose the task's result.
          try {
            if (p.onWarning) p.onWarning(warning);
            else warn(warning);
          } catch {
            /* the handler's own failure is its own */
          }
        }
      }
      if (m.ok) p.resolve(m.result);
      else p.reject(toError(m));
      this.pump();
    };
    const onDeath = (message: string): void => {
      const p = slot.busy;
      slot.busy = null;
      if (this.closed !== null) return;
      if (!slot.started) {
        // A worker that never started will not start when replaced either.
        failed(new ValidationError({ code: 'unsupported', estimator: 'WorkerPool', message: `WorkerPool: the worker script at ${String(this.url)} failed to start (${message}); ${BUNDLER_HINT}.` }));
        return;
      }
      p?.reject(new WorkerTaskError(`a worker died: ${message}`, 'WorkerExit'));
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots[i] = this.spawn();
      this.pump();
    };
    if (this.ctor.node) {
      const w = this.ctor.tsLoader
        ? new this.ctor.node(`import(${JSON.stringify(this.ctor.tsLoader)}).then((m) => { m.register(); return import(${JSON.stringify(String(this.url))}); });`, { eval: true, workerData: HELLO_MARK })
        : new this.ctor.node(typeof this.url === 'string' && !/^[a-z]+:/i.test(this.url) ? this.url : new URL(String(this.url)), { execArgv: workerExecArgv(), workerData: HELLO_MARK });
      w.on('message', onMessage);
      w.on('error', (e) => onDeath(e.message));
      w.on('exit', (code) => onDeath(`exit code ${code}`));
      slot.endpoint = {
        post: (msg, transfer) => w.postMessage(msg, transfer),
        terminate: async () => void (await w.terminate()),
        hold: (on) => (on ? w.ref() : w.unref()),
      };
    } else {
      const w = new (this.ctor.web as WebWorkerCtor)(this.url, { type: 'module' });
      w.addEventListener('message', (e) => onMessage(e.data));
      w.addEventListener('error', (e) => {
        // Handled here: the pool reports it (a task rejects, or create does).
        e.preventDefault?.();
        onDeath(e.message ?? 'error (the script failed to load or threw while loading)');
      });
      slot.endpoint = { post: (msg, transfer) => w.postMessage(msg, transfer), terminate: async () => w.terminate(), hold: () => undefined };
    }
    slot.ready = helloed
      .then(() => (this.imports.length > 0 ? this.direct(slot, 'init', { imports: this.imports }) : undefined))
      .then(() => {
        slot.started = true;
        this.pump();
      });
    // Only `create` awaits the first workers' start: a replacement's may be cut short by terminate.
    slot.ready.catch((e: unknown) => {
      if (this.closed === null && this.slots.includes(slot) && this.slots.every((s) => s === slot || !s.started)) void this.terminate(e);
    });
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

  /** Node: workers keep the process alive only while there is work. */
  private hold(on: boolean): void {
    for (const s of this.slots) s.endpoint.hold(on);
  }

  private pump(): void {
    if (this.closed !== null) return;
    for (const slot of this.slots) {
      if (this.queue.length === 0) break;
      if (slot.busy || !slot.started) continue;
      const p = this.queue.shift() as Pending;
      slot.busy = p;
      if (p.dataId !== undefined && !slot.has.has(p.dataId)) {
        if (!this.shared.has(p.dataId)) {
          slot.busy = null;
          p.reject(new ValidationError({ code: 'unsupported', estimator: 'WorkerPool', message: `WorkerPool: shared data ${p.dataId} was released before a task that reads it.` }));
          continue;
        }
        // Messages to one worker arrive in order: the data is there before the task.
        slot.endpoint.post({ id: 0, kind: 'data', payload: this.shared.get(p.dataId), dataId: p.dataId }, []);
        slot.has.add(p.dataId);
      }
      slot.endpoint.post({ id: p.id, kind: p.kind, payload: p.payload, dataId: p.dataId }, p.transfer);
    }
    const working = this.queue.length > 0 || this.slots.some((s) => s.busy !== null || !s.started);
    this.hold(working);
  }

  /**
   * Registers `value` (X and y of a search, a forest's prepared data) for the tasks that name it:
   * each worker receives it once, before its first such task. Typed arrays in SharedArrayBuffers
   * (see `shareable`) are shared, anything else is copied once per worker.
   * {@link WorkerPool.unshare} frees it in the workers.
   */
  share(value: unknown): SharedData {
    const dataId = this.nextDataId++;
    this.shared.set(dataId, value);
    return { dataId };
  }

  /** Frees shared data in the workers that hold it (later tasks may not name it). */
  unshare(data: SharedData): void {
    if (!this.shared.delete(data.dataId) || this.closed !== null) return;
    for (const s of this.slots) {
      if (s.has.delete(data.dataId)) s.endpoint.post({ id: 0, kind: 'unshare', payload: null, dataId: data.dataId }, []);
    }
  }

  /**
   * Runs one task of `kind` in the next free worker. The third argument is either the buffers to
   * transfer (kept for callers of earlier versions) or {@link RunOptions}.
   */
  run<R>(kind: string, payload: unknown, options: RunOptions | TransferItem[] = {}): Promise<R> {
    if (this.closed !== null) return Promise.reject(this.closed);
    const o: RunOptions = Array.isArray(options) ? { transfer: options } : options;
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, kind, payload, transfer: o.transfer ?? [], dataId: o.data?.dataId, onWarning: o.onWarning, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Stops every worker; pending tasks reject with `reason`. Safe to call twice. */
  async terminate(reason: unknown = new Error('WorkerPool terminated')): Promise<void> {
    if (this.closed !== null) return;
    this.closed = reason;
    if (this.keptAs !== null && kept.get(this.keptAs)?.pool === this) {
      const e = kept.get(this.keptAs);
      if (e?.timer) clearTimeout(e.timer);
      kept.delete(this.keptAs);
    }
    this.signal?.removeEventListener('abort', this.onAbort);
    const pending = [...this.queue.splice(0), ...this.slots.map((s) => s.busy).filter((p): p is Pending => p !== null)];
    for (const s of this.slots) s.busy = null;
    this.shared.clear();
    await Promise.all(this.slots.map((s) => s.endpoint.terminate()));
    for (const p of pending) p.reject(reason);
  }
}

/**
 * {@link WorkerPool.acquire} for a run that may be aborted: rejects with the signal's reason (and
 * hands the pool back) when the signal is aborted before the pool is ready.
 */
export async function acquirePool(options: Omit<WorkerPoolOptions, 'signal'>, signal: AbortSignal | undefined): Promise<WorkerPool> {
  signal?.throwIfAborted();
  const pool = await WorkerPool.acquire(options);
  if (signal?.aborted) {
    WorkerPool.release(pool);
    throw signal.reason;
  }
  return pool;
}
