import { TypelearnWarning } from '../core/errors';

/**
 * A metric is ill-defined on the given data (a division by zero, a single class, …) and was set to a
 * conventional value. scikit-learn's `UndefinedMetricWarning`; it goes through the warning handler set
 * with `setWarningHandler`, never thrown.
 * @example
 * ```ts
 * import { setWarningHandler, precisionScore, UndefinedMetricWarning } from 'typelearn';
 * const previous = setWarningHandler((w) => console.log(w instanceof UndefinedMetricWarning)); // true
 * console.log(precisionScore([0, 1], [0, 0])); // 0
 * setWarningHandler(previous);
 * ```
 */
export class UndefinedMetricWarning extends TypelearnWarning {
  /** Always `undefined_metric`. */
  override readonly code = 'undefined_metric';
  constructor(message: string, estimator?: string) {
    super(message, estimator);
    this.name = 'UndefinedMetricWarning';
  }
}
