import type { Matrix } from 'ml-matrix';

/**
 * A 2-d array of samples (rows) by features (columns): `number[][]`, rows of typed arrays, or an
 * ml-matrix `Matrix`. Missing values are `NaN`; `null` is accepted and read as `NaN`.
 */
export type MatrixLike = ReadonlyArray<ArrayLike<number | null>> | Matrix;

/**
 * Rows as objects, as JSON and CSV parsers hand them out. Accepted where columns are selected by
 * name: any objects, typed with an `interface` or a type literal, in a readonly array or not.
 */
export type Records = ReadonlyArray<object>;

/** Rows as objects with their cells readable by name: what typelearn's readers return (`readCsv`, …). */
export type RecordRows = Array<Record<string, unknown>>;

/** A class label (a number, string or boolean), kept as given. */
export type Label = number | string | boolean;

/** A target: numbers for regression, labels for classification. */
export type Target = ArrayLike<number> | ArrayLike<Label>;

/** Cleans, scales, encodes or otherwise maps data to a new matrix. */
export interface Preprocessor {
  /**
   * Learns from X (and y, when the preprocessor uses it: target encoders, supervised selectors); returns
   * `this`.
   */
  fit(X: MatrixLike | Records, y?: Target): this;
  /** Maps X with what `fit` learnt; X must have as many features as at fit. */
  transform(X: MatrixLike | Records): Matrix;
  /** Fits on X and transforms X, often faster than `fit(X).transform(X)`. */
  fitTransform(X: MatrixLike | Records, y?: Target): Matrix;
  /** Maps transformed data back to the input space, where the transform allows it (scalers, encoders). */
  inverseTransform?(X: MatrixLike): Matrix;
  /** The names of the output features, from `inputFeatures`, the column names seen in fit, or `x0, x1, …`. */
  getFeatureNamesOut?(inputFeatures?: string[]): string[];
}

/** A preprocessor that keeps a subset of its input features. */
export interface FeatureSelector extends Preprocessor {
  /** One entry per input feature: true when kept. */
  getSupport(): boolean[];
}

/** Learns from X and y and predicts y. */
export interface Estimator<Y> {
  /** Learns from X and y; replaces any earlier fitted state and returns `this`. */
  fit(X: MatrixLike, y: ArrayLike<Y>): this;
  /** One prediction per row of X. */
  predict(X: MatrixLike): Y[];
  /** Accuracy for classifiers, R² for regressors. */
  score(X: MatrixLike, y: ArrayLike<Y>): number;
}

/** Predicts class labels, of the type `L` (see the classifiers' label typing in docs/api-contract.md). */
export interface Classifier<L extends Label = Label> extends Estimator<L> {
  /** The class labels seen in fit, sorted as scikit-learn sorts them. */
  readonly classes_: L[];
  /** Class probabilities: one row per sample, one column per entry of `classes_`. */
  predictProba?(X: MatrixLike): Matrix;
  /** Confidence scores: one number per sample (binary) or one column per class. */
  decisionFunction?(X: MatrixLike): number[] | Matrix;
}

/** Predicts numbers. */
export type Regressor = Estimator<number>;

/** Learns from data that arrives in batches. */
export interface IncrementalEstimator {
  /**
   * Learns from one more batch, keeping what earlier batches taught; the first call of a classifier needs
   * `options.classes`.
   */
  partialFit(X: MatrixLike, y?: Target, options?: { classes?: readonly Label[]; sampleWeight?: ArrayLike<number> }): this;
}

/** What an estimator supports, read by the contract suite and by model selection. */
export interface EstimatorTags {
  /** `fit` needs a target. */
  requiresY: boolean;
  /** NaN in X is accepted (as missing) rather than rejected. */
  allowNaN: boolean;
  /** Results vary between fits even with the same options (no `randomState` to fix them). */
  nonDeterministic: boolean;
  /** Only two classes are supported. */
  binaryOnly: boolean;
  /** What kind of estimator this is. */
  estimatorType: 'classifier' | 'regressor' | 'transformer' | 'other';
  /** Accepts `Records` (rows as objects) as well as matrices. */
  acceptsRecords: boolean;
  /** `transform` never outputs NaN, whatever the input (imputers): a pipeline after it need not accept NaN. */
  removesNaN: boolean;
}
