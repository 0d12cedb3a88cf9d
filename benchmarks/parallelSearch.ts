/**
 * GridSearchCV#fitAsync with nJobs 1 vs 2: 12 SVC fits (C × gamma = 4 candidates, cv 3, refit
 * off so only the search's fits are timed) on makeClassification data, 5,000 rows × 20 features.
 * Runs the built package (dist/: `npm run build` first), as users do, with the worker script found
 * beside it. Each round times nJobs 1, nJobs 2 cold (workers started by the call) and nJobs 2 warm
 * (the pool the cold call kept): wall time, process CPU time (main thread and workers), the ratios
 * and the load average; and checks that all three give the same cvResults_.
 *
 * Not in cases/index.ts: that harness times synchronous steps beside a scikit-learn runner; this is
 * an asynchronous typelearn-only comparison. Run: `npx tsx benchmarks/parallelSearch.ts [rounds]`.
 */
import { makeClassificationDense } from '../src/datasets/makeClassification';
import { compareJobs } from './lib/jobsRounds';
import { rowViews } from './lib/rows';

// The built package, loaded at run time (the type-check runs before the build, so its types come from src).
const built = '../dist/index.js';
const { GridSearchCV, SVC } = (await import(built)) as typeof import('../src/index');
const builtParallel = '../dist/parallel/index.js';
const { WorkerPool } = (await import(builtParallel)) as typeof import('../src/parallel/index');

const n = 5_000;
const d = 20;
const rounds = Number(process.argv[2] ?? 2);
const r = makeClassificationDense({ nSamples: n, nFeatures: d, nInformative: 10, nRedundant: 5, nClasses: 2, flipY: 0.05, randomState: 0 });
const X = rowViews(r.X, n, d);
const y = Array.from(r.y);
const grid = { C: [1, 10], gamma: ['scale', 0.02] };

await compareJobs(
  `GridSearchCV SVC, ${n} x ${d}, 4 candidates x cv 3 = 12 fits`,
  rounds,
  async (nJobs) => {
    const s = await new GridSearchCV(new SVC(), grid, { cv: 3, refit: false }).fitAsync(X, y, { nJobs });
    return JSON.stringify(s.cvResults_.mean_test_score);
  },
  () => WorkerPool.terminateKept(),
);
