/**
 * Runs the code in the docs: every ```ts block of README.md and docs/*.md, and every @example of the
 * TSDoc in src/. Imports of 'typelearn' are pointed at src/. A line `console.log(...); // text`
 * checks that what it prints equals `text` (white space folded); blocks fenced as ```ts norun are
 * not run (interface listings, and examples of classes that have not landed yet).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { format } from 'node:util';
import { afterAll, describe, it } from 'vitest';

const root = join(__dirname, '..');
const tmp = join(__dirname, '.docs-tmp');

interface Block {
  where: string;
  code: string;
}

function markdownBlocks(file: string): Block[] {
  const text = readFileSync(file, 'utf8');
  const out: Block[] = [];
  const re = /^```(ts|typescript)([^\n]*)\n([\s\S]*?)^```/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[2].includes('norun')) continue;
    const line = text.slice(0, m.index).split('\n').length;
    out.push({ where: `${relative(root, file)}:${line}`, code: m[3] });
  }
  return out;
}

function tsdocBlocks(file: string): Block[] {
  const text = readFileSync(file, 'utf8');
  const out: Block[] = [];
  const re = /@example\s*\n\s*\*\s*```ts\n([\s\S]*?)\n\s*\*\s*```/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const code = m[1]
      .split('\n')
      .map((l) => l.replace(/^\s*\* ?/, ''))
      .join('\n');
    const line = text.slice(0, m.index).split('\n').length;
    out.push({ where: `${relative(root, file)}:${line}`, code });
  }
  return out;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function docFiles(): string[] {
  const docs = join(root, 'docs');
  let list: string[] = [];
  try {
    list = readdirSync(docs).filter((f) => f.endsWith('.md')).map((f) => join(docs, f));
  } catch {
    list = [];
  }
  return [join(root, 'README.md'), ...list];
}

/** Rewrites imports to src/ and `console.log(x); // expected` lines into checks. */
function instrument(code: string): string {
  const src = join(root, 'src').replace(/\\/g, '/');
  return code
    .replace(/from 'typelearn'/g, `from '${src}/index'`)
    .replace(/from 'typelearn\/([a-z_]+)'/g, `from '${src}/$1/index'`)
    .split('\n')
    .map((line) => {
      const m = /^(\s*)console\.log\((.*)\);\s*\/\/\s*(.+)$/.exec(line);
      if (!m) return line;
      return `${m[1]}__check(${JSON.stringify(m[3].trim())}, ${m[2]});`;
    })
    .join('\n');
}

function fold(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

const blocks: Block[] = [...docFiles().flatMap(markdownBlocks), ...walk(join(root, 'src')).flatMap(tsdocBlocks)];

describe('code in the docs runs and prints what it says', () => {
  mkdirSync(tmp, { recursive: true });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  blocks.forEach((b, i) => {
    it(b.where, async () => {
      const file = join(tmp, `block${i}.ts`);
      const failures: string[] = [];
      const g = globalThis as { __check?: (expected: string, ...args: unknown[]) => void };
      g.__check = (expected, ...args) => {
        const got = format(...args);
        if (fold(got) !== fold(expected)) failures.push(`printed ${JSON.stringify(got)}, the doc says ${JSON.stringify(expected)}`);
      };
      writeFileSync(file, `${instrument(b.code)}\nexport {};\n`);
      await import(/* @vite-ignore */ file);
      if (failures.length) throw new Error(`${b.where}:\n${failures.join('\n')}`);
    });
  });
});
