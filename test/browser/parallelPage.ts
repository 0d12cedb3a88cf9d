/**
 * The parallel page: fits through typelearn's own worker pool in Web Workers (`fitAsync` with a
 * 2-worker pool), with shared memory when the page is cross-origin isolated and copies otherwise,
 * and reports the encoded results, the pool's behaviour on bad input, and whether a bundled pool
 * without `workerUrl` says what to do. The entry points (parallelEsbuild.ts, parallelVite.ts) differ
 * only in how they get the worker script's URL from their bundler.
 */
import { setWarningHandler } from 'typelearn';
import { WorkerPool, canShareMemory } from 'typelearn/parallel';
import { runAsync, runChecks } from './parallelWorkloads';

interface Report {
  isolated?: boolean;
  sharedMemory?: boolean;
  results?: { search: string; forest: string };
  checks?: Record<string, string>;
  withoutWorkerUrl?: string;
  error?: string;
}
const g = globalThis as unknown as { __report?: Report; __done?: boolean; crossOriginIsolated?: boolean };

export async function runPage(workerUrl: string | URL): Promise<void> {
  const report: Report = { isolated: g.crossOriginIsolated === true, sharedMemory: canShareMemory() };
  try {
    const pool = await WorkerPool.create({ nJobs: 2, workerUrl });
    try {
      report.results = await runAsync(pool);
      report.checks = await runChecks(pool, setWarningHandler);
    } finally {
      await pool.terminate();
    }
    report.withoutWorkerUrl = await WorkerPool.create({ nJobs: 1 }).then(
      async (p) => {
        await p.terminate();
        return 'created';
      },
      (e: Error) => e.message,
    );
  } catch (e) {
    report.error = (e as Error).stack ?? String(e);
  }
  g.__report = report;
  g.__done = true;
}
