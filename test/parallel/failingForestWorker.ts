// A worker module that makes the worker exit as soon as it receives a forest task: for the test of a
// worker that dies mid-fit (imported into each worker through the pool's `imports` option).
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (m: { kind?: string }) => {
  if (m.kind === 'forestTrees') process.exit(7);
});
