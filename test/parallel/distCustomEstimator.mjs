// A user's module for the dist/ test: registers its own estimator with the built package, as a user
// of the published typelearn would (imported by the workers through the pool's `imports`).
import { BaseRegressor, num, registerEstimator } from '../../dist/index.js';

export class DistShiftedMean extends BaseRegressor {
  static className = 'DistShiftedMean';
  static defaults = { shift: 0 };
  static paramSchema = { shift: num() };
  static stateSchema = null;

  fit(X, y) {
    const d = this.checkX(X, { reset: true });
    let s = 0;
    for (let i = 0; i < y.length; i++) s += y[i];
    this.state = { mean: s / y.length, nFeaturesIn: d.cols };
    return this;
  }

  predict(X) {
    const st = this.fitted('predict');
    return Array.from({ length: this.checkX(X).rows }, () => st.mean + this.params.shift);
  }
}
registerEstimator(DistShiftedMean);
