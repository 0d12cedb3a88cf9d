/**
 * Streaming from Parquet (issue 11, "Numbers" (a)): vega-datasets' data/flights-3m.parquet (3M
 * flights, zstd) read with readParquetBatches (row groups cut into batches), then one pass of
 * StandardScaler.partialFit on distance, hour and weekday, a OneHotEncoder on origin and
 * destination (categories from the first batch, handleUnknown 'ignore': a stream needs no first
 * pass), and SGDRegressor.partialFit predicting the delay (minutes).
 *
 * Not a BenchCase: the harness times synchronous steps beside scikit-learn, and this is an async
 * read with no scikit-learn counterpart here (Debian has no pyarrow). Run one size per process, so
 * that the peak RSS is that size's:
 *   npx tsx benchmarks/flights.ts 500000
 *   npx tsx benchmarks/flights.ts 1000000
 *   npx tsx benchmarks/flights.ts 3000000
 * Prints rows, seconds, rows/s, peak RSS (MB, sampled after every batch) and the final SGD R² on the
 * last batch (a sanity check, not a quality claim).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readParquetFile } from '../src/node';
import { OneHotEncoder, StandardScaler } from '../src/preprocessing';
import { SGDRegressor } from '../src/linear_model';
import { RowMajorMatrix } from '../src/core/data/RowMajorMatrix';
import { matrixRowMajor } from '../src/core/data';

const limit = Number(process.argv[2] ?? 3_000_000);
const batchRows = Number(process.argv[3] ?? 16_384);
const here = dirname(fileURLToPath(import.meta.url));
const file = join(here, '..', 'node_modules', 'vega-datasets', 'data', 'flights-3m.parquet');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function main(): Promise<void> {
  const scaler = new StandardScaler();
  const sgd = new SGDRegressor({ randomState: 0, shuffle: false });
  let enc: OneHotEncoder | undefined;
  let rows = 0;
  let peak = process.memoryUsage.rss();
  const t0 = performance.now();
  let readMs = 0;
  let tEnc = 0;
  let tSgd = 0;
  let lastR2 = NaN;
  let tRead = performance.now();
  for await (const batch of readParquetFile(file, { columns: ['date', 'distance', 'origin', 'destination'], target: 'delay', as: 'records', batchRows })) {
    readMs += performance.now() - tRead;
    const recs = batch.X as Array<{ date: number; distance: number; origin: string; destination: string }>;
    const n = Math.min(batch.rows, limit - rows);
    const num = new Float64Array(n * 3);
    const cat = new Array<{ origin: string; destination: string }>(n);
    for (let i = 0; i < n; i++) {
      const r = recs[i];
      num[3 * i] = r.distance;
      num[3 * i + 1] = Math.floor(r.date / HOUR) % 24;
      num[3 * i + 2] = (Math.floor(r.date / DAY) + 4) % 7; // 1970-01-01 was a Thursday: 0 = Sunday
      cat[i] = { origin: r.origin, destination: r.destination };
    }
    const tE = performance.now();
    const numX = RowMajorMatrix.fromFlat(num, n, 3);
    const scaled = scaler.partialFit(numX).transform(numX);
    enc ??= new OneHotEncoder({ handleUnknown: 'ignore' }).fit(cat);
    const oh = enc.transform(cat);
    const k = oh.columns;
    const p = 3 + k;
    const X = new Float64Array(n * p);
    const sf = matrixRowMajor(scaled)?.data ?? Float64Array.from(scaled.to1DArray());
    const of = matrixRowMajor(oh)?.data ?? Float64Array.from(oh.to1DArray());
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < 3; j++) X[i * p + j] = sf[i * 3 + j];
      X.set(of.subarray(i * k, (i + 1) * k), i * p + 3);
    }
    tEnc += performance.now() - tE;
    const tS = performance.now();
    const y = (batch.y as Float64Array).subarray(0, n);
    const Xm = RowMajorMatrix.fromFlat(X, n, p);
    sgd.partialFit(Xm, y);
    tSgd += performance.now() - tS;
    rows += n;
    peak = Math.max(peak, process.memoryUsage.rss());
    if (rows >= limit) {
      lastR2 = sgd.score(Xm, y);
      break;
    }
    tRead = performance.now();
  }
  const s = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ rows, batchRows, seconds: +s.toFixed(2), rowsPerSecond: Math.round(rows / s), readSeconds: +(readMs / 1000).toFixed(2), scaleEncodeSeconds: +(tEnc / 1000).toFixed(2), sgdSeconds: +(tSgd / 1000).toFixed(2), peakRssMB: Math.round(peak / 2 ** 20), lastBatchR2: +lastR2.toFixed(4), features: 3 + (enc?.transform([{ origin: 'x', destination: 'y' }]).columns ?? 0) }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
