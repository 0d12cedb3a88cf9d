/**
 * Training: cross-validation fold by fold (so that the page can show progress after each fit),
 * then one fit on all rows for the model to download. No DOM here; the worker runs it.
 */
import { setWarningHandler } from 'typelearn';
import type { Label, Records } from 'typelearn';
import { buildPipeline, importances, makeSplits, type Importances, type PipelineConfig } from './pipeline';

export interface TrainResult {
  /** The held-out score of each fold: the model's own `score` (accuracy, or R²), as crossValScore gives it. */
  scores: number[];
  /** Every row's prediction by the fold model that did not see it (row order). */
  predictions: Label[];
  /** The sorted classes (classification). */
  classes?: Label[];
  importances?: Importances;
  /** The pipeline fitted on all rows, as JSON (`toJSON()`). */
  model: unknown;
  /** Warnings typelearn raised (e.g. a ConvergenceWarning), each once. */
  warnings: string[];
  /** Wall time of the whole run, in ms. */
  ms: number;
}

/** Progress: `done` of `total` fits finished; `label` says which. */
export type OnProgress = (done: number, total: number, label: string) => void;

export function train(X: Records, y: Label[] | number[], config: PipelineConfig, onProgress: OnProgress): TrainResult {
  const started = performance.now();
  const warnings = new Set<string>();
  const previous = setWarningHandler((w) => warnings.add(w.message));
  try {
    const pipeline = buildPipeline(config);
    const splits = makeSplits(config, X, y);
    const total = splits.length + 1;
    const scores: number[] = [];
    const predictions: Label[] = new Array(y.length);
    const pick = <T>(values: readonly T[], rows: number[]): T[] => rows.map((i) => values[i]);
    onProgress(0, total, `fitting fold 1 of ${splits.length}`);
    splits.forEach(({ train: rows, test }, f) => {
      const model = pipeline.clone().fit(pick(X, rows), pick<Label>(y, rows));
      const XTest = pick(X, test);
      const yTest = pick<Label>(y, test);
      const pred = model.predict(XTest) as Label[];
      test.forEach((i, k) => (predictions[i] = pred[k]));
      scores.push(model.score(XTest, yTest));
      onProgress(f + 1, total, f + 1 < splits.length ? `fitting fold ${f + 2} of ${splits.length}` : 'fitting the final model on all rows');
    });
    const final = pipeline.clone().fit(X, y);
    onProgress(total, total, 'done');
    const classes = config.task === 'classification' ? ((final.namedSteps.model as unknown as { classes_: Label[] }).classes_ as Label[]) : undefined;
    return { scores, predictions, classes, importances: importances(final), model: final.toJSON(), warnings: [...warnings], ms: performance.now() - started };
  } finally {
    setWarningHandler(previous);
  }
}
