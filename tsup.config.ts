import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { defineConfig, type Options } from 'tsup';

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
  'naive_bayes/index',
  'stream/index',
  'io/index',
  'node/index',
  'plot/index',
  'parallel/index',
  'parallel/worker',
];

const src = join(__dirname, 'src');

/** Every module under src/, as `path/without/extension` → `src/path.ts`. */
function allModules(dir = src): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) Object.assign(out, allModules(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out[relative(src, p).slice(0, -3)] = relative(__dirname, p);
  }
  return out;
}

/**
 * The build is file by file: every module of src/ becomes its own .js (ESM) and .cjs (CommonJS)
 * file under dist/, importing its neighbours by relative path, so that a user's bundler sees the
 * same module graph as the source and keeps only the files a program reaches (package.json has
 * `"sideEffects": false`). Chunking by family would put every class of a family, and its
 * registration, into one file. esbuild bundles each entry with every import left external; this
 * plugin rewrites the relative ones to the emitted file names (`./x` → `./x.js` or `./x.cjs`).
 */
const perFile: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'typelearn-per-file',
  setup(build) {
    const ext = build.initialOptions.format === 'cjs' ? '.cjs' : '.js';
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (!args.path.startsWith('.')) return { path: args.path, external: true };
      const target = resolve(args.resolveDir, args.path);
      if (existsSync(`${target}.ts`)) return { path: `${args.path}${ext}`, external: true };
      if (existsSync(join(target, 'index.ts'))) return { path: `${args.path}/index${ext}`, external: true };
      return { errors: [{ text: `cannot resolve ${args.path} from ${args.importer}` }] };
    });
  },
};

export default defineConfig({
  entry: allModules(),
  format: ['esm', 'cjs'],
  dts: { entry: Object.fromEntries(entries.map((e) => [e, `src/${e}.ts`])) },
  bundle: true,
  splitting: false,
  treeshake: false,
  esbuildPlugins: [perFile],
  sourcemap: false,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['ml-matrix', 'apache-arrow', 'hyparquet', 'hyparquet-compressors', /^node:/],
});
