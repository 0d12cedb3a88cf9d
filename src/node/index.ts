/**
 * typelearn/node: Node-only helpers (file paths). Reads Parquet and CSV files from disk as
 * batches, through `typelearn/io`'s readers.
 */
import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { readCsvBatches, type CsvOptions } from '../io/csv';
import { readParquetBatches, type AsyncBufferLike, type ParquetOptions } from '../io/parquet';
import type { DataBatch } from '../io/batch';

/** A Parquet file on disk as an async buffer that reads only the byte ranges asked for. */
async function fileBuffer(path: string): Promise<{ buffer: AsyncBufferLike; close: () => Promise<void> }> {
  const fh = await open(path, 'r');
  const { size } = await fh.stat();
  const buffer: AsyncBufferLike = {
    byteLength: size,
    async slice(start: number, end: number = size): Promise<ArrayBuffer> {
      const out = new Uint8Array(Math.max(0, end - start));
      let off = 0;
      while (off < out.length) {
        const { bytesRead } = await fh.read(out, off, out.length - off, start + off);
        if (bytesRead === 0) break;
        off += bytesRead;
      }
      return out.buffer;
    },
  };
  return { buffer, close: () => fh.close() };
}

/**
 * Reads a Parquet file from a path in batches (see `readParquetBatches`); the file is read range by range, never whole.
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { parquetWriteBuffer } from 'hyparquet-writer';
 * import { readParquetFile } from 'typelearn/node';
 *
 * const path = join(tmpdir(), 'typelearn-readParquetFile-example.parquet');
 * writeFileSync(path, new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'x', data: new Float64Array([1, 2, 3]), type: 'DOUBLE', nullable: false }] })));
 * for await (const batch of readParquetFile(path)) console.log(batch.rows, batch.columns); // 3 [ 'x' ]
 * ```
 */
export async function* readParquetFile(path: string, options: ParquetOptions = {}): AsyncGenerator<DataBatch> {
  const { buffer, close } = await fileBuffer(path);
  try {
    yield* readParquetBatches(buffer, options);
  } finally {
    await close();
  }
}

/**
 * Reads a CSV file from a path in batches (see `readCsvBatches`).
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { readCsvFile } from 'typelearn/node';
 *
 * const path = join(tmpdir(), 'typelearn-readCsvFile-example.csv');
 * writeFileSync(path, 'x,y\n1,2\n2,4\n3,6\n');
 * let rows = 0;
 * for await (const batch of readCsvFile(path, { target: 'y' })) rows += batch.rows;
 * console.log(rows); // 3
 * ```
 */
export async function* readCsvFile(path: string, options: CsvOptions = {}): AsyncGenerator<DataBatch> {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    yield* readCsvBatches(stream, options);
  } finally {
    stream.destroy();
  }
}
