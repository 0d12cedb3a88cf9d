import { BaseEstimator } from '../core/base';
import { ValidationError, describeValue } from '../core/errors';
import { registerEstimator } from '../core/serialization';
import type { Label } from '../core/types';
import { toLabels } from '../core/validation';
import { codeLabels, sortedClasses } from './_categories';
import { labels, type StateSchema } from '../core/stateSchema';

interface LabelEncoderState {
  classes: Label[];
}

/**
 * Encodes target labels as integers 0 … n_classes − 1, as scikit-learn's `LabelEncoder`. It takes
 * 1-d labels (`fit(y)`), not X, so it is meant for targets, not for features (use
 * {@link OrdinalEncoder} or {@link OneHotEncoder} there). Labels are numbers, strings or
 * booleans, all of one type; `classes_` holds them sorted (numbers numerically, strings by code
 * point).
 *
 * Fitted attributes: `classes_`.
 * @example
 * ```ts
 * import { LabelEncoder } from 'typelearn';
 * const le = new LabelEncoder().fit(['paris', 'paris', 'tokyo', 'amsterdam']);
 * console.log(le.classes_); // [ 'amsterdam', 'paris', 'tokyo' ]
 * console.log(le.transform(['tokyo', 'tokyo', 'paris'])); // [ 2, 2, 1 ]
 * console.log(le.inverseTransform([2, 2, 1])); // [ 'tokyo', 'tokyo', 'paris' ]
 * ```
 */
export class LabelEncoder extends BaseEstimator<object, LabelEncoderState> {
  static override readonly className = 'LabelEncoder';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = { classes: labels({ minLength: 1 }) };
  static override readonly defaults = {};
  static override readonly tags = { estimatorType: 'other' as const };

  /** Learns the sorted distinct labels of y. */
  fit(y: ArrayLike<Label>): this {
    this.state = { classes: sortedClasses(toLabels(y, { estimator: this.className })) };
    return this;
  }

  /** Fits, then encodes y. */
  fitTransform(y: ArrayLike<Label>): number[] {
    return this.fit(y).transform(y);
  }

  /** Each label's index in `classes_`; a label unseen in fit is a ValidationError. */
  transform(y: ArrayLike<Label>): number[] {
    const s = this.fitted('transform');
    return codeLabels(toLabels(y, { estimator: this.className }), s.classes, this.className);
  }

  /** The labels of the given codes (integers in [0, n_classes − 1]). */
  inverseTransform(codes: ArrayLike<number>): Label[] {
    const s = this.fitted('inverseTransform');
    const out: Label[] = [];
    const bad: unknown[] = [];
    for (let i = 0; i < codes.length; i++) {
      const k = codes[i];
      if (typeof k === 'number' && Number.isInteger(k) && k >= 0 && k < s.classes.length) out.push(s.classes[k]);
      else bad.push(k);
    }
    if (bad.length || !(Array.isArray(codes) || ArrayBuffer.isView(codes))) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator: this.className,
        param: 'y',
        expected: `an array of integer codes in [0, ${s.classes.length - 1}]`,
        received: bad.length ? `[${bad.slice(0, 10).map(describeValue).join(', ')}]` : describeValue(codes),
      });
    }
    return out;
  }

  /** The labels seen in fit, sorted. */
  get classes_(): Label[] {
    return this.fitted('classes_').classes.slice();
  }
}

registerEstimator(LabelEncoder);
