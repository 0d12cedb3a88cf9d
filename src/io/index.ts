/**
 * typelearn/io: data sources for big data. Apache Arrow tables, Parquet files and CSV read as
 * batches (`{ X, y }`) that `partialFit` and `fitStream` take. A separate entry point, so the core
 * bundle does not grow; `apache-arrow`, `hyparquet` and `hyparquet-compressors` are optional peer
 * dependencies, loaded only when used.
 */
export { fromArrow, arrowColumns, arrowColumn } from './arrow';
export type { ArrowTableLike, ArrowVectorLike } from './arrow';
export { readParquetBatches } from './parquet';
export type { AsyncBufferLike, ParquetOptions, ParquetSource } from './parquet';
export { readCsvBatches } from './csv';
export type { CsvOptions, CsvSource } from './csv';
export type { BatchForm, ColumnSelection, ColumnValues, DataBatch } from './batch';
