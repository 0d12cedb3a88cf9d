/**
 * What the two decision trees share once fitted: leaf look-up, depth and leaf count, feature
 * importances, node count and the text rendering. The classifier adds `classes_` and accuracy as
 * its score, the regressor R².
 */
import { BaseEstimator } from '../core/base';
import type { Label, MatrixLike } from '../core/types';
import { applyTree, featureImportances } from './buildTree';
import { countLeaves, treeText, type BaseTreeOptions, type ExportTextOptions, type TreeState } from './_treeCommon';

export abstract class BaseDecisionTree<P extends BaseTreeOptions, S extends TreeState> extends BaseEstimator<P, S> {
  /** The class labels printed at the leaves by `exportText` (undefined for a regressor). */
  protected abstract leafClasses(s: S): readonly Label[] | undefined;

  /** The leaf of each row of X. */
  protected leaves(X: MatrixLike, method: string): { s: S; leaves: Int32Array } {
    const s = this.fitted(method);
    return { s, leaves: applyTree(s.tree, this.checkX(X, { copy: false })) };
  }

  /** The index of the leaf each sample ends in. */
  apply(X: MatrixLike): number[] {
    return Array.from(this.leaves(X, 'apply').leaves);
  }

  /** The depth of the tree (the root alone has depth 0). */
  getDepth(): number {
    return this.fitted('getDepth').tree.maxDepth;
  }

  /** The number of leaves. */
  getNLeaves(): number {
    return countLeaves(this.fitted('getNLeaves').tree);
  }

  /** The tree as text, line for line as scikit-learn's `export_text`. */
  exportText(options: ExportTextOptions = {}): string {
    const s = this.fitted('exportText');
    return treeText(s.tree, s.nFeaturesIn, this.leafClasses(s), options, this.className);
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
}
