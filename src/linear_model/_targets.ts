/** Multi-output regression targets: the validation lives in core (MLPRegressor uses it too). */
export { toTargets, type Targets } from '../core/targets';
