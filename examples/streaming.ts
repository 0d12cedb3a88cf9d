/**
 * Streaming a data set larger than you would hold in memory: 1 million rows arrive in batches of
 * 10,000 (made on demand here; a file or database reader in real life), a StandardScaler +
 * SGDRegressor pipeline learns from each with partialFit through fitStream, a progress line shows
 * rows/s (the making of the batches included) and memory, and an AbortSignal would stop it at any
 * batch. Memory stays flat: only the current batch is alive. Prints the progress, the recovered
 * coefficients (the true ones are 3, -2, 0.5, 0) and R² on a fresh batch.
 *
 * Run: npx tsx examples/streaming.ts
 */
import { Pipeline, SGDRegressor, StandardScaler, fitStream, r2Score } from 'typelearn';
import type { FlatRows } from 'typelearn';

const D = 4;
const BATCH = 10_000;
const TOTAL = 1_000_000;

/** Batch b: features of different scales, y linear in them plus noise (deterministic). */
function batch(b: number): { X: FlatRows; y: Float64Array } {
  const data = new Float64Array(BATCH * D);
  const y = new Float64Array(BATCH);
  for (let i = 0; i < BATCH; i++) {
    const t = b * BATCH + i;
    const z = [Math.sin(t * 0.7), Math.cos(t * 1.3), Math.sin(t * 2.9 + 1), Math.cos(t * 0.11)];
    for (let j = 0; j < D; j++) data[i * D + j] = z[j] * 10 ** j + 5 * j;
    y[i] = 3 * z[0] - 2 * z[1] + 0.5 * z[2] + 0.01 * Math.sin(t * 17.1);
  }
  return { X: { data, rows: BATCH, cols: D }, y };
}

function* batches() {
  for (let b = 0; b < TOTAL / BATCH; b++) yield batch(b);
}

const model = new Pipeline([
  ['scale', new StandardScaler()],
  ['sgd', new SGDRegressor({ randomState: 0 })],
]);
const controller = new AbortController();
await fitStream(model, batches, {
  signal: controller.signal,
  onProgress: (p) => {
    if (p.batches % 25 === 0) {
      const rss = process.memoryUsage.rss() / 2 ** 20;
      console.log(`${p.rows.toLocaleString('en-US')} rows, ${Math.round(p.rowsPerSecond).toLocaleString('en-US')} rows/s, RSS ${rss.toFixed(0)} MB`);
    }
  },
});

const sgd = model.namedSteps.sgd;
const scale = model.namedSteps.scale;
// Feature j is z_j·10^j + 5j with std(z_j) = 1/√2, so on standardized features the coefficients
// are the true ones (3, -2, 0.5, 0) divided by √2.
console.log('recovered coefficients:', sgd.coef_.map((c) => (c * Math.SQRT2).toFixed(2)).join(', '));
console.log('learnt scales:', (scale.scale_ as number[]).map((v) => v.toPrecision(3)).join(', '));
const test = batch(TOTAL / BATCH + 1);
const rows = Array.from({ length: BATCH }, (_, i) => test.X.data.subarray(i * D, (i + 1) * D));
console.log(`R² on a fresh batch: ${r2Score(test.y, model.predict(rows) as number[]).toFixed(4)}`);
