/**
 * typelearn/testing: the public estimator contract suite. Run it on your own estimators so that
 * they keep the same contract as typelearn's (options, cloning, fitting, input validation,
 * save/load).
 */
export { estimatorChecks, ESTIMATOR_CHECK_NAMES } from './estimatorChecks';
export type { EstimatorCheck } from './estimatorChecks';
export { checkEstimator } from './checkEstimator';
export type { EstimatorCheckReport } from './checkEstimator';
export { describeEstimator } from './describeEstimator';
export type { TestHarness, TestFunction } from './describeEstimator';
export { EstimatorCheckError } from './EstimatorCheckError';
export type { EstimatorCheckFailure } from './EstimatorCheckError';
export type { CheckableClass, EstimatorCheckOptions } from './_context';
