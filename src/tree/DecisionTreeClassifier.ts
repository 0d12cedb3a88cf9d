import type { Matrix } from 'ml-matrix';
import { weightByClass, type ClassWeight } from '../core/classWeight';
import { matrixFromFlat } from '../core/data/index';
import { nullable, oneOf, record, num, union } from '../core/params';
import { registerEstimator } from '../core/serialization';
import { labels, nFeaturesIn, resolveLength, type StateSchema } from '../core/stateSchema';
import type { EstimatorTags, Label, MatrixLike } from '../core/types';
import { accuracyScore } from '../metrics/accuracyScore';
import { encodeLabels, requireTwoClasses, toLabels, toSampleWeight, uniqueLabels } from '../core/validation';
import { buildTree } from './buildTree';
import { BaseDecisionTree } from './_BaseDecisionTree';
import {
  baseTreeDefaults,
  baseTreeSchema,
  builderWeights,
  resolveTreeOptions,
  treeColumns,
  treeRule,
  type BaseTreeOptions,
  type TreeState,
} from './_treeCommon';

/** Options of {@link DecisionTreeClassifier}. */
export interface DecisionTreeClassifierOptions extends BaseTreeOptions {
  /** The impurity a split decreases: 'gini', or 'entropy' / 'log_loss' (the same). @defaultValue 'gini' */
  criterion: 'gini' | 'entropy' | 'log_loss';
  /**
   * Weights of the classes, multiplying the sample weights: 'balanced' (n_samples / (n_classes ·
   * count)), a map from label to weight (others 1), or null. @defaultValue null
   */
  classWeight: ClassWeight;
}

type ClassifierState = TreeState & { classes: Label[] };

/**
 * A decision tree classifier (CART), as scikit-learn's `DecisionTreeClassifier` with
 * `splitter='best'`: at each node the best threshold of each of `maxFeatures` features drawn at
 * random, at the midpoint between two sorted values, grown depth first. With `splitter: 'random'`
 * each drawn feature gets one threshold drawn between its extremes in the node instead.
 *
 * Fitted attributes: `classes_`, `featureImportances_` (mean decrease in impurity, normalized),
 * `nFeaturesIn_`, `nClasses_`, `nodeCount_`; methods `getDepth()`, `getNLeaves()`, `apply(X)` and
 * `exportText()`. Missing values (NaN) are rejected; impute them first.
 *
 * @example
 * ```ts
 * import { DecisionTreeClassifier } from 'typelearn';
 * const X = [[0, 0], [1, 1], [0, 1], [1, 0]];
 * const clf = new DecisionTreeClassifier({ randomState: 0 }).fit(X, ['no', 'yes', 'no', 'yes']);
 * console.log(clf.predict([[0.9, 0.2]])); // [ 'yes' ]
 * console.log(clf.exportText({ featureNames: ['a', 'b'] }).trim().split('\n')); // [ '|--- a <= 0.50', '|   |--- class: no', '|--- a >  0.50', '|   |--- class: yes' ]
 * ```
 */
export class DecisionTreeClassifier extends BaseDecisionTree<DecisionTreeClassifierOptions, ClassifierState> {
  static override readonly className: string = 'DecisionTreeClassifier';
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'classifier', requiresY: true };
  static override readonly stateSchema: StateSchema = { nFeaturesIn: nFeaturesIn(), classes: labels(), tree: treeRule((ctx) => resolveLength('nClasses', ctx)) };
  static override readonly defaults: DecisionTreeClassifierOptions = { criterion: 'gini', ...baseTreeDefaults, classWeight: null };
  static override readonly paramSchema = {
    criterion: oneOf('gini', 'entropy', 'log_loss'),
    ...baseTreeSchema,
    classWeight: nullable(union(oneOf('balanced'), record(num({ min: 0 })))),
  };

  /**
   * Grows the tree.
   * @param sampleWeight - optional non-negative weight per sample (multiplied by class weights).
   */
  fit(X: MatrixLike, y: ArrayLike<Label>, sampleWeight?: ArrayLike<number>): this {
    const name = this.className;
    const Xr = this.checkX(X, { reset: true });
    const n = Xr.rows;
    const labels = toLabels(y, { estimator: name, length: n });
    const classes = uniqueLabels(labels);
    requireTwoClasses(classes, name);
    const yi = encodeLabels(labels, classes, name);
    const sw = sampleWeight === undefined ? new Float64Array(n).fill(1) : toSampleWeight(sampleWeight, n, name);
    const w = builderWeights(weightByClass(sw, yi, classes, this.params.classWeight, name));
    let total = 0;
    for (let i = 0; i < n; i++) total += w[i];
    const options = resolveTreeOptions(this.params, this.params.criterion, n, Xr.cols, total, name);
    const tree = buildTree(treeColumns(Xr, name), { kind: 'classification', y: yi, nClasses: classes.length }, w, options);
    this.state = { nFeaturesIn: Xr.cols, classes, tree };
    return this;
  }

  /** The class probabilities: the weighted class fractions of each sample's leaf, columns as `classes_`. */
  predictProba(X: MatrixLike): Matrix {
    const { s, leaves } = this.leaves(X, 'predictProba');
    const K = s.classes.length;
    const out = new Float64Array(leaves.length * K);
    const v = s.tree.value;
    for (let r = 0; r < leaves.length; r++) {
      const off = leaves[r] * K;
      let sum = 0;
      for (let k = 0; k < K; k++) sum += v[off + k];
      for (let k = 0; k < K; k++) out[r * K + k] = sum > 0 ? v[off + k] / sum : 0;
    }
    return matrixFromFlat(out, leaves.length, K);
  }

  /** The class of largest weight in each sample's leaf (the first of equal ones). */
  predict(X: MatrixLike): Label[] {
    const { s, leaves } = this.leaves(X, 'predict');
    const K = s.classes.length;
    const v = s.tree.value;
    return Array.from(leaves, (leaf) => {
      const off = leaf * K;
      let best = 0;
      for (let k = 1; k < K; k++) if (v[off + k] > v[off + best]) best = k;
      return s.classes[best];
    });
  }

  /** The class labels seen in `fit`, sorted as scikit-learn sorts them. */
  get classes_(): Label[] {
    return this.fitted('classes_').classes.slice();
  }

  /** The number of classes. */
  get nClasses_(): number {
    return this.fitted('nClasses_').classes.length;
  }

  /** Mean accuracy on the given data (weighted by `sampleWeight` when given). */
  score(X: MatrixLike, y: ArrayLike<Label>, sampleWeight?: ArrayLike<number>): number {
    return accuracyScore(y, this.predict(X), { sampleWeight });
  }

  protected leafClasses(s: ClassifierState): readonly Label[] {
    return s.classes;
  }
}

registerEstimator(DecisionTreeClassifier);
