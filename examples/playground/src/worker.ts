/**
 * The Web Worker that trains, so that the page stays responsive: it receives the rows and the
 * pipeline configuration, posts a progress message after every fit, then the results (with the
 * fitted model as JSON).
 */
import type { Label, Records } from 'typelearn';
import type { PipelineConfig } from './pipeline';
import { train, type TrainResult } from './train';

export interface TrainRequest {
  X: Records;
  y: Label[] | number[];
  config: PipelineConfig;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; label: string }
  | { type: 'done'; result: TrainResult }
  | { type: 'error'; message: string };

/** The worker's global scope, as far as this file uses it. */
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<TrainRequest>) => void) | null;
  postMessage(message: WorkerMessage): void;
};

scope.onmessage = (e) => {
  const { X, y, config } = e.data;
  try {
    const result = train(X, y, config, (done, total, label) => scope.postMessage({ type: 'progress', done, total, label }));
    scope.postMessage({ type: 'done', result });
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
