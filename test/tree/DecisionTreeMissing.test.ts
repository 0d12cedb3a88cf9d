import { describe, expect, it } from 'vitest';
import { DecisionTreeClassifier, DecisionTreeRegressor, ValidationError, loadModel } from '../../src/index';
import { RandomState } from '../../src/core/random';
import { expectClose } from '../helpers';

/** The node arrays of a fitted tree (from its saved state). */
function nodes(m: DecisionTreeClassifier | DecisionTreeRegressor): { feature: number[]; threshold: number[]; missingGoToLeft: number[]; nNodeSamples: number[]; impurity: number[]; childrenLeft: number[] } {
  const t = (m.toJSON().state as { tree: Record<string, { values: number[] }> }).tree;
  const get = (k: string): number[] => (t[k].values as unknown[]).map((v) => (typeof v === 'number' ? v : v === null ? NaN : Number((v as { $num: string }).$num)));
  return { feature: get('feature'), threshold: get('threshold'), missingGoToLeft: get('missingGoToLeft'), nNodeSamples: get('nNodeSamples'), impurity: get('impurity'), childrenLeft: get('childrenLeft') };
}

describe('missing values (NaN) learnt per split, as scikit-learn 1.3 (hand-computed cases; scikit-learn 1.2.1 here refuses NaN)', () => {
  it('missing samples whose class is that of the right side go right', () => {
    const m = new DecisionTreeClassifier({ randomState: 0 }).fit([[1], [2], [3], [4], [NaN], [NaN]], [0, 0, 0, 1, 1, 1]);
    const t = nodes(m);
    expect(t.threshold[0]).toBe(3.5);
    expect(t.missingGoToLeft[0]).toBe(0);
    expect(t.nNodeSamples).toEqual([6, 3, 3]);
    expect(m.predict([[NaN], [1], [9]])).toEqual([1, 0, 1]);
  });

  it('the second scan sends them left when that is purer', () => {
    const m = new DecisionTreeClassifier({ randomState: 0 }).fit([[1], [2], [3], [4], [NaN], [NaN]], [1, 0, 0, 0, 1, 1]);
    const t = nodes(m);
    expect(t.threshold[0]).toBe(1.5);
    expect(t.missingGoToLeft[0]).toBe(1);
    expect(t.nNodeSamples).toEqual([6, 3, 3]);
    expect(t.impurity).toEqual([0.5, 0, 0]);
    expect(m.predict([[NaN], [1.2], [3]])).toEqual([1, 1, 0]);
  });

  it('"missing or not" is a split of its own: threshold +Infinity, the missing ones right', () => {
    const m = new DecisionTreeRegressor({ randomState: 0 }).fit([[1], [2], [3], [NaN], [NaN]], [1, 1, 1, 7, 9]);
    const t = nodes(m);
    expect(t.threshold[0]).toBe(Infinity);
    expect(t.missingGoToLeft[0]).toBe(0);
    expect(m.predict([[NaN], [100], [-5]])).toEqual([8, 1, 1]);
    // It saves and loads (the threshold is +Infinity in the file), and predicts the same.
    const again = loadModel<DecisionTreeRegressor>(JSON.stringify(m));
    expect(again.predict([[NaN], [100]])).toEqual([8, 1]);
    expect(m.exportMermaid()).toContain('x[0] is not missing');
    expect(m.exportGraphviz()).toContain('x[0] <= inf');
    expect(m.exportText()).toContain('feature_0 <= inf');
  });

  it('a split whose feature had no missing values sends NaN to the child with more samples (ties right)', () => {
    const left3 = new DecisionTreeClassifier({ maxDepth: 1 }).fit([[1], [2], [3], [4], [5]], [0, 0, 0, 1, 1]);
    expect(nodes(left3).missingGoToLeft[0]).toBe(1);
    expect(left3.predict([[NaN]])).toEqual([0]);
    const right3 = new DecisionTreeClassifier({ maxDepth: 1 }).fit([[1], [2], [3], [4], [5]], [0, 0, 1, 1, 1]);
    expect(nodes(right3).missingGoToLeft[0]).toBe(0);
    expect(right3.predict([[NaN]])).toEqual([1]);
    const tie = new DecisionTreeClassifier({ maxDepth: 1 }).fit([[1], [2], [3], [4]], [0, 0, 1, 1]);
    expect(tie.predict([[NaN]])).toEqual([1]);
  });

  it('minSamplesLeaf counts the missing samples on their side', () => {
    // With minSamplesLeaf 3 only "1, 2, NaN | 3, 4, 5" (missing left) or "1, 2, 3 | 4, 5, NaN" qualify.
    const m = new DecisionTreeRegressor({ minSamplesLeaf: 3, randomState: 0 }).fit([[1], [2], [3], [4], [5], [NaN]], [0, 0, 5, 5, 5, 0]);
    const t = nodes(m);
    expect(t.threshold[0]).toBe(2.5);
    expect(t.missingGoToLeft[0]).toBe(1);
    expect(m.predict([[NaN], [1], [4]])).toEqual([0, 0, 5]);
  });

  it('a feature all missing in a node, or constant apart from its missing values, is not split on (as scikit-learn 1.3)', () => {
    const all = new DecisionTreeRegressor().fit([[NaN, 1], [NaN, 2], [NaN, 3]], [1, 2, 3]);
    expect(nodes(all).feature[0]).toBe(1);
    const constant = new DecisionTreeRegressor().fit([[5], [5], [NaN], [NaN]], [1, 1, 3, 3]);
    expect(constant.getNLeaves()).toBe(1);
  });

  it('several outputs and classifier probabilities work with missing values', () => {
    const X = [[1, NaN], [2, 0], [NaN, 1], [4, NaN], [5, 1], [NaN, 0]];
    const m = new DecisionTreeRegressor<number[]>({ randomState: 0 }).fit(X, [[1, 2], [1, 2], [3, 4], [1, 2], [3, 4], [3, 4]]);
    expect(m.predict(X)).toEqual([[1, 2], [1, 2], [3, 4], [1, 2], [3, 4], [3, 4]]);
    const c = new DecisionTreeClassifier({ randomState: 0 }).fit(X, ['a', 'a', 'b', 'a', 'b', 'b']);
    expect(c.score(X, ['a', 'a', 'b', 'a', 'b', 'b'])).toBe(1);
  });

  it("is refused with 'absolute_error' (as scikit-learn 1.3), at fit and at predict; Infinity is always refused", () => {
    expect(() => new DecisionTreeRegressor({ criterion: 'absolute_error' }).fit([[0], [NaN]], [0, 1])).toThrow(ValidationError);
    const m = new DecisionTreeRegressor({ criterion: 'absolute_error' }).fit([[0], [1]], [0, 1]);
    expect(() => m.predict([[NaN]])).toThrow(ValidationError);
    expect(() => new DecisionTreeRegressor().fit([[0], [Infinity]], [0, 1])).toThrow(ValidationError);
    expect(() => new DecisionTreeClassifier().fit([[0], [1]], [0, 1]).predict([[-Infinity]])).toThrow(ValidationError);
  });

  it('property: where every learnt split sends the missing samples right, the tree is the one grown with NaN replaced by a value above the range', () => {
    let compared = 0;
    for (let seed = 0; seed < 40; seed++) {
      const rng = new RandomState(seed);
      const n = 60;
      const X: number[][] = [];
      const Xbig: number[][] = [];
      const y: number[] = [];
      for (let i = 0; i < n; i++) {
        const a = rng.uniform();
        const b = rng.uniform();
        const missing = rng.uniform() < 0.2;
        X.push([missing ? NaN : a, b]);
        Xbig.push([missing ? 1000 : a, b]);
        y.push((missing ? 3 : 2 * a) + b + 0.1 * rng.uniform());
      }
      const A = new DecisionTreeRegressor({ maxDepth: 4, minSamplesLeaf: 4, randomState: seed }).fit(X, y);
      const B = new DecisionTreeRegressor({ maxDepth: 4, minSamplesLeaf: 4, randomState: seed }).fit(Xbig, y);
      const ta = nodes(A);
      // Nodes whose training samples include a missing value of their feature.
      const path = A.decisionPath(X);
      const withMissing = new Set<number>();
      for (let i = 0; i < n; i++) {
        for (let p = path.indptr[i]; p < path.indptr[i + 1]; p++) {
          const node = path.indices[p];
          if (ta.childrenLeft[node] !== -1 && Number.isNaN(X[i][ta.feature[node]])) withMissing.add(node);
        }
      }
      if ([...withMissing].some((node) => ta.missingGoToLeft[node] === 1)) continue;
      compared++;
      const tb = nodes(B);
      expect(ta.nNodeSamples).toEqual(tb.nNodeSamples);
      expect(ta.feature).toEqual(tb.feature);
      for (let k = 0; k < ta.threshold.length; k++) {
        if (ta.threshold[k] === Infinity) expect(tb.threshold[k]).toBeGreaterThan(1);
        else expect(ta.threshold[k]).toBe(tb.threshold[k]);
      }
      expect(A.apply(X)).toEqual(B.apply(Xbig));
      // The leaf means agree to rounding (their sums run over the samples in another order).
      expectClose(A.predict(X), B.predict(Xbig), 1e-12);
    }
    expect(compared).toBeGreaterThan(10);
  });
});
