export * from './types';
export { ValidationError, NotFittedError, TypelearnWarning, ConvergenceWarning, VerboseMessage, setWarningHandler, warn } from './errors';
export type { ValidationCode, ValidationIssue, WarningHandler, WarningOrigin } from './errors';
export { BaseEstimator, BaseTransformer, BaseClassifier, BaseRegressor, getTags, isEstimator, oneToOneFeatureNames } from './base';
export type { EstimatorClass, RegressionPrediction, RegressionTarget } from './base';
export {
  isFittable,
  isTransformer,
  isTableTransformer,
  isInverseTransformer,
  isFeatureNamer,
  isPredictor,
  isProbaPredictor,
  hasPredictLogProba,
  hasDecisionFunction,
  isScorable,
  hasClasses,
  isIncremental,
  acceptsSampleWeight,
  requireCapability,
} from './capabilities';
export type {
  DataInput,
  AnyTarget,
  Predictions,
  Fittable,
  Transformer,
  TableTransformer,
  InverseTransformer,
  FeatureNamer,
  Predictor,
  ProbaPredictor,
  LogProbaPredictor,
  DecisionFunction,
  Scorable,
  HasClasses,
  WeightedFittable,
  Incremental,
  PartialFitOptions,
  CapabilityOwner,
} from './capabilities';
export { checkArray, checkXy, isMatrix, compareLabels, uniqueLabels, toLabels, toTarget, encodeLabels } from './validation';
export { RowMajorMatrix } from './data/RowMajorMatrix';
export { CsrMatrix, hstackCsr } from './data/CsrMatrix';
export type { CheckArrayOptions } from './validation';
export { num, int, bool, str, func, anything, oneOf, union, nullable, arrayOf, record, requiredOption } from './params';
export type { ParamSpec, ParamSchema, IntervalOptions } from './params';
export { RandomState } from './random';
export { loadModel, registerEstimator, registerFunction, registeredEstimators, type LoadModelOptions } from './serialization';
export type { SavedModel } from './serialization';
export { toColumns, isRecords, isMissing, columnKind, numericColumn, ColumnTable, hasNamedColumns } from './tabular';
export type { TableLike, Columns, ColumnKind, ToColumnsOptions } from './tabular';
/** The fitted-state rules for `static stateSchema` (see docs/custom-estimators.md), as one namespace. */
export * as stateRules from './stateSchema';
export type { StateSchema, StateSpec, StateContext, StateLength } from './stateSchema';
export type { FitControl, FitOptions, FitProgress } from './fitControl';
