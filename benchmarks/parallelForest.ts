/**
 * RandomForestClassifier#fitAsync with nJobs 1 vs 2: 100 trees on makeClassification data, 20,000
 * rows × 20 features. Runs the built package (dist/: `npm run build` first), as users do, with the
 * worker script found beside it. Reports wall time, this process's CPU time (main thread and
 * workers) and the load average, and checks that both fits give the same probabilities.
 *
 * Not in cases/index.ts: that harness times synchronous steps beside a scikit-learn runner; this is
 * an asynchronous typelearn-only comparison. Run: `npx tsx benchmarks/parallelForest.ts [rounds]`.
 */
import { cpus, loadavg } from 'node:os';
import { makeClassificationDense } from '../src/datasets/makeClassification';

// The built package, loaded at run time (the type-check runs before the build, so its types come from src).
const built = '../dist/index.js';
const { RandomForestClassifier } = (await import(built)) as typeof import('../src/index');

const n = 20_000;
const d = 20;
const rounds = Number(process.argv[2] ?? 2);
const r = makeClassificationDense({ nSamples: n, nFeatures: d, nInformative: 10, nRedundant: 5, nClasses: 2, flipY: 0.05, randomState: 0 });
const X = Array.from({ length: n }, (_, i) => r.X.subarray(i * d, (i + 1) * d));
const y = Array.from(r.y);
const XTest = X.slice(0, 2_000);

async function time(nJobs: number): Promise<{ wall: number; cpu: number; proba: number[][] }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const f = await new RandomForestClassifier({ nEstimators: 100, randomState: 0 }).fitAsync(X, y, { nJobs });
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6, proba: f.predictProba(XTest).to2DArray() };
}

console.log(`RandomForestClassifier, 100 trees, ${n} x ${d}; ${cpus().length} cores; load average before: ${loadavg().map((v) => v.toFixed(2)).join(' ')}`);
for (let k = 0; k < rounds; k++) {
  // Interleaved, so both see the same load.
  const one = await time(1);
  const two = await time(2);
  const same = JSON.stringify(one.proba) === JSON.stringify(two.proba);
  console.log(
    `round ${k + 1}: nJobs 1 ${one.wall.toFixed(2)} s wall (${one.cpu.toFixed(2)} s CPU) | nJobs 2 ${two.wall.toFixed(2)} s wall (${two.cpu.toFixed(2)} s CPU) | speedup ${(one.wall / two.wall).toFixed(2)}x | same probabilities: ${same} | load ${loadavg()[0].toFixed(2)}`,
  );
}
