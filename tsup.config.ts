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
  'ensemble/index',
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
  external: ['ml-matrix'],
});
