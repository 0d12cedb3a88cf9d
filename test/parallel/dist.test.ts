/** The worker pool from the built package (dist/, ESM and CJS): the worker script is found beside it. */
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

  it('runs in workers from the CJS build', () => {
    const out = execFileSync(process.execPath, ['-e', body(`require(${JSON.stringify(join(dist, 'index.cjs'))})`)], { encoding: 'utf8' });
    expect(out.trim()).toBe('same');
  });
});
