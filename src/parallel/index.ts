/**
 * `typelearn/parallel`: the worker pool behind `GridSearchCV#fitAsync`, `RandomizedSearchCV#fitAsync`,
 * `crossValidateAsync` and the forests' `fitAsync`, for users who want to keep one pool across
 * searches, make it ahead of time, or tell a bundled page where the worker script is.
 */
export { WorkerPool, WorkerTaskError } from './pool';
export { canShareMemory } from './share';
export type { WorkerPoolOptions, RunOptions, SharedData, TransferItem } from './pool';
