#!/usr/bin/env node
// @ts-check
/**
 * `npm run docs`: builds the API reference (TypeDoc, configured by typedoc.json) into docs-site/
 * and fails when the public API is not fully documented. Three checks, reported by source folder
 * (`src/svm/`, with the import path it is documented under, `typelearn/svm`):
 *
 * 1. TypeDoc's own warnings, with `validation.notDocumented` on: every exported symbol and every
 *    public member (method, property, accessor, interface field) has a doc comment; no broken
 *    `{@link}`s.
 * 2. Every exported class and function (the runtime values of the API) has an `@example` with a
 *    ```ts block. test/docs.test.ts runs those blocks (a block fenced ```ts norun is shown but not
 *    run; it is counted separately here, so it stays the exception).
 * 3. Every sub-path of package.json "exports" is an entry point of typedoc.json.
 *
 * The site and docs-site/api.json are written even when a check fails, so the report can be read
 * next to the pages. Exit code 0 only when all three checks pass. `--no-html` skips the HTML.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Application, LogLevel, ReflectionKind } from 'typedoc';

const started = Date.now();
const root = fileURLToPath(new URL('..', import.meta.url));
const noHtml = process.argv.includes('--no-html');
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const config = JSON.parse(readFileSync(new URL('../typedoc.json', import.meta.url), 'utf8'));

/** @type {Map<string, { undocumented: string[], noExample: string[], norun: string[], other: string[] }>} */
const report = new Map();
/** @param {string} group */
function entry(group) {
  let e = report.get(group);
  if (!e) report.set(group, (e = { undocumented: [], noExample: [], norun: [], other: [] }));
  return e;
}
/**
 * The source folder a message or a source file belongs to (`svm`, `core`, `parallel/worker`, …): the
 * report is grouped by folder, so each part names the files to edit.
 */
function groupOf(/** @type {string} */ text) {
  const m = /src\/([a-z_]+)\/(worker\.ts)?/.exec(text);
  if (m) return m[2] ? `${m[1]}/worker` : m[1];
  const link = / typelearn(\/[a-z_]+(?:\/worker)?)?\.[A-Za-z_$]/.exec(text);
  if (link) return link[1] ? link[1].slice(1) : 'core';
  return /src\/index\.ts/.test(text) ? 'core' : '(other)';
}
/** The heading of a folder's part of the report: the folder and the import path it is documented under. */
function heading(/** @type {string} */ g) {
  if (g.startsWith('(')) return g;
  if (g === 'core') return 'src/core/ (typelearn)';
  if (g === 'parallel/worker') return 'src/parallel/worker.ts (typelearn/parallel/worker)';
  return `src/${g}/ (typelearn/${g})`;
}

// 3. every sub-path of "exports" is documented.
const entryFiles = new Set(config.entryPoints);
for (const sub of Object.keys(pkg.exports)) {
  if (sub === './package.json') continue;
  const file = sub === '.' ? 'src/index.ts' : `src/${sub.slice(2)}${sub.includes('/', 2) ? '.ts' : '/index.ts'}`;
  if (!entryFiles.has(file)) entry('(config)').other.push(`package.json exports '${sub}' but typedoc.json has no entry point ${file}`);
}

const app = await Application.bootstrapWithPlugins({ treatWarningsAsErrors: false, logLevel: 'Warn', ...(noHtml ? { out: '' } : {}) });
// 1. TypeDoc's warnings, collected instead of printed one by one.
let typedocWarnings = 0;
const log = app.logger.log.bind(app.logger);
app.logger.log = (message, level) => {
  if (level === LogLevel.Error) log(message, level);
  if (level === LogLevel.Warn || level === LogLevel.Error) {
    // eslint-disable-next-line no-control-regex
    const text = message.replace(/\u001b\[[0-9;]*m/g, '').replace(/\n\t/g, ' ').split('\n')[0];
    // A clone whose origin is a local path (CI's clean clone) or that has no remote: TypeDoc cannot
    // build source links to a hosted repository. package.json names none, so the site has no
    // source links; that is about hosting, not about the API's documentation.
    if (/git remote "[^"]*" was not valid/.test(text)) return;
    typedocWarnings++;
    const m = /^(?:\[warning\] |\[error\] )?(.*?) \(([A-Za-z]+)\), defined in [^/]+\/(\S+), does not have any documentation$/.exec(text.replace(/^.*?\[(warning|error)\] /, ''));
    if (m) entry(groupOf(m[3])).undocumented.push(`${m[1]} (${m[2]})  ${m[3]}`);
    else entry(groupOf(text)).other.push(text);
    return;
  }
  if (level !== LogLevel.Info) log(message, level);
};

const project = await app.convert();
if (!project) {
  console.error('check-api-docs: TypeDoc could not convert the project (see the errors above).');
  process.exit(1);
}
app.validate(project);
if (noHtml) await app.generateJson(project, 'docs-site/api.json');
else await app.generateOutputs(project);

// 2. an @example with a ```ts block on every exported class and function.
let symbols = 0;
let documented = 0;
let withExample = 0;
/** @param {import('typedoc').Comment | undefined} c */
const hasText = (c) => !!c && (c.summary.some((p) => p.text.trim() !== '') || c.blockTags.length > 0);
/** @param {import('typedoc').Comment | undefined} c */
function exampleKind(c) {
  let kind = '';
  for (const tag of c?.blockTags ?? []) {
    if (tag.tag !== '@example') continue;
    for (const part of tag.content) {
      if (part.kind !== 'code') continue;
      const fence = /^```(ts|typescript)([^\n]*)\n/.exec(part.text);
      if (fence && !fence[2].includes('norun')) return 'run';
      if (fence) kind = 'norun';
    }
  }
  return kind;
}
/** @param {import('typedoc').DeclarationReflection} decl */
function where(decl) {
  const s = decl.sources?.[0] ?? decl.signatures?.[0]?.sources?.[0];
  return s ? `${relative(root, s.fullFileName).replace(/\\/g, '/')}:${s.line}` : '?';
}
/**
 * @param {import('typedoc').ContainerReflection} container
 * @param {string} prefix
 */
function visit(container, prefix) {
  for (const decl of container.children ?? []) {
    if (decl.kindOf(ReflectionKind.Reference)) continue;
    if (decl.kindOf(ReflectionKind.Namespace)) {
      visit(decl, `${prefix}${decl.name}.`);
      continue;
    }
    symbols++;
    const comments = [decl.comment, ...(decl.signatures ?? []).map((s) => s.comment)];
    if (comments.some(hasText)) documented++;
    if (!decl.kindOf(ReflectionKind.Class | ReflectionKind.Function)) continue;
    const kind = comments.map(exampleKind).reduce((a, b) => (a === 'run' || b === 'run' ? 'run' : a || b), '');
    const label = `${prefix}${decl.name} (${ReflectionKind[decl.kind]})  ${where(decl)}`;
    const group = groupOf(where(decl));
    if (kind === 'run') withExample++;
    else if (kind === 'norun') {
      withExample++;
      entry(group).norun.push(label);
    } else entry(group).noExample.push(label);
  }
}
for (const mod of project.children ?? []) visit(mod, '');

// The report, one block per entry point.
let failures = 0;
const groups = [...report.keys()].sort();
for (const g of groups) {
  const e = report.get(g);
  if (!e) continue;
  for (const k of /** @type {const} */ (['undocumented', 'noExample', 'norun', 'other'])) e[k] = [...new Set(e[k])];
  const n = e.undocumented.length + e.noExample.length + e.other.length;
  failures += n;
  if (n === 0 && e.norun.length === 0) continue;
  console.log(`\n${heading(g)}: ${n} problem${n === 1 ? '' : 's'}`);
  /** @param {string} title @param {string[]} list */
  const show = (title, list) => {
    if (!list.length) return;
    console.log(`  ${title} (${list.length}):`);
    for (const line of [...new Set(list)].sort()) console.log(`    ${line}`);
  };
  show('no doc comment', e.undocumented);
  show('no @example with a ```ts block', e.noExample);
  show('other TypeDoc warnings', e.other);
  show('examples fenced ```ts norun (shown, not run; allowed)', e.norun);
}
const secs = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `\nAPI docs: ${documented}/${symbols} exported symbols documented, ${withExample} classes and functions with an @example; ` +
    `${typedocWarnings} TypeDoc warning(s); ${failures} problem(s); site in ${noHtml ? '(skipped)' : config.out}/ (${secs} s)`,
);
if (failures > 0) {
  const bad = groups.filter((g) => {
    const e = report.get(g);
    return e && e.undocumented.length + e.noExample.length + e.other.length > 0;
  });
  console.log(`FAILED: undocumented API in ${bad.map((g) => (g.startsWith('(') ? g : `src/${g}`)).join(', ')}`);
  console.log(
    'To fix: a /** comment */ above each symbol or member listed (a field of an inline object type needs its comment on a\n' +
      'line of its own: TypeDoc ignores `{ /** c */ a: T }` on one line); an @example with a ```ts block on each class and\n' +
      'function (test/docs.test.ts runs it). See docs/api-reference.md.',
  );
  process.exit(1);
}
