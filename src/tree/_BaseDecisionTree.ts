/**
 * What the two decision trees share once fitted: leaf look-up, decision paths, depth and leaf
 * count, feature importances, node count and the text, Graphviz and Mermaid renderings. The
 * classifier adds `classes_` and accuracy as its score, the regressor R².
 */
import { BaseEstimator } from '../core/base';
import { ValidationError } from '../core/errors';
import type { EstimatorTags, Label, MatrixLike } from '../core/types';
import { applyTree, featureImportances, treeDecisionPath } from './buildTree';
import { treeGraphviz, treeMermaid, type ExportGraphvizOptions, type ExportMermaidOptions, type TreeInfo } from './exportTree';
import { countLeaves, treeText, type BaseTreeOptions, type ExportTextOptions, type TreeState } from './_treeCommon';

/**
 * The nodes each sample passes through, as a compressed sparse row (CSR) indicator matrix of
 * `shape` (samples × nodes): sample `i` visits the nodes `indices[indptr[i]]` up to (not
 * including) `indices[indptr[i + 1]]`, root first (scikit-learn's `decision_path` returns the same matrix as scipy's `csr_matrix`).
 */
export interface DecisionPath {
  /** Row pointers: sample `i`'s nodes are `indices[indptr[i]]` up to (not including) `indices[indptr[i + 1]]`; length samples + 1. */
  indptr: Int32Array;
  /** The node ids visited, sample after sample, each sample's from the root down to its leaf. */
  indices: Int32Array;
  /** [number of samples, number of nodes in the tree]. */
  shape: [number, number];
}

export abstract class BaseDecisionTree<P extends BaseTreeOptions & { criterion: string }, S extends TreeState> extends BaseEstimator<P, S> {
  /** The class labels of each output (undefined for a regressor). */
  protected abstract outputClasses(s: S): ReadonlyArray<readonly Label[]> | undefined;

  /** Missing values (NaN) are learnt per split, except under 'absolute_error' and with the random splitter (as scikit-learn 1.3). */
  instanceTags(): Partial<EstimatorTags> {
    // Neither 'absolute_error' nor the random splitter takes missing values.
    return { allowNaN: this.params.criterion !== 'absolute_error' && this.params.splitter !== 'random' };
  }

  /**
   * The leaf of each row of X, with the fitted state (for the subclasses' `apply` and predictions).
   * @internal
   */
  protected leaves(X: MatrixLike, method: string): { s: S; leaves: Int32Array } {
    const s = this.fitted(method);
    return { s, leaves: applyTree(s.tree, this.checkX(X, { copy: false })) };
  }

  /** The index of the leaf each sample ends in. */
  apply(X: MatrixLike): number[] {
    return Array.from(this.leaves(X, 'apply').leaves);
  }

  /**
   * The nodes each sample passes through, root to leaf, as a CSR indicator matrix (see
   * {@link DecisionPath}): a path holds depth + 1 nodes, so this stays small where a dense
   * samples × nodes matrix would not.
   */
  decisionPath(X: MatrixLike): DecisionPath {
    const s = this.fitted('decisionPath');
    const Xr = this.checkX(X, { copy: false });
    const { indptr, indices } = treeDecisionPath(s.tree, Xr);
    return { indptr, indices, shape: [Xr.rows, s.tree.nodeCount] };
  }

  /** The depth of the tree (the root alone has depth 0). */
  getDepth(): number {
    return this.fitted('getDepth').tree.maxDepth;
  }

  /** The number of leaves. */
  getNLeaves(): number {
    return countLeaves(this.fitted('getNLeaves').tree);
  }

  /** The tree as text, line for line as scikit-learn's `export_text` (single-output classifiers and any regressor). */
  exportText(options: ExportTextOptions = {}): string {
    const s = this.fitted('exportText');
    const classes = this.outputClasses(s);
    if (classes !== undefined && classes.length > 1) {
      throw new ValidationError({ code: 'unsupported', estimator: this.className, param: 'exportText', message: `${this.className}.exportText prints single-output classifiers only; use exportGraphviz or exportMermaid for ${classes.length} outputs.` });
    }
    return treeText(s.tree, s.nFeaturesIn, classes?.[0], options, this.className);
  }

  /** The tree in Graphviz's DOT language, character for character as scikit-learn's `export_graphviz`. */
  exportGraphviz(options: ExportGraphvizOptions = {}): string {
    const s = this.fitted('exportGraphviz');
    return treeGraphviz(s.tree, this.info(s), options, this.className);
  }

  /** The tree as a Mermaid flowchart (`flowchart TD`), for Markdown renderers that draw Mermaid. */
  exportMermaid(options: ExportMermaidOptions = {}): string {
    const s = this.fitted('exportMermaid');
    return treeMermaid(s.tree, this.info(s), options, this.className);
  }

  private info(s: S): TreeInfo {
    return { nFeatures: s.nFeaturesIn, criterion: this.params.criterion, classes: this.outputClasses(s), nOutputs: s.nOutputs ?? 1 };
  }

  /** Mean decrease in impurity of each feature, normalized to sum to 1. */
  get featureImportances_(): number[] {
    const s = this.fitted('featureImportances_');
    return Array.from(featureImportances(s.tree, s.nFeaturesIn));
  }

  /** The number of nodes of the tree. */
  get nodeCount_(): number {
    return this.fitted('nodeCount_').tree.nodeCount;
  }

  /** The number of outputs (1 for a 1-d y). */
  get nOutputs_(): number {
    return this.fitted('nOutputs_').nOutputs ?? 1;
  }
}
