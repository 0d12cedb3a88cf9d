/** The Web Worker: runs every workload off the main thread and posts the encoded results back. */
import { runAll } from './workloads';

(globalThis as unknown as { postMessage(data: unknown): void }).postMessage(runAll());
