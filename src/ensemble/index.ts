export { GradientBoostingRegressor } from './GradientBoostingRegressor';
export type { GradientBoostingRegressorOptions } from './GradientBoostingRegressor';
export type { GradientBoostingCommonOptions } from './_gbCommon';
export { GradientBoostingClassifier } from './GradientBoostingClassifier';
export type { GradientBoostingClassifierOptions } from './GradientBoostingClassifier';
export { AdaBoostClassifier } from './AdaBoostClassifier';
export type { AdaBoostClassifierOptions } from './AdaBoostClassifier';
export { AdaBoostRegressor } from './AdaBoostRegressor';
export type { AdaBoostRegressorOptions } from './AdaBoostRegressor';
