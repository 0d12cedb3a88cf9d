// After tsup: dist/parallel/worker-bundle.js, the pool's worker script as one minified file (the
// library and ml-matrix inside). A Node worker loads it in about a quarter of the CPU time the
// file-by-file build takes (about 60 ms against 280 ms measured: Node's ESM loader resolves and
// links some 180 files per worker). The pool uses it when the workers import no modules of the
// user's (`imports`); with imports, it uses dist/parallel/worker.js, so that a user's module and
// the worker share one copy of typelearn and its estimator registry.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/parallel/worker.ts'],
  outfile: 'dist/parallel/worker-bundle.js',
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2022',
  external: ['node:*'],
  logLevel: 'warning',
});
