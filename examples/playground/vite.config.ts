// Vite configuration of the playground: `npm run playground` (dev server) and `npm run
// playground:build` (static files in examples/playground/dist). typelearn is imported by its
// package name, which resolves through package.json "exports" to the built dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

if (!existsSync(fileURLToPath(new URL('../../dist/index.js', import.meta.url)))) {
  throw new Error('The playground imports the built package: run `npm run build` first.');
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative URLs, so the built page works from any directory it is served from.
  base: './',
  // The training worker imports typelearn: bundle it as an ES module, as the page is.
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
