/** The page's script: every workload in the main thread, then in a module Web Worker. */
import { loadFromWorker, runAll } from './workloads';

interface Report {
  main?: Record<string, string>;
  worker?: Record<string, string>;
  /** The worker's model, loaded in the page: did it predict what it predicted in the worker? */
  workerModel?: { worker: string; page: string };
  /** While the worker trained: how long it took, and the longest the page's timer waited for a turn. */
  responsiveness?: { workerMs: number; longestGapMs: number; ticks: number };
  error?: string;
}
const report: Report = {};
interface FromWorker {
  results: Record<string, string>;
  trained: { model: unknown; predictions: string };
}

/** The browser globals used here (the project's type-check has no DOM library). */
interface WorkerLike {
  onmessage: ((e: { data: FromWorker }) => void) | null;
  onerror: ((e: { message: string }) => void) | null;
  terminate(): void;
}
const w = globalThis as unknown as {
  __report?: Report;
  __done?: boolean;
  Worker: new (url: URL, options: { type: 'module' }) => WorkerLike;
};

function inWorker(): Promise<FromWorker> {
  return new Promise((resolve, reject) => {
    const worker = new w.Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = (e) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => reject(new Error(`worker: ${e.message}`));
  });
}

async function main(): Promise<void> {
  try {
    report.main = runAll();
    // A 10 ms timer keeps ticking in the page while the worker fits: the UI is not blocked.
    let last = performance.now();
    let longestGapMs = 0;
    let ticks = 0;
    const timer = setInterval(() => {
      const t = performance.now();
      longestGapMs = Math.max(longestGapMs, t - last);
      last = t;
      ticks++;
    }, 10);
    const started = performance.now();
    const fromWorker = await inWorker();
    const workerMs = performance.now() - started;
    clearInterval(timer);
    longestGapMs = Math.max(longestGapMs, performance.now() - last);
    report.responsiveness = { workerMs, longestGapMs, ticks };
    report.worker = fromWorker.results;
    report.workerModel = { worker: fromWorker.trained.predictions, page: loadFromWorker(fromWorker.trained.model) };
  } catch (e) {
    report.error = (e as Error).stack ?? String(e);
  }
  w.__report = report;
  w.__done = true;
}
void main();
