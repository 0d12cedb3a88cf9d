import { describe, expect, it } from 'vitest';
import { DecisionTreeClassifier, DecisionTreeRegressor, ValidationError, loadBreastCancer, loadDiabetes, loadModel, loadWine } from '../../src/index';
import type { Label } from '../../src/index';
import { expectClose, fixture } from '../helpers';
import { expectSameTree, treeOf, type TreeFx } from './_treeFixtures';

interface PathFx {
  ccpAlphas: number[];
  impurities: number[];
}
interface Fx {
  maxLeafNodes: Record<string, { tree: TreeFx; depth?: number; featureImportances?: number[] }>;
  ccp: {
    diabetesPath: PathFx;
    breastCancerPathWeighted: PathFx;
    breastCancerPruned: { tree: TreeFx };
    diabetesBestFirstPruned: { tree: TreeFx };
    [k: string]: unknown;
  };
  absoluteError: Record<string, { tree: TreeFx; predict?: number[]; featureImportances?: number[]; sampleWeight?: number[] }>;
  multiOutput: Record<string, { tree: TreeFx; predict?: unknown[]; predictProba?: number[][][]; classes?: Label[][]; featureImportances?: number[]; y?: number[][] }>;
  Y: number[][];
  Yc: Label[][];
  export: Record<string, string> & { decisionPath: { indptr: number[]; indices: number[] } };
}
const fx = fixture<Fx>('tree/tree_features.json');

/**
 * The same tree up to ties: the same shape, sample counts, impurities and values, while the feature
 * (and threshold) of a node may differ where two features split its samples equally well (the
 * winner of a tie depends on the seeded feature order, and typelearn's generator is not numpy's).
 */
function expectSameTreeUpToTies(actual: TreeFx, expected: TreeFx, rtol: number): void {
  expect(actual.childrenLeft).toEqual(expected.childrenLeft);
  expect(actual.childrenRight).toEqual(expected.childrenRight);
  expect(actual.nNodeSamples).toEqual(expected.nNodeSamples);
  expectClose(actual.impurity, expected.impurity, rtol, 1e-12);
  expectClose(actual.value, expected.value, rtol, 1e-12);
  const leaves = actual.childrenLeft.map((l, i) => (l === -1 ? i : -1)).filter((i) => i >= 0);
  for (const i of leaves) expect(actual.feature[i]).toBe(-2);
}

const diabetes = loadDiabetes();
const cancer = loadBreastCancer();
const wine = loadWine();

describe('maxLeafNodes: best-first growth as scikit-learn 1.2.1 (fixtures: make_tree_features.py)', () => {
  for (const leaves of [2, 3, 5, 10, 20]) {
    it(`diabetes regressor with ${leaves} leaves: the same tree node for node, importances to 1e-9`, () => {
      const c = fx.maxLeafNodes[`diabetes${leaves}`];
      const m = new DecisionTreeRegressor({ maxLeafNodes: leaves, randomState: 0 }).fit(diabetes.data, diabetes.target);
      expectSameTree(treeOf(m), c.tree, 1e-9);
      expect(m.getNLeaves()).toBe(leaves);
      expect(m.getDepth()).toBe(c.depth);
      expectClose(m.featureImportances_, c.featureImportances, 1e-9, 1e-12);
    });
  }
  for (const leaves of [4, 8]) {
    it(`breast-cancer classifier with ${leaves} leaves: the same tree up to tied features`, () => {
      const c = fx.maxLeafNodes[`breastCancer${leaves}`];
      const m = new DecisionTreeClassifier({ maxLeafNodes: leaves, randomState: 0 }).fit(cancer.data, cancer.target);
      expectSameTreeUpToTies(treeOf(m), c.tree, 1e-12);
      if (leaves === 4) expectSameTree(treeOf(m), c.tree, 1e-12);
      expect(m.getDepth()).toBe(c.depth);
    });
  }
  it('with maxDepth and minSamplesLeaf too: the same tree', () => {
    const m = new DecisionTreeRegressor({ maxLeafNodes: 8, maxDepth: 2, minSamplesLeaf: 10, randomState: 0 }).fit(diabetes.data, diabetes.target);
    expectSameTree(treeOf(m), fx.maxLeafNodes.diabetesLimited.tree, 1e-9);
  });
});

describe('cost-complexity pruning as scikit-learn 1.2.1', () => {
  it('costComplexityPruningPath on diabetes (maxDepth 6): alphas and impurities to 1e-9', () => {
    const m = new DecisionTreeRegressor({ maxDepth: 6, randomState: 0 });
    const path = m.costComplexityPruningPath(diabetes.data, diabetes.target);
    expectClose(path.ccpAlphas, fx.ccp.diabetesPath.ccpAlphas, 1e-9, 1e-9);
    expectClose(path.impurities, fx.ccp.diabetesPath.impurities, 1e-9, 1e-9);
    expect(m.isFitted()).toBe(false);
  });

  it('costComplexityPruningPath of a weighted classifier on breast cancer', () => {
    const w = cancer.target.map((_, i) => (i % 3 === 0 ? 2 : 1));
    const path = new DecisionTreeClassifier({ randomState: 0 }).costComplexityPruningPath(cancer.data, cancer.target, w);
    expectClose(path.ccpAlphas, fx.ccp.breastCancerPathWeighted.ccpAlphas, 1e-9, 1e-12);
    expectClose(path.impurities, fx.ccp.breastCancerPathWeighted.impurities, 1e-9, 1e-12);
  });

  for (const k of [0, 1, 2]) {
    it(`ccpAlpha prunes diabetes (maxDepth 4) to scikit-learn's tree (case ${k}; s1 and s2 tie at some nodes)`, () => {
      const c = fx.ccp[`diabetesPruned${k}`] as { ccpAlpha: number; tree: TreeFx; depth: number; nLeaves: number };
      const m = new DecisionTreeRegressor({ maxDepth: 4, randomState: 0, ccpAlpha: c.ccpAlpha }).fit(diabetes.data, diabetes.target);
      expectSameTreeUpToTies(treeOf(m), c.tree, 1e-9);
      expect(m.getDepth()).toBe(c.depth);
      expect(m.getNLeaves()).toBe(c.nLeaves);
    });
  }

  it('ccpAlpha on a classifier and on a best-first tree (renumbered in pre-order)', () => {
    const c = new DecisionTreeClassifier({ randomState: 0, ccpAlpha: 0.01 }).fit(cancer.data, cancer.target);
    expectSameTreeUpToTies(treeOf(c), fx.ccp.breastCancerPruned.tree, 1e-12);
    const r = new DecisionTreeRegressor({ maxLeafNodes: 12, randomState: 0, ccpAlpha: 30 }).fit(diabetes.data, diabetes.target);
    expectSameTree(treeOf(r), fx.ccp.diabetesBestFirstPruned.tree, 1e-9);
  });
});

describe('save and load of the new options', () => {
  it('best-first, pruned and absolute-error trees predict the same after loadModel; a bad missingGoToLeft is refused', () => {
    for (const m of [
      new DecisionTreeRegressor({ maxLeafNodes: 7, randomState: 0 }),
      new DecisionTreeRegressor({ ccpAlpha: 20, randomState: 0 }),
      new DecisionTreeRegressor({ criterion: 'absolute_error', maxDepth: 3, randomState: 0 }),
    ]) {
      m.fit(diabetes.data, diabetes.target);
      const again = loadModel<DecisionTreeRegressor>(JSON.stringify(m));
      expect(again.predict(diabetes.data)).toEqual(m.predict(diabetes.data));
      expect(again.getParams()).toEqual(m.getParams());
    }
    const c = new DecisionTreeClassifier({ maxLeafNodes: 5, randomState: 0 }).fit(cancer.data, cancer.target);
    const json = JSON.parse(JSON.stringify(c)) as { state: { tree: { missingGoToLeft: { values: number[] } } } };
    json.state.tree.missingGoToLeft.values[0] = 2;
    expect(() => loadModel(json)).toThrow(ValidationError);
  });
});

describe("criterion 'absolute_error' as scikit-learn 1.2.1", () => {
  for (const depth of [1, 2, 3]) {
    it(`diabetes, depth ${depth}: the same tree, median leaves, importances to 1e-9`, () => {
      const c = fx.absoluteError[`depth${depth}`];
      const m = new DecisionTreeRegressor({ criterion: 'absolute_error', maxDepth: depth, randomState: 0 }).fit(diabetes.data, diabetes.target);
      expectSameTree(treeOf(m), c.tree, 1e-9);
      expectClose(m.predict(diabetes.data), c.predict, 1e-12);
      expectClose(m.featureImportances_, c.featureImportances, 1e-9, 1e-12);
    });
  }
  it('weighted samples: weighted medians', () => {
    const c = fx.absoluteError.weighted;
    const m = new DecisionTreeRegressor({ criterion: 'absolute_error', maxDepth: 2, randomState: 0 }).fit(diabetes.data, diabetes.target, c.sampleWeight);
    expectSameTree(treeOf(m), c.tree, 1e-9);
  });
});

describe('several outputs (a 2-d y) as scikit-learn 1.2.1', () => {
  const X4 = diabetes.data.map((r) => r.slice(4));
  for (const criterion of ['squared_error', 'friedman_mse', 'absolute_error'] as const) {
    it(`regressor, ${criterion}, depth 3: the same tree, predictions and importances`, () => {
      const c = fx.multiOutput[`reg_${criterion}`];
      const m = new DecisionTreeRegressor<number[]>({ criterion, maxDepth: 3, randomState: 0 }).fit(X4, fx.Y);
      expectSameTree(treeOf(m), c.tree, 1e-9);
      expectClose(m.predict(X4.slice(0, 5)), c.predict, 1e-9);
      expectClose(m.featureImportances_, c.featureImportances, 1e-9, 1e-12);
      expect(m.nOutputs_).toBe(2);
    });
  }
  it('regressor, poisson: the same tree', () => {
    const c = fx.multiOutput.reg_poisson;
    const m = new DecisionTreeRegressor<number[]>({ criterion: 'poisson', maxDepth: 3, randomState: 0 }).fit(X4, c.y as number[][]);
    expectSameTree(treeOf(m), c.tree, 1e-9);
  });

  const Xw = wine.data.map((r) => [1, 2, 3, 4, 5, 6].map((j) => r[j]));
  for (const criterion of ['gini', 'entropy'] as const) {
    it(`classifier, ${criterion}, depth 3, three outputs (numbers and strings): the same tree, classes, predictions, probabilities`, () => {
      const c = fx.multiOutput[`clf_${criterion}`];
      const m = new DecisionTreeClassifier<Label[]>({ criterion, maxDepth: 3, randomState: 0 }).fit(Xw, fx.Yc);
      expectSameTree(treeOf(m), c.tree, 1e-12);
      expect(m.classes_.map((cl) => cl.map(String))).toEqual(c.classes);
      expect(m.nClasses_).toEqual([3, 2, 3]);
      expect(m.predict(Xw.slice(0, 5))).toEqual(c.predict);
      const proba = m.predictProba(Xw.slice(0, 5));
      expect(proba.length).toBe(3);
      expectClose(
        proba.map((p) => p.to2DArray()),
        c.predictProba,
        1e-12,
      );
      expectClose(m.featureImportances_, c.featureImportances, 1e-9, 1e-12);
      expect(m.score(Xw, fx.Yc)).toBeGreaterThan(0.5);
    });
  }

  it('save and load: the same predictions; the 1-d API is unchanged', () => {
    const m = new DecisionTreeClassifier<Label[]>({ maxDepth: 3, randomState: 0 }).fit(Xw, fx.Yc);
    const again = loadModel<DecisionTreeClassifier<Label[]>>(JSON.stringify(m));
    expect(again.predict(Xw)).toEqual(m.predict(Xw));
    const r = new DecisionTreeRegressor<number[]>({ maxDepth: 3, randomState: 0 }).fit(X4, fx.Y);
    expect(loadModel<DecisionTreeRegressor<number[]>>(JSON.stringify(r)).predict(X4)).toEqual(r.predict(X4));
    const one = new DecisionTreeRegressor({ maxDepth: 2 }).fit(X4, fx.Y.map((row) => row[0]));
    expect(typeof one.predict(X4)[0]).toBe('number');
    expect(one.nOutputs_).toBe(1);
    // A 2-d y with one column is the 2-d form: rows come back.
    const col = new DecisionTreeRegressor<number[]>({ maxDepth: 2 }).fit(X4, fx.Y.map((row) => [row[0]]));
    expect(col.predict(X4.slice(0, 1))).toEqual([one.predict(X4.slice(0, 1))]);
  });

  it('bad 2-d targets: ragged rows, a map classWeight, exportText of a multi-output classifier', () => {
    expect(() => new DecisionTreeRegressor<number[]>().fit([[0], [1]], [[1, 2], [3]])).toThrow(/rows of 2 outputs/);
    expect(() => new DecisionTreeClassifier<Label[]>({ classWeight: { a: 2 } }).fit([[0], [1]], [['a', 'x'], ['b', 'y']])).toThrow(/classWeight/);
    const m = new DecisionTreeClassifier<Label[]>().fit([[0], [1]], [['a', 'x'], ['b', 'y']]);
    expect(() => m.exportText()).toThrow(ValidationError);
    expect(m.predict([[0], [1]])).toEqual([['a', 'x'], ['b', 'y']]);
  });
});

describe('decisionPath and exportGraphviz as scikit-learn 1.2.1', () => {
  const m = new DecisionTreeClassifier({ maxDepth: 2, randomState: 0 }).fit(wine.data, wine.target);

  it('the fixture tree is the same (no ties), so the exports can match character for character', () => {
    expectSameTree(treeOf(m), (fx.export as unknown as { tree: TreeFx }).tree, 1e-12);
  });

  it('decisionPath: the CSR indicator of scikit-learn, consistent with apply', () => {
    const p = m.decisionPath(wine.data.slice(0, 10));
    expect(Array.from(p.indptr)).toEqual(fx.export.decisionPath.indptr);
    expect(Array.from(p.indices)).toEqual(fx.export.decisionPath.indices);
    expect(p.shape).toEqual([10, m.nodeCount_]);
    const leaves = m.apply(wine.data.slice(0, 10));
    for (let i = 0; i < 10; i++) expect(p.indices[p.indptr[i + 1] - 1]).toBe(leaves[i]);
  });

  it('exportGraphviz with its options equals export_graphviz', () => {
    const names = wine.data[0].map((_, i) => `f${i}`);
    expect(m.exportGraphviz()).toBe(fx.export.dotDefault);
    expect(m.exportGraphviz({ featureNames: names, classNames: ['a', 'b', 'c'], filled: true, rounded: true, precision: 2 })).toBe(fx.export.dotFilled);
    expect(m.exportGraphviz({ proportion: true, impurity: false, classNames: true, nodeIds: true, label: 'root' })).toBe(fx.export.dotProportion);
    expect(m.exportGraphviz({ maxDepth: 1, filled: true, rotate: true })).toBe(fx.export.dotDepth1);
  });

  it('exportGraphviz of a regressor, a weighted classifier and a multi-output regressor', () => {
    const r = new DecisionTreeRegressor({ maxDepth: 2, randomState: 0 }).fit(diabetes.data, diabetes.target);
    expect(r.exportGraphviz({ filled: true })).toBe(fx.export.dotRegression);
    const w = wine.target.map((_, i) => (i % 2 === 0 ? 1.5 : 1));
    const cw = new DecisionTreeClassifier({ maxDepth: 2, randomState: 0 }).fit(wine.data, wine.target, w);
    expect(cw.exportGraphviz({ filled: true })).toBe(fx.export.dotWeighted);
    const rm = new DecisionTreeRegressor<number[]>({ maxDepth: 2, randomState: 0 }).fit(
      diabetes.data.map((row) => row.slice(4)),
      fx.Y,
    );
    expect(rm.exportGraphviz({ filled: true })).toBe(fx.export.dotMultiOutput);
    const cm = new DecisionTreeClassifier<Label[]>({ maxDepth: 2, randomState: 0 }).fit(
      wine.data.map((r) => [1, 2, 3, 4, 5, 6].map((j) => r[j])),
      fx.Yc,
    );
    expect(cm.exportGraphviz({ filled: true, proportion: true })).toBe(fx.export.dotMultiOutputClassifier);
    expect(cm.exportGraphviz()).toBe(fx.export.dotMultiOutputClassifierCounts);
  });

  it('exportGraphviz and exportMermaid refuse bad options', () => {
    expect(() => m.exportGraphviz({ featureNames: ['a'] })).toThrow(/featureNames/);
    expect(() => m.exportGraphviz({ precision: -1 })).toThrow(/precision/);
    expect(() => m.exportGraphviz({ classNames: ['a'] })).toThrow(/classNames/);
    expect(() => m.exportMermaid({ direction: 'XY' as 'TD' })).toThrow(/direction/);
  });

  it('exportMermaid: a flowchart with one box per node and labelled edges', () => {
    const small = new DecisionTreeClassifier({ maxDepth: 1, randomState: 0 }).fit([[0], [1], [2], [3]], ['a', 'a', 'b', 'b']);
    expect(small.exportMermaid({ featureNames: ['size'] })).toBe(
      [
        'flowchart TD',
        '  n0["size &lt;= 1.5<br/>gini = 0.5<br/>samples = 4<br/>value = [2.0, 2.0]<br/>class = a"]',
        '  n0 -->|True| n1',
        '  n0 -->|False / missing| n2',
        '  n1(["gini = 0.0<br/>samples = 2<br/>value = [2.0, 0.0]<br/>class = a"])',
        '  n2(["gini = 0.0<br/>samples = 2<br/>value = [0.0, 2.0]<br/>class = b"])',
        '',
      ].join('\n'),
    );
    const text = m.exportMermaid();
    expect(text.split('\n').filter((l) => /^ {2}n\d+[[(]/.test(l)).length).toBe(m.nodeCount_);
    expect(text.split('\n').filter((l) => l.includes('-->')).length).toBe(m.nodeCount_ - 1);
  });
});
