export { accuracyScore } from './accuracyScore';
export type { AccuracyScoreOptions } from './accuracyScore';
export { balancedAccuracyScore } from './balancedAccuracyScore';
export type { BalancedAccuracyScoreOptions } from './balancedAccuracyScore';
export { precisionScore } from './precisionScore';
export { recallScore } from './recallScore';
export { f1Score } from './f1Score';
export { fbetaScore } from './fbetaScore';
export type { FbetaScoreOptions } from './fbetaScore';
export { precisionRecallFscoreSupport } from './precisionRecallFscoreSupport';
export type {
  PrecisionRecallFscoreSupportOptions,
  PrecisionRecallFscoreSupportPerLabel,
  PrecisionRecallFscoreSupportAveraged,
} from './precisionRecallFscoreSupport';
export type { PrfOptions, Average, ZeroDivision } from './_prf';
export { confusionMatrix } from './confusionMatrix';
export type { ConfusionMatrixOptions } from './confusionMatrix';
export { classificationReport } from './classificationReport';
export type { ClassificationReportOptions, ClassificationReportDict, ClassificationReportEntry } from './classificationReport';
export { rocCurve } from './rocCurve';
export type { RocCurveOptions, RocCurveResult } from './rocCurve';
export { auc } from './auc';
export { rocAucScore } from './rocAucScore';
export type { RocAucScoreOptions } from './rocAucScore';
export { logLoss } from './logLoss';
export type { LogLossOptions } from './logLoss';
export { r2Score } from './r2Score';
export type { R2ScoreOptions } from './r2Score';
export { meanSquaredError } from './meanSquaredError';
export type { MeanSquaredErrorOptions } from './meanSquaredError';
export { meanAbsoluteError } from './meanAbsoluteError';
export type { MeanAbsoluteErrorOptions } from './meanAbsoluteError';
export { meanAbsolutePercentageError } from './meanAbsolutePercentageError';
export type { MeanAbsolutePercentageErrorOptions } from './meanAbsolutePercentageError';
export { explainedVarianceScore } from './explainedVarianceScore';
export type { ExplainedVarianceScoreOptions } from './explainedVarianceScore';
export { medianAbsoluteError } from './medianAbsoluteError';
export { maxError } from './maxError';
export { UndefinedMetricWarning } from './UndefinedMetricWarning';
export { getScorer, registerScorer, getScorerNames } from './scorer';
export type { Scorer, ScorableEstimator } from './scorer';
