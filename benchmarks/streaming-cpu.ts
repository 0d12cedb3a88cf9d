/**
 * CPU time of the streaming case (cases/streaming.ts) on both sides: `npx tsx benchmarks/streaming-cpu.ts [rows]`.
 *
 * On a shared machine wall-clock times swing several-fold with the load of other processes; the CPU
 * time a process itself spends (process.cpuUsage in Node, time.process_time in Python) swings far
 * less, so the ratio of the two is the steadier measure of how the libraries compare. Same data
 * (the case's pool of 10 batches of 10,000 x 10, written to a temporary file), same loop, best of 3.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pipeline, SGDRegressor, StandardScaler } from '../src/index';
import { RowMajorMatrix } from '../src/core/data/RowMajorMatrix';
import { streaming } from './cases/streaming';

const rows = Number(process.argv[2] ?? 1_000_000);
const BATCH = 10_000;
const data = streaming.generate(rows, streaming.d, 0);
const { X, d, n } = data;
const y = data.y as Float64Array;
const batches = Array.from({ length: Math.ceil(n / BATCH) }, (_, b) => ({
  X: RowMajorMatrix.fromFlat(X.subarray(b * BATCH * d, Math.min(n, (b + 1) * BATCH) * d), Math.min(BATCH, n - b * BATCH), d),
  y: y.subarray(b * BATCH, Math.min(n, (b + 1) * BATCH)),
}));

function cpuMs(step: (b: { X: RowMajorMatrix; y: Float64Array }) => void): number {
  let best = Infinity;
  for (let r = 0; r < 3; r++) {
    const c0 = process.cpuUsage();
    for (let done = 0, k = 0; done < rows; k = (k + 1) % batches.length) {
      step(batches[k]);
      done += batches[k].X.rows;
    }
    const c = process.cpuUsage(c0);
    best = Math.min(best, (c.user + c.system) / 1000);
  }
  return best;
}

const chain = cpuMs(
  (() => {
    let sc = new StandardScaler();
    let sgd = new SGDRegressor({ shuffle: false, randomState: 0 });
    let seen = 0;
    return (b: { X: RowMajorMatrix; y: Float64Array }) => {
      if (seen % rows === 0) {
        sc = new StandardScaler();
        sgd = new SGDRegressor({ shuffle: false, randomState: 0 });
      }
      sgd.partialFit(sc.partialFit(b.X).transform(b.X), b.y);
      seen += b.X.rows;
    };
  })(),
);
const pipeline = cpuMs(
  (() => {
    let pipe: Pipeline | undefined;
    let seen = 0;
    return (b: { X: RowMajorMatrix; y: Float64Array }) => {
      if (seen % rows === 0) pipe = new Pipeline([['scale', new StandardScaler()], ['sgd', new SGDRegressor({ shuffle: false, randomState: 0 })]]);
      (pipe as Pipeline).partialFit(b.X, b.y);
      seen += b.X.rows;
    };
  })(),
);

const dir = mkdtempSync(join(tmpdir(), 'typelearn-stream-'));
const xPath = join(dir, 'X.f64');
const yPath = join(dir, 'y.f64');
writeFileSync(xPath, new Uint8Array(X.buffer, X.byteOffset, X.byteLength));
writeFileSync(yPath, new Uint8Array(y.buffer, y.byteOffset, y.byteLength));
const py = `
import sys, time, numpy as np
from sklearn.linear_model import SGDRegressor
from sklearn.preprocessing import StandardScaler
X = np.fromfile(sys.argv[1], dtype="<f8").reshape(-1, ${d}); y = np.fromfile(sys.argv[2], dtype="<f8")
rows = ${rows}; B = ${BATCH}; bounds = [(lo, min(len(y), lo + B)) for lo in range(0, len(y), B)]
best = float("inf")
for _ in range(3):
    c0 = time.process_time(); sc = StandardScaler(); sgd = SGDRegressor(shuffle=False, random_state=0); done = 0; k = 0
    while done < rows:
        lo, hi = bounds[k]; sc.partial_fit(X[lo:hi]); sgd.partial_fit(sc.transform(X[lo:hi]), y[lo:hi]); done += hi - lo; k = (k + 1) % len(bounds)
    best = min(best, time.process_time() - c0)
print(best * 1000)
`;
const env = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
const res = spawnSync('/usr/bin/python3', ['-c', py, xPath, yPath], { env, encoding: 'utf8' });
rmSync(dir, { recursive: true, force: true });
const sk = res.status === 0 ? Number(res.stdout.trim()) : NaN;
const rate = (ms: number) => `${((rows / ms) * 1000 / 1e6).toFixed(2)}M rows/s`;
console.log(`${rows.toLocaleString('en-US')} rows of ${d} columns in batches of ${BATCH.toLocaleString('en-US')}, CPU time, best of 3:`);
console.log(`  typelearn partialFit chain   ${chain.toFixed(0)} ms (${rate(chain)})`);
console.log(`  typelearn Pipeline.partialFit ${pipeline.toFixed(0)} ms (${rate(pipeline)})`);
console.log(`  scikit-learn partial_fit loop ${Number.isNaN(sk) ? `failed: ${res.stderr.trim().split('\n').pop()}` : `${sk.toFixed(0)} ms (${rate(sk)})`}`);
if (!Number.isNaN(sk)) console.log(`  ratio chain / scikit-learn ${(chain / sk).toFixed(2)}, Pipeline / scikit-learn ${(pipeline / sk).toFixed(2)}`);
