/**
 * Model selection: splitters, cross-validation and hyper-parameter searches, with scikit-learn's
 * names, folds and result keys.
 */
export { trainTestSplit } from './trainTestSplit';
export type { TrainTestSplitOptions, TrainTestSplitResult } from './trainTestSplit';
export { KFold } from './KFold';
export type { KFoldOptions } from './KFold';
export { StratifiedKFold } from './StratifiedKFold';
export { LeaveOneOut } from './LeaveOneOut';
export { ShuffleSplit } from './ShuffleSplit';
export type { ShuffleSplitOptions } from './ShuffleSplit';
export { StratifiedShuffleSplit } from './StratifiedShuffleSplit';
export { BaseSplitter } from './_splitter';
export type { Split, CrossValidator } from './_splitter';
export { checkCv } from './checkCv';
export type { CvInput } from './checkCv';
export { crossValidate, crossValidateAsync } from './crossValidate';
export type { AsyncOptions } from './_runAsync';
export type { CrossValidateOptions, CrossValidateResult, CrossValidateMultiResult } from './crossValidate';
export { crossValScore } from './crossValScore';
export { crossValPredict } from './crossValPredict';
export type { CrossValPredictOptions, CrossValPredictMethod } from './crossValPredict';
export type { CrossValScoreOptions } from './crossValScore';
export { FitFailedWarning } from './FitFailedWarning';
export type { ErrorScore } from './_fitAndScore';
export type { ScoringInput } from './scoring';
export { ParameterGrid } from './ParameterGrid';
export type { ParamGridDict, ParamGridInput, ParamSet } from './ParameterGrid';
export { ParameterSampler } from './ParameterSampler';
export type { ParamDistributionsDict, ParamDistributionsInput } from './ParameterSampler';
export { uniform, UniformDistribution } from './uniform';
export { loguniform, LogUniformDistribution } from './loguniform';
export { randint, RandIntDistribution } from './randint';
export type { Distribution } from './_distribution';
export { BaseSearchCV } from './BaseSearchCV';
export type { BaseSearchCVOptions } from './BaseSearchCV';
export type { CvResults } from './_formatResults';
export { GridSearchCV } from './GridSearchCV';
export type { GridSearchCVOptions } from './GridSearchCV';
export { RandomizedSearchCV } from './RandomizedSearchCV';
export type { RandomizedSearchCVOptions } from './RandomizedSearchCV';
export { learningCurve, validationCurve } from './learningCurve';
export type { LearningCurveOptions, LearningCurveResult, ValidationCurveOptions, ValidationCurveResult } from './learningCurve';
