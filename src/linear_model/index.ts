export { LinearRegression } from './LinearRegression';
export type { LinearRegressionOptions } from './LinearRegression';
export { LogisticRegression } from './LogisticRegression';
export type { LogisticRegressionOptions } from './LogisticRegression';
export { Ridge } from './Ridge';
export type { RidgeOptions } from './Ridge';
