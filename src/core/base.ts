/**
 * The base classes every estimator extends. A subclass declares `static readonly className`,
 * `static readonly defaults` (and optionally `paramSchema` and `tags`), reads its options from
 * `this.params` and keeps its fitted state as plain JSON-able data in `this.state`. The base gives
 * it validated options, `getParams`/`setParams`/`clone`, `toJSON`/`loadModel`, `isFitted`, and a
 * default `score`.
 */
import type { Matrix } from 'ml-matrix';
import { NotFittedError, ValidationError, describeValue } from './errors';
import { checkParam, type ParamSpec } from './params';
import { MAX_NESTING, checkSize } from './sizes';
import { FORMAT, FORMAT_VERSION, RESTORE_STATE, encodeValue, type SavedModel } from './serialization';
import { isTypedArray } from './typedArray';
import { checkState, refuseState, type StateSchema } from './stateSchema';
import type { EstimatorTags, Label, MatrixLike, Records, Target } from './types';
import { toDense, toLabels, toSampleWeight, type CheckArrayOptions } from './validation';
import { type RowMajor } from './data/index';
import { matchRate } from './math/matchRate';
import { r2Score } from '../metrics/r2Score';

/** The static side of an estimator class. */
export interface EstimatorClass<E extends BaseEstimator = BaseEstimator> {
  new (options?: Record<string, unknown>): E;
  /** The stable name used in errors and saved models (never the minifiable `constructor.name`). */
  readonly className: string;
  /** Every option and its default value. */
  readonly defaults: object;
  /** Rules for option values, checked in the constructor and in `setParams`. */
  readonly paramSchema?: Readonly<Record<string, ParamSpec | undefined>>;
  /** What the estimator supports (see {@link EstimatorTags}). */
  readonly tags?: Partial<EstimatorTags>;
  /** Rules for the fitted state, checked by `loadModel`; `null` for a class without fitted state. */
  readonly stateSchema?: StateSchema | null;
}

const DEFAULT_TAGS: EstimatorTags = {
  requiresY: false,
  allowNaN: false,
  nonDeterministic: false,
  binaryOnly: false,
  estimatorType: 'other',
  acceptsRecords: false,
  removesNaN: false,
};

/**
 * The tags of an estimator class or instance: the defaults overridden along its class chain.
 * @example
 * ```ts
 * import { getTags, SimpleImputer, StandardScaler } from 'typelearn';
 *
 * console.log(getTags(StandardScaler).allowNaN, getTags(StandardScaler).estimatorType); // true transformer
 * console.log(getTags(new SimpleImputer()).removesNaN); // true
 * ```
 */
export function getTags(target: object): EstimatorTags {
  let C: unknown = typeof target === 'function' ? target : target.constructor;
  const chain: Partial<EstimatorTags>[] = [];
  while (typeof C === 'function' && C !== Function.prototype) {
    if (Object.prototype.hasOwnProperty.call(C, 'tags')) chain.push(Reflect.get(C, 'tags') as Partial<EstimatorTags>);
    C = Object.getPrototypeOf(C);
  }
  const own = typeof target === 'function' ? undefined : (target as { instanceTags?: () => Partial<EstimatorTags> }).instanceTags;
  return Object.assign({}, DEFAULT_TAGS, ...chain.reverse(), typeof own === 'function' ? own.call(target) : {});
}

/** Adds a nested estimator's deep options to `out` as `name__option` keys (scikit-learn's naming). */
export function addNestedParams(out: Record<string, unknown>, name: string, est: BaseEstimator): void {
  for (const [k, v] of Object.entries(est.getParams(true))) out[`${name}__${k}`] = v;
}

/**
 * The brand every typelearn estimator carries. It is a registered symbol, so an estimator made by
 * another copy of the package (the CommonJS build next to the ESM one, two bundled versions) is
 * recognised too, where `instanceof` would refuse it.
 */
export const ESTIMATOR_BRAND: unique symbol = Symbol.for('typelearn.estimator');

/**
 * True for any typelearn estimator (including users' own subclasses), from any copy of the package.
 * @example
 * ```ts
 * import { isEstimator, LinearRegression } from 'typelearn';
 *
 * console.log(isEstimator(new LinearRegression()), isEstimator({ fit() {} })); // true false
 * ```
 */
export function isEstimator(v: unknown): v is BaseEstimator {
  return v instanceof BaseEstimator || (v !== null && typeof v === 'object' && (v as { [ESTIMATOR_BRAND]?: unknown })[ESTIMATOR_BRAND] === true);
}

const nestingDepth = new WeakMap<object, number>();

/** The deepest nesting of estimators inside an option value (0 when it holds none). */
function nestedDepth(v: unknown, level = 0): number {
  if (isEstimator(v)) return nestingDepth.get(v) ?? 1;
  if (level > MAX_NESTING || v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) return 0;
  let d = 0;
  if (Array.isArray(v)) for (const x of v) d = Math.max(d, nestedDepth(x, level + 1));
  else if (Object.getPrototypeOf(v) === Object.prototype) for (const x of Object.values(v)) d = Math.max(d, nestedDepth(x, level + 1));
  return d;
}

/** Records the nesting depth of an estimator built from `params`, refusing one beyond {@link MAX_NESTING}. */
function recordNesting(est: object, estimator: string, params: Record<string, unknown>): void {
  const depth = 1 + nestedDepth(params);
  checkSize(depth, { estimator, param: 'options', limit: MAX_NESTING, what: 'levels of estimators nested in one another' });
  nestingDepth.set(est, depth);
}

/**
 * Copies an option value: arrays, typed arrays and plain objects are copied, estimators are passed
 * to `estimator`, anything else (functions, class instances) is kept as it is.
 */
function copyValue(v: unknown, estimator: (e: BaseEstimator) => unknown, level: number): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (isEstimator(v)) return estimator(v);
  if (level > MAX_NESTING) return v;
  if (Array.isArray(v)) return v.map((x) => copyValue(x, estimator, level + 1));
  if (isTypedArray(v)) return v.slice();
  if (Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = copyValue(x, estimator, level + 1);
    return out;
  }
  return v;
}

/** Copies an option value so that estimators never share mutable options; nested estimators are cloned. */
export function cloneParamValue(v: unknown): unknown {
  return copyValue(v, (e) => e.clone(), 0);
}

/**
 * Copies an option value on its way in (constructor, `setParams`) and out (`getParams`), so that
 * a caller changing an array it passed or received cannot change, or get past the validation of,
 * an estimator's options. Nested estimators are kept as they are (a Pipeline's steps are the
 * estimators given).
 */
export function copyParamValue(v: unknown): unknown {
  return copyValue(v, (e) => e, 0);
}

/**
 * The root of all estimators.
 * @typeParam P - the options, every one with a default in `static defaults`.
 * @typeParam S - the fitted state: plain JSON-able data (numbers, strings, arrays, typed arrays,
 *   plain objects, nested estimators), `undefined` until `fit`.
 * @example
 * ```ts
 * import { BaseEstimator, checkArray, num, type MatrixLike } from 'typelearn';
 *
 * // A transformer built on the root base: options from `this.params`, fitted state in `this.state`.
 * class Shift extends BaseEstimator<{ by: number }, { nFeaturesIn: number }> {
 *   static override readonly className = 'Shift';
 *   static override readonly defaults = { by: 1 };
 *   static override readonly paramSchema = { by: num() };
 *   fit(X: MatrixLike): this {
 *     this.state = { nFeaturesIn: checkArray(X, { estimator: this.className }).columns };
 *     return this;
 *   }
 *   transform(X: MatrixLike) {
 *     const { nFeaturesIn } = this.fitted('transform');
 *     return checkArray(X, { estimator: this.className, nFeatures: nFeaturesIn }).add(this.params.by);
 *   }
 * }
 *
 * const shift = new Shift({ by: 10 }).fit([[1, 2]]);
 * console.log(shift.transform([[1, 2]]).to2DArray()); // [ [ 11, 12 ] ]
 * console.log(shift.getParams(), shift.clone().isFitted()); // { by: 10 } false
 * ```
 */
export abstract class BaseEstimator<P extends object = object, S = unknown> {
  /** The stable name used in errors and saved models. Every concrete class declares its own. */
  static readonly className: string = 'BaseEstimator';
  /** Every option and its default value. */
  static readonly defaults: object = {};
  /** Rules for option values, checked in the constructor and in `setParams`. */
  static readonly paramSchema: Readonly<Record<string, ParamSpec | undefined>> = {};
  /** What the estimator supports; see {@link EstimatorTags}. */
  static readonly tags: Partial<EstimatorTags> = {};
  /**
   * Rules for the fitted state, checked by `loadModel` before a loaded model is usable (see
   * `core/stateSchema.ts`); `null` for a class that has no fitted state. Every built-in class
   * declares one; a class without one loads any state object unchecked.
   */
  static readonly stateSchema?: StateSchema | null;

  /** The options, validated: read them, never assign to them (use `setParams`). */
  declare protected params: Readonly<P>;
  /** The fitted state, `undefined` until `fit`. `fit` replaces it as a whole, at its very end. */
  declare protected state: S | undefined;

  constructor(options?: Partial<P>) {
    const C = this.estimatorClass;
    const params: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(C.defaults)) params[k] = cloneParamValue(v);
    if (options !== undefined && options !== null) {
      if (typeof options !== 'object' || Array.isArray(options)) {
        throw new ValidationError({ code: 'invalid_option', estimator: C.className, param: 'options', expected: 'an options object', received: describeValue(options) });
      }
      for (const [k, v] of Object.entries(options)) {
        if (v === undefined) continue;
        checkParam(C.className, k, v, C.defaults as Record<string, unknown>, C.paramSchema ?? {});
        params[k] = copyParamValue(v);
      }
    }
    recordNesting(this, C.className, params);
    this.params = params as P;
    this.state = undefined;
  }

  /** The brand by which {@link isEstimator} knows estimators of any copy of the package. */
  get [ESTIMATOR_BRAND](): true {
    return true;
  }

  /** The class of this instance, with its static members. */
  protected get estimatorClass(): EstimatorClass {
    return this.constructor as EstimatorClass;
  }

  /** The class name (the class's `static readonly className`), as used in errors and saved models. */
  get className(): string {
    return this.estimatorClass.className;
  }

  /** Estimators held in options, by name, reached by `name__option` keys. Meta-estimators override. */
  protected nestedEstimators(): Array<[string, BaseEstimator]> {
    const out: Array<[string, BaseEstimator]> = [];
    for (const [k, v] of Object.entries(this.params)) if (isEstimator(v)) out.push([k, v]);
    return out;
  }

  /**
   * The options. With `deep` (the default), nested estimators' options are listed too, as
   * `name__option`, as in scikit-learn.
   */
  getParams(deep = true): P & Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this.params)) out[k] = copyParamValue(v);
    if (deep) {
      for (const [name, sub] of this.nestedEstimators()) {
        addNestedParams(out, name, sub);
      }
    }
    return out as P & Record<string, unknown>;
  }

  /**
   * Checks an options update without applying it; throws {@link ValidationError} for unknown names
   * or invalid values (nested `name__option` keys included).
   */
  checkParams(update: Record<string, unknown>): void {
    this.splitParams(update);
  }

  private splitParams(update: Record<string, unknown>): {
    own: Record<string, unknown>;
    nested: Map<string, Record<string, unknown>>;
  } {
    if (update === null || typeof update !== 'object' || Array.isArray(update)) {
      throw new ValidationError({ code: 'invalid_option', estimator: this.className, param: 'params', expected: 'an object of options', received: describeValue(update) });
    }
    const C = this.estimatorClass;
    const own: Record<string, unknown> = {};
    const nested = new Map<string, Record<string, unknown>>();
    const subs = new Map(this.nestedEstimatorsForUpdate());
    for (const [key, value] of Object.entries(update)) {
      const cut = key.indexOf('__');
      if (cut < 0) {
        if (this.acceptsNestedReplacement(key, value)) own[key] = value;
        else {
          checkParam(C.className, key, value, C.defaults as Record<string, unknown>, C.paramSchema ?? {});
          own[key] = value;
        }
        continue;
      }
      const head = key.slice(0, cut);
      const rest = key.slice(cut + 2);
      const target = isEstimator(own[head]) ? (own[head] as BaseEstimator) : subs.get(head);
      if (!target) {
        throw new ValidationError({
          code: 'unknown_option',
          estimator: C.className,
          param: key,
          message: `${C.className} has no nested estimator '${head}' (for the option '${key}'). Nested estimators: ${[...subs.keys()].join(', ') || '(none)'}.`,
        });
      }
      const group = nested.get(head) ?? {};
      group[rest] = value;
      nested.set(head, group);
      target.checkParams(group);
    }
    return { own, nested };
  }

  /** Nested estimators addressable in `setParams` (by default those of {@link nestedEstimators}). */
  protected nestedEstimatorsForUpdate(): Array<[string, BaseEstimator]> {
    return this.nestedEstimators();
  }

  /** Whether `setParams({ [key]: value })` replaces a nested estimator that is not an option (pipeline steps). */
  protected acceptsNestedReplacement(_key: string, _value: unknown): boolean {
    return false;
  }

  /** Applies an already-validated replacement of a nested estimator that is not an option. */
  protected replaceNested(_key: string, _value: unknown): void {
    /* only meta-estimators have such keys */
  }

  /**
   * Sets options (nested ones as `name__option`). Everything is validated before anything changes.
   * Fitted state is kept; refit to use the new options.
   */
  setParams(update: Partial<P> & Record<string, unknown>): this {
    const { own, nested } = this.splitParams(update);
    const C = this.estimatorClass;
    const next: Record<string, unknown> = { ...this.params };
    const replacements: Array<[string, unknown]> = [];
    for (const [k, v] of Object.entries(own)) {
      if (Object.prototype.hasOwnProperty.call(C.defaults, k)) next[k] = copyParamValue(v);
      else replacements.push([k, v]);
    }
    // Nested replacements (pipeline steps) edit this.params themselves, so they run after the
    // plain options are installed; if one is refused, everything is rolled back.
    recordNesting(this, C.className, next);
    const previous = this.params;
    this.params = next as P;
    try {
      for (const [k, v] of replacements) this.replaceNested(k, v);
    } catch (e) {
      this.params = previous;
      throw e;
    }
    const subs = new Map(this.nestedEstimatorsForUpdate());
    for (const [name, group] of nested) {
      const target = isEstimator(own[name]) ? (own[name] as BaseEstimator) : subs.get(name);
      target?.setParams(group);
    }
    return this;
  }

  /** An unfitted copy with equal options; nested estimators are cloned too. */
  clone(): this {
    const C = this.estimatorClass;
    return new C(cloneParamValue(this.params) as Record<string, unknown>) as this;
  }

  /** Whether `fit` has run (or a fitted model was loaded). */
  isFitted(): boolean {
    return this.state !== undefined;
  }

  /** The fitted state; throws {@link NotFittedError} before `fit`. */
  protected fitted(attribute?: string): S {
    if (this.state === undefined) throw new NotFittedError(this.className, attribute);
    return this.state;
  }

  /** The number of features seen in `fit`. */
  get nFeaturesIn_(): number {
    const s = this.fitted('nFeaturesIn_') as { nFeaturesIn?: unknown };
    if (typeof s.nFeaturesIn !== 'number') {
      throw new ValidationError({ code: 'unsupported', estimator: this.className, message: `${this.className} does not record nFeaturesIn_.` });
    }
    return s.nFeaturesIn;
  }

  /** The column names seen in `fit`, for estimators fitted on records (throws otherwise). */
  get featureNamesIn_(): string[] {
    const names = (this.fitted('featureNamesIn_') as { featureNamesIn?: unknown }).featureNamesIn;
    if (!Array.isArray(names)) {
      throw new ValidationError({
        code: 'unsupported',
        estimator: this.className,
        message: `${this.className} was not fitted on records, so it has no featureNamesIn_.`,
      });
    }
    return names.slice();
  }

  /**
   * Validates X at the public entry of a method: a flat copy, with this estimator's name in
   * errors, NaN allowed when the class's tags say so, and (once fitted) the feature count checked.
   */
  protected checkX(X: MatrixLike, options: CheckArrayOptions & { reset?: boolean } = {}): RowMajor {
    const nFeatures = options.reset ? undefined : (this.state as { nFeaturesIn?: number } | undefined)?.nFeaturesIn;
    return toDense(X, { estimator: this.className, allowNaN: getTags(this).allowNaN, nFeatures, ...options });
  }

  /** The JSON form: `{ format, version, className, params, state }`. `JSON.stringify(model)` calls it. */
  toJSON(): SavedModel {
    return {
      format: FORMAT,
      version: FORMAT_VERSION,
      className: this.className,
      params: encodeValue(this.params, 'params') as Record<string, unknown>,
      state: this.state === undefined ? null : encodeValue(this.state, 'state'),
    };
  }

  /**
   * Installs state read by `loadModel`, once it has passed the class's `stateSchema`. Anything
   * malformed throws a `ValidationError` (`invalid_model`) naming the class and the state key.
   */
  [RESTORE_STATE](state: unknown): void {
    const schema = this.estimatorClass.stateSchema;
    if (schema === null) refuseState(this.className, state);
    if (state === null || typeof state !== 'object' || Array.isArray(state)) {
      throw new ValidationError({ code: 'invalid_model', param: 'state', expected: 'an object', received: describeValue(state) });
    }
    if (schema !== undefined) checkState(this.className, schema, state, this.params as Readonly<Record<string, unknown>>);
    this.state = state as S;
  }

  /** A short description: the class name and the options that differ from their defaults. */
  toString(): string {
    const C = this.estimatorClass;
    const defaults = C.defaults as Record<string, unknown>;
    const parts: string[] = [];
    for (const [k, v] of Object.entries(this.params)) {
      if (JSON.stringify(v) !== JSON.stringify(defaults[k]) || isEstimator(v)) parts.push(`${k}: ${isEstimator(v) ? v.toString() : describeValue(v)}`);
    }
    return `${C.className}(${parts.length ? `{ ${parts.join(', ')} }` : ''})`;
  }
}

/**
 * Base of preprocessors and feature selectors: `fit`, `transform` and a default `fitTransform`.
 * @example
 * ```ts
 * import { BaseTransformer, checkArray, type MatrixLike } from 'typelearn';
 *
 * // Subtracts each column's minimum seen in fit.
 * class MinShift extends BaseTransformer<object, { nFeaturesIn: number; min: number[] }> {
 *   static override readonly className = 'MinShift';
 *   static override readonly defaults = {};
 *   fit(X: MatrixLike): this {
 *     const rows = checkArray(X, { estimator: this.className }).to2DArray();
 *     this.state = { nFeaturesIn: rows[0].length, min: rows[0].map((_, j) => Math.min(...rows.map((r) => r[j]))) };
 *     return this;
 *   }
 *   transform(X: MatrixLike) {
 *     const { nFeaturesIn, min } = this.fitted('transform');
 *     const Xm = checkArray(X, { estimator: this.className, nFeatures: nFeaturesIn });
 *     for (let i = 0; i < Xm.rows; i++) for (let j = 0; j < Xm.columns; j++) Xm.set(i, j, Xm.get(i, j) - min[j]);
 *     return Xm;
 *   }
 * }
 *
 * console.log(new MinShift().fitTransform([[3, 10], [5, 20]]).to2DArray()); // [ [ 0, 0 ], [ 2, 10 ] ]
 * ```
 */
export abstract class BaseTransformer<P extends object = object, S = unknown> extends BaseEstimator<P, S> {
  static override readonly className: string = 'BaseTransformer';
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'transformer' };

  /** Learns from X (and y, for a supervised transformer); replaces the fitted state and returns `this`. */
  abstract fit(X: MatrixLike | Records, y?: Target): this;
  /** Maps X with what `fit` learnt; X must have the features seen in fit. */
  abstract transform(X: MatrixLike | Records): Matrix;

  /** Fits, then transforms the same data. Subclasses override when doing both at once is cheaper. */
  fitTransform(X: MatrixLike | Records, y?: Target): Matrix {
    return this.fit(X, y).transform(X);
  }
}

/** What a classifier predicts: one label per sample, or one 0/1 row per sample (multilabel). */
export type ClassificationPrediction = Label[] | number[][];

/**
 * Accuracy of a prediction (weighted by `sampleWeight` when given); for 0/1 rows (multilabel), the
 * share of samples whose whole row is right (scikit-learn's subset accuracy).
 */
function predictionAccuracy(estimator: string, y: unknown, pred: ClassificationPrediction, sampleWeight?: ArrayLike<number>): number {
  // The checks of accuracyScore (labels of one type, integers when numeric, the type of the
  // predictions), with errors naming the estimator; done here rather than by calling accuracyScore,
  // so a bundle of one classifier leaves out the metrics' option reader and checks (docs/browser.md).
  const w = sampleWeight === undefined || sampleWeight === null ? undefined : toSampleWeight(sampleWeight, pred.length, estimator);
  if (!Array.isArray(pred[0])) {
    const truth = toLabels(y, { estimator, length: pred.length });
    const bad = typeof truth[0] === 'number' ? truth.findIndex((v) => !Number.isInteger(v)) : -1;
    if (bad >= 0) {
      throw new ValidationError({ code: 'invalid_input', estimator, param: 'y', expected: 'class labels (integers, strings or booleans), not continuous values', received: `${String(truth[bad])} at index ${bad}` });
    }
    if (typeof pred[0] !== typeof truth[0]) {
      throw new ValidationError({ code: 'invalid_input', estimator, param: 'y', expected: `labels of the type the model predicts (${typeof pred[0]})`, received: `${typeof truth[0]} labels` });
    }
    return matchRate(truth, pred, w);
  }
  const rows = pred as number[][];
  const Y = toDense(y, { estimator, name: 'y' });
  if (Y.rows !== rows.length || Y.cols !== rows[0].length) {
    throw new ValidationError({
      code: 'invalid_input',
      estimator,
      param: 'y',
      expected: `an indicator matrix of ${rows.length} × ${rows[0].length}`,
      received: `${Y.rows} × ${Y.cols}`,
    });
  }
  const hits = rows.map((row, i) => (row.every((v, j) => v === Y.data[i * Y.cols + j]) ? 1 : 0));
  return matchRate(new Array<number>(rows.length).fill(1), hits, w);
}

/**
 * Base of classifiers: `classes_` from the state and accuracy as the default `score`.
 * @typeParam Y - what `predict` returns: `Label[]` (the default), or `Label[] | number[][]` for a
 *   classifier that also fits multilabel indicator targets (MLPClassifier); `score` is then the
 *   subset accuracy on such targets.
 * @typeParam L - the type of the labels (`classes_` is `L[]`). Built-in classifiers are generic in
 *   it (`LogisticRegression<L extends Label = Label>`) and their `fit` infers it from y:
 *   `new LogisticRegression().fit(X, y)` with `y: string[]` is a `LogisticRegression<string>`.
 * @example
 * ```ts
 * import { BaseClassifier, checkXy, type Label, type MatrixLike } from 'typelearn';
 *
 * // Predicts the most frequent class of the training labels.
 * class MajorityClassifier extends BaseClassifier<object, { nFeaturesIn: number; classes: Label[]; majority: Label }> {
 *   static override readonly className = 'MajorityClassifier';
 *   static override readonly defaults = {};
 *   fit(X: MatrixLike, y: ArrayLike<Label>): this {
 *     const [Xm, labels] = checkXy(X, y, { estimator: this.className, labels: true });
 *     const counts = new Map<Label, number>();
 *     for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
 *     const classes = [...counts.keys()].sort();
 *     const majority = classes.reduce((a, b) => ((counts.get(b) ?? 0) > (counts.get(a) ?? 0) ? b : a));
 *     this.state = { nFeaturesIn: Xm.columns, classes, majority };
 *     return this;
 *   }
 *   predict(X: MatrixLike): Label[] {
 *     const { majority } = this.fitted('predict');
 *     return new Array<Label>(this.checkX(X).rows).fill(majority);
 *   }
 * }
 *
 * const clf = new MajorityClassifier().fit([[0], [1], [2]], ['no', 'yes', 'yes']);
 * console.log(clf.classes_, clf.predict([[5]]), clf.score([[0], [1]], ['no', 'yes'])); // [ 'no', 'yes' ] [ 'yes' ] 0.5
 * ```
 */
export abstract class BaseClassifier<
  P extends object = object,
  S extends { classes: Label[] } = { classes: Label[] },
  Y extends ClassificationPrediction = Label[],
  L extends Label = Label,
> extends BaseEstimator<P, S> {
  static override readonly className: string = 'BaseClassifier';
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'classifier', requiresY: true };

  /**
   * Fits the classifier and returns it. A subclass returns `this`; the built-in ones declare an
   * overload that returns the same object typed with the labels of y ({@link Classifier}).
   */
  abstract fit(X: MatrixLike, y: ArrayLike<Label>): BaseClassifier<P, S, ClassificationPrediction>;
  /** One label per row of X (the user's own labels, from `classes_`). */
  abstract predict(X: MatrixLike): Y;

  /** The class labels seen in `fit`, sorted as scikit-learn sorts them. */
  get classes_(): L[] {
    return this.fitted('classes_').classes.slice() as L[];
  }

  /** Mean accuracy on the given data (weighted by `sampleWeight` when given). */
  score(X: MatrixLike, y: ArrayLike<Label>, sampleWeight?: ArrayLike<number>): number {
    return predictionAccuracy(this.className, y, this.predict(X), sampleWeight);
  }
}

/** What a regressor predicts: one number per sample, or one row of targets per sample (multi-output). */
export type RegressionPrediction = number[] | number[][];

/** A regression target: one number per sample, or one row of targets per sample (multi-output). */
export type RegressionTarget = ArrayLike<number> | ReadonlyArray<ArrayLike<number>>;

/**
 * R² of a prediction (weighted by `sampleWeight` when given); for rows of targets, the mean R²
 * over targets (scikit-learn's `multioutput='uniform_average'`).
 */
function predictionR2(estimator: string, y: RegressionTarget, pred: RegressionPrediction, sampleWeight?: ArrayLike<number>): number {
  if (!Array.isArray(pred[0])) return r2Score(y as ArrayLike<number>, pred as number[], { sampleWeight });
  const rows = pred as number[][];
  const t = rows[0].length;
  const Y = Array.from(y as ArrayLike<unknown>);
  if (Y.length !== rows.length) {
    throw new ValidationError({ code: 'invalid_input', estimator, param: 'y', expected: `the same number of samples as X (${rows.length})`, received: `${Y.length}` });
  }
  const targets: ArrayLike<number>[] = [];
  for (const row of Y) {
    const isRow = Array.isArray(row) || isTypedArray(row);
    const width = isRow ? row.length : 1;
    if (width !== t) {
      throw new ValidationError({ code: 'invalid_input', estimator, param: 'y', expected: `${t} targets per sample`, received: `${width}` });
    }
    // A 1-d y scores a one-target model, as scikit-learn's r2_score takes a column for a row.
    targets.push(isRow ? (row as ArrayLike<number>) : [row as number]);
  }
  let total = 0;
  for (let k = 0; k < t; k++) {
    total += r2Score(targets.map((row) => row[k]), rows.map((row) => row[k]), { sampleWeight });
  }
  return total / t;
}

/**
 * Base of regressors: R² as the default `score`.
 * @typeParam Y - what `predict` returns: `number[]` (the default), or `number[] | number[][]` for a
 *   regressor that also fits several targets at once (Ridge); `score` averages R² over targets then.
 * @example
 * ```ts
 * import { BaseRegressor, checkXy, type MatrixLike } from 'typelearn';
 *
 * // Predicts the training mean of y.
 * class MeanRegressor extends BaseRegressor<object, { nFeaturesIn: number; mean: number }> {
 *   static override readonly className = 'MeanRegressor';
 *   static override readonly defaults = {};
 *   fit(X: MatrixLike, y: ArrayLike<number>): this {
 *     const [Xm, yv] = checkXy(X, y, { estimator: this.className });
 *     let s = 0;
 *     for (const v of yv) s += v;
 *     this.state = { nFeaturesIn: Xm.columns, mean: s / yv.length };
 *     return this;
 *   }
 *   predict(X: MatrixLike): number[] {
 *     const { mean } = this.fitted('predict');
 *     return new Array<number>(this.checkX(X).rows).fill(mean);
 *   }
 * }
 *
 * const reg = new MeanRegressor().fit([[1], [2], [3]], [1, 2, 6]);
 * console.log(reg.predict([[10]]), reg.score([[1], [2], [3]], [1, 2, 6])); // [ 3 ] 0
 * ```
 */
export abstract class BaseRegressor<P extends object = object, S = unknown, Y extends RegressionPrediction = number[]> extends BaseEstimator<P, S> {
  static override readonly className: string = 'BaseRegressor';
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'regressor', requiresY: true };

  /** Learns from X and the numeric target y; replaces the fitted state and returns `this`. */
  abstract fit(X: MatrixLike, y: ArrayLike<number>): this;
  /** One prediction per row of X. */
  abstract predict(X: MatrixLike): Y;

  /**
   * The coefficient of determination R² of the prediction (weighted by `sampleWeight` when given);
   * for several targets, the mean R² over targets.
   */
  score(X: MatrixLike, y: RegressionTarget, sampleWeight?: ArrayLike<number>): number {
    return predictionR2(this.className, y, this.predict(X), sampleWeight);
  }
}

/**
 * Output feature names for a transformer that maps each input feature to one output feature:
 * the given names, else the names seen in fit, else `x0, x1, …`.
 * @example
 * ```ts
 * import { oneToOneFeatureNames } from 'typelearn';
 *
 * console.log(oneToOneFeatureNames(2)); // [ 'x0', 'x1' ]
 * console.log(oneToOneFeatureNames(2, undefined, ['age', 'height'])); // [ 'age', 'height' ]
 * ```
 */
export function oneToOneFeatureNames(nFeatures: number, inputFeatures?: string[], featureNamesIn?: string[], estimator = 'typelearn'): string[] {
  if (inputFeatures !== undefined) {
    if (!Array.isArray(inputFeatures) || inputFeatures.length !== nFeatures) {
      throw new ValidationError({ code: 'invalid_input', estimator, param: 'inputFeatures', expected: `an array of ${nFeatures} names`, received: describeValue(inputFeatures) });
    }
    return inputFeatures.map(String);
  }
  if (featureNamesIn) return featureNamesIn.slice();
  return Array.from({ length: nFeatures }, (_, i) => `x${i}`);
}
