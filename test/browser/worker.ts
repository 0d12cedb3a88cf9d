/**
 * The Web Worker: runs every workload off the main thread and posts the encoded results back, with
 * a model it trained (as JSON, as docs/browser.md's worker example sends it).
 */
import { runAll, trainForPage } from './workloads';

(globalThis as unknown as { postMessage(data: unknown): void }).postMessage({ results: runAll(), trained: trainForPage() });
