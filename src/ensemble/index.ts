export { GradientBoostingRegressor } from './GradientBoostingRegressor';
export type { GradientBoostingRegressorOptions } from './GradientBoostingRegressor';
export type { GradientBoostingCommonOptions } from './_gbCommon';
export { GradientBoostingClassifier } from './GradientBoostingClassifier';
export type { GradientBoostingClassifierOptions } from './GradientBoostingClassifier';
