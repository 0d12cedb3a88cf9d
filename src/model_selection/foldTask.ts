/**
 * One cross-validation fold as a message a worker can run: the estimator as its JSON form, the
 * candidate's options encoded the same way, X as one flat (shared or transferred) Float64Array, and
 * the split's indices. Free of the pool, so the worker and the tests import it alone.
 */
import { RowMajorMatrix } from '../core/data/RowMajorMatrix';
import { decodeValue, getRegisteredEstimator, loadModel, type SavedModel } from '../core/serialization';
import { ValidationError } from '../core/errors';
import { isEstimator } from '../core/base';
import { fitAndScore, isFittableEstimator, type ErrorScore } from './_fitAndScore';
import { resolveScoring, type ScoringInput } from './scoring';
import type { ParamSet } from './ParameterGrid';

/** The fold a worker fits and scores. */
export interface FoldTask {
  fn: string;
  model: SavedModel;
  /** The candidate's options, encoded as in a saved model's params (null: the estimator as is). */
  params: Record<string, unknown> | null;
  flat: Float64Array;
  rows: number;
  cols: number;
  y: unknown[] | null;
  train: number[];
  test: number[];
  scoring: ScoringInput;
  returnTrainScore: boolean;
  errorScore: ErrorScore;
  returnEstimator: boolean;
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

/** Fits and scores one fold, as the synchronous search does. */
export function runFoldTask(t: FoldTask): FoldReply {
  if (getRegisteredEstimator(t.model.className) === undefined) {
    throw new ValidationError({
      code: 'unsupported',
      estimator: t.fn,
      message: `${t.fn}: the worker cannot build '${t.model.className}': that class is not registered in the worker. Put \`registerEstimator(${t.model.className})\` in a module and pass its URL as the 'imports' option.`,
    });
  }
  const est = loadModel<unknown>(t.model);
  if (!isEstimator(est) || !isFittableEstimator(est)) {
    throw new ValidationError({ code: 'unsupported', estimator: t.fn, message: `${t.fn}: '${t.model.className}' is not an estimator with fit.` });
  }
  if (t.params !== null) est.setParams(decodeValue(t.params, 'params') as ParamSet);
  const X = RowMajorMatrix.fromFlat(t.flat, t.rows, t.cols);
  const { scorers } = resolveScoring(t.fn, t.scoring, est);
  const r = fitAndScore(t.fn, est, X, t.y ?? undefined, { train: t.train, test: t.test }, scorers, { returnTrainScore: t.returnTrainScore, errorScore: t.errorScore });
  const out: FoldReply = { testScores: r.testScores, fitTime: r.fitTime, scoreTime: r.scoreTime };
  if (r.trainScores) out.trainScores = r.trainScores;
  if (r.fitError !== undefined) out.fitError = r.fitError;
  if (t.returnEstimator && r.fitError === undefined) out.estimator = r.estimator.toJSON();
  return out;
}
