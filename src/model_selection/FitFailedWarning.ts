import { TypelearnWarning } from '../core/errors';

/**
 * Some fits of a cross-validation or search failed; their scores were set to `errorScore` (NaN by
 * default), as scikit-learn's `FitFailedWarning`. Set `errorScore: 'raise'` to get the error itself.
 * @example
 * ```ts
 * import { FitFailedWarning } from 'typelearn';
 * const w = new FitFailedWarning('1 fits failed out of a total of 5.');
 * console.log(w.code); // fit_failed
 * ```
 */
export class FitFailedWarning extends TypelearnWarning {
  override readonly code = 'fit_failed';
  constructor(message: string, estimator?: string) {
    super(message, estimator);
    this.name = 'FitFailedWarning';
  }
}
