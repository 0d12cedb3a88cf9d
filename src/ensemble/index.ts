export { GradientBoostingRegressor } from './GradientBoostingRegressor';
export type { GradientBoostingRegressorOptions } from './GradientBoostingRegressor';
export type { GradientBoostingCommonOptions } from './_gbCommon';
