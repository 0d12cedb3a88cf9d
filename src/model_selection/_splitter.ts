/**
 * What every cross-validation splitter shares: the `Split` shape, the `CrossValidator` interface that
 * `crossValidate` and the searches accept, and a small base class giving splitters validated options
 * and a JSON form (so a search whose `cv` is a splitter can be saved and loaded).
 */
import { ValidationError, describeValue } from '../core/errors';
import { checkParam, randomStateSpec, type ParamSpec } from '../core/params';
import { FORMAT, FORMAT_VERSION, RESTORE_STATE, encodeValue, type SavedModel } from '../core/serialization';
import type { RandomState } from '../core/random';
import type { Label } from '../core/types';
import type { Indexable } from './_indexing';
import { refuseState } from '../core/stateSchema';

/** One train/test split: indices into the samples. */
export interface Split {
  /** The indices of the training samples. */
  train: number[];
  /** The indices of the test samples. */
  test: number[];
}

/** Anything that splits samples into train/test folds (KFold, StratifiedKFold, a user's own, …). */
export interface CrossValidator {
  /** The train/test splits of the samples of X (y is read by stratified splitters). */
  split(X: Indexable, y?: ArrayLike<Label> | null): Iterable<Split>;
  /** How many splits `split` yields (some splitters need X or y to tell). */
  getNSplits?(X?: Indexable, y?: ArrayLike<Label> | null): number;
}

/** The static side of a splitter class. */
/**
 * Base of typelearn's splitters: validated options, `getParams`, `toJSON`, `toString`.
 * @example
 * ```ts
 * import { BaseSplitter, crossValScore, isMatrix, LinearRegression, type MatrixLike, type Split } from 'typelearn';
 *
 * // Two folds: the first half of the samples, then the second half, as the test set.
 * class HalvesSplit extends BaseSplitter<object> {
 *   static override readonly className = 'HalvesSplit';
 *   *split(X: MatrixLike): IterableIterator<Split> {
 *     const n = isMatrix(X) ? X.rows : X.length;
 *     const all = Array.from({ length: n }, (_, i) => i);
 *     const half = Math.floor(n / 2);
 *     yield { train: all.slice(half), test: all.slice(0, half) };
 *     yield { train: all.slice(0, half), test: all.slice(half) };
 *   }
 *   getNSplits(): number {
 *     return 2;
 *   }
 * }
 *
 * const X = [[1], [2], [3], [4], [5], [6]];
 * const y = [2, 4, 6, 8, 10, 12];
 * console.log(crossValScore(new LinearRegression(), X, y, { cv: new HalvesSplit() })); // [ 1, 1 ]
 * console.log(String(new HalvesSplit())); // HalvesSplit({  })
 * ```
 */
export abstract class BaseSplitter<P extends object> implements CrossValidator {
  static readonly className: string = 'BaseSplitter';
  static readonly defaults: object = {};
  static readonly paramSchema: Readonly<Record<string, ParamSpec | undefined>> = {};
  /** No fitted state (see `core/stateSchema.ts`). */
  static readonly stateSchema = null;

  /** The validated options. */
  protected readonly params: Readonly<P>;

  constructor(options?: Partial<P>) {
    const C = this.constructor as typeof BaseSplitter;
    const params: Record<string, unknown> = { ...(C.defaults as Record<string, unknown>) };
    if (options !== undefined && options !== null) {
      if (typeof options !== 'object' || Array.isArray(options)) {
        throw new ValidationError({ code: 'invalid_option', estimator: C.className, param: 'options', expected: 'an options object', received: describeValue(options) });
      }
      for (const [k, v] of Object.entries(options)) {
        if (v === undefined) continue;
        checkParam(C.className, k, v, C.defaults as Record<string, unknown>, C.paramSchema);
        params[k] = v;
      }
    }
    this.params = params as P;
  }

  /** The class name, as used in errors and saved models. */
  protected get className(): string {
    return (this.constructor as typeof BaseSplitter).className;
  }

  /**
   * The splits, made one at a time as they are read (a generator, as scikit-learn's `split`): the
   * arguments are checked at the call, each split is drawn when the iteration reaches it. Spread it
   * (`[...cv.split(X, y)]`) for an array.
   */
  abstract split(X: Indexable, y?: ArrayLike<Label> | null): IterableIterator<Split>;
  /** How many splits `split` yields for this X and y. */
  abstract getNSplits(X?: Indexable, y?: ArrayLike<Label> | null): number;

  /** The options. */
  getParams(): P {
    return { ...this.params };
  }

  /** The JSON form, as estimators have (`loadModel` rebuilds it). */
  toJSON(): SavedModel {
    return { format: FORMAT, version: FORMAT_VERSION, className: this.className, params: encodeValue(this.params, 'params') as Record<string, unknown>, state: null };
  }

  /** Splitters have no fitted state; a saved one carries `state: null`, any other is malformed. */
  [RESTORE_STATE](state: unknown): void {
    refuseState(this.className, state);
  }

  /** The class name and its options. */
  toString(): string {
    const parts = Object.entries(this.params).map(([k, v]) => `${k}: ${describeValue(v)}`);
    return `${this.className}({ ${parts.join(', ')} })`;
  }
}

/** A splitter option that is an integer seed or null. */
export const seedSpec: ParamSpec = randomStateSpec;

/** A train/test size: null, a count (integer ≥ 1) or a fraction in (0, 1). */
export const sizeSpec: ParamSpec = {
  description: 'null, a number of samples (an integer ≥ 1) or a fraction in (0, 1)',
  check: (v) => v === null || (typeof v === 'number' && ((Number.isInteger(v) && v >= 1) || (v > 0 && v < 1))),
};

/** The splits given by the fold number of each sample (test = samples of that fold), one at a time. */
export function* foldsToSplits(testFolds: Int32Array, nSplits: number): Generator<Split, void, undefined> {
  for (let f = 0; f < nSplits; f++) {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < testFolds.length; i++) (testFolds[i] === f ? test : train).push(i);
    yield { train, test };
  }
}

/** `count` random splits drawn one at a time from `rng` (the shuffle splitters). */
export function* repeatSplits(count: number, rng: RandomState, draw: (rng: RandomState) => Split): Generator<Split, void, undefined> {
  for (let s = 0; s < count; s++) yield draw(rng);
}
