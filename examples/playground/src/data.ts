/**
 * The playground's data: a CSV read by typelearn's own reader (`readCsvBatches` from
 * `typelearn/io`, which takes a string or a File and infers each column's type), a summary of each
 * column, and the features and target handed to training. No DOM here: the browser test runs the
 * same code in Node to compute the reference scores.
 */
import { readCsvBatches } from 'typelearn/io';
import type { CsvSource } from 'typelearn/io';
import type { Label, Records } from 'typelearn';

/** The markers the reader treats as missing by default (its own default list). */
export const DEFAULT_MISSING = ['', 'NA', 'NaN', 'null'];

/** A parsed CSV: rows as objects (numbers, NaN for a missing number; strings, null for a missing one). */
export interface Table {
  columns: string[];
  rows: Records;
}

/** What the page shows of a column. */
export interface ColumnSummary {
  name: string;
  /** As the reader inferred it (numeric when every present cell of the first batch is a number) or was told. */
  type: ColumnType;
  missing: number;
  distinct: number;
}

export type Task = 'classification' | 'regression';

/** A column's type as the CSV reader takes it: numbers, or text. */
export type ColumnType = 'number' | 'string';

/**
 * Reads a whole CSV (a string, a File or a Blob) into records, with the given missing-value
 * markers; `types` sets the type of the columns it names (the others are inferred).
 */
export async function parseCsv(source: CsvSource, missing: string[] = DEFAULT_MISSING, types: Record<string, ColumnType> = {}): Promise<Table> {
  const rows: Records = [];
  let columns: string[] = [];
  for await (const batch of readCsvBatches(source, { as: 'records', missing, types, batchRows: 1 << 20 })) {
    columns = batch.columns;
    for (const r of batch.X as Records) rows.push(r);
  }
  if (rows.length === 0) throw new Error('The CSV has a header but no rows.');
  return { columns, rows };
}

/** True for a missing cell as the reader hands it out: NaN in a numeric column, null in a text column. */
export function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

/** Each column's inferred type, missing count and number of distinct present values. */
export function summarize(table: Table): ColumnSummary[] {
  return table.columns.map((name) => {
    let missing = 0;
    let numeric = true;
    const seen = new Set<unknown>();
    for (const r of table.rows) {
      const v = r[name];
      if (isMissing(v)) missing++;
      else {
        if (typeof v !== 'number') numeric = false;
        seen.add(v);
      }
    }
    return { name, type: numeric ? 'number' : 'string', missing, distinct: seen.size };
  });
}

/**
 * The task a target suggests: text, or a handful of whole numbers (at most 10 distinct), is
 * classification; other numbers are regression.
 */
export function suggestTask(target: ColumnSummary, table: Table): Task {
  if (target.type === 'string') return 'classification';
  if (target.distinct > 10) return 'regression';
  return table.rows.every((r) => isMissing(r[target.name]) || Number.isInteger(r[target.name])) ? 'classification' : 'regression';
}

/**
 * Whether a column is a useful feature by default: not the target, not entirely missing, and not
 * a text column with so many distinct values that it is a name or an identifier (more than 30, and
 * more than a fifth of the rows).
 */
export function defaultFeature(c: ColumnSummary, rows: number): boolean {
  if (c.missing === rows) return false;
  return !(c.type === 'string' && c.distinct > 30 && c.distinct > rows / 5);
}

/** The training data: the chosen feature columns of the rows whose target is present, and the target. */
export interface Prepared {
  X: Records;
  y: Label[] | number[];
  /** Rows left out because their target is missing. */
  dropped: number;
}

/** Picks the features and the target; rows with a missing target are left out. */
export function prepare(table: Table, target: string, features: string[], task: Task): Prepared {
  const X: Records = [];
  const y: Array<Label> = [];
  let dropped = 0;
  for (const r of table.rows) {
    const t = r[target];
    if (isMissing(t)) {
      dropped++;
      continue;
    }
    const row: Record<string, unknown> = {};
    for (const f of features) row[f] = r[f];
    X.push(row);
    y.push(t as Label);
  }
  if (task === 'regression' && y.some((v) => typeof v !== 'number')) throw new Error(`Regression needs a numeric target; '${target}' holds text.`);
  return { X, y: task === 'regression' ? (y as number[]) : y, dropped };
}
