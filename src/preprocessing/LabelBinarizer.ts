import type { Matrix } from 'ml-matrix';
import { checkSize } from '../core/sizes';
import { BaseEstimator } from '../core/base';
import { ValidationError, describeValue } from '../core/errors';
import { int } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { Label, MatrixLike } from '../core/types';
import { toDense, toLabels } from '../core/validation';
import { matrixFromFlat } from '../core/data/index';
import { sortedClasses } from './_categories';
import { labels, type StateSchema } from '../core/stateSchema';

/** Options of {@link LabelBinarizer}. */
export interface LabelBinarizerOptions {
  /** The value of "not this class". Must be less than `posLabel`. @defaultValue 0 */
  negLabel: number;
  /** The value of "this class". @defaultValue 1 */
  posLabel: number;
}

interface LabelBinarizerState {
  classes: Label[];
}

/**
 * Binarizes labels one-vs-all, as scikit-learn's `LabelBinarizer`: one column per class (in
 * `classes_` order) holding `posLabel` for that class and `negLabel` elsewhere; two classes give
 * one column (the second class is positive), one class gives one column of `negLabel`. Labels
 * unseen in fit give a row of `negLabel`. Takes 1-d labels (`fit(y)`), for targets.
 *
 * Fitted attributes: `classes_`, `yType_` (`'binary'` for at most two classes, else
 * `'multiclass'`). Departure: a binary binarizer always outputs one column; scikit-learn switches
 * to two when the labels given to `transform` hold more than two distinct values.
 * @example
 * ```ts
 * import { LabelBinarizer } from 'typelearn';
 * const lb = new LabelBinarizer().fit(['b', 'a', 'c', 'a']);
 * console.log(lb.transform(['a', 'c']).to2DArray()); // [ [ 1, 0, 0 ], [ 0, 0, 1 ] ]
 * console.log(lb.inverseTransform([[0.2, 0.7, 0.1]])); // [ 'b' ]
 * const yesNo = new LabelBinarizer({ negLabel: -1 }).fit(['no', 'yes']);
 * console.log(yesNo.transform(['yes', 'no']).to2DArray()); // [ [ 1 ], [ -1 ] ]
 * ```
 */
export class LabelBinarizer extends BaseEstimator<LabelBinarizerOptions, LabelBinarizerState> {
  static override readonly className = 'LabelBinarizer';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = { classes: labels({ minLength: 1 }) };
  static override readonly defaults: LabelBinarizerOptions = { negLabel: 0, posLabel: 1 };
  static override readonly paramSchema = { negLabel: int(), posLabel: int() };
  static override readonly tags = { estimatorType: 'other' as const };

  private checkLabels(): void {
    const { negLabel, posLabel } = this.params;
    if (negLabel >= posLabel) {
      throw new ValidationError({
        code: 'invalid_option',
        estimator: this.className,
        param: 'negLabel',
        expected: `a value strictly less than posLabel (${posLabel})`,
        received: String(negLabel),
      });
    }
  }

  /** Learns the sorted distinct labels of y. */
  fit(y: ArrayLike<Label>): this {
    this.checkLabels();
    this.state = { classes: sortedClasses(toLabels(y, { estimator: this.className })) };
    return this;
  }

  /** Fits, then binarizes y. */
  fitTransform(y: ArrayLike<Label>): Matrix {
    return this.fit(y).transform(y);
  }

  /** The one-vs-all matrix of y: one row per label. */
  transform(y: ArrayLike<Label>): Matrix {
    const s = this.fitted('transform');
    this.checkLabels();
    const labels = toLabels(y, { estimator: this.className });
    const { negLabel, posLabel } = this.params;
    const k = s.classes.length;
    const width = k <= 2 ? 1 : k;
    checkSize(labels.length * width, { estimator: this.className, param: 'y', input: true, what: `output elements (${labels.length} labels × ${width} classes)` });
    const out = new Float64Array(labels.length * width).fill(negLabel);
    if (k >= 2) {
      const index = new Map<Label, number>();
      s.classes.forEach((c, i) => index.set(c, i));
      for (let i = 0; i < labels.length; i++) {
        const c = index.get(labels[i]);
        if (c === undefined) continue;
        if (k === 2) {
          if (c === 1) out[i] = posLabel;
        } else out[i * width + c] = posLabel;
      }
    }
    return matrixFromFlat(out, labels.length, width);
  }

  /**
   * The labels of binarized rows: for several classes the class of each row's largest value; for
   * two classes (one column) the positive class where the value exceeds `threshold` (default the
   * midpoint of `negLabel` and `posLabel`).
   */
  inverseTransform(Y: MatrixLike, threshold?: number): Label[] {
    const s = this.fitted('inverseTransform');
    const classes = s.classes;
    const k = classes.length;
    const width = k <= 2 ? 1 : k;
    const Yd = toDense(Y, { estimator: this.className, name: 'Y' });
    if (Yd.cols !== width && !(k === 2 && Yd.cols === 2)) {
      throw new ValidationError({
        code: 'feature_mismatch',
        estimator: this.className,
        param: 'Y',
        expected: `${width} column${width === 1 ? '' : 's'} (one per class${k <= 2 ? ', or one for two classes' : ''})`,
        received: `${Yd.cols} columns`,
      });
    }
    const t = threshold ?? (this.params.posLabel + this.params.negLabel) / 2;
    if (typeof t !== 'number' || Number.isNaN(t)) {
      throw new ValidationError({ code: 'invalid_input', estimator: this.className, param: 'threshold', expected: 'a number', received: describeValue(threshold) });
    }
    const { data, rows, cols } = Yd;
    const out: Label[] = [];
    for (let i = 0; i < rows; i++) {
      if (k > 2) {
        let best = 0;
        for (let c = 1; c < cols; c++) if (data[i * cols + c] > data[i * cols + best]) best = c;
        out.push(classes[best]);
      } else if (k === 1) out.push(classes[0]);
      else out.push(classes[data[i * cols + cols - 1] > t ? 1 : 0]);
    }
    return out;
  }

  /** The labels seen in fit, sorted. */
  get classes_(): Label[] {
    return this.fitted('classes_').classes.slice();
  }

  /** `'binary'` for at most two classes, else `'multiclass'`. */
  get yType_(): 'binary' | 'multiclass' {
    return this.fitted('yType_').classes.length <= 2 ? 'binary' : 'multiclass';
  }
}

registerEstimator(LabelBinarizer);
