export { accuracyScore } from './accuracyScore';
export type { AccuracyScoreOptions } from './accuracyScore';
export { r2Score } from './r2Score';
export type { R2ScoreOptions } from './r2Score';
export { getScorer, registerScorer, getScorerNames } from './scorer';
export type { Scorer, ScorableEstimator } from './scorer';
