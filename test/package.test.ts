/** The package's shape: exports map, build entries, browser safety, registry completeness. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as root from '../src/index';
import { registeredEstimators } from '../src/core/serialization';
import { BaseEstimator } from '../src/core/base';
import { entries } from '../tsup.config';

const dir = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
  sideEffects: boolean;
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
  files: string[];
  license: string;
};

function walk(d: string): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.ts') ? [join(d, e.name)] : [],
  );
}

describe('package', () => {
  it('has one exports entry per family sub-path, each built by tsup from an existing index.ts', () => {
    const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json');
    // A sub-path names a family's index, or (the worker script) an entry itself.
    const fromExports = subpaths.map((k) => (k === '.' ? 'index' : entries.includes(k.slice(2)) ? k.slice(2) : `${k.slice(2)}/index`)).sort();
    expect(fromExports).toEqual([...entries].sort());
    for (const e of entries) expect(existsSync(join(dir, 'src', `${e}.ts`)), e).toBe(true);
  });

  it('is side-effect free and depends on ml-matrix only', () => {
    expect(pkg.sideEffects).toBe(false);
    expect(Object.keys(pkg.dependencies)).toEqual(['ml-matrix']);
  });

  it('imports no Node built-ins (outside the Node-only entry src/node/) and calls no Math.random in src/', () => {
    const nodeOnly = join(dir, 'src', 'node');
    for (const f of walk(join(dir, 'src'))) {
      const text = readFileSync(f, 'utf8');
      if (!f.startsWith(nodeOnly)) expect(text, f).not.toMatch(/from ['"](node:|fs['"]|path['"]|os['"]|worker_threads|child_process)/);
      expect(text, f).not.toMatch(/Math\.random\(/);
    }
  });

  it('ships a LICENSE matching package.json, and no install-time script (prepack builds, not prepare)', () => {
    expect(pkg.license).toBe('BSD-3-Clause');
    expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toMatch(/^BSD 3-Clause License\n\nCopyright \(c\) \d{4}, typelearn contributors\n/);
    expect(pkg.files).toContain('LICENSE');
    for (const s of ['prepare', 'preinstall', 'install', 'postinstall']) expect(pkg.scripts[s], s).toBeUndefined();
    expect(pkg.scripts.prepack).toBe('npm run build');
  });

  // The build is file by file, so that a bundler keeps only the modules a program reaches.
  it.runIf(existsSync(join(dir, 'dist', 'index.js')))('builds every module of src/ to its own .js and .cjs file', () => {
    for (const f of walk(join(dir, 'src'))) {
      const base = join(dir, 'dist', f.slice(join(dir, 'src').length + 1, -3));
      expect(existsSync(`${base}.js`), `${base}.js`).toBe(true);
      expect(existsSync(`${base}.cjs`), `${base}.cjs`).toBe(true);
    }
  });

  // Per-file CommonJS re-exports copy names when required, so an import cycle could lose some.
  it.runIf(existsSync(join(dir, 'dist', 'index.cjs')))('exports the same names from the CommonJS and ESM files of every entry', async () => {
    const req = createRequire(__filename);
    for (const e of entries) {
      const cjs = Object.keys(req(join(dir, 'dist', `${e}.cjs`)) as object).filter((k) => k !== '__esModule').sort();
      const esm = Object.keys((await import(/* @vite-ignore */ join(dir, 'dist', `${e}.js`))) as object).sort();
      expect(cjs, e).toEqual(esm);
      expect(esm.length, e).toBeGreaterThan(0);
    }
  });

  it('registers every exported estimator class for loadModel', () => {
    const registry = registeredEstimators();
    const exported = Object.values(root).filter(
      (v): v is typeof BaseEstimator => typeof v === 'function' && v.prototype instanceof BaseEstimator && Object.prototype.hasOwnProperty.call(v, 'className'),
    );
    const abstractBases = new Set(['BaseTransformer', 'BaseClassifier', 'BaseRegressor', 'BaseSearchCV', 'BaseSelector']);
    const concrete = exported.filter((C) => !abstractBases.has(C.className));
    expect(concrete.length).toBeGreaterThan(3);
    for (const C of concrete) expect(registry.get(C.className), C.className).toBe(C);
  });
});
