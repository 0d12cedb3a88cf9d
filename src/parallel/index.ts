/**
 * `typelearn/parallel`: the worker pool behind `GridSearchCV#fitAsync`, `RandomizedSearchCV#fitAsync`
 * and `crossValidateAsync`, for users who want to keep one pool across searches.
 */
export { WorkerPool, WorkerTaskError } from './pool';
export type { WorkerPoolOptions } from './pool';
