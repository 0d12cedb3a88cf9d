export { HistGradientBoostingClassifier } from './HistGradientBoostingClassifier';
export type { HistGradientBoostingClassifierOptions } from './HistGradientBoostingClassifier';
export { HistGradientBoostingRegressor } from './HistGradientBoostingRegressor';
export type { HistGradientBoostingRegressorOptions } from './HistGradientBoostingRegressor';
export type { BaseHistGradientBoostingOptions } from './_BaseHistGradientBoosting';
