/**
 * Deliberately broken variants of the toy estimators, each with one defect that one check of the
 * contract suite must catch.
 */
import type { Matrix } from 'ml-matrix';
import { registerEstimator, type SavedModel } from '../../src/core/serialization';
import { float64Array } from '../../src/core/stateSchema';
import type { Label, MatrixLike, Target } from '../../src/core/types';
import { checkArray, toDense, toLabels, toTarget, uniqueLabels } from '../../src/core/validation';
import { rowMajor, type RowMajor } from '../../src/core/data/index';
import { ToyClassifier, ToyRegressor, ToyScaler, type ToyRegressorOptions } from './toys';

type Opts = Partial<ToyRegressorOptions> & Record<string, unknown>;

/** The constructor changes a default. */
export class DefaultsDiffer extends ToyRegressor {
  static override readonly className = 'DefaultsDiffer';
  constructor(o?: Opts) {
    super({ shrink: 0.5, ...o });
  }
}

/** The constructor drops options it does not know instead of rejecting them. */
export class DropsUnknownOptions extends ToyRegressor {
  static override readonly className = 'DropsUnknownOptions';
  constructor(o?: Opts) {
    const known: Opts = {};
    for (const k of Object.keys(ToyRegressor.defaults)) if (o && k in o) known[k] = o[k];
    super(known);
  }
}

/** The constructor clamps an out-of-range value instead of rejecting it. */
export class ClampsOptions extends ToyRegressor {
  static override readonly className = 'ClampsOptions';
  constructor(o?: Opts) {
    const s = o?.shrink;
    super(typeof s === 'number' ? { ...o, shrink: Math.min(1, Math.max(0, s)) } : o);
  }
}

/** setParams applies keys one at a time, so a bad key leaves earlier ones applied. */
export class NonAtomicSetParams extends ToyRegressor {
  static override readonly className = 'NonAtomicSetParams';
  override setParams(update: Record<string, unknown>): this {
    for (const [k, v] of Object.entries(update)) super.setParams({ [k]: v });
    return this;
  }
}

/** getParams hands out its own options object. */
export class LeakyGetParams extends ToyRegressor {
  static override readonly className = 'LeakyGetParams';
  override getParams(): ToyRegressorOptions & Record<string, unknown> {
    return this.params as ToyRegressorOptions & Record<string, unknown>;
  }
}

/** clone returns this. */
export class CloneReturnsThis extends ToyRegressor {
  static override readonly className = 'CloneReturnsThis';
  override clone(): this {
    return this;
  }
}

/** fit returns undefined. */
export class FitReturnsUndefined extends ToyRegressor {
  static override readonly className = 'FitReturnsUndefined';
  override fit(X: MatrixLike, y: ArrayLike<number>): this {
    super.fit(X, y);
    return undefined as unknown as this;
  }
}

/** A fitted getter that answers before fit. */
export class GetterWithoutFitCheck extends ToyRegressor {
  static override readonly className = 'GetterWithoutFitCheck';
  get nCoef_(): number {
    return this.state?.coef.length ?? 0;
  }
}

/** isFitted is always true. */
export class AlwaysFitted extends ToyRegressor {
  static override readonly className = 'AlwaysFitted';
  override isFitted(): boolean {
    return true;
  }
}

/** Does not record nFeaturesIn in its state. */
export class NoFeatureCount extends ToyRegressor {
  static override readonly className = 'NoFeatureCount';
  override fit(X: MatrixLike, y: ArrayLike<number>): this {
    super.fit(X, y);
    const { nFeaturesIn: _drop, ...rest } = this.state!;
    this.state = rest as typeof this.state;
    return this;
  }
}

/** Validates X at predict time without checking the number of features. */
export class IgnoresFeatureCount extends ToyRegressor {
  static override readonly className = 'IgnoresFeatureCount';
  override predict(X: MatrixLike): number[] {
    return this.predictDense(this.checkX(X, { reset: true }), this.fitted('predict'));
  }
}

/** Accepts NaN without the allowNaN tag. */
export class AcceptsNaNSilently extends ToyRegressor {
  static override readonly className = 'AcceptsNaNSilently';
  protected override validate(X: MatrixLike, y: ArrayLike<number>): [RowMajor, Float64Array] {
    const Xd = this.checkX(X, { reset: true, allowNaN: true });
    return [Xd, toTarget(y, { estimator: this.className, length: Xd.rows })];
  }
  override predict(X: MatrixLike): number[] {
    return this.predictDense(this.checkX(X, { allowNaN: true }), this.fitted('predict'));
  }
}

/** Converts X by hand, letting Infinity through. */
export class AcceptsInfinity extends ToyRegressor {
  static override readonly className = 'AcceptsInfinity';
  private loose(X: MatrixLike): RowMajor {
    const rows = X as number[][];
    const clean = rows.map((r) => Array.from(r, (v) => (Number.isFinite(v) ? v : 0)));
    return toDense(clean, { estimator: this.className });
  }
  protected override validate(X: MatrixLike, y: ArrayLike<number>): [RowMajor, Float64Array] {
    const Xd = this.loose(X);
    return [Xd, toTarget(y, { estimator: this.className, length: Xd.rows })];
  }
  override predict(X: MatrixLike): number[] {
    return this.predictDense(this.loose(X), this.fitted('predict'));
  }
}

/** Returns an empty result for empty X instead of rejecting it. */
export class AcceptsEmpty extends ToyRegressor {
  static override readonly className = 'AcceptsEmpty';
  override fit(X: MatrixLike, y: ArrayLike<number>): this {
    if ((X as unknown[]).length === 0) return this;
    return super.fit(X, y);
  }
  override predict(X: MatrixLike): number[] {
    if ((X as unknown[]).length === 0) return [];
    return super.predict(X);
  }
}

/** Pads short rows with zeros. */
export class PadsRaggedRows extends ToyRegressor {
  static override readonly className = 'PadsRaggedRows';
  private pad(X: MatrixLike): MatrixLike {
    if (!Array.isArray(X) || X.length === 0) return X;
    const width = Math.max(...X.map((r) => (r as ArrayLike<number>).length));
    return X.map((r) => Array.from({ length: width }, (_, j) => (r as ArrayLike<number>)[j] ?? 0));
  }
  override fit(X: MatrixLike, y: ArrayLike<number>): this {
    return super.fit(this.pad(X), y);
  }
  override predict(X: MatrixLike): number[] {
    return super.predict(this.pad(X));
  }
}

/** Truncates X and y to the shorter of the two. */
export class TruncatesY extends ToyRegressor {
  static override readonly className = 'TruncatesY';
  protected override validate(X: MatrixLike, y: ArrayLike<number>): [RowMajor, Float64Array] {
    const Xd = this.checkX(X, { reset: true });
    const yv = toTarget(y, { estimator: this.className });
    const n = Math.min(Xd.rows, yv.length);
    return [rowMajor(Xd.data.subarray(0, n * Xd.cols), n, Xd.cols), yv.subarray(0, n)];
  }
}

/** Rounds X in place. */
export class MutatesX extends ToyRegressor {
  static override readonly className = 'MutatesX';
  override fit(X: MatrixLike, y: ArrayLike<number>): this {
    if (Array.isArray(X) && Array.isArray(X[0])) (X as number[][])[0][0] = Math.round((X as number[][])[0][0]);
    return super.fit(X, y);
  }
}

/** Predicts differently for rows of Float64Array. */
export class TypedRowsDiffer extends ToyRegressor {
  static override readonly className = 'TypedRowsDiffer';
  override predict(X: MatrixLike): number[] {
    const p = super.predict(X);
    return Array.isArray(X) && ArrayBuffer.isView(X[0]) ? p.map((v) => v + 1e-9) : p;
  }
}

let globalCounter = 0;
/** Ignores randomState: each fit jitters differently. */
export class IgnoresRandomState extends ToyRegressor {
  static override readonly className = 'IgnoresRandomState';
  protected override jitter() {
    const rng = super.jitter();
    globalCounter++;
    for (let i = 0; i < globalCounter; i++) rng.random();
    return rng;
  }
}

/** Drops its state before validating, so a failed fit leaves it unfitted. */
export class ForgetsStateOnFailedFit extends ToyRegressor {
  static override readonly className = 'ForgetsStateOnFailedFit';
  override fit(X: MatrixLike, y: ArrayLike<number>): this {
    this.state = undefined;
    return super.fit(X, y);
  }
}

/** Saves itself under its parent's className. */
export class SavesWrongClassName extends ToyRegressor {
  static override readonly className = 'SavesWrongClassName';
  override toJSON(): SavedModel {
    return { ...super.toJSON(), className: 'ToyRegressor' };
  }
}

/** Saves its intercept in single precision. */
export class LosesPrecision extends ToyRegressor {
  static override readonly className = 'LosesPrecision';
  override toJSON(): SavedModel {
    const j = super.toJSON();
    if (j.state) {
      const s = j.state as { intercept: number };
      s.intercept = Math.fround(s.intercept) + 1e-7;
    }
    return j;
  }
}

/** Declares no stateSchema, so a saved model with a coefficient missing loads (and predicts NaN). */
export class UncheckedState extends ToyRegressor {
  static override readonly className = 'UncheckedState';
  static override readonly stateSchema = undefined;
}

/** Its stateSchema lets the coefficients be any length. */
export class LooseStateSchema extends ToyRegressor {
  static override readonly className = 'LooseStateSchema';
  static override readonly stateSchema = { ...ToyRegressor.stateSchema, coef: float64Array() };
}

/** toJSON leaves a typed array in its output. */
export class NotPlainJson extends ToyRegressor {
  static override readonly className = 'NotPlainJson';
  override toJSON(): SavedModel {
    return { ...super.toJSON(), state: this.state ?? null };
  }
}

/** score returns minus the mean squared error, not R². */
export class ScoreIsNotR2 extends ToyRegressor {
  static override readonly className = 'ScoreIsNotR2';
  override score(X: MatrixLike, y: ArrayLike<number>): number {
    const p = this.predict(X);
    let s = 0;
    for (let i = 0; i < p.length; i++) s += (p[i] - y[i]) ** 2;
    return -s / p.length;
  }
}

/** Keeps classes in order of first appearance. */
export class UnsortedClasses extends ToyClassifier {
  static override readonly className = 'UnsortedClasses';
  protected override classesOf(y: Label[]): Label[] {
    super.classesOf(y);
    return [...new Set(y)];
  }
}

/** Replaces labels by their index. */
export class LabelsBecomeNumbers extends ToyClassifier {
  static override readonly className = 'LabelsBecomeNumbers';
  override fit(X: MatrixLike, y: ArrayLike<Label>): this {
    const labels = toLabels(y, { estimator: this.className });
    const classes = uniqueLabels(labels);
    return super.fit(X, labels.map((l) => classes.indexOf(l)));
  }
}

/** Accepts a single class. */
export class AcceptsSingleClass extends ToyClassifier {
  static override readonly className = 'AcceptsSingleClass';
  protected override classesOf(y: Label[]): Label[] {
    return uniqueLabels(y);
  }
}

/** predictProba's columns come in the reverse order of classes_. */
export class ProbaColumnsReversed extends ToyClassifier {
  static override readonly className = 'ProbaColumnsReversed';
  override predictProba(X: MatrixLike): Matrix {
    const P = super.predictProba(X);
    const k = P.columns;
    const R = P.clone();
    for (let i = 0; i < P.rows; i++) for (let c = 0; c < k; c++) R.set(i, c, P.get(i, k - 1 - c));
    return R;
  }
}

/** predictProba's rows do not sum to 1. */
export class ProbaNotNormalized extends ToyClassifier {
  static override readonly className = 'ProbaNotNormalized';
  override predictProba(X: MatrixLike): Matrix {
    return super.predictProba(X).mul(0.9);
  }
}

/** fitTransform returns the input unchanged. */
export class FitTransformDiffers extends ToyScaler {
  static override readonly className = 'FitTransformDiffers';
  override fitTransform(X: MatrixLike, y?: Target): Matrix {
    this.fit(X, y);
    return checkArray(X);
  }
}

/** Names one feature too many. */
export class TooManyFeatureNames extends ToyScaler {
  static override readonly className = 'TooManyFeatureNames';
  override getFeatureNamesOut(inputFeatures?: string[]): string[] {
    return [...super.getFeatureNamesOut(inputFeatures), 'extra'];
  }
}

for (const C of [
  DefaultsDiffer, DropsUnknownOptions, ClampsOptions, NonAtomicSetParams, LeakyGetParams, CloneReturnsThis,
  FitReturnsUndefined, GetterWithoutFitCheck, AlwaysFitted, NoFeatureCount, IgnoresFeatureCount,
  AcceptsNaNSilently, AcceptsInfinity, AcceptsEmpty, PadsRaggedRows, TruncatesY, MutatesX, TypedRowsDiffer,
  IgnoresRandomState, ForgetsStateOnFailedFit, SavesWrongClassName, LosesPrecision, UncheckedState, LooseStateSchema, NotPlainJson,
  ScoreIsNotR2, UnsortedClasses, LabelsBecomeNumbers, AcceptsSingleClass, ProbaColumnsReversed,
  ProbaNotNormalized, FitTransformDiffers, TooManyFeatureNames,
]) registerEstimator(C as unknown as Parameters<typeof registerEstimator>[0]);
