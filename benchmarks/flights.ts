/**
 * Issue 11's numbers on real data: vega-datasets' data/flights-3m.parquet (3M flights, 11 row
 * groups, zstd), predicting the delay (minutes) from distance, hour, weekday, origin and
 * destination. Run by `npm run bench -- --flights` (everything below, one table), or by hand:
 *
 *   npx tsx benchmarks/flights.ts read <rows>          the Parquet reader alone (as: 'columns')
 *   npx tsx benchmarks/flights.ts stream <rows>        (a) streamed, sparse path (see below)
 *   npx tsx benchmarks/flights.ts stream-dense <rows>  (a) streamed, the dense path (the "before")
 *   npx tsx benchmarks/flights.ts hgb [rows]           (b) HistGradientBoostingRegressor in memory,
 *                                                      beside scikit-learn with OMP_NUM_THREADS=1 and 2
 *
 * Each streaming run is one process per size, so its peak RSS is that size's (VmHWM of
 * /proc/self/status: the kernel's high-water mark of the whole process, not a sample). Each prints
 * one JSON line.
 *
 * (a) One pass, batches of 65,536 rows (a row group cut in pieces): StandardScaler.partialFit on
 * distance, hour, weekday; OneHotEncoder (categories declared up front from the airport lists,
 * handleUnknown 'ignore') on origin and destination; SGDRegressor.partialFit (shuffle off). The
 * sparse path reads named columns (`as: 'columns'`), one-hot encodes to a `CsrMatrix`
 * (`transformSparse`), puts the scaled numbers beside it (`hstackCsr`) and hands that to
 * `SGDRegressor.partialFit`, whose updates cost O(nonzeros): 5 per row instead of 447.
 * The dense path (the first version's) reads records in batches of 16,384 rows and builds the
 * 460-wide dense matrix (3 numbers and 229 + 228 airports).
 *
 * (b) All rows in memory as a 5-column matrix: distance, hour, weekday, and origin / destination
 * as integer codes (their rank in the sorted airport list, < 255) declared as
 * `categoricalFeatures: [3, 4]` (scikit-learn: `categorical_features=[3, 4]`, the same codes).
 * Both sides: 100 iterations (earlyStopping off, so both grow exactly 100 trees), other options at
 * their defaults, fit on all rows, predict all rows. The data are read and written once to raw
 * float64 files; each side then runs in a fresh process that loads them (not timed) and times fit
 * and predict; peak RSS is that process's VmHWM (it includes the 144 MB of X and y both sides hold).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readParquetFile } from '../src/node';
import { OneHotEncoder, StandardScaler } from '../src/preprocessing';
import { SGDRegressor } from '../src/linear_model';
import { HistGradientBoostingRegressor } from '../src/ensemble';
import { RowMajorMatrix } from '../src/core/data/RowMajorMatrix';
import { hstackCsr } from '../src/core/data/CsrMatrix';
import { matrixRowMajor } from '../src/core/data';
import { ColumnTable } from '../src/core/tabular';
import { r2Score } from '../src/metrics';

const here = dirname(fileURLToPath(import.meta.url));
const FILE = join(here, '..', 'node_modules', 'vega-datasets', 'data', 'flights-3m.parquet');
const PYTHON = '/usr/bin/python3';
const RUNNER = join(here, 'sklearn_runner.py');
const BATCH_ROWS = 65_536;
/** The dense path's batches: the first version's 16,384 rows (at 65,536 its 460-wide batches alone take 240 MB each). */
const DENSE_BATCH_ROWS = 16_384;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The process's peak resident set size in MB (VmHWM), or the current RSS where /proc is absent. */
function peakRssMB(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    // not Linux
  }
  return Math.round(process.memoryUsage.rss() / 2 ** 20);
}

/** CPU seconds this process has used (user + system, all its threads) since `from`. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
}

const hourOf = (ms: number): number => Math.floor(ms / HOUR) % 24;
/** 0 = Sunday (1970-01-01 was a Thursday). */
const weekdayOf = (ms: number): number => (Math.floor(ms / DAY) + 4) % 7;

/** The airports: the sorted distinct origins and destinations (one pass over those two columns, not timed). */
async function airports(): Promise<{ origin: string[]; destination: string[] }> {
  const o = new Set<string>();
  const d = new Set<string>();
  for await (const b of readParquetFile(FILE, { columns: ['origin', 'destination'], as: 'columns', batchRows: 1 << 22 })) {
    const t = b.X as ColumnTable;
    for (const v of t.columns[0] as string[]) o.add(v);
    for (const v of t.columns[1] as string[]) d.add(v);
  }
  return { origin: [...o].sort(), destination: [...d].sort() };
}

const COLUMNS = ['date', 'distance', 'origin', 'destination'];

async function read(limit: number): Promise<Record<string, number>> {
  let rows = 0;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for await (const b of readParquetFile(FILE, { columns: COLUMNS, target: 'delay', as: 'columns', batchRows: BATCH_ROWS })) {
    rows += b.rows;
    if (rows >= limit) break;
  }
  const s = (performance.now() - t0) / 1000;
  const cpu = cpuSince(c0);
  return { rows, seconds: +s.toFixed(2), rowsPerSecond: Math.round(rows / s), cpuSeconds: +cpu.toFixed(2), rowsPerCpuSecond: Math.round(rows / cpu), peakRssMB: peakRssMB() };
}

/** One streaming run's JSON line: rates (wall and CPU), the split of the wall time, peak RSS. */
function streamReport(r: { rows: number; t0: number; c0: NodeJS.CpuUsage; tRead: number; tPrep: number; tSgd: number; r2: number }): Record<string, number> {
  const s = (performance.now() - r.t0) / 1000;
  const cpu = cpuSince(r.c0);
  return {
    rows: r.rows,
    seconds: +s.toFixed(2),
    rowsPerSecond: Math.round(r.rows / s),
    cpuSeconds: +cpu.toFixed(2),
    rowsPerCpuSecond: Math.round(r.rows / cpu),
    readSeconds: +(r.tRead / 1000).toFixed(2),
    scaleEncodeSeconds: +(r.tPrep / 1000).toFixed(2),
    sgdSeconds: +(r.tSgd / 1000).toFixed(2),
    peakRssMB: peakRssMB(),
    lastBatchR2: +r.r2.toFixed(4),
  };
}

/** The streamed models: the scaler, the encoder with the airports declared (one pass over those two columns first, not timed), SGD. */
async function streamModels(): Promise<{ scaler: StandardScaler; enc: OneHotEncoder; sgd: SGDRegressor }> {
  const cats = await airports();
  return {
    scaler: new StandardScaler(),
    enc: new OneHotEncoder({ categories: [cats.origin, cats.destination], handleUnknown: 'ignore' }),
    sgd: new SGDRegressor({ randomState: 0, shuffle: false }),
  };
}

/** (a), the sparse path: named columns → scaler + one-hot CSR → SGD on CSR. */
async function stream(limit: number): Promise<Record<string, number>> {
  const { scaler, enc, sgd } = await streamModels();
  let rows = 0;
  let tRead = 0;
  let tPrep = 0;
  let tSgd = 0;
  let last: { X: ReturnType<typeof hstackCsr>; y: Float64Array } | undefined;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let tr = performance.now();
  for await (const b of readParquetFile(FILE, { columns: COLUMNS, target: 'delay', as: 'columns', batchRows: BATCH_ROWS })) {
    tRead += performance.now() - tr;
    const tp = performance.now();
    const t = b.X as ColumnTable;
    const n = Math.min(b.rows, limit - rows);
    const date = t.columns[0] as Float64Array;
    const dist = t.columns[1] as Float64Array;
    const num = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) {
      num[3 * i] = dist[i];
      num[3 * i + 1] = hourOf(date[i]);
      num[3 * i + 2] = weekdayOf(date[i]);
    }
    const numX = RowMajorMatrix.fromFlat(num, n, 3);
    const scaled = scaler.partialFit(numX).transform(numX);
    const cut = (c: ColumnTable['columns'][number]) => (n === b.rows ? c : c.slice(0, n));
    const catT = new ColumnTable(['origin', 'destination'], [cut(t.columns[2]), cut(t.columns[3])], n);
    // The categories are declared: the first batch fits the encoder, the others only need transforming.
    if (rows === 0) enc.partialFit(catT);
    const X = hstackCsr([scaled, enc.transformSparse(catT)]);
    const y = (b.y as Float64Array).subarray(0, n);
    const ts = performance.now();
    tPrep += ts - tp;
    sgd.partialFit(X, y);
    tSgd += performance.now() - ts;
    rows += n;
    last = { X, y };
    if (rows >= limit) break;
    tr = performance.now();
  }
  return streamReport({ rows, t0, c0, tRead, tPrep, tSgd, r2: last ? r2Score(last.y, sgd.predict(last.X)) : NaN });
}

/** (a), the dense path of the first version: records → scaler + dense one-hot (460 columns) → SGD. */
async function streamDense(limit: number): Promise<Record<string, number>> {
  const { scaler, enc, sgd } = await streamModels();
  let rows = 0;
  let tRead = 0;
  let tPrep = 0;
  let tSgd = 0;
  let last: { X: RowMajorMatrix; y: Float64Array } | undefined;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let tr = performance.now();
  for await (const b of readParquetFile(FILE, { columns: COLUMNS, target: 'delay', as: 'records', batchRows: DENSE_BATCH_ROWS })) {
    tRead += performance.now() - tr;
    const tp = performance.now();
    const recs = b.X as Array<{ date: number; distance: number; origin: string; destination: string }>;
    const n = Math.min(b.rows, limit - rows);
    const num = new Float64Array(n * 3);
    const cat = new Array<{ origin: string; destination: string }>(n);
    for (let i = 0; i < n; i++) {
      const r = recs[i];
      num[3 * i] = r.distance;
      num[3 * i + 1] = hourOf(r.date);
      num[3 * i + 2] = weekdayOf(r.date);
      cat[i] = { origin: r.origin, destination: r.destination };
    }
    const numX = RowMajorMatrix.fromFlat(num, n, 3);
    const sf = matrixRowMajor(scaler.partialFit(numX).transform(numX))!.data;
    if (rows === 0) enc.partialFit(cat);
    const of = matrixRowMajor(enc.transform(cat))!.data;
    const k = of.length / n;
    const p = 3 + k;
    const X = new Float64Array(n * p);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < 3; j++) X[i * p + j] = sf[i * 3 + j];
      X.set(of.subarray(i * k, (i + 1) * k), i * p + 3);
    }
    const ts = performance.now();
    tPrep += ts - tp;
    const Xm = RowMajorMatrix.fromFlat(X, n, p);
    const y = (b.y as Float64Array).subarray(0, n);
    sgd.partialFit(Xm, y);
    tSgd += performance.now() - ts;
    rows += n;
    last = { X: Xm, y };
    if (rows >= limit) break;
    tr = performance.now();
  }
  return streamReport({ rows, t0, c0, tRead, tPrep, tSgd, r2: last ? r2Score(last.y, sgd.predict(last.X)) : NaN });
}

/** (b): reads `limit` rows into X (n × 5: distance, hour, weekday, origin code, destination code) and y, as raw float64 files in `dir`. */
async function exportForHgb(limit: number, dir: string): Promise<{ n: number; nOrigin: number; nDestination: number }> {
  const cats = await airports();
  const codeO = new Map(cats.origin.map((a, i) => [a, i]));
  const codeD = new Map(cats.destination.map((a, i) => [a, i]));
  const X = new Float64Array(limit * 5);
  const y = new Float64Array(limit);
  let rows = 0;
  for await (const b of readParquetFile(FILE, { columns: COLUMNS, target: 'delay', as: 'columns', batchRows: 1 << 22 })) {
    const t = b.X as ColumnTable;
    const [date, dist] = t.columns as [Float64Array, Float64Array];
    const [orig, dest] = [t.columns[2] as string[], t.columns[3] as string[]];
    const yb = b.y as Float64Array;
    const n = Math.min(b.rows, limit - rows);
    for (let i = 0; i < n; i++) {
      const o = (rows + i) * 5;
      X[o] = dist[i];
      X[o + 1] = hourOf(date[i]);
      X[o + 2] = weekdayOf(date[i]);
      X[o + 3] = codeO.get(orig[i]) as number;
      X[o + 4] = codeD.get(dest[i]) as number;
      y[rows + i] = yb[i];
    }
    rows += n;
    if (rows >= limit) break;
  }
  writeFileSync(join(dir, 'X.f64'), new Uint8Array(X.buffer, 0, rows * 5 * 8));
  writeFileSync(join(dir, 'y.f64'), new Uint8Array(y.buffer, 0, rows * 8));
  return { n: rows, nOrigin: cats.origin.length, nDestination: cats.destination.length };
}

/** (b), typelearn's side, in a fresh process: load the files (not timed), fit, predict. */
function hgbFit(dir: string, n: number): Record<string, number> {
  const buf = readFileSync(join(dir, 'X.f64'));
  const X = new Float64Array(buf.buffer, buf.byteOffset, n * 5);
  const yb = readFileSync(join(dir, 'y.f64'));
  const y = new Float64Array(yb.buffer, yb.byteOffset, n);
  const rssLoaded = Math.round(process.memoryUsage.rss() / 2 ** 20);
  const Xm = RowMajorMatrix.fromFlat(X, n, 5);
  const model = new HistGradientBoostingRegressor({ maxIter: 100, earlyStopping: false, categoricalFeatures: [3, 4], randomState: 0 });
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  model.fit(Xm, y);
  const fitMs = performance.now() - t0;
  const fitCpuMs = cpuSince(c0) * 1000;
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const pred = model.predict(Xm);
  const predictMs = performance.now() - t1;
  const predictCpuMs = cpuSince(c1) * 1000;
  return { fitMs: Math.round(fitMs), predictMs: Math.round(predictMs), fitCpuMs: Math.round(fitCpuMs), predictCpuMs: Math.round(predictCpuMs), peakRssMB: peakRssMB(), rssLoadedMB: rssLoaded, r2: +r2Score(y, pred).toFixed(4), nIter: model.nIter_ };
}

function child(args: string[], env: Record<string, string> = {}): Record<string, number> {
  const res = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 20 });
  if (res.status !== 0) throw new Error(`flights ${args.join(' ')} failed: ${res.stderr}`);
  return JSON.parse(res.stdout.trim().split('\n').pop() as string) as Record<string, number>;
}

function sklearnHgb(dir: string, n: number, threads: number): Record<string, number> {
  const env = { ...process.env, OMP_NUM_THREADS: String(threads), OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const spec = { runner: 'flights_hgb_regressor', x: join(dir, 'X.f64'), y: join(dir, 'y.f64'), n, d: 5, repeats: 1 };
  const res = spawnSync(PYTHON, [RUNNER, 'run', JSON.stringify(spec)], { env, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (res.status !== 0) throw new Error(`scikit-learn failed: ${res.stderr}`);
  const r = JSON.parse(res.stdout) as { steps: Record<string, number>; metric: number; peak_rss_mb: number };
  return { fitMs: Math.round(r.steps.fit), predictMs: Math.round(r.steps.predict), fitCpuMs: Math.round(r.steps['fit CPU']), predictCpuMs: Math.round(r.steps['predict CPU']), peakRssMB: Math.round(r.peak_rss_mb), r2: +r.metric.toFixed(4) };
}

async function hgb(limit: number): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'typelearn-flights-'));
  try {
    const { n, nOrigin, nDestination } = await exportForHgb(limit, dir);
    const load = loadavg()[0].toFixed(2);
    const tl = child(['hgb-fit', dir, String(n)]);
    const sk1 = sklearnHgb(dir, n, 1);
    const sk2 = sklearnHgb(dir, n, 2);
    const loadEnd = loadavg()[0].toFixed(2);
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    const sec = (ms: number) => (ms / 1000).toFixed(1);
    const row = (name: string, r: Record<string, number>) =>
      `| ${name} | ${sec(r.fitMs)} | ${sec(r.fitCpuMs)} | ${sec(r.predictMs)} | ${sec(r.predictCpuMs)} | ${r.peakRssMB} | ${r.r2} | ${r === tl ? '—' : ratio(tl.fitMs, r.fitMs)} | ${r === tl ? '—' : ratio(tl.predictMs, r.predictMs)} |`;
    return [
      `HistGradientBoostingRegressor on ${n.toLocaleString('en-US')} flights × 5 features (origin: ${nOrigin} and destination: ${nDestination} categories), 100 iterations; load average ${load} at the start, ${loadEnd} at the end`,
      '',
      '| side | fit (s, wall) | fit (s, CPU of all threads) | predict (s, wall) | predict (s, CPU) | peak RSS (MB) | R² (train) | fit ratio tl/sk (wall) | predict ratio tl/sk (wall) |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      row('typelearn (1 thread)', tl),
      row('scikit-learn, OMP_NUM_THREADS=1', sk1),
      row('scikit-learn, OMP_NUM_THREADS=2', sk2),
      '',
      `typelearn's process held ${tl.rssLoadedMB} MB after loading the data, before the fit.`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Everything, as markdown: the reader, both streaming paths at 0.5M, 1M, 3M, then HGB on all rows. */
async function all(): Promise<void> {
  const lines = ['## flights-3m.parquet', '', `load average at the start: ${loadavg().map((v) => v.toFixed(2)).join(', ')}`, ''];
  lines.push(
    '| rows | path | rows/s (wall) | seconds (wall) | rows per CPU second | CPU seconds | read (s, wall) | scale + encode (s, wall) | SGD (s, wall) | peak RSS (MB) |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  const fmt = (v: number) => v.toLocaleString('en-US');
  for (const rows of [500_000, 1_000_000, 3_000_000]) {
    const r = child(['read', String(rows)]);
    lines.push(`| ${fmt(rows)} | reader alone (as: 'columns') | ${fmt(r.rowsPerSecond)} | ${r.seconds} | ${fmt(r.rowsPerCpuSecond)} | ${r.cpuSeconds} | ${r.seconds} | — | — | ${r.peakRssMB} |`);
    for (const [mode, label] of [['stream', 'sparse (CSR)'], ['stream-dense', 'dense (460 columns)']]) {
      const s = child([mode, String(rows)]);
      lines.push(`| ${fmt(rows)} | ${label} | ${fmt(s.rowsPerSecond)} | ${s.seconds} | ${fmt(s.rowsPerCpuSecond)} | ${s.cpuSeconds} | ${s.readSeconds} | ${s.scaleEncodeSeconds} | ${s.sgdSeconds} | ${s.peakRssMB} |`);
      console.error(`  flights ${mode} ${rows}: ${JSON.stringify(s)}`);
    }
  }
  lines.push('', `load average at the end of the streaming runs: ${loadavg().map((v) => v.toFixed(2)).join(', ')}`, '', ...(await hgb(3_000_000)));
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const [mode = 'all', arg, arg2] = process.argv.slice(2);
  const rows = Number(arg ?? 3_000_000);
  if (mode === 'read') console.log(JSON.stringify(await read(rows)));
  else if (mode === 'stream') console.log(JSON.stringify(await stream(rows)));
  else if (mode === 'stream-dense') console.log(JSON.stringify(await streamDense(rows)));
  else if (mode === 'hgb') console.log((await hgb(rows)).join('\n'));
  else if (mode === 'hgb-fit') console.log(JSON.stringify(hgbFit(arg, Number(arg2))));
  else if (mode === 'hgb-export') console.log(JSON.stringify(await exportForHgb(Number(arg2 ?? 3_000_000), arg)));
  else if (mode === 'all') await all();
  else throw new Error(`unknown mode '${mode}': read, stream, stream-dense, hgb, hgb-fit or all`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
