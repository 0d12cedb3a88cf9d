import type { Matrix } from 'ml-matrix';
import { getTags, type BaseEstimator } from '../core/base';
import { hasClasses, hasDecisionFunction, hasPredictLogProba, isPredictor, isProbaPredictor, isScorable, requireCapability } from '../core/capabilities';
import type { EstimatorTags, Label, MatrixLike, Target } from '../core/types';
import { BaseSelector, selectedCount, selectorStateSchema, type SelectorState } from './BaseSelector';
import type { ImportanceGetter } from './_importance';
import { innerTags } from './_meta';
import { numberArray, fittedEstimator, refine, type StateSchema } from '../core/stateSchema';

/** The fitted state of RFE and RFECV. */
export interface RfeState extends SelectorState {
  /** 1 for selected features, then the order of elimination (higher went earlier). */
  ranking: number[];
  /** The number of selected features. */
  nFeatures: number;
  /** A clone of the estimator fitted on the selected features. */
  estimator: BaseEstimator;
}

/** The options RFE and RFECV share. */
export interface RfeBaseOptions {
  estimator: BaseEstimator;
  step: number;
  importanceGetter: ImportanceGetter;
}

/**
 * What RFE and RFECV share once fitted: the fitted attributes, the tags taken from the estimator,
 * and `predict` & co. delegated to `estimator_` on the selected columns, as scikit-learn's RFE.
 */
export abstract class RfeBase<P extends RfeBaseOptions, S extends RfeState = RfeState, E extends BaseEstimator = BaseEstimator> extends BaseSelector<P, S> {
  static override readonly className: string = 'RfeBase';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    ...selectorStateSchema,
    ranking: refine(numberArray({ length: 'nFeaturesIn', integer: true, min: 1 }), '1 exactly where support is true', (v: number[], { state }) =>
      v.every((r, j) => (r === 1) === (state.support as boolean[])[j]),
    ),
    nFeatures: selectedCount(),
    estimator: fittedEstimator({ nFeaturesIn: (c) => c.state.nFeatures as number }),
  };

  /**
   * Tags follow the estimator (an RFE of a classifier is a classifier, so an integer `cv` around it
   * is stratified); y is always required.
   */
  instanceTags(): Partial<EstimatorTags> {
    return { ...innerTags(this.params.estimator), estimatorType: getTags(this.params.estimator).estimatorType, requiresY: true };
  }

  /** The ranking of every feature: 1 for the selected ones, higher for those eliminated earlier. */
  get ranking_(): number[] {
    return this.fitted('ranking_').ranking.slice();
  }

  /** One boolean per input feature: true when selected. */
  get support_(): boolean[] {
    return this.fitted('support_').support.slice();
  }

  /** The number of selected features. */
  get nFeatures_(): number {
    return this.fitted('nFeatures_').nFeatures;
  }

  /** The estimator fitted on the selected features (a clone; the `estimator` option is never fitted). */
  get estimator_(): E {
    return this.fitted('estimator_').estimator as E;
  }

  /** The fitted `estimator_` with the capability `has` tests for, else an 'unsupported' error naming `what`. */
  private inner<N extends BaseEstimator>(what: string, has: (e: BaseEstimator) => e is N): N {
    return requireCapability(this.fitted(what).estimator, has, what, { estimator: this.className, role: 'estimator' });
  }

  /** The class labels of the estimator (classifiers only). */
  get classes_(): Label[] {
    return this.inner('classes_', hasClasses).classes_;
  }

  /** Predictions of `estimator_` on the selected columns of X. */
  predict(X: MatrixLike): Label[] | number[] {
    // A multi-output regressor predicts rows; the declared type keeps the common case.
    return this.inner('predict', isPredictor).predict(this.transform(X)) as Label[] | number[];
  }

  /** Class probabilities of `estimator_` on the selected columns of X. */
  predictProba(X: MatrixLike): Matrix {
    return this.inner('predictProba', isProbaPredictor).predictProba(this.transform(X));
  }

  /** Log class probabilities of `estimator_` on the selected columns of X. */
  predictLogProba(X: MatrixLike): Matrix {
    const est = this.inner('predictLogProba', hasPredictLogProba);
    return est.predictLogProba(this.transform(X));
  }

  /** The decision function of `estimator_` on the selected columns of X. */
  decisionFunction(X: MatrixLike): number[] | Matrix {
    return this.inner('decisionFunction', hasDecisionFunction).decisionFunction(this.transform(X));
  }

  /** The score of `estimator_` (accuracy, R², …) on the selected columns of X. */
  score(X: MatrixLike, y: Target, sampleWeight?: ArrayLike<number>): number {
    const est = this.inner('score', isScorable);
    return sampleWeight === undefined ? est.score(this.transform(X), y) : est.score(this.transform(X), y, sampleWeight);
  }
}
