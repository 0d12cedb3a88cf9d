/** The package's shape: exports map, build entries, browser safety, registry completeness. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
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

  it('imports no Node built-ins and calls no Math.random in src/', () => {
    for (const f of walk(join(dir, 'src'))) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/from ['"](node:|fs['"]|path['"]|os['"]|worker_threads|child_process)/);
      expect(text, f).not.toMatch(/Math\.random\(/);
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
