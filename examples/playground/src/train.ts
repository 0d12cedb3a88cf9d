/**
 * Training: cross-validation fold by fold (so that the page can show progress after each fit),
 * then one fit on all rows for the model to download. No DOM here; the worker runs it.
 */
import { setWarningHandler } from 'typelearn';
import type { Label, Pipeline, Records } from 'typelearn';
import { treeSvg, type TextExportable } from 'typelearn/plot';
import { buildPipeline, importances, makeSplits, modelFeatureNames, type Importances, type PipelineConfig } from './pipeline';

export interface TrainResult {
  /** The held-out score of each fold: the model's own `score` (accuracy, or R²), as crossValScore gives it. */
  scores: number[];
  /** Every row's prediction by the fold model that did not see it (row order). */
  predictions: Label[];
  /** The sorted classes (classification). */
  classes?: Label[];
  /**
   * Two classes: every row's out-of-fold score for the second class (predictProba's column, or
   * decisionFunction when the model has no probabilities), for the ROC curve.
   */
  positiveScores?: number[];
  /** A decision tree model: its diagram (the top levels), drawn by treeSvg. */
  tree?: string;
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

/**
 * The second class's score of a fitted binary classifier, or undefined when it has none to give:
 * `predictProba` throws for an SVC without `probability`, and `decisionFunction` is there instead.
 */
function scoresOf(model: Pipeline, X: Records): number[] | undefined {
  for (const get of [() => model.predictProba(X).getColumn(1), () => model.decisionFunction(X)]) {
    try {
      const s = get();
      if (Array.isArray(s)) return s;
    } catch {
      // this model lacks the method (or it is switched off): try the next
    }
  }
  return undefined;
}

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
    const binary = config.task === 'classification' && new Set(y).size === 2;
    let positiveScores: number[] | undefined = binary ? new Array(y.length) : undefined;
    const pick = <T>(values: readonly T[], rows: number[]): T[] => rows.map((i) => values[i]);
    onProgress(0, total, `fitting fold 1 of ${splits.length}`);
    splits.forEach(({ train: rows, test }, f) => {
      const model = pipeline.clone().fit(pick(X, rows), pick<Label>(y, rows));
      const XTest = pick(X, test);
      const yTest = pick<Label>(y, test);
      const pred = model.predict(XTest) as Label[];
      test.forEach((i, k) => (predictions[i] = pred[k]));
      if (positiveScores) {
        const s = scoresOf(model, XTest);
        if (s) test.forEach((i, k) => (positiveScores![i] = s[k]));
        else positiveScores = undefined;
      }
      scores.push(model.score(XTest, yTest));
      onProgress(f + 1, total, f + 1 < splits.length ? `fitting fold ${f + 2} of ${splits.length}` : 'fitting the final model on all rows');
    });
    const final = pipeline.clone().fit(X, y);
    onProgress(total, total, 'done');
    const classes = config.task === 'classification' ? ((final.namedSteps.model as unknown as { classes_: Label[] }).classes_ as Label[]) : undefined;
    const model = final.namedSteps.model;
    const tree = config.model.startsWith('DecisionTree') ? treeSvg(model as unknown as TextExportable, { featureNames: modelFeatureNames(final), maxDepth: 3, title: 'The decision tree fitted on all rows (top 3 levels)' }) : undefined;
    return { scores, predictions, classes, positiveScores, tree, importances: importances(final), model: final.toJSON(), warnings: [...warnings], ms: performance.now() - started };
  } finally {
    setWarningHandler(previous);
  }
}
