// Bundle-size budget: bundles small programs that import typelearn by its package name (resolved
// through package.json "exports" to dist/, as a user's bundler would) with esbuild, minified, and
// prints a table of minified and gzipped sizes beside ml-matrix's share (the same program built with
// ml-matrix left out, subtracted from the whole). Fails only if a bundle holds a class the program
// does not import (found by the class-name strings, e.g. "SVC", left in the minified output).
// Usage: node scripts/bundle-size.mjs [--json]
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}

/** The programs measured: what they import, and the source using it. */
export const cases = [
  {
    name: 'StandardScaler alone',
    imports: ['StandardScaler'],
    code: `import { StandardScaler } from 'typelearn';
globalThis.out = new StandardScaler().fit([[1, 2], [3, 5]]).transform([[2, 3]]).to2DArray();`,
  },
  {
    name: 'LogisticRegression alone',
    imports: ['LogisticRegression'],
    code: `import { LogisticRegression } from 'typelearn';
globalThis.out = new LogisticRegression().fit([[0], [1], [2], [3]], [0, 0, 1, 1]).predict([[1.5]]);`,
  },
  {
    name: 'Pipeline(StandardScaler, LogisticRegression)',
    imports: ['Pipeline', 'StandardScaler', 'LogisticRegression'],
    code: `import { Pipeline, StandardScaler, LogisticRegression } from 'typelearn';
const p = new Pipeline([['scale', new StandardScaler()], ['clf', new LogisticRegression()]]);
globalThis.out = p.fit([[0], [1], [2], [3]], [0, 0, 1, 1]).predict([[1.5]]);`,
  },
  {
    name: 'loadModel with classes (scaler + logistic)',
    imports: ['Pipeline', 'StandardScaler', 'LogisticRegression', 'loadModel'],
    code: `import { Pipeline, StandardScaler, LogisticRegression, loadModel } from 'typelearn';
globalThis.load = (json) => loadModel(json, { classes: [Pipeline, StandardScaler, LogisticRegression] });`,
  },
  {
    name: 'the whole library',
    imports: null,
    code: `import * as typelearn from 'typelearn';
globalThis.typelearn = typelearn;`,
  },
];

/** Every concrete class name the library exports (from the built package); the abstract bases
 * (`BaseEstimator`, `BaseTransformer`, …) are what every estimator extends, so they are left out. */
async function exportedClassNames() {
  const lib = await import(join(root, 'dist', 'index.js'));
  const names = new Set();
  for (const v of Object.values(lib)) {
    if (typeof v === 'function' && Object.prototype.hasOwnProperty.call(v, 'className') && typeof v.className === 'string' && !v.className.startsWith('Base')) names.add(v.className);
  }
  return [...names].sort();
}

async function bundle(code, dir, externalMatrix) {
  const entry = join(dir, 'entry.mjs');
  writeFileSync(entry, code);
  const r = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    write: false,
    external: externalMatrix ? ['ml-matrix'] : [],
    absWorkingDir: root,
    logLevel: 'silent',
  });
  const text = r.outputFiles[0].text;
  return { text, min: Buffer.byteLength(text), gz: gzipSync(text, { level: 9 }).length };
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

export async function measure() {
  const dir = join(root, 'node_modules', '.cache', 'typelearn-bundle-size');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const classNames = await exportedClassNames();
  const rows = [];
  for (const c of cases) {
    const whole = await bundle(c.code, dir, false);
    const own = await bundle(c.code, dir, true);
    const strays = c.imports === null ? [] : classNames.filter((n) => !c.imports.includes(n) && new RegExp(`["'\`]${n}["'\`]`).test(whole.text));
    rows.push({ name: c.name, min: whole.min, gz: whole.gz, ownMin: own.min, ownGz: own.gz, matrixGz: whole.gz - own.gz, strays });
  }
  rmSync(dir, { recursive: true, force: true });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await measure();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2));
  } else {
    console.log('| program (esbuild, minified) | min | gzip | typelearn alone, gzip | ml-matrix share, gzip |');
    console.log('|---|---:|---:|---:|---:|');
    for (const r of rows) console.log(`| ${r.name} | ${kib(r.min)} | ${kib(r.gz)} | ${kib(r.ownGz)} | ${kib(r.matrixGz)} |`);
  }
  let failed = false;
  for (const r of rows) {
    if (r.strays.length) {
      failed = true;
      console.error(`FAIL ${r.name}: holds classes it does not import: ${r.strays.join(', ')}`);
    }
  }
  process.exit(failed ? 1 : 0);
}
