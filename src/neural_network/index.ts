/** Neural networks: multi-layer perceptrons for classification and regression. */
export { MLPClassifier, type MLPClassifierOptions } from './MLPClassifier';
export { MLPRegressor, type MLPRegressorOptions } from './MLPRegressor';
export type { MLPOptions } from './_mlpCommon';
