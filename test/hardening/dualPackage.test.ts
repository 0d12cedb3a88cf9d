/**
 * Issue 13 §4, the dual-package hazard: an estimator made by one copy of typelearn (the CommonJS
 * build beside the ESM one, or two bundled versions) must be accepted by another copy's
 * meta-estimators. Estimators carry the registered symbol Symbol.for('typelearn.estimator');
 * `isEstimator` recognises it where `instanceof` cannot.
 *
 * A second copy is made without a build: vi.resetModules() makes the next dynamic import of the
 * sources evaluate every module again, so its classes are distinct from this file's.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { BaseEstimator, ESTIMATOR_BRAND, isEstimator } from '../../src/core/base';
import { Ridge } from '../../src/linear_model/index';
import { GridSearchCV } from '../../src/model_selection/index';
import { Pipeline } from '../../src/pipeline/index';
import { StandardScaler } from '../../src/preprocessing/index';

const X = [[1, 2], [3, 4], [5, 7], [2, 1], [4, 4], [6, 1], [7, 3], [8, 8]];
const y = [1, 2, 3, 4, 5, 6, 7, 8];

async function otherCopy(): Promise<typeof import('../../src/index')> {
  vi.resetModules();
  return import('../../src/index');
}

describe('estimators from another copy of the package', () => {
  it('are distinct classes, yet recognised by the registered brand', async () => {
    const other = await otherCopy();
    const foreign = new other.Ridge({ alpha: 2 });
    expect(foreign instanceof BaseEstimator).toBe(false);
    expect(other.Ridge).not.toBe(Ridge);
    expect(ESTIMATOR_BRAND).toBe(Symbol.for('typelearn.estimator'));
    expect(isEstimator(foreign)).toBe(true);
    expect(isEstimator({ fit() {} })).toBe(false);
  });

  it("are searched by this copy's GridSearchCV (not refused with 'Got undefined') and nested in its Pipeline", async () => {
    const other = await otherCopy();
    const search = new GridSearchCV(new other.Ridge(), { alpha: [0.1, 10] }, { cv: 2 }).fit(X, y);
    expect(search.bestParams_).toEqual({ alpha: 0.1 });
    const mine = new GridSearchCV(new Ridge(), { alpha: [0.1, 10] }, { cv: 2 }).fit(X, y);
    expect(search.predict([[2, 2]])).toEqual(mine.predict([[2, 2]]));
    const pipe = new Pipeline([['scale', new other.StandardScaler()], ['ridge', new Ridge()]]).fit(X, y);
    expect(pipe.predict([[2, 2]])).toEqual(new Pipeline([['scale', new StandardScaler()], ['ridge', new Ridge()]]).fit(X, y).predict([[2, 2]]));
    // And the other way round: the other copy's search takes this copy's estimator.
    const back = new other.GridSearchCV(new Ridge(), { alpha: [0.1, 10] }, { cv: 2 }).fit(X, y);
    expect(back.bestParams_).toEqual({ alpha: 0.1 });
  });

  // The built package, when it is there (npm ci builds it through `prepare`): the CommonJS copy's
  // estimator in the ESM copy's GridSearchCV, as a program mixing require and import would have it.
  const dist = join(__dirname, '..', '..', 'dist');
  it.runIf(existsSync(join(dist, 'index.cjs')) && existsSync(join(dist, 'index.js')))('across the built CommonJS and ESM files', async () => {
    const cjs = createRequire(__filename)(join(dist, 'index.cjs')) as typeof import('../../src/index');
    const esm = (await import(/* @vite-ignore */ join(dist, 'index.js'))) as typeof import('../../src/index');
    expect(cjs.Ridge).not.toBe(esm.Ridge);
    const search = new esm.GridSearchCV(new cjs.Ridge(), { alpha: [0.1, 10] }, { cv: 2 }).fit(X, y);
    expect(search.bestParams_).toEqual({ alpha: 0.1 });
  });
});
