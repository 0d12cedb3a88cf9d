/**
 * The published types, as a user's project sees them: a consumer project that imports `typelearn`
 * from the built package (dist/, through the exports map) is type-checked under `strict` with
 * moduleResolution node16, nodenext and bundler, ESM and CommonJS (.cts, the d.cts files). Its
 * code uses the generic typing (labels inferred at fit, Pipeline steps, a search's
 * bestEstimator_, loadModel's expect, records typed with an interface), with `@ts-expect-error`
 * lines that fail the check when a type becomes too loose. Runs when dist/ is built
 * (`npm run build`), as .ci/run does before the tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const work = join(root, 'test', '.types-consumer');
const built = existsSync(join(root, 'dist', 'index.d.ts')) && existsSync(join(root, 'dist', 'index.d.cts'));

const USE = `
import { GridSearchCV, LinearRegression, LogisticRegression, OneHotEncoder, Pipeline, RandomForestClassifier, StandardScaler, loadModel, type Label } from 'typelearn';
import { SVC } from 'typelearn/svm';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | undefined {
  return undefined;
}

const X = [[0, 1], [1, 0], [2, 1], [3, 0]];
const y: string[] = ['a', 'a', 'b', 'b'];
const clf = new LogisticRegression().fit(X, y);
assertType<Equal<ReturnType<typeof clf.predict>, string[]>>();
assertType<Equal<typeof clf.classes_, string[]>>();
assertType<Equal<ReturnType<RandomForestClassifier<'x'>['predict']>, 'x'[]>>();
assertType<Equal<ReturnType<SVC['predict']>, Label[]>>();
// @ts-expect-error the labels are strings
const wrong: number[] = clf.predict(X);

const pipe = new Pipeline([['scale', new StandardScaler()], ['clf', new LogisticRegression()]]);
assertType<Equal<typeof pipe.namedSteps.clf, LogisticRegression>>();
const coef: number[][] = pipe.namedSteps.clf.coef_;
assertType<Equal<ReturnType<typeof pipe.fit<string>>['predict'] extends (X: never) => infer R ? R : never, string[]>>();
const search = new GridSearchCV(pipe, { clf__C: [1, 10] });
assertType<Equal<typeof search.bestEstimator_, typeof pipe>>();
const reg = loadModel('{}', { expect: LinearRegression });
assertType<Equal<typeof reg, LinearRegression>>();
// @ts-expect-error without expect, predict is unknown
loadModel('{}').predict(X);

interface Car { readonly origin: string; readonly hp: number }
const cars: readonly Car[] = [{ origin: 'US', hp: 1 }];
new OneHotEncoder().fit(cars);
export { wrong, coef };
`;

const CJS = `
import { LogisticRegression } from 'typelearn';
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const fitted = new LogisticRegression().fit([[0], [1]], [true, false]);
const same: Equal<ReturnType<typeof fitted.predict>, boolean[]> = true;
export { same };
`;

function project(name: string, compilerOptions: Record<string, unknown>, files: Record<string, string>, type: 'module' | 'commonjs'): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules', 'typelearn'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${name}`, private: true, type }));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', lib: ['ES2022', 'DOM'], types: [], skipLibCheck: false, ...compilerOptions }, include: Object.keys(files) }),
  );
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

function tsc(dir: string): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe.runIf(built)('the published types in a strict consumer project', () => {
  rmSync(work, { recursive: true, force: true });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const setups: Array<[string, Record<string, unknown>, Record<string, string>, 'module' | 'commonjs']> = [
    ['node16', { module: 'node16', moduleResolution: 'node16' }, { 'use.ts': USE, 'cjs.cts': CJS }, 'module'],
    ['nodenext', { module: 'nodenext', moduleResolution: 'nodenext' }, { 'use.ts': USE, 'cjs.cts': CJS }, 'module'],
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }, { 'use.ts': USE }, 'module'],
  ];
  for (const [name, options, files, type] of setups) {
    it(`type-checks with moduleResolution ${name}`, () => {
      const { status, output } = tsc(project(name, options, files, type));
      expect(output).toBe('');
      expect(status).toBe(0);
    }, 180_000);
  }

  it('fails the check when a typed line is wrong', () => {
    const broken = USE.replace('// @ts-expect-error the labels are strings\n', '');
    const { status, output } = tsc(project('broken', { module: 'esnext', moduleResolution: 'bundler' }, { 'use.ts': broken }, 'module'));
    expect(status).not.toBe(0);
    expect(output).toMatch(/Type 'string\[\]' is not assignable to type 'number\[\]'/);
  }, 180_000);
});
