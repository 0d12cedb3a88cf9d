export { LinearRegression } from './LinearRegression';
export type { LinearRegressionOptions } from './LinearRegression';
