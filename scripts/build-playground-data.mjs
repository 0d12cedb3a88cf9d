#!/usr/bin/env node
/**
 * Writes the playground's pre-loaded data sets, examples/playground/data/{penguins,cars}.csv, from
 * the vega-datasets devDependency (node_modules/vega-datasets/data/*.json): one CSV row per record,
 * the columns in the records' key order, null as an empty cell, fields quoted where they hold a
 * comma, a quote or a line break. Values are written as JSON has them (no rounding).
 *
 *   node scripts/build-playground-data.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cell = (v) => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
for (const name of ['penguins', 'cars']) {
  const records = JSON.parse(readFileSync(join(root, 'node_modules', 'vega-datasets', 'data', `${name}.json`), 'utf8'));
  const columns = Object.keys(records[0]);
  for (const r of records) {
    const keys = Object.keys(r);
    if (keys.length !== columns.length || keys.some((k, i) => k !== columns[i])) throw new Error(`${name}: a record with other keys: ${keys.join(', ')}`);
  }
  const lines = [columns.map(cell).join(','), ...records.map((r) => columns.map((c) => cell(r[c])).join(','))];
  writeFileSync(join(root, 'examples', 'playground', 'data', `${name}.csv`), lines.join('\n') + '\n');
  console.log(`${name}.csv: ${records.length} rows, ${columns.length} columns`);
}
