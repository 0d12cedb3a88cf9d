/**
 * The worker pool from the built package (dist/, ESM and CJS): the worker script is found beside it
 * (the one-file worker-bundle.js, or worker.js when the workers import a user's modules).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dist = join(__dirname, '..', '..', 'dist');
const body = (lib: string): string => `
const { crossValidateAsync, crossValidate, Ridge, loadIris } = ${lib};
const d = loadIris(); const X = d.data.map((r) => [r[0], r[1], r[2]]); const y = d.data.map((r) => r[3]);
crossValidateAsync(new Ridge(), X, y, { cv: 3, nJobs: 2 }).then((a) => {
  console.log(JSON.stringify(a.testScore) === JSON.stringify(crossValidate(new Ridge(), X, y, { cv: 3 }).testScore) ? 'same' : 'different');
});`;

describe.runIf(existsSync(join(dist, 'parallel', 'worker.js')))('crossValidateAsync from dist/', () => {
  it('runs in workers from the ESM build', () => {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', body(`await import(${JSON.stringify(join(dist, 'index.js'))})`)], { encoding: 'utf8' });
    expect(out.trim()).toBe('same');
  });

  it('runs a user’s estimator registered with the built package (the file-by-file worker shares its registry)', () => {
    const user = join(__dirname, 'distCustomEstimator.mjs');
    const script = `
const { GridSearchCV, loadIris } = await import(${JSON.stringify(join(dist, 'index.js'))});
const { DistShiftedMean } = await import(${JSON.stringify(user)});
const d = loadIris(); const X = d.data.map((r) => [r[0], r[1], r[2]]); const y = d.data.map((r) => r[3]);
const grid = { shift: [0, 0.5] };
const par = await new GridSearchCV(new DistShiftedMean(), grid, { cv: 3 }).fitAsync(X, y, { nJobs: 2, imports: [${JSON.stringify(user)}] });
const sync = new GridSearchCV(new DistShiftedMean(), grid, { cv: 3 }).fit(X, y);
console.log(JSON.stringify(par.cvResults_.mean_test_score) === JSON.stringify(sync.cvResults_.mean_test_score) ? 'same' : 'different');`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(out.trim()).toBe('same');
  });

  it('runs in workers from the CJS build', () => {
    const out = execFileSync(process.execPath, ['-e', body(`require(${JSON.stringify(join(dist, 'index.cjs'))})`)], { encoding: 'utf8' });
    expect(out.trim()).toBe('same');
  });
});
