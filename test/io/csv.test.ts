import { Readable } from 'node:stream';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { readCsvBatches, type DataBatch } from '../../src/io';
import { readCsvFile } from '../../src/node';

async function all(it: AsyncIterable<DataBatch>): Promise<DataBatch[]> {
  const out: DataBatch[] = [];
  for await (const b of it) out.push(b);
  return out;
}

const CSV = 'a,b,city\n1,2,Oslo\n3,NA,Rome\n5,6,\n-7.5e1,,"Quoted, ""city"""\n';

/** The same bytes cut into chunks of `size` (splitting quotes, CRLF and UTF-8 sequences). */
function chunks(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

describe('readCsvBatches', () => {
  it('infers number and string columns, marks missing values, batches rows', async () => {
    const batches = await all(readCsvBatches(CSV, { batchRows: 3, target: 'city', missing: ['', 'NA'] }));
    expect(batches.map((b) => b.rows)).toEqual([3, 1]);
    expect(batches[0].X).toBeInstanceOf(Matrix);
    const X0 = (batches[0].X as Matrix).to2DArray();
    expect(X0[0]).toEqual([1, 2]);
    expect(X0[1][0]).toBe(3);
    expect(X0[1][1]).toBeNaN();
    expect(batches[0].y).toEqual(['Oslo', 'Rome', null]);
    expect((batches[1].X as Matrix).get(0, 0)).toBe(-75);
    expect((batches[1].X as Matrix).get(0, 1)).toBeNaN();
    expect(batches[1].y).toEqual(['Quoted, "city"']);
  });

  it('gives the same batches from a Node stream, a Blob, a web ReadableStream and a file, in any chunking, with CRLF', async () => {
    const text = CSV.replace(/\n/g, '\r\n').replace('Oslo', 'Øslo');
    const ref = await all(readCsvBatches(text, { batchRows: 2 }));
    expect(ref[0].X).toEqual([
      { a: 1, b: 2, city: 'Øslo' },
      { a: 3, b: NaN, city: 'Rome' },
    ]);
    for (const size of [1, 2, 3, 7, 1000]) {
      const node = await all(readCsvBatches(Readable.from(chunks(text, size)), { batchRows: 2 }));
      expect(node).toEqual(ref);
    }
    expect(await all(readCsvBatches(new Blob([text]), { batchRows: 2 }))).toEqual(ref);
    const web = new Blob(chunks(text, 5)).stream();
    expect(await all(readCsvBatches(web, { batchRows: 2 }))).toEqual(ref);
    const dir = mkdtempSync(join(tmpdir(), 'typelearn-csv-'));
    writeFileSync(join(dir, 'x.csv'), text);
    expect(await all(readCsvFile(join(dir, 'x.csv'), { batchRows: 2 }))).toEqual(ref);
  });

  it('drops a leading byte-order mark from a string, string chunks and bytes alike', async () => {
    const plain = await all(readCsvBatches(CSV, { target: 'city', missing: ['', 'NA'] }));
    const sources = [`\ufeff${CSV}`, ['\ufeff', CSV.slice(0, 5), CSV.slice(5)], chunks(`\ufeff${CSV}`, 2)];
    for (const source of sources) {
      const batches = await all(readCsvBatches(source, { target: 'city', missing: ['', 'NA'] }));
      expect(batches[0].columns).toEqual(plain[0].columns);
      expect(batches[0].columns?.[0]).toBe('a');
      expect((batches[0].X as Matrix).to2DArray()).toEqual((plain[0].X as Matrix).to2DArray());
    }
  });

  it('follows declared types and keeps a numeric column numeric across batches', async () => {
    const csv = 'zip,v\n01234,1\n02345,2\n';
    const [b] = await all(readCsvBatches(csv, { types: { zip: 'string' } }));
    expect(b.X).toEqual([{ zip: '01234', v: 1 }, { zip: '02345', v: 2 }]);
    await expect(all(readCsvBatches('x\n1\n2\nabc\n', { batchRows: 2 }))).rejects.toThrow(/numeric column "x".*'abc' in batch 1, row 3/);
  });

  it('a row with a different column set errors naming the batch and row', async () => {
    await expect(all(readCsvBatches('a,b\n1,2\n3,4\n5\n', { batchRows: 2 }))).rejects.toThrow(/2 fields per row.*1 fields in batch 1, row 3/);
    await expect(all(readCsvBatches('a,b\n1,2\n', { columns: ['c'] }))).rejects.toThrow(/"c"/);
    await expect(all(readCsvBatches('a,a\n1,2\n'))).rejects.toThrow(/distinct/);
    await expect(all(readCsvBatches('a\n"open\n'))).rejects.toThrow(/closing quote/);
    await expect(all(readCsvBatches(''))).rejects.toThrow(/header/);
    await expect(all(readCsvBatches(42 as never))).rejects.toThrow(/readCsvBatches/);
  });

  it('as: matrix rejects a text column; a semicolon delimiter works', async () => {
    await expect(all(readCsvBatches('a;b\n1;x\n', { as: 'matrix', delimiter: ';' }))).rejects.toThrow(/column "b" of strings/);
    const [b] = await all(readCsvBatches('a;b\n1;2\n', { delimiter: ';' }));
    expect((b.X as Matrix).getRow(0)).toEqual([1, 2]);
  });
});
