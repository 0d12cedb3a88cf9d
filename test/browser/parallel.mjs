// The parallel part of the browser suite (called from run.mjs): typelearn's own worker pool in
// Web Workers. A page bundled by esbuild (the worker script built as an entry point of its own,
// from 'typelearn/parallel/worker') and by Vite (its URL from 'typelearn/parallel/worker?worker&url')
// runs GridSearchCV#fitAsync and RandomForestClassifier#fitAsync in a 2-worker pool; the results
// must equal Node's synchronous fits bit for bit. Each page is served twice: cross-origin isolated
// (COOP/COEP headers: the data crosses in SharedArrayBuffers) and not (no SharedArrayBuffer: the
// data is copied once per worker). The page also checks, as the Node tests do, that a fit throwing
// in a worker rejects naming its parameter set, that an abort rejects with its reason, that the
// workers' ConvergenceWarnings reach the page's handler tagged with their fit, and that a bundled
// pool without workerUrl says what to pass.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { bundleForNode, serve } from './harness.mjs';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Bundles the parallel pages, computes Node's results, and drives them in `browser` (a playwright
 * Browser). `fail(message)` records a failure; lines of success go to console.log.
 */
export async function runParallelPages({ browser, here, out, fail }) {
  const www = join(out, 'parallel-www');
  mkdirSync(www, { recursive: true });
  // esbuild: the page and the worker script, two entry points; the page names the worker's URL.
  await build({
    entryPoints: { parallel: join(here, 'parallelEsbuild.ts'), 'typelearn-worker': 'typelearn/parallel/worker' },
    absWorkingDir: here,
    outdir: join(www, 'esbuild'),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    tsconfig: join(here, 'tsconfig.json'),
    logLevel: 'warning',
  });
  writeFileSync(join(www, 'esbuild', 'parallel.html'), '<!doctype html><html><head><meta charset="utf-8"><title>typelearn parallel (esbuild)</title></head><body><script type="module" src="./parallel.js"></script></body></html>');
  // Vite, with its defaults: the worker script from '?worker&url' (Vite bundles it, as an IIFE by default).
  const viteRoot = join(out, 'vite-parallel-root');
  mkdirSync(viteRoot, { recursive: true });
  for (const f of ['parallelVite.ts', 'parallelPage.ts', 'parallelWorkloads.ts', 'encode.ts']) copyFileSync(join(here, f), join(viteRoot, f));
  writeFileSync(join(viteRoot, 'parallel.html'), '<!doctype html><html><head><meta charset="utf-8"><title>typelearn parallel (Vite)</title></head><body><script type="module" src="./parallelVite.ts"></script></body></html>');
  await viteBuild({
    root: viteRoot,
    configFile: false,
    base: './',
    logLevel: 'warn',
    build: { outDir: join(www, 'vite'), emptyOutDir: true, rollupOptions: { input: join(viteRoot, 'parallel.html') } },
  });

  // Node: the synchronous fits.
  await bundleForNode({ entryPoints: [join(here, 'parallelWorkloads.ts')], outfile: join(out, 'node', 'parallelWorkloads.mjs'), tsconfig: join(here, 'tsconfig.json') });
  const { runSync } = await import(pathToFileURL(join(out, 'node', 'parallelWorkloads.mjs')).href);
  const expected = runSync();
  const warnings = [];
  for (const C of [0.1, 10]) for (const split of [0, 1, 2]) warnings.push(`ConvergenceWarning|${JSON.stringify({ C })}|${split}`);
  const expectedWarnings = warnings.sort().join(' ');

  const servers = [await serve(www, { isolated: true }), await serve(www)];
  try {
    for (const [i, { base }] of servers.entries()) {
      const isolated = i === 0;
      for (const bundler of ['esbuild', 'vite']) {
        const label = `parallel page (${bundler === 'vite' ? 'Vite' : 'esbuild'}, ${isolated ? 'cross-origin isolated: SharedArrayBuffer' : 'not isolated: copies'})`;
        const tab = await browser.newPage();
        const errors = [];
        tab.on('pageerror', (e) => errors.push(e.message));
        try {
          await tab.goto(`${base}/${bundler}/parallel.html`);
          await tab.waitForFunction(() => globalThis.__done === true, null, { timeout: 600_000 });
          const r = await tab.evaluate(() => globalThis.__report);
          for (const e of errors) fail(`${label}: uncaught error in the page: ${e}`);
          if (r.error) {
            fail(`${label}: ${r.error}`);
            continue;
          }
          if (r.isolated !== isolated || r.sharedMemory !== isolated) fail(`${label}: crossOriginIsolated ${r.isolated}, shared memory ${r.sharedMemory}; expected ${isolated}`);
          for (const k of ['search', 'forest']) {
            if (r.results?.[k] !== expected[k]) fail(`${label}: ${k === 'search' ? 'GridSearchCV' : 'RandomForestClassifier'}#fitAsync (nJobs 2, Web Workers) differs from Node's fit`);
            else console.log(`ok   ${label}: ${k === 'search' ? 'GridSearchCV#fitAsync' : 'RandomForestClassifier#fitAsync'} in 2 Web Workers equals Node's fit bit for bit`);
          }
          const c = r.checks ?? {};
          if (!/^WorkerTaskError: GridSearchCV: the fit with parameters \{"C":3\} \(split \d\) failed in a worker: ValidationError/.test(c.failure ?? '')) fail(`${label}: a fit throwing in a worker: ${c.failure}`);
          else if (c.warnings !== expectedWarnings) fail(`${label}: warnings from the workers: got ${c.warnings}, expected ${expectedWarnings}`);
          else if (c.abort !== 'stopped by the page') fail(`${label}: abort: ${c.abort}`);
          else if (!/pass workerUrl/.test(r.withoutWorkerUrl ?? '')) fail(`${label}: a bundled pool without workerUrl: ${r.withoutWorkerUrl}`);
          else console.log(`ok   ${label}: a throwing fit rejects naming {"C":3}, the workers' 6 ConvergenceWarnings reach the page tagged, an abort rejects, no workerUrl is refused ("${r.withoutWorkerUrl.slice(0, 60)}…")`);
        } catch (e) {
          fail(`${label}: ${e.message}`);
        } finally {
          await tab.close();
        }
      }
    }
  } finally {
    for (const { server } of servers) server.close();
  }
}

// Alone: `npm run build && node test/browser/parallel.mjs` runs only these pages.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { chromium } = await import('playwright-core');
  const here = new URL('.', import.meta.url).pathname;
  const out = join(here, '.out');
  let failures = 0;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await runParallelPages({
      browser,
      here,
      out,
      fail: (m) => {
        failures++;
        console.log(`FAIL ${m}`);
      },
    });
  } finally {
    await browser.close();
  }
  console.log(failures ? `parallel pages: ${failures} failed` : 'parallel pages: passed');
  process.exit(failures ? 1 : 0);
}
