/**
 * Capabilities: what an estimator can do, each declared once as an interface with a type guard.
 * Meta-estimators (Pipeline, ColumnTransformer, FeatureUnion, the searches, the model-based
 * selectors) ask these guards what a step can do and then call it through the narrowed type, so a
 * reader and the type checker can follow X from `Pipeline.fit` into every step.
 *
 * A guard checks that the methods exist (as scikit-learn's `hasattr`); it cannot check argument
 * types at run time. Meta-estimators have every method their inner estimators might have and throw
 * a `ValidationError` with code `'unsupported'` when the inner one lacks it.
 */
import type { Matrix } from 'ml-matrix';
import { ValidationError } from './errors';
import type { TableLike } from './tabular';
import type { IncrementalEstimator, Label, Target } from './types';

/** Data a step may receive: a matrix, records, rows of mixed values or a `ColumnTable`. */
export type DataInput = TableLike;

/** A target of any estimator: numbers, labels, or one row of numbers per sample (multi-output). */
export type AnyTarget = Target | ReadonlyArray<ArrayLike<number>>;

/** Predictions: labels (numbers for a regressor), or one row of numbers per sample (multi-output). */
export type Predictions = Label[] | number[][];

/**
 * What `E`'s `predict` returns (`Fallback` when `E` has no `predict`): `string[]` for a
 * `LogisticRegression<string>`, `number[]` for a regressor. Meta-estimators type their own
 * `predict` with it (a Pipeline's last step, a search's estimator).
 */
export type PredictionOf<E, Fallback = Label[] | number[]> = E extends {
  /** The estimator's own predict, whose return type is taken. */
  predict(X: never): infer R;
}
  ? R
  : Fallback;

/** The type of `E`'s `classes_` (`Label[]` when `E` has none). */
export type ClassesOf<E> = E extends {
  /** The estimator's own classes, whose type is taken. */
  readonly classes_: infer C;
}
  ? C
  : Label[];

/** Learns from data: `fit(X, y?)` returns the fitted estimator itself. */
export interface Fittable {
  /** Learns from X (and y when given); returns `this`. */
  fit(X: DataInput, y?: AnyTarget): this;
}

/** Maps data to a new numeric matrix (scalers, imputers, encoders, selectors, ColumnTransformer). */
export interface Transformer extends Fittable {
  /** Maps X with what `fit` learnt. */
  transform(X: DataInput): Matrix;
  /** Fits and transforms the same data; when absent, `fit(X, y).transform(X)` does the same. */
  fitTransform?(X: DataInput, y?: AnyTarget): Matrix;
}

/**
 * A transformer that can also output rows of values (strings included) that a `Matrix` cannot
 * hold (SimpleImputer on string data). A Pipeline hands those rows to a next step that takes
 * records (tag `acceptsRecords`, an encoder) instead of `transform`'s Matrix.
 */
export interface TableTransformer extends Transformer {
  /** Like `transform`, as rows of values (strings kept). */
  transformTable(X: DataInput): unknown[][];
}

/** Maps transformed data back to the input space. */
export interface InverseTransformer {
  /** Maps transformed data back to the input space. */
  inverseTransform(X: DataInput): Matrix | unknown[][];
}

/** Names its output features. */
export interface FeatureNamer {
  /** The names of the output features. */
  getFeatureNamesOut(inputFeatures?: string[]): string[];
}

/** Predicts a target: labels for a classifier, numbers (or rows of numbers) for a regressor. */
export interface Predictor<P extends Predictions = Predictions> extends Fittable {
  /** One prediction per row of X. */
  predict(X: DataInput): P;
}

/** A predictor of class probabilities, one column per class of `classes_`. */
export interface ProbaPredictor<P extends Predictions = Predictions> extends Predictor<P> {
  /** Class probabilities, one column per class of `classes_`. */
  predictProba(X: DataInput): Matrix;
}

/** A probability predictor that also gives the log of `predictProba` (computed in log space). */
export interface LogProbaPredictor<P extends Predictions = Predictions> extends ProbaPredictor<P> {
  /** The natural log of `predictProba`, computed in log space. */
  predictLogProba(X: DataInput): Matrix;
}

/** A predictor with a decision function: one score per sample (binary) or per sample and class. */
export interface DecisionFunction<P extends Predictions = Predictions> extends Predictor<P> {
  /** Confidence scores: one per sample (binary) or one column per class. */
  decisionFunction(X: DataInput): number[] | Matrix;
}

/** Learns from weighted samples: `fit(X, y, sampleWeight)`. */
export interface WeightedFittable extends Fittable {
  /** Learns from X and y, each sample weighted by `sampleWeight` (all 1 when omitted). */
  fit(X: DataInput, y?: AnyTarget, sampleWeight?: ArrayLike<number>): this;
}

/** Has its own `score` (accuracy for classifiers, R² for regressors, or the estimator's own). */
export interface Scorable {
  /** A score of the predictions for X against y (higher is better). */
  score(X: DataInput, y?: AnyTarget, sampleWeight?: ArrayLike<number>): number;
}

/** Knows the class labels it was fitted on. */
export interface HasClasses {
  /** The class labels seen in fit, sorted. */
  readonly classes_: Label[];
}

export type { IncrementalEstimator };

/** What `partialFit` takes besides X and y: every class on the first call (classifiers), and per-sample weights. */
export interface PartialFitOptions {
  /** Every class the estimator will see (required on a classifier's first call). */
  classes?: readonly Label[];
  /** One weight per sample of the batch (all 1 when omitted). */
  sampleWeight?: ArrayLike<number>;
}

/**
 * Learns from data in batches: the contract's {@link IncrementalEstimator} as a meta-estimator
 * calls it, with any data input (a Pipeline hands a step the previous step's output).
 */
export interface Incremental {
  /** Learns from one more batch. */
  partialFit(X: DataInput, y?: AnyTarget, options?: PartialFitOptions): this;
}

function hasMethods(v: unknown, names: readonly string[]): boolean {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return false;
  return names.every((n) => typeof Reflect.get(v, n) === 'function');
}

/** A type guard for the capability `C`: true when the value has every method in `names`. */
function guard<C>(...names: string[]): <T>(v: T) => v is T & C {
  return <T>(v: T): v is T & C => hasMethods(v, names);
}

/** True when `v` has `fit`. */
export const isFittable = /* @__PURE__ */ guard<Fittable>('fit');

/** True when `v` has `fit` and `transform`. */
export const isTransformer = /* @__PURE__ */ guard<Transformer>('fit', 'transform');

/** True when `v` is a transformer with `transformTable`. */
export const isTableTransformer = /* @__PURE__ */ guard<TableTransformer>('fit', 'transform', 'transformTable');

/** True when `v` has `inverseTransform`. */
export const isInverseTransformer = /* @__PURE__ */ guard<InverseTransformer>('inverseTransform');

/** True when `v` has `getFeatureNamesOut`. */
export const isFeatureNamer = /* @__PURE__ */ guard<FeatureNamer>('getFeatureNamesOut');

/** True when `v` has `fit` and `predict`. */
export const isPredictor = /* @__PURE__ */ guard<Predictor>('fit', 'predict');

/** True when `v` is a predictor with `predictProba`. */
export const isProbaPredictor = /* @__PURE__ */ guard<ProbaPredictor>('fit', 'predict', 'predictProba');

/** True when `v` is a probability predictor with `predictLogProba`. */
export const hasPredictLogProba = /* @__PURE__ */ guard<LogProbaPredictor>('fit', 'predict', 'predictProba', 'predictLogProba');

/** True when `v` is a predictor with `decisionFunction`. */
export const hasDecisionFunction = /* @__PURE__ */ guard<DecisionFunction>('fit', 'predict', 'decisionFunction');

/**
 * True when `v`'s `fit` takes per-sample weights as its third argument, `fit(X, y, sampleWeight)`:
 * its declared parameter count (`fit.length`) is at least 3, as scikit-learn's
 * `has_fit_parameter(estimator, 'sample_weight')` reads the signature. Every typelearn estimator
 * that takes weights declares `fit(X, y, sampleWeight?)`; a user's class does the same to be fitted
 * with weights by the ensembles (Bagging fits such members with bootstrap counts as weights).
 * @example
 * ```ts
 * import { acceptsSampleWeight, KNNImputer, LinearRegression } from 'typelearn';
 *
 * console.log(acceptsSampleWeight(new LinearRegression()), acceptsSampleWeight(new KNNImputer())); // true false
 * ```
 */
export function acceptsSampleWeight<T>(v: T): v is T & WeightedFittable {
  if (v === null || typeof v !== 'object') return false;
  const fit: unknown = Reflect.get(v, 'fit');
  return typeof fit === 'function' && fit.length >= 3;
}

/** True when `v` has `score`. */
export const isScorable = /* @__PURE__ */ guard<Scorable>('score');

/** True when `v` has `partialFit`. */
export const isIncremental = /* @__PURE__ */ guard<Incremental>('partialFit');

/**
 * True when `v` has a `classes_` attribute (a getter counts; reading it may still throw before fit).
 * @example
 * ```ts
 * import { hasClasses, LinearRegression, LogisticRegression } from 'typelearn';
 *
 * console.log(hasClasses(new LogisticRegression()), hasClasses(new LinearRegression())); // true false
 * ```
 */
export function hasClasses<T>(v: T): v is T & HasClasses {
  return v !== null && typeof v === 'object' && 'classes_' in v;
}

/** Fits `est` on X, and on y when y is given (`fit(X)` without one, as a user would call it). */
export function fitOn<E extends Fittable>(est: E, X: DataInput, y: AnyTarget | null | undefined): E {
  return y === undefined || y === null ? est.fit(X) : est.fit(X, y);
}

/** `t.fitTransform(X, y)`, or `t.fit(X, y).transform(X)` for a transformer without it. */
export function fitTransformOn(t: Transformer, X: DataInput, y: AnyTarget | undefined): Matrix {
  return typeof t.fitTransform === 'function' ? t.fitTransform(X, y) : t.fit(X, y).transform(X);
}

/** Who is asking for a capability of an inner estimator, for the error when it is missing. */
export interface CapabilityOwner {
  /** The meta-estimator's class name (the error's `estimator`). */
  estimator: string;
  /** What the inner estimator is to it: `'estimator'`, `'best estimator'`, `'last step'`. */
  role: string;
  /** How the message names the meta-estimator. @defaultValue the class name */
  subject?: string;
}

/**
 * `inner`, narrowed by the guard `has`; else a `ValidationError` with code `'unsupported'`:
 * "RFE has no predictProba: its estimator (LinearRegression) does not implement it." Meta-estimators
 * delegate `predict` & co. through it, so the error is the same everywhere and the contract suite
 * and the scorers can tell a missing method from a failure.
 * @example
 * ```ts
 * import { isProbaPredictor, LinearRegression, requireCapability } from 'typelearn';
 *
 * try {
 *   requireCapability(new LinearRegression(), isProbaPredictor, 'predictProba', { estimator: 'MyMeta', role: 'estimator' });
 * } catch (e) {
 *   console.log((e as Error).message); // MyMeta has no predictProba: its estimator (LinearRegression) does not implement it.
 * }
 * ```
 */
export function requireCapability<E extends { readonly className: string }, N extends E>(inner: E, has: (e: E) => e is N, what: string, owner: CapabilityOwner): N {
  if (has(inner)) return inner;
  throw new ValidationError({
    code: 'unsupported',
    estimator: owner.estimator,
    message: `${owner.subject ?? owner.estimator} has no ${what}: its ${owner.role} (${inner.className}) does not implement it.`,
  });
}
