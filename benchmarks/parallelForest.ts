/**
 * RandomForestClassifier#fitAsync with nJobs 1 vs 2: 100 trees on makeClassification data, 20,000
 * rows × 20 features. Runs the built package (dist/: `npm run build` first), as users do, with the
 * worker script found beside it. Each round times nJobs 1, nJobs 2 cold (workers started by the
 * call) and nJobs 2 warm (the pool the cold call kept): wall time, process CPU time (main thread
 * and workers), the ratios and the load average; and checks that all three give the same
 * probabilities.
 *
 * Not in cases/index.ts: that harness times synchronous steps beside a scikit-learn runner; this is
 * an asynchronous typelearn-only comparison. Run: `npx tsx benchmarks/parallelForest.ts [rounds]`.
 */
import { cpus, loadavg } from 'node:os';
import { makeClassificationDense } from '../src/datasets/makeClassification';

// The built package, loaded at run time (the type-check runs before the build, so its types come from src).
const built = '../dist/index.js';
const { RandomForestClassifier } = (await import(built)) as typeof import('../src/index');
const builtParallel = '../dist/parallel/index.js';
const { WorkerPool } = (await import(builtParallel)) as typeof import('../src/parallel/index');

const n = 20_000;
const d = 20;
const rounds = Number(process.argv[2] ?? 2);
const r = makeClassificationDense({ nSamples: n, nFeatures: d, nInformative: 10, nRedundant: 5, nClasses: 2, flipY: 0.05, randomState: 0 });
const X = Array.from({ length: n }, (_, i) => r.X.subarray(i * d, (i + 1) * d));
const y = Array.from(r.y);
const XTest = X.slice(0, 2_000);

async function time(nJobs: number): Promise<{ wall: number; cpu: number; result: string }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const f = await new RandomForestClassifier({ nEstimators: 100, randomState: 0 }).fitAsync(X, y, { nJobs });
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6, result: JSON.stringify(f.predictProba(XTest).to2DArray()) };
}

console.log(`RandomForestClassifier, 100 trees, ${n} x ${d}; ${cpus().length} cores; load average before: ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
const f2 = (v: number): string => v.toFixed(2);
for (let k = 0; k < rounds; k++) {
  // Interleaved, so all three see the same load. Cold: no pool kept from an earlier call, so the
  // call starts its workers (each loads the library and compiles its hot code). Warm: the next call
  // with nJobs 2, in the pool the cold one kept.
  const one = await time(1);
  await WorkerPool.terminateKept();
  const cold = await time(2);
  const warm = await time(2);
  const same = one.result === cold.result && one.result === warm.result;
  console.log(
    `round ${k + 1}: nJobs 1 ${f2(one.wall)} s (${f2(one.cpu)} s CPU) | nJobs 2 cold ${f2(cold.wall)} s (${f2(cold.cpu)} s CPU) speedup ${f2(one.wall / cold.wall)}x CPU ratio ${f2(cold.cpu / one.cpu)} | nJobs 2 warm ${f2(warm.wall)} s (${f2(warm.cpu)} s CPU) speedup ${f2(one.wall / warm.wall)}x CPU ratio ${f2(warm.cpu / one.cpu)} | same results: ${same} | load ${f2(loadavg()[0])}`,
  );
}
await WorkerPool.terminateKept();
