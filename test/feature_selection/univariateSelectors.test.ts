/** Selectors in pipelines and searches, save/load with score functions, and input errors. */
import { describe, expect, it } from 'vitest';
import {
  CorrelationThreshold,
  GenericUnivariateSelect,
  GridSearchCV,
  LogisticRegression,
  Pipeline,
  SelectFdr,
  SelectKBest,
  SelectPercentile,
  StandardScaler,
  ValidationError,
  VarianceThreshold,
  chi2,
  fClassif,
  fRegression,
  loadBreastCancer,
  loadModel,
  mutualInfoClassif,
  rRegression,
  registerFunction,
} from '../../src/index';

const { data, target } = loadBreastCancer();

describe('selectors in a Pipeline and GridSearchCV', () => {
  it('Pipeline: the selector keeps k columns and its support is the scores-based one', () => {
    const pipe = new Pipeline([
      ['scale', new StandardScaler()],
      ['select', new SelectKBest({ k: 5 })],
      ['clf', new LogisticRegression()],
    ]).fit(data, target);
    const sel = pipe.namedSteps.select as SelectKBest;
    expect(sel.getSupport(true)).toEqual(new SelectKBest({ k: 5 }).fit(data, target).getSupport(true));
    expect(pipe.score(data, target)).toBeGreaterThan(0.9);
  });
  it('GridSearchCV searches select__k and refits with the best k', () => {
    const pipe = new Pipeline([
      ['scale', new StandardScaler()],
      ['select', new SelectKBest()],
      ['clf', new LogisticRegression()],
    ]);
    const gs = new GridSearchCV(pipe, { select__k: [1, 3, 10, 'all'] }, { cv: 3 }).fit(data, target);
    expect([1, 3, 10, 'all']).toContain(gs.bestParams_.select__k);
    expect(gs.bestParams_.select__k).not.toBe(1);
  });
  it('GenericUnivariateSelect lets a search tune the rule itself', () => {
    const pipe = new Pipeline([
      ['select', new GenericUnivariateSelect()],
      ['clf', new LogisticRegression({ maxIter: 500 })],
    ]);
    const gs = new GridSearchCV(pipe, [{ select__mode: ['k_best'], select__param: [2, 8] }, { select__mode: ['fdr'], select__param: [1e-10, 0.05] }], { cv: 3 });
    gs.fit(new StandardScaler().fitTransform(data).to2DArray(), target);
    expect(['k_best', 'fdr']).toContain(gs.bestParams_.select__mode);
  });
});

describe('save and load', () => {
  it('selectors with built-in score functions round-trip and transform identically', () => {
    for (const sel of [
      new SelectKBest({ scoreFunc: chi2, k: 4 }),
      new SelectPercentile({ scoreFunc: mutualInfoClassif, percentile: 20 }),
      new SelectFdr({ scoreFunc: fClassif, alpha: 0.01 }),
      new VarianceThreshold({ threshold: 1 }),
      new CorrelationThreshold({ method: 'spearman', threshold: 0.8 }),
    ]) {
      sel.fit(data, target);
      const json = JSON.stringify(sel);
      const again = loadModel(json) as typeof sel;
      expect(again.getSupport()).toEqual(sel.getSupport());
      expect(again.transform(data).to2DArray()).toEqual(sel.transform(data).to2DArray());
    }
    expect(JSON.stringify(new SelectKBest({ scoreFunc: chi2 }))).toContain('{"$fn":"chi2"}');
  });
  it('a user score function saves once registered; it may return the scores alone', () => {
    const firstColumnFirst = (X: unknown) => Array.from({ length: (X as { columns: number }).columns }, (_, j) => -j);
    const sel = new SelectKBest({ scoreFunc: firstColumnFirst, k: 2 }).fit(data, target);
    expect(sel.getSupport(true)).toEqual([0, 1]);
    expect(sel.pvalues_).toBeNull();
    expect(() => JSON.stringify(sel)).toThrow();
    registerFunction('test.firstColumnFirst', firstColumnFirst);
    expect((loadModel(JSON.stringify(sel)) as SelectKBest).getSupport(true)).toEqual([0, 1]);
  });
});

describe('input and option errors', () => {
  it('k greater than the number of features throws (as scikit-learn 1.2), naming k', () => {
    expect(() => new SelectKBest({ k: 31 }).fit(data, target)).toThrow(ValidationError);
    expect(() => new SelectKBest({ k: 31 }).fit(data, target)).toThrow(/'k'/);
    expect(new SelectKBest({ k: 'all' }).fit(data, target).getSupport().every(Boolean)).toBe(true);
    expect(new SelectKBest({ k: 0 }).fit(data, target).getSupport().some(Boolean)).toBe(false);
  });
  it('p-value selectors need a score function with p-values', () => {
    expect(() => new SelectFdr({ scoreFunc: rRegression }).fit(data, target)).toThrow(/p-values/);
  });
  it('supervised selectors need y of the right length', () => {
    expect(() => new SelectKBest({ k: 2 }).fit(data)).toThrow(ValidationError);
    expect(() => new SelectKBest({ k: 2 }).fit(data, target.slice(1))).toThrow(/same number of samples/);
  });
  it('chi2 rejects negative values; fRegression rejects string targets', () => {
    expect(() => chi2([[1, -1], [2, 3]], [0, 1])).toThrow(/non-negative/);
    expect(() => fRegression([[1], [2], [3]], ['a', 'b', 'c'])).toThrow(ValidationError);
  });
  it('invalid options throw at construction', () => {
    expect(() => new SelectPercentile({ percentile: 101 })).toThrow(ValidationError);
    expect(() => new CorrelationThreshold({ method: 'kendal' as 'kendall' })).toThrow(ValidationError);
    expect(() => new GenericUnivariateSelect({ mode: 'k_best', param: 1.5 }).fit(data, target)).toThrow(/integer/);
    expect(() => mutualInfoClassif(data, target, { discreteFeatures: [40] })).toThrow(/discreteFeatures/);
  });
  it('inverseTransform puts zeros in the dropped columns', () => {
    const sel = new SelectKBest({ k: 2 }).fit(data, target);
    const back = sel.inverseTransform(sel.transform(data.slice(0, 2))).to2DArray();
    const kept = sel.getSupport(true);
    back[0].forEach((v, j) => expect(v).toBe(kept.includes(j) ? data[0][j] : 0));
  });
});
