import { defineConfig } from 'tsup';

/** One entry per public sub-path; keep in step with package.json "exports". */
export const entries = [
  'index',
  'preprocessing/index',
  'linear_model/index',
  'pipeline/index',
  'model_selection/index',
  'metrics/index',
  'datasets/index',
  'testing/index',
  'feature_selection/index',
  'neural_network/index',
  'svm/index',
  'tree/index',
  'parallel/index',
  'parallel/worker',
];

export default defineConfig({
  entry: Object.fromEntries(entries.map((e) => [e, `src/${e}.ts`])),
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  treeshake: true,
  sourcemap: false,
  clean: true,
  target: 'es2020',
  platform: 'neutral',
  // Node built-ins are imported lazily (the worker pool), so browser bundles never load them.
  external: ['ml-matrix', /^node:/],
  // import.meta.url in the CJS build (the pool finds its worker script from it).
  shims: true,
});
