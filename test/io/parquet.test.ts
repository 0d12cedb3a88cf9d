import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { readParquetBatches, type DataBatch } from '../../src/io';
import { readParquetFile } from '../../src/node';
import { ColumnTable, OneHotEncoder, Pipeline, SGDRegressor } from '../../src/index';
import { fitStream } from '../../src/stream';

const path = fileURLToPath(new URL('../fixtures/io/small.parquet', import.meta.url));
const bytes = (): Uint8Array => new Uint8Array(readFileSync(path));

async function all(it: AsyncIterable<DataBatch>): Promise<DataBatch[]> {
  const out: DataBatch[] = [];
  for await (const b of it) out.push(b);
  return out;
}

// The fixture (make_parquet.mjs): 25 rows in row groups of 10, distance = 100 + 10 i,
// hour = i % 24, origin cycles SEA/SFO/JFK, delay = i - 5 with nulls where i % 7 === 3.
describe('readParquetBatches', () => {
  it('reads row groups as numeric batches of at most batchRows rows', async () => {
    const batches = await all(readParquetBatches(bytes(), { columns: ['distance', 'hour'], target: 'delay', batchRows: 4 }));
    expect(batches.map((b) => b.rows)).toEqual([4, 4, 2, 4, 4, 2, 4, 1]);
    let i = 0;
    for (const b of batches) {
      expect(b.X).toBeInstanceOf(Matrix);
      const X = b.X as Matrix;
      expect(b.columns).toEqual(['distance', 'hour']);
      for (let r = 0; r < b.rows; r++, i++) {
        expect(X.get(r, 0)).toBe(100 + 10 * i);
        expect(X.get(r, 1)).toBe(i % 24);
        const y = b.y![r] as number;
        if (i % 7 === 3) expect(y).toBeNaN();
        else expect(y).toBe(i - 5);
      }
    }
    expect(i).toBe(25);
  });

  it('hands out records when a feature is text, from a Blob and from a path', async () => {
    const fromBlob = await all(readParquetBatches(new Blob([bytes()]), { columns: ['origin', 'hour'] }));
    expect(fromBlob.map((b) => b.rows)).toEqual([10, 10, 5]);
    expect((fromBlob[1].X as Array<Record<string, unknown>>)[2]).toEqual({ origin: 'SEA', hour: 12 });
    const fromPath = await all(readParquetFile(path, { columns: ['origin', 'hour'] }));
    expect(fromPath.map((b) => b.X)).toEqual(fromBlob.map((b) => b.X));
  });

  it("as: 'columns' hands out a ColumnTable of the decoded columns, which encoders and fitStream take", async () => {
    const batches = await all(readParquetBatches(bytes(), { columns: ['origin', 'hour'], target: 'distance', as: 'columns', batchRows: 8 }));
    expect(batches.map((b) => b.rows)).toEqual([8, 2, 8, 2, 5]);
    const t = batches[1].X as ColumnTable;
    expect(t).toBeInstanceOf(ColumnTable);
    expect(t.names).toEqual(['origin', 'hour']);
    expect(t.columns[1]).toBeInstanceOf(Float64Array);
    expect(Array.from(t.columns[1] as Float64Array)).toEqual([8, 9]);
    expect(t.columns[0]).toEqual(['JFK', 'SEA']);
    const records = await all(readParquetBatches(bytes(), { columns: ['origin', 'hour'], target: 'distance', batchRows: 8 }));
    const enc = new OneHotEncoder({ categories: [['JFK', 'SEA', 'SFO'], Array.from({ length: 24 }, (_, h) => h)] });
    for (const [k, b] of batches.entries()) {
      expect(enc.partialFit(b.X as ColumnTable).transform(b.X as ColumnTable).to2DArray()).toEqual(enc.transform(records[k].X as Array<Record<string, unknown>>).to2DArray());
    }
    const pipe = new Pipeline([['onehot', new OneHotEncoder({ categories: [['JFK', 'SEA', 'SFO'], Array.from({ length: 24 }, (_, h) => h)] })], ['sgd', new SGDRegressor({ randomState: 0 })]]);
    await fitStream(pipe, batches.map((b) => ({ X: b.X, y: b.y as Float64Array })));
    expect(pipe.predict(records[0].X as Array<Record<string, unknown>>)).toHaveLength(8);
  });

  it('names unknown columns and rejects a file that is not Parquet', async () => {
    await expect(all(readParquetBatches(bytes(), { columns: ['nope'] }))).rejects.toThrow(/nope/);
    await expect(all(readParquetBatches(new Uint8Array(100), {}))).rejects.toThrow(/not a readable Parquet file/);
    await expect(all(readParquetBatches(bytes(), { batchRows: 0 }))).rejects.toThrow(/batchRows/);
  });

  it('a corrupt page gives an error naming the row group', async () => {
    const b = bytes();
    // Row group 1 starts at byte 284 (its distance column); overwrite the middle of that page.
    for (let k = 284 + 10; k < 284 + 60; k++) b[k] = 0xff;
    const seen: number[] = [];
    const run = async (): Promise<void> => {
      for await (const batch of readParquetBatches(b, { columns: ['distance'] })) seen.push(batch.rows);
    };
    await expect(run()).rejects.toThrow(/row group 1 \(rows 10-19\) is damaged or unreadable/);
    expect(seen).toEqual([10]);
  });
});
