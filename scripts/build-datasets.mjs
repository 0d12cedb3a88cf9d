#!/usr/bin/env node
/**
 * Builds src/datasets/data/*.ts from the CSVs in data/datasets/: each data set becomes one small
 * TypeScript module exporting a packed string that src/datasets decodes lazily, on first use.
 *
 *   node scripts/build-datasets.mjs
 *
 * Packings (decoded by src/datasets/_packed.ts):
 * - 'scaled36': column j holds decimal numbers with at most decimals[j] places; each value is
 *   written as the integer value × 10^decimals[j] in base 36, values comma-separated, row-major,
 *   the target last. Decoding divides the integer by 10^decimals[j]; because both are exact
 *   doubles and IEEE division rounds correctly, the result is bit for bit the double the CSV's
 *   decimal text denotes (this script checks it for every value). Values whose text carries
 *   float noise ('5.4510000000000005') are written as '~' + their decimal text instead.
 * - 'rle17': integers 0..16 (the digits images), one character each, '0'-'9' and 'a'-'g'
 *   (base 17), with runs of 2..20 zeros written as one of 'h'..'z'.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'data', 'datasets');
const outDir = join(root, 'src', 'datasets', 'data');

const meta = JSON.parse(readFileSync(join(dataDir, 'datasets.json'), 'utf8'));
const featureNames = JSON.parse(readFileSync(join(dataDir, 'feature_names.json'), 'utf8'));

/** name in datasets.json → [module file, exported constant, packing] */
const sets = {
  iris: ['iris', 'IRIS', 'scaled36'],
  wine: ['wine', 'WINE', 'scaled36'],
  breast_cancer: ['breastCancer', 'BREAST_CANCER', 'scaled36'],
  diabetes: ['diabetes', 'DIABETES', 'scaled36'],
  digits: ['digits', 'DIGITS', 'rle17'],
};

function readCsv(name) {
  const lines = readFileSync(join(dataDir, `${name}.csv`), 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((l) => l.split(','));
  for (const [i, r] of rows.entries()) {
    if (r.length !== header.length) throw new Error(`${name}.csv row ${i + 1}: ${r.length} fields, header has ${header.length}`);
  }
  if (header[header.length - 1] !== 'target') throw new Error(`${name}.csv: last column must be 'target'`);
  return { header, rows };
}

/** Splits a plain decimal literal into sign, integer digits and fraction digits (no exponents). */
function parseDecimal(text) {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`not a plain decimal number: '${text}'`);
  return { sign: m[1], int: m[2] || '0', frac: (m[3] ?? '').replace(/0+$/, '') };
}

/** The longest fraction a column's scale is chosen for; longer ones (float noise such as
 * '5.4510000000000005') are written as raw decimal text instead. */
const MAX_DECIMALS = 10;

function packScaled36(name, rows, cols) {
  const decimals = new Array(cols).fill(0);
  const parsed = rows.map((r) => r.map(parseDecimal));
  for (const r of parsed) {
    for (let j = 0; j < cols; j++) if (r[j].frac.length <= MAX_DECIMALS) decimals[j] = Math.max(decimals[j], r[j].frac.length);
  }
  const tokens = [];
  let raw = 0;
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < cols; j++) {
      const p = parsed[i][j];
      const text = rows[i][j].trim();
      let token;
      if (p.frac.length <= decimals[j]) {
        const digits = (p.int + p.frac.padEnd(decimals[j], '0')).replace(/^0+(?=\d)/, '');
        const big = BigInt(p.sign + digits);
        const abs = big < 0n ? -big : big;
        if (abs <= BigInt(Number.MAX_SAFE_INTEGER)) {
          const candidate = big.toString(36);
          // The property the decoder relies on: integer / 10^k is exactly the CSV's double.
          if (Object.is(parseInt(candidate, 36) / 10 ** decimals[j], Number(text))) token = candidate;
        }
      }
      if (token === undefined) {
        // Raw decimal text, marked with '~'; Number() parses it to the same double as the CSV does.
        token = `~${text}`;
        raw++;
      }
      tokens.push(token);
    }
  }
  if (raw > 0) console.log(`${name}: ${raw} values kept as raw decimal text`);
  return { decimals, values: tokens.join(',') };
}

const RLE_VALUE = '0123456789abcdefg';
const RLE_RUN_FIRST = 'h'.charCodeAt(0); // 'h' = a run of 2 zeros … 'z' = a run of 20
const RLE_RUN_MAX = 'z'.charCodeAt(0) - RLE_RUN_FIRST + 2;

function packRle17(name, rows, cols) {
  const flat = [];
  for (const r of rows) {
    for (let j = 0; j < cols; j++) {
      const v = Number(r[j]);
      if (!Number.isInteger(v) || v < 0 || v > 16 || String(v) !== r[j].trim()) throw new Error(`${name}: '${r[j]}' is not an integer in 0..16`);
      flat.push(v);
    }
  }
  let out = '';
  for (let i = 0; i < flat.length; ) {
    if (flat[i] === 0) {
      let run = 0;
      while (i + run < flat.length && flat[i + run] === 0 && run < RLE_RUN_MAX) run++;
      out += run === 1 ? '0' : String.fromCharCode(RLE_RUN_FIRST + run - 2);
      i += run;
    } else {
      out += RLE_VALUE[flat[i]];
      i++;
    }
  }
  // Round-trip check with an independent decoder.
  const back = [];
  for (const ch of out) {
    const c = ch.charCodeAt(0);
    if (c >= RLE_RUN_FIRST) for (let k = 0; k < c - RLE_RUN_FIRST + 2; k++) back.push(0);
    else back.push(RLE_VALUE.indexOf(ch));
  }
  if (back.length !== flat.length || back.some((v, i) => v !== flat[i])) throw new Error(`${name}: rle17 does not round-trip`);
  return { values: out };
}

mkdirSync(outDir, { recursive: true });
for (const [name, [file, constant, packing]] of Object.entries(sets)) {
  const { header, rows } = readCsv(name);
  const m = meta[name];
  const cols = header.length;
  if (rows.length !== m.n_samples || cols - 1 !== m.n_features) throw new Error(`${name}: shape differs from datasets.json`);
  const names = featureNames[name];
  if (!names || names.length !== cols - 1) throw new Error(`${name}: feature_names.json has no matching entry`);
  const packed = packing === 'scaled36' ? packScaled36(name, rows, cols) : packRle17(name, rows, cols);
  const fields = [
    `  rows: ${rows.length},`,
    `  cols: ${cols},`,
    `  featureNames: ${JSON.stringify(names)},`,
    ...(m.target_names ? [`  targetNames: ${JSON.stringify(m.target_names)},`] : []),
    packing === 'scaled36'
      ? `  packing: { kind: 'scaled36', decimals: ${JSON.stringify(packed.decimals)} },`
      : `  packing: { kind: 'rle17' },`,
    `  values:\n    ${JSON.stringify(packed.values)},`,
  ];
  const source =
    `// Generated by scripts/build-datasets.mjs from data/datasets/${name}.csv. Do not edit.\n` +
    `import type { PackedTable } from '../_packed';\n\n` +
    `/** The ${name} data set (${rows.length} x ${cols - 1}, target last), packed; see src/datasets/_packed.ts. */\n` +
    `export const ${constant}: PackedTable = {\n${fields.join('\n')}\n};\n`;
  writeFileSync(join(outDir, `${file}.ts`), source);
  console.log(`${file}.ts: ${rows.length} x ${cols - 1}, ${packing}, ${packed.values.length} characters`);
}
