// A worker module registering a user's own estimator class, as docs/big-data.md describes.
import { BaseRegressor, num, registerEstimator, type MatrixLike } from '../../src/index';

/** Predicts the training mean of y plus `shift` (a user's own estimator with one option). */
export class ShiftedMean extends BaseRegressor<{ shift: number }, { mean: number; nFeaturesIn: number }> {
  static override readonly className = 'TestShiftedMean';
  static override readonly defaults = { shift: 0 };
  static override readonly paramSchema = { shift: num() };
  static override readonly stateSchema = null;

  fit(X: MatrixLike, y: ArrayLike<number>): this {
    const d = this.checkX(X, { reset: true });
    let s = 0;
    for (let i = 0; i < y.length; i++) s += y[i];
    this.state = { mean: s / y.length, nFeaturesIn: d.cols };
    return this;
  }

  predict(X: MatrixLike): number[] {
    const st = this.fitted('predict');
    return Array.from({ length: this.checkX(X).rows }, () => st.mean + this.params.shift);
  }
}
registerEstimator(ShiftedMean);
