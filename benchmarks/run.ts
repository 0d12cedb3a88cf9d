/**
 * typelearn's benchmarks, side by side with scikit-learn: `npm run bench [-- options]`.
 *
 *   --quick               only the smallest size of each case
 *   --filter <substring>  only the cases whose name contains it (case-insensitive)
 *   --sizes 10000,100000  these numbers of rows instead of each case's sizes
 *   --full                also each case's `fullSizes` (slow: e.g. the MLP at 60k × 784)
 *   --flights             only the real-data suite of benchmarks/flights.ts (flights-3m.parquet:
 *                         streaming at 0.5M / 1M / 3M rows, HistGradientBoosting on 3M beside
 *                         scikit-learn with OMP_NUM_THREADS=1 and 2); writes results/flights.md
 *
 * For each case and size the data are generated once, in TypeScript (seeded), and written to a raw
 * little-endian float64 file under os.tmpdir(); typelearn runs on it here and
 * benchmarks/sklearn_runner.py runs scikit-learn on the same file, with BLAS/OpenMP pinned to one
 * thread. The markdown table goes to stdout and to benchmarks/results/latest.md (the full default
 * run only; filtered or partial runs go to benchmarks/results/last-partial.md).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cases } from './cases/index';
import type { BenchCase, BenchData } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const PYTHON = '/usr/bin/python3';
const RUNNER = join(here, 'sklearn_runner.py');
const SEED = 0;
/** scikit-learn runs single-threaded, as typelearn does: these pin BLAS and OpenMP to one thread. */
const PINNED_ENV = { OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

interface Cli {
  quick: boolean;
  full: boolean;
  flights: boolean;
  filter?: string;
  sizes?: number[];
}

function parseArgs(argv: string[]): Cli {
  const cli: Cli = { quick: false, full: false, flights: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') cli.quick = true;
    else if (a === '--full') cli.full = true;
    else if (a === '--flights') cli.flights = true;
    else if (a === '--filter') cli.filter = argv[++i];
    else if (a.startsWith('--filter=')) cli.filter = a.slice('--filter='.length);
    else if (a === '--sizes' || a.startsWith('--sizes=')) {
      const v = a === '--sizes' ? argv[++i] : a.slice('--sizes='.length);
      cli.sizes = (v ?? '').split(',').map((s) => Number(s.replace(/_/g, '')));
      if (cli.sizes.length === 0 || cli.sizes.some((n) => !Number.isInteger(n) || n < 1)) fail(`--sizes needs positive integers, got '${v}'`);
    } else if (a === '--help' || a === '-h') {
      console.log('npm run bench -- [--quick] [--full] [--filter <substring>] [--sizes 10000,100000] | --flights');
      process.exit(0);
    } else fail(`unknown argument '${a}' (try --help)`);
  }
  if (cli.filter === undefined && argv.includes('--filter')) fail('--filter needs a value');
  return cli;
}

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(2);
}

interface SklearnInfo {
  sklearn: string;
  numpy: string;
  python: string;
  threadpools?: Array<{ api: string; lib: string; threads: number }>;
}

function pythonInfo(): SklearnInfo {
  const out = execFileSync(PYTHON, [RUNNER, 'info'], { env: { ...process.env, ...PINNED_ENV }, encoding: 'utf8' });
  return JSON.parse(out) as SklearnInfo;
}

/** Finds scikit-learn, installing it with apt-get when missing and allowed; explains when not. */
function ensureSklearn(): { info?: SklearnInfo; reason?: string } {
  const importable = () => spawnSync(PYTHON, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0;
  if (!importable()) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (!isRoot) return { reason: `scikit-learn is not importable by ${PYTHON} and installing it needs root (apt-get install python3-sklearn)` };
    console.error('bench: scikit-learn not found; installing python3-sklearn with apt-get ...');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', 'python3-sklearn'], { stdio: 'inherit', env }) : update;
    if (install.status !== 0 || !importable()) return { reason: 'scikit-learn is missing and `apt-get install -y python3-sklearn` failed' };
  }
  try {
    return { info: pythonInfo() };
  } catch (e) {
    return { reason: `scikit-learn found but ${RUNNER} info failed: ${(e as Error).message.split('\n')[0]}` };
  }
}

/** More repeats for small problems, where timings are noisy; at least 3. */
function repeatsFor(n: number, d: number): number {
  const cells = n * d;
  if (cells <= 500_000) return 15;
  if (cells <= 5_000_000) return 7;
  return 3;
}

function bestOf(k: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < k; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

function writeF64(path: string, a: Float64Array): void {
  // Node runs on little-endian machines only in practice; check rather than assume.
  if (new Uint8Array(new Float64Array([1]).buffer)[7] !== 0x3f) throw new Error('big-endian host: convert before writing');
  writeFileSync(path, new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

interface Row {
  caseName: string;
  step: string;
  n: number;
  d: number;
  repeats: number;
  /** Floating-point operations of the step, when the case declares them (kernels). */
  flops?: number;
  /** Units of work of the step, when the case declares them (epochs of a fit). */
  rate?: { count: number; unit: string };
  tlMs: number;
  skMs?: number;
  metric: string;
  tlMetric: number;
  skMetric?: number;
  maxAbsDiff?: number;
  notes: string[];
}

interface SklearnResult {
  steps: Record<string, number>;
  metric: number;
  max_abs_diff?: number;
}

function runCase(c: BenchCase, n: number, dir: string, sklearn: boolean): Row[] {
  const d = c.d;
  const k = c.repeats ? c.repeats(n) : repeatsFor(n, d);
  const t0 = performance.now();
  const data: BenchData = c.generate(n, d, SEED);
  const genMs = performance.now() - t0;
  const run = c.typelearn(data);
  const tl = run.steps.map((s) => ({ name: s.name, flops: s.flops, rate: s.rate, ms: bestOf(k, s.run) }));
  const tlMetric = run.metric();
  let sk: SklearnResult | undefined;
  let note: string | undefined;
  if (sklearn) {
    const xPath = join(dir, 'X.f64');
    const yPath = join(dir, 'y.f64');
    const theirsPath = join(dir, 'typelearn_out.f64');
    writeF64(xPath, data.X);
    if (data.y) writeF64(yPath, data.y);
    writeF64(theirsPath, run.output());
    // X holds data.n rows; a streaming case streams n rows cycling through them (`rows`).
    const spec = { runner: c.sklearnRunner, x: xPath, y: data.y ? yPath : null, theirs: theirsPath, n: data.n, d, repeats: k, ...(data.n !== n ? { rows: n } : {}) };
    const res = spawnSync(PYTHON, [RUNNER, 'run', JSON.stringify(spec)], { env: { ...process.env, ...PINNED_ENV }, encoding: 'utf8', maxBuffer: 1 << 20 });
    if (res.status === 0) sk = JSON.parse(res.stdout) as SklearnResult;
    else note = `scikit-learn runner failed: ${(res.stderr || '').trim().split('\n').pop()}`;
    for (const p of [xPath, yPath, theirsPath]) rmSync(p, { force: true });
  }
  console.error(`  ${c.name} n=${n} d=${d}: data ${genMs.toFixed(0)} ms, ${tl.map((s) => `${s.name} ${s.ms.toFixed(1)} ms`).join(', ')}${sk ? ` | sklearn ${Object.entries(sk.steps).map(([s, ms]) => `${s} ${ms.toFixed(1)} ms`).join(', ')}` : ''}`);
  return tl.map((s) => ({
    caseName: c.name,
    step: s.name,
    n,
    d,
    repeats: k,
    flops: s.flops,
    rate: s.rate,
    tlMs: s.ms,
    skMs: sk?.steps[s.name],
    metric: c.metric,
    tlMetric,
    skMetric: sk?.metric,
    maxAbsDiff: sk?.max_abs_diff,
    notes: [...(run.notes ?? []), ...(note === undefined ? [] : [note])],
  }));
}

const fmtMs = (v: number | undefined) => (v === undefined ? '—' : v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const fmtNum = (v: number | undefined) => (v === undefined ? '—' : v === 0 ? '0' : Math.abs(v) < 1e-3 ? v.toExponential(2) : v.toFixed(6));
const fmtN = (n: number) => n.toLocaleString('en-US');
/** Escapes the characters that would break a markdown table cell. */
const cell = (s: string) => s.replace(/\|/g, '\\|');

function table(rows: Row[], header: string[]): string {
  const lines = [
    '| case | step | n | d | typelearn (ms) | scikit-learn (ms) | ratio (tl/sk) | metric | typelearn | scikit-learn | max abs diff of outputs |',
    '|---|---|---:|---:|---:|---:|---:|---|---:|---:|---:|',
  ];
  for (const r of rows) {
    const ratio = r.skMs === undefined ? '—' : (r.tlMs / r.skMs).toFixed(2);
    lines.push(
      `| ${cell(r.caseName)} | ${cell(r.step)} | ${fmtN(r.n)} | ${r.d} | ${fmtMs(r.tlMs)} | ${fmtMs(r.skMs)} | ${ratio} | ${cell(r.metric)} | ${fmtNum(r.tlMetric)} | ${fmtNum(r.skMetric)} | ${fmtNum(r.maxAbsDiff)} |`,
    );
  }
  const kernels = rows.filter((r) => r.flops !== undefined);
  if (kernels.length) {
    const gflops = (flops: number, ms: number | undefined) => (ms === undefined ? undefined : flops / ms / 1e6);
    const fmtG = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(2));
    lines.push(
      '',
      'Kernels: GFLOP/s (2 per multiply-add; higher is faster) and ns per multiply-add, numpy on one BLAS thread.',
      '',
      '| kernel | step | n | d | typelearn GFLOP/s | numpy GFLOP/s | typelearn ns/FMA | numpy ns/FMA | numpy speed-up |',
      '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const r of kernels) {
      const f = r.flops as number;
      const ns = (ms: number | undefined) => (ms === undefined ? undefined : (ms * 1e6) / (f / 2));
      const up = r.skMs === undefined ? '—' : (r.tlMs / r.skMs).toFixed(1) + 'x';
      lines.push(
        `| ${cell(r.caseName)} | ${cell(r.step)} | ${fmtN(r.n)} | ${r.d} | ${fmtG(gflops(f, r.tlMs))} | ${fmtG(gflops(f, r.skMs))} | ${fmtG(ns(r.tlMs))} | ${fmtG(ns(r.skMs))} | ${up} |`,
      );
    }
  }
  const rated = rows.filter((r) => r.rate !== undefined);
  if (rated.length) {
    const perSecond = (count: number, ms: number | undefined) => (ms === undefined ? '—' : ((1000 * count) / ms).toPrecision(3));
    lines.push(
      '',
      'Throughput: units of work per second (higher is faster), from the same timings.',
      '',
      '| case | step | n | d | unit | typelearn per s | scikit-learn per s | scikit-learn speed-up |',
      '|---|---|---:|---:|---|---:|---:|---:|',
    );
    for (const r of rated) {
      const { count, unit } = r.rate as { count: number; unit: string };
      const up = r.skMs === undefined ? '—' : (r.tlMs / r.skMs).toFixed(1) + 'x';
      lines.push(`| ${cell(r.caseName)} | ${cell(r.step)} | ${fmtN(r.n)} | ${r.d} | ${unit} | ${perSecond(count, r.tlMs)} | ${perSecond(count, r.skMs)} | ${up} |`);
    }
  }
  const notes = [...new Set(rows.flatMap((r) => r.notes))];
  return [...header, '', ...lines, ...(notes.length ? ['', ...notes.map((x) => `- ${x}`)] : []), ''].join('\n');
}

/** The real-data suite (benchmarks/flights.ts, its own processes, one per size and side). */
function runFlights(): void {
  const { info, reason } = ensureSklearn();
  if (!info) fail(`the flights suite compares with scikit-learn, which is unavailable: ${reason}`);
  const res = spawnSync(process.execPath, [...process.execArgv, join(here, 'flights.ts'), 'all'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 1 << 24 });
  if (res.status !== 0) fail(`benchmarks/flights.ts failed (exit ${res.status})`);
  const cpu = cpus();
  const md = [
    '# typelearn on flights-3m.parquet',
    '',
    `Generated by \`npm run bench -- --flights\` on ${new Date().toISOString().slice(0, 10)}: ${cpu[0]?.model ?? 'unknown CPU'} (${cpu.length} logical cores), Node ${process.version}, scikit-learn ${info.sklearn} (numpy ${info.numpy}).`,
    '',
    res.stdout.trim(),
    '',
  ].join('\n');
  console.log(md);
  mkdirSync(join(here, 'results'), { recursive: true });
  writeFileSync(join(here, 'results', 'flights.md'), md);
  console.error(`bench: wrote ${join(here, 'results', 'flights.md')}`);
}

function main(): void {
  const cli = parseArgs(process.argv.slice(2));
  if (cli.flights) {
    runFlights();
    return;
  }
  const selected = cases.filter((c) => cli.filter === undefined || c.name.toLowerCase().includes(cli.filter.toLowerCase()));
  if (selected.length === 0) fail(`no case matches '${cli.filter}'; cases: ${cases.map((c) => c.name).join(', ')}`);
  const { info, reason } = ensureSklearn();
  const cpu = cpus();
  const header = [
    '# typelearn benchmarks',
    '',
    `Generated by \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` on ${new Date().toISOString().slice(0, 10)}.`,
    '',
    `- Machine: ${cpu[0]?.model ?? 'unknown CPU'} (${cpu.length} logical cores), ${process.platform} ${process.arch}`,
    `- typelearn: Node ${process.version}, single-threaded; input as rows of Float64Array views`,
    info
      ? `- scikit-learn ${info.sklearn} (numpy ${info.numpy}, Python ${info.python}); thread pinning: OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1` +
        (info.threadpools?.length ? ` (threadpoolctl sees ${info.threadpools.map((p) => `${p.lib}: ${p.threads} thread${p.threads === 1 ? '' : 's'}`).join(', ')})` : '')
      : `- scikit-learn: not run (${reason}); typelearn side only`,
    '- Each time is the best of k repeats (k = 15, 7 or 3 as the problem grows); data generated once per row in TypeScript (seed 0) and shared with scikit-learn through a raw float64 file.',
    '- ratio < 1 means typelearn is faster. "max abs diff of outputs" compares the two libraries\' transform outputs / predictions element by element.',
  ];
  const dir = mkdtempSync(join(tmpdir(), 'typelearn-bench-'));
  const rows: Row[] = [];
  try {
    for (const c of selected) {
      const sizes = cli.sizes ?? (cli.quick ? [Math.min(...c.sizes)] : cli.full ? [...c.sizes, ...(c.fullSizes ?? [])] : c.sizes);
      for (const n of sizes) rows.push(...runCase(c, n, dir, info !== undefined));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const md = table(rows, header);
  console.log(md);
  const full = !cli.quick && !cli.full && cli.filter === undefined && cli.sizes === undefined;
  const resultsDir = join(here, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, full ? 'latest.md' : 'last-partial.md');
  writeFileSync(file, md);
  console.error(`bench: wrote ${file}`);
}

main();
