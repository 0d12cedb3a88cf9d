// A script that is not typelearn's worker (posts something else first): WorkerPool.create must say so.
import { parentPort } from 'node:worker_threads';

parentPort?.postMessage({ hello: 'from another script' });
