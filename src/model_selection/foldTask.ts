/**
 * One cross-validation fold as a message a worker can run: what every fold of the run shares (the
 * estimator as its JSON form, X as one flat Float64Array, y, the scoring), sent to each worker once,
 * and per fold the candidate's options encoded as in a saved model and the split's indices. Free
 * of the pool, so the worker and the tests import it alone.
 */
import { RowMajorMatrix } from '../core/data/RowMajorMatrix';
import { decodeValue, getRegisteredEstimator, loadModel, type SavedModel } from '../core/serialization';
import { ValidationError } from '../core/errors';
import { isEstimator } from '../core/base';
import { fitAndScore, isFittableEstimator, type ErrorScore, type FittableEstimator } from './_fitAndScore';
import { resolveScoring, type ScoringInput } from './scoring';
import type { ParamSet } from './ParameterGrid';

/** What every fold of a run shares, sent to each worker once (see `WorkerPool.share`). */
export interface FoldData {
  fn: string;
  model: SavedModel;
  flat: Float64Array;
  rows: number;
  cols: number;
  y: unknown[] | null;
  scoring: ScoringInput;
  returnTrainScore: boolean;
  errorScore: ErrorScore;
  returnEstimator: boolean;
}

/** The fold a worker fits and scores: the candidate and the split. */
export interface FoldTask {
  /** The candidate's options, encoded as in a saved model's params (null: the estimator as is). */
  params: Record<string, unknown> | null;
  train: number[];
  test: number[];
}

/** What comes back: the scores and times, and the fitted estimator's JSON form when asked. */
export interface FoldReply {
  testScores: Record<string, number>;
  trainScores?: Record<string, number>;
  fitTime: number;
  scoreTime: number;
  fitError?: string;
  estimator?: SavedModel;
}

/** The estimator of each run's shared data, rebuilt from its JSON form once per worker. */
const bases = new WeakMap<FoldData, FittableEstimator>();

/** Fits and scores one fold, as the synchronous search does. */
export function runFoldTask(t: FoldTask, d: FoldData): FoldReply {
  if (typeof d !== 'object' || d === null || typeof d.model !== 'object' || !(d.flat instanceof Float64Array)) {
    throw new Error('fold task: expected the shared { model, flat, rows, cols, ... } of its run');
  }
  if (getRegisteredEstimator(d.model.className) === undefined) {
    throw new ValidationError({
      code: 'unsupported',
      estimator: d.fn,
      message: `${d.fn}: the worker cannot build '${d.model.className}': that class is not registered in the worker. Put \`registerEstimator(${d.model.className})\` in a module and pass its URL as the 'imports' option.`,
    });
  }
  let base = bases.get(d);
  if (base === undefined) {
    // Rebuilt and checked once per run in each worker; each fold fits a clone.
    const loaded: unknown = loadModel(d.model);
    if (!isEstimator(loaded) || !isFittableEstimator(loaded)) {
      throw new ValidationError({ code: 'unsupported', estimator: d.fn, message: `${d.fn}: '${d.model.className}' is not an estimator with fit.` });
    }
    base = loaded;
    bases.set(d, base);
  }
  const est = base.clone();
  if (t.params !== null) est.setParams(decodeValue(t.params, 'params') as ParamSet);
  const X = RowMajorMatrix.fromFlat(d.flat, d.rows, d.cols);
  const { scorers } = resolveScoring(d.fn, d.scoring, est);
  const r = fitAndScore(d.fn, est, X, d.y ?? undefined, { train: t.train, test: t.test }, scorers, { returnTrainScore: d.returnTrainScore, errorScore: d.errorScore });
  const out: FoldReply = { testScores: r.testScores, fitTime: r.fitTime, scoreTime: r.scoreTime };
  if (r.trainScores) out.trainScores = r.trainScores;
  if (r.fitError !== undefined) out.fitError = r.fitError;
  if (d.returnEstimator && r.fitError === undefined) out.estimator = r.estimator.toJSON();
  return out;
}
