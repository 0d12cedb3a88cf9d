export { fitStream } from './fitStream';
export type { AbortSignalLike, BatchSource, FitStreamOptions, FlatRows, StreamBatch, StreamProgress } from './fitStream';
