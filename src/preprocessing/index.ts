export { StandardScaler } from './StandardScaler';
export type { StandardScalerOptions } from './StandardScaler';
