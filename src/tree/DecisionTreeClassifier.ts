import type { Matrix } from 'ml-matrix';
import { classWeightVector, weightByClass, type ClassWeight } from '../core/classWeight';
import { matrixFromFlat } from '../core/data/index';
import { ValidationError } from '../core/errors';
import { nullable, oneOf, record, num, union } from '../core/params';
import { registerEstimator } from '../core/serialization';
import { int, labels, nFeaturesIn, orNull, stateRule, type StateContext, type StateSchema } from '../core/stateSchema';
import type { EstimatorTags, Label, MatrixLike } from '../core/types';
import { accuracyScore } from '../metrics/accuracyScore';
import { encodeLabels, requireTwoClasses, toLabels, toSampleWeight, uniqueLabels } from '../core/validation';
import { buildTree } from './buildTree';
import { pruneTree, pruningPath, type PruningPath } from './pruneTree';
import { BaseDecisionTree } from './_BaseDecisionTree';
import {
  baseTreeDefaults,
  baseTreeSchema,
  builderWeights,
  checkSplitter,
  checkScoreTarget,
  isTwoDimensional,
  resolveTreeOptions,
  targetColumns,
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
   * count); for a 2-d y the product over the outputs), a map from label to weight (others 1; 1-d y
   * only), or null. @defaultValue null
   */
  classWeight: ClassWeight;
}

/** The fitted state: `classes` holds the labels, or one array of labels per output for a 2-d y. */
type ClassifierState = TreeState & { classes: Label[] | Label[][] };

/** `[Y] extends [Label[]]`: true when the classifier is typed for a 2-d y. */
type IsMulti<Y> = [Y] extends [Label[]] ? true : false;

const singleLabels = labels();
const outputLabels = labels({ minLength: 1 });

/** The classes per output of a state (one array for a 1-d y). */
function classesPerOutput(s: { classes: Label[] | Label[][]; nOutputs: number | null }): Label[][] {
  return s.nOutputs === null ? [s.classes as Label[]] : (s.classes as Label[][]);
}

/**
 * A decision tree classifier (CART), as scikit-learn's `DecisionTreeClassifier` with
 * `splitter='best'`: at each node the best threshold of each of `maxFeatures` features drawn at
 * random, at the midpoint between two sorted values, grown depth first (best first with
 * `maxLeafNodes`), then pruned with `ccpAlpha`. With `splitter: 'random'` each drawn feature gets
 * one threshold drawn between its extremes in the node instead (one output, no missing values).
 *
 * Missing values (NaN) in X are learnt per split as scikit-learn 1.3 does: each split sends them
 * to the side that decreases the impurity more, and at predict time NaN follows that side (to the
 * child with more samples where the split's feature had none). A 2-d y (one column per output) fits
 * one tree for all outputs: type the classifier `DecisionTreeClassifier<Label[]>` and `predict`
 * returns rows, `predictProba` one matrix per output and `classes_` one array per output.
 *
 * Fitted attributes: `classes_`, `featureImportances_` (mean decrease in impurity, normalized),
 * `nFeaturesIn_`, `nClasses_`, `nOutputs_`, `nodeCount_`; methods `getDepth()`, `getNLeaves()`,
 * `apply(X)`, `decisionPath(X)`, `costComplexityPruningPath(X, y)`, `exportText()`,
 * `exportGraphviz()` and `exportMermaid()`.
 *
 * @example
 * ```ts
 * import { DecisionTreeClassifier } from 'typelearn';
 * const X = [[0, 0], [1, 1], [0, 1], [1, 0]];
 * const clf = new DecisionTreeClassifier({ randomState: 0 }).fit(X, ['no', 'yes', 'no', 'yes']);
 * console.log(clf.predict([[0.9, 0.2]])); // [ 'yes' ]
 * console.log(clf.exportText({ featureNames: ['a', 'b'] }).trim().split('\n')); // [ '|--- a <= 0.50', '|   |--- class: no', '|--- a >  0.50', '|   |--- class: yes' ]
 * console.log(clf.predict([[NaN, 0]])); // [ 'yes' ]
 * ```
 */
export class DecisionTreeClassifier<Y extends Label | Label[] = Label> extends BaseDecisionTree<DecisionTreeClassifierOptions, ClassifierState> {
  static override readonly className: string = 'DecisionTreeClassifier';
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'classifier', requiresY: true, allowNaN: true };
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    nOutputs: orNull(int({ min: 1 })),
    classes: stateRule('labels (at least 2, sorted), or for a 2-d y one array of sorted labels per output', (v, ctx) => {
      const k = ctx.state.nOutputs;
      if (k === null) return singleLabels.check(v, ctx);
      return Array.isArray(v) && v.length === k && v.every((c) => outputLabels.check(c, ctx));
    }),
    tree: treeRule((ctx: StateContext) => {
      const s = ctx.state as { classes?: unknown; nOutputs?: unknown };
      if (!Array.isArray(s.classes)) return NaN;
      if (s.nOutputs === null) return s.classes.length;
      if (typeof s.nOutputs !== 'number' || !s.classes.every(Array.isArray)) return NaN;
      return s.nOutputs * Math.max(...(s.classes as unknown[][]).map((c) => c.length));
    }),
  };
  static override readonly defaults: DecisionTreeClassifierOptions = { criterion: 'gini', ...baseTreeDefaults, classWeight: null };
  static override readonly paramSchema = {
    criterion: oneOf('gini', 'entropy', 'log_loss'),
    ...baseTreeSchema,
    classWeight: nullable(union(oneOf('balanced'), record(num({ min: 0 })))),
  };

  /**
   * Grows the tree (then prunes it when `ccpAlpha` > 0).
   * @param y - the labels, or for several outputs rows of one label per output.
   * @param sampleWeight - optional non-negative weight per sample (multiplied by class weights).
   */
  fit<T extends Label | Label[]>(X: MatrixLike, y: ArrayLike<T>, sampleWeight?: ArrayLike<number>): DecisionTreeClassifier<T>;
  fit(X: MatrixLike, y: ArrayLike<Y>, sampleWeight?: ArrayLike<number>): this {
    const name = this.className;
    const Xr = this.checkX(X, { reset: true });
    const n = Xr.rows;
    const sw = sampleWeight === undefined ? new Float64Array(n).fill(1) : toSampleWeight(sampleWeight, n, name);
    let classes: Label[] | Label[][];
    let codes: Int32Array;
    let nOutputs: number | null = null;
    let maxClasses: number;
    let weights: Float64Array;
    if (isTwoDimensional(y)) {
      const cols = targetColumns(y as unknown as ArrayLike<ArrayLike<unknown>>, n, name, (values, param) => {
        const lab = toLabels(values, { estimator: name, name: param, length: n });
        const cls = uniqueLabels(lab);
        return { cls, codes: encodeLabels(lab, cls, name) };
      });
      const k = cols.length;
      nOutputs = k;
      classes = cols.map((c) => c.cls);
      codes = new Int32Array(n * k);
      for (let j = 0; j < k; j++) for (let i = 0; i < n; i++) codes[i * k + j] = cols[j].codes[i];
      maxClasses = Math.max(...cols.map((c) => c.cls.length));
      const cw = this.params.classWeight;
      if (cw !== null && cw !== 'balanced') {
        throw new ValidationError({ code: 'invalid_option', estimator: name, param: 'classWeight', expected: "'balanced' or null with a 2-d y", received: 'a map from label to weight' });
      }
      weights = sw;
      if (cw === 'balanced') {
        weights = Float64Array.from(sw);
        for (const c of cols) {
          const v = classWeightVector('balanced', c.cls, c.codes, name);
          for (let i = 0; i < n; i++) weights[i] *= v[c.codes[i]];
        }
      }
    } else {
      const lab = toLabels(y, { estimator: name, length: n });
      const cls = uniqueLabels(lab);
      requireTwoClasses(cls, name);
      codes = encodeLabels(lab, cls, name);
      classes = cls;
      maxClasses = cls.length;
      weights = weightByClass(sw, codes, cls, this.params.classWeight, name);
    }
    const w = builderWeights(weights);
    let total = 0;
    for (let i = 0; i < n; i++) total += w[i];
    const options = resolveTreeOptions(this.params, this.params.criterion, n, Xr.cols, total, name);
    const Xc = treeColumns(Xr, name);
    checkSplitter(this.params.splitter, Xc, nOutputs ?? 1, this.params.criterion, name);
    let tree = buildTree(Xc, { kind: 'classification', y: codes, nClasses: maxClasses, nOutputs: nOutputs ?? 1 }, w, options);
    if (this.params.ccpAlpha > 0) tree = pruneTree(tree, this.params.ccpAlpha);
    this.state = { nFeaturesIn: Xr.cols, nOutputs, classes, tree };
    return this;
  }

  /**
   * The path of minimal cost-complexity pruning on this data (the tree grown without pruning):
   * the effective alphas at which subtrees are pruned, increasing, and the total impurity of the
   * leaves after each step, as scikit-learn's `cost_complexity_pruning_path`. Leaves this model as it is.
   */
  costComplexityPruningPath(X: MatrixLike, y: ArrayLike<Y>, sampleWeight?: ArrayLike<number>): PruningPath {
    const est = this.clone().setParams({ ccpAlpha: 0 }).fit(X, y, sampleWeight);
    return pruningPath(est.fitted('costComplexityPruningPath').tree);
  }

  /**
   * The class probabilities: the weighted class fractions of each sample's leaf, columns as
   * `classes_`; for a 2-d y, one such matrix per output.
   */
  predictProba(X: MatrixLike): IsMulti<Y> extends true ? Matrix[] : Matrix {
    const { s, leaves } = this.leaves(X, 'predictProba');
    const per = classesPerOutput(s);
    const V = s.tree.nValues;
    const stride = V / per.length;
    const v = s.tree.value;
    const out = per.map((cls, k) => {
      const K = cls.length;
      const p = new Float64Array(leaves.length * K);
      for (let r = 0; r < leaves.length; r++) {
        const off = leaves[r] * V + k * stride;
        let sum = 0;
        for (let c = 0; c < K; c++) sum += v[off + c];
        for (let c = 0; c < K; c++) p[r * K + c] = sum > 0 ? v[off + c] / sum : 0;
      }
      return matrixFromFlat(p, leaves.length, K);
    });
    return (s.nOutputs === null ? out[0] : out) as IsMulti<Y> extends true ? Matrix[] : Matrix;
  }

  /** The class of largest weight in each sample's leaf (the first of equal ones); rows of one label per output for a 2-d y. */
  predict(X: MatrixLike): Y[] {
    const { s, leaves } = this.leaves(X, 'predict');
    const per = classesPerOutput(s);
    const V = s.tree.nValues;
    const stride = V / per.length;
    const v = s.tree.value;
    const pick = (leaf: number, k: number): Label => {
      const off = leaf * V + k * stride;
      const K = per[k].length;
      let best = 0;
      for (let c = 1; c < K; c++) if (v[off + c] > v[off + best]) best = c;
      return per[k][best];
    };
    if (s.nOutputs === null) return Array.from(leaves, (leaf) => pick(leaf, 0)) as Y[];
    return Array.from(leaves, (leaf) => per.map((_, k) => pick(leaf, k))) as Y[];
  }

  /** The class labels seen in `fit`, sorted as scikit-learn sorts them; one array per output for a 2-d y. */
  get classes_(): IsMulti<Y> extends true ? Label[][] : Y[] {
    const s = this.fitted('classes_');
    return (s.nOutputs === null ? (s.classes as Label[]).slice() : (s.classes as Label[][]).map((c) => c.slice())) as IsMulti<Y> extends true ? Label[][] : Y[];
  }

  /** The number of classes (one count per output for a 2-d y). */
  get nClasses_(): IsMulti<Y> extends true ? number[] : number {
    const s = this.fitted('nClasses_');
    return (s.nOutputs === null ? s.classes.length : (s.classes as Label[][]).map((c) => c.length)) as IsMulti<Y> extends true ? number[] : number;
  }

  /**
   * Mean accuracy on the given data (weighted by `sampleWeight` when given); for a 2-d y the
   * subset accuracy, a row counting as right only when every output is.
   */
  score(X: MatrixLike, y: ArrayLike<Y>, sampleWeight?: ArrayLike<number>): number {
    const pred = this.predict(X);
    const k = checkScoreTarget(y, pred.length, this.fitted('score').nOutputs, this.className);
    if (k === null) return accuracyScore(y as ArrayLike<Label>, pred as Label[], { sampleWeight });
    const cols = targetColumns(y as unknown as ArrayLike<ArrayLike<unknown>>, pred.length, this.className, (values, name) => toLabels(values, { estimator: this.className, name }));
    const hit = Array.from(pred as Label[][], (p, i) => (p.every((v, j) => v === cols[j][i]) ? 1 : 0));
    return accuracyScore(hit, new Array<number>(hit.length).fill(1), { sampleWeight });
  }

  protected outputClasses(s: ClassifierState): Label[][] {
    return classesPerOutput(s);
  }
}

registerEstimator(DecisionTreeClassifier);
