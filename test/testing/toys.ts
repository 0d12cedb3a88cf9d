/**
 * Small, correct toy estimators (one per kind) that pass the whole contract suite, for the tests of
 * the suite itself; broken variants subclass them.
 */
import { Matrix } from 'ml-matrix';
import { BaseClassifier, BaseRegressor, BaseTransformer, oneToOneFeatureNames } from '../../src/core/base';
import { ValidationError } from '../../src/core/errors';
import { nullable, int, num } from '../../src/core/params';
import { RandomState } from '../../src/core/random';
import { registerEstimator } from '../../src/core/serialization';
import * as S from '../../src/core/stateSchema';
import type { Label, MatrixLike, Target } from '../../src/core/types';
import { toLabels, toTarget, uniqueLabels } from '../../src/core/validation';
import { toMatrix, type RowMajor } from '../../src/core/data/index';

export interface ToyRegressorOptions {
  shrink: number;
  randomState: number | null;
}
export interface ToyRegressorState {
  nFeaturesIn: number;
  mean: Float64Array;
  coef: Float64Array;
  intercept: number;
}

/** Sum of per-feature univariate least-squares slopes, shrunk; a tiny seeded jitter on each slope. */
export class ToyRegressor extends BaseRegressor<ToyRegressorOptions, ToyRegressorState> {
  static override readonly className: string = 'ToyRegressor';
  static override readonly stateSchema: S.StateSchema | undefined = { nFeaturesIn: S.nFeaturesIn(), mean: S.perFeature(), coef: S.perFeature(), intercept: S.numberValue() };
  static override readonly defaults: ToyRegressorOptions = { shrink: 0, randomState: null };
  static override readonly paramSchema = { shrink: num({ min: 0, max: 1 }), randomState: nullable(int()) };

  protected jitter(): RandomState {
    return new RandomState(this.params.randomState ?? undefined);
  }

  protected validate(X: MatrixLike, y: ArrayLike<number>): [RowMajor, Float64Array] {
    const Xd = this.checkX(X, { reset: true });
    return [Xd, toTarget(y, { estimator: this.className, length: Xd.rows })];
  }

  protected learn(Xd: RowMajor, yv: Float64Array): ToyRegressorState {
    const { data, rows, cols } = Xd;
    const mean = new Float64Array(cols);
    let ym = 0;
    for (let i = 0; i < rows; i++) {
      ym += yv[i];
      for (let j = 0; j < cols; j++) mean[j] += data[i * cols + j];
    }
    ym /= rows;
    for (let j = 0; j < cols; j++) mean[j] /= rows;
    const coef = new Float64Array(cols);
    const rng = this.jitter();
    for (let j = 0; j < cols; j++) {
      let sxy = 0;
      let sxx = 0;
      for (let i = 0; i < rows; i++) {
        const d = data[i * cols + j] - mean[j];
        sxy += d * (yv[i] - ym);
        sxx += d * d;
      }
      coef[j] = ((1 - this.params.shrink) * (sxx > 0 ? sxy / sxx : 0)) / cols + rng.uniform(0, 1e-6);
    }
    return { nFeaturesIn: cols, mean, coef, intercept: ym };
  }

  fit(X: MatrixLike, y: ArrayLike<number>): this {
    const [Xd, yv] = this.validate(X, y);
    this.state = this.learn(Xd, yv);
    return this;
  }

  protected predictDense(Xd: RowMajor, s: ToyRegressorState): number[] {
    const out: number[] = [];
    for (let i = 0; i < Xd.rows; i++) {
      let v = s.intercept;
      for (let j = 0; j < s.coef.length; j++) v += s.coef[j] * (Xd.data[i * Xd.cols + j] - s.mean[j]);
      out.push(v);
    }
    return out;
  }

  predict(X: MatrixLike): number[] {
    const s = this.fitted('predict');
    return this.predictDense(this.checkX(X), s);
  }

  get coef_(): number[] {
    return Array.from(this.fitted('coef_').coef);
  }
}
registerEstimator(ToyRegressor);

export interface ToyClassifierOptions {
  temperature: number;
}
export interface ToyClassifierState {
  nFeaturesIn: number;
  classes: Label[];
  centroids: Float64Array;
}

/** Nearest centroid, with a softmax of negative squared distances as probabilities. */
export class ToyClassifier extends BaseClassifier<ToyClassifierOptions, ToyClassifierState> {
  static override readonly className: string = 'ToyClassifier';
  static override readonly stateSchema: S.StateSchema = {
    nFeaturesIn: S.nFeaturesIn(),
    classes: S.labels(),
    centroids: S.float64Array({ length: (c) => S.resolveLength('nClasses', c) * S.resolveLength('nFeaturesIn', c) }),
  };
  static override readonly defaults: ToyClassifierOptions = { temperature: 1 };
  static override readonly paramSchema = { temperature: num({ min: 0, minInclusive: false }) };

  protected classesOf(y: Label[]): Label[] {
    const classes = uniqueLabels(y);
    if (classes.length < 2) {
      throw new ValidationError({ code: 'invalid_input', estimator: this.className, param: 'y', expected: 'at least 2 classes', received: `${classes.length} class` });
    }
    return classes;
  }

  fit(X: MatrixLike, y: ArrayLike<Label>): this {
    const Xd = this.checkX(X, { reset: true });
    const labels = toLabels(y, { estimator: this.className, length: Xd.rows });
    const classes = this.classesOf(labels);
    const { data, rows, cols } = Xd;
    const centroids = new Float64Array(classes.length * cols);
    const counts = new Float64Array(classes.length);
    for (let i = 0; i < rows; i++) {
      const k = classes.indexOf(labels[i]);
      counts[k]++;
      for (let j = 0; j < cols; j++) centroids[k * cols + j] += data[i * cols + j];
    }
    for (let k = 0; k < classes.length; k++) for (let j = 0; j < cols; j++) centroids[k * cols + j] /= counts[k];
    this.state = { nFeaturesIn: cols, classes, centroids };
    return this;
  }

  predictProba(X: MatrixLike): Matrix {
    const s = this.fitted('predictProba');
    const Xd = this.checkX(X);
    const k = s.classes.length;
    const P = new Matrix(Xd.rows, k);
    for (let i = 0; i < Xd.rows; i++) {
      const d = new Float64Array(k);
      let min = Infinity;
      for (let c = 0; c < k; c++) {
        let sq = 0;
        for (let j = 0; j < Xd.cols; j++) {
          const t = Xd.data[i * Xd.cols + j] - s.centroids[c * Xd.cols + j];
          sq += t * t;
        }
        d[c] = sq / this.params.temperature;
        min = Math.min(min, d[c]);
      }
      let z = 0;
      for (let c = 0; c < k; c++) z += Math.exp(min - d[c]);
      for (let c = 0; c < k; c++) P.set(i, c, Math.exp(min - d[c]) / z);
    }
    return P;
  }

  predict(X: MatrixLike): Label[] {
    const s = this.fitted('predict');
    const P = this.predictProba(X);
    const out: Label[] = [];
    for (let i = 0; i < P.rows; i++) out.push(s.classes[P.getRow(i).indexOf(Math.max(...P.getRow(i)))]);
    return out;
  }
}
registerEstimator(ToyClassifier);

export interface ToyScalerOptions {
  factor: number;
}
export interface ToyScalerState {
  nFeaturesIn: number;
  maxAbs: Float64Array;
}

/** Divides each feature by its largest absolute value, times `factor`. */
export class ToyScaler extends BaseTransformer<ToyScalerOptions, ToyScalerState> {
  static override readonly className: string = 'ToyScaler';
  static override readonly stateSchema: S.StateSchema = { nFeaturesIn: S.nFeaturesIn(), maxAbs: S.perFeature({ min: 0 }) };
  static override readonly defaults: ToyScalerOptions = { factor: 1 };
  static override readonly paramSchema = { factor: num({ min: 0, minInclusive: false }) };

  fit(X: MatrixLike, _y?: Target): this {
    const { data, rows, cols } = this.checkX(X, { reset: true });
    const maxAbs = new Float64Array(cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) maxAbs[j] = Math.max(maxAbs[j], Math.abs(data[i * cols + j]));
    for (let j = 0; j < cols; j++) if (maxAbs[j] === 0) maxAbs[j] = 1;
    this.state = { nFeaturesIn: cols, maxAbs };
    return this;
  }

  transform(X: MatrixLike): Matrix {
    const s = this.fitted('transform');
    const Xd = this.checkX(X);
    for (let i = 0; i < Xd.rows; i++) for (let j = 0; j < Xd.cols; j++) Xd.data[i * Xd.cols + j] *= this.params.factor / s.maxAbs[j];
    return toMatrix(Xd);
  }

  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    return oneToOneFeatureNames(this.fitted('getFeatureNamesOut').nFeaturesIn, inputFeatures, undefined, this.className);
  }

  get maxAbs_(): number[] {
    return Array.from(this.fitted('maxAbs_').maxAbs);
  }
}
registerEstimator(ToyScaler);
