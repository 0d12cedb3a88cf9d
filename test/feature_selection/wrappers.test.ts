/**
 * RFE, RFECV, SelectFromModel and SequentialFeatureSelector against scikit-learn 1.2.1
 * (test/fixtures/feature_selection/make_wrappers.py): the same rankings, supports, chosen feature
 * counts, thresholds and cross-validation scores on breast cancer, diabetes, digits and wine.
 */
import { describe, expect, it } from 'vitest';
import type { BaseEstimator } from '../../src/core/base';
import { loadBreastCancer, loadDiabetes, loadDigits, loadWine } from '../../src/datasets/index';
import { LinearRegression, LogisticRegression, Ridge, RidgeClassifier } from '../../src/linear_model/index';
import { StandardScaler } from '../../src/preprocessing/index';
import { RFE, RFECV, SelectFromModel, SequentialFeatureSelector } from '../../src/feature_selection/index';
import type { Label } from '../../src/core/types';
import { expectClose, fixture } from '../helpers';

interface Case {
  data: string;
  estimator: string;
  params: Record<string, unknown>;
  ranking?: number[];
  support: boolean[];
  nFeatures?: number;
  nFeaturesToSelect?: number;
  threshold?: number;
  cvResults?: Record<string, number[]>;
}
interface Fixture {
  digitsColumns: number[];
  rfe: Case[];
  rfecv: Case[];
  sfm: Case[];
  sfs: Case[];
}

const F = fixture<Fixture>('feature_selection/wrappers.json');

const standardize = (X: number[][]) => new StandardScaler().fitTransform(X).to2DArray();

function makeData(): Record<string, { X: number[][]; y: Label[] | number[] }> {
  const bc = loadBreastCancer();
  const diab = loadDiabetes();
  const dig = loadDigits();
  const wine = loadWine();
  const digitsX = dig.data.slice(0, 300).map((row) => F.digitsColumns.map((c) => row[c]));
  return {
    breast_cancer: { X: standardize(bc.data), y: bc.target },
    diabetes: { X: diab.data, y: diab.target },
    digits: { X: standardize(digitsX), y: dig.target.slice(0, 300) },
    wine: { X: standardize(wine.data), y: wine.target },
  };
}
const DATA = makeData();

const ESTIMATORS: Record<string, () => BaseEstimator> = {
  logreg: () => new LogisticRegression({ maxIter: 10000, tol: 1e-10 }),
  'logreg_C0.1': () => new LogisticRegression({ C: 0.1, maxIter: 10000, tol: 1e-10 }),
  linreg: () => new LinearRegression(),
  ridge1: () => new Ridge({ alpha: 1 }),
  ridge10: () => new Ridge({ alpha: 10 }),
  ridgeclf: () => new RidgeClassifier({ alpha: 1 }),
};

/** scikit-learn's parameter names and values, in typelearn's spelling. */
function options(c: Case): Record<string, unknown> {
  const out: Record<string, unknown> = { estimator: ESTIMATORS[c.estimator]() };
  for (const [k, v] of Object.entries(c.params)) {
    const name = k.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
    out[name] = v === '-inf' ? -Infinity : v;
  }
  return out;
}

const label = (c: Case) => `${c.data} / ${c.estimator} / ${JSON.stringify(c.params)}`;

describe('RFE matches scikit-learn (exact ranking and support)', () => {
  for (const c of F.rfe) {
    it(label(c), () => {
      const { X, y } = DATA[c.data];
      const rfe = new RFE(options(c)).fit(X, y);
      expect(rfe.ranking_).toEqual(c.ranking);
      expect(rfe.support_).toEqual(c.support);
      expect(rfe.nFeatures_).toBe(c.nFeatures);
    });
  }
});

describe('RFECV matches scikit-learn (exact nFeatures_, ranking, support; cvResults_ within 1e-6)', () => {
  for (const c of F.rfecv) {
    it(label(c), () => {
      const { X, y } = DATA[c.data];
      const sel = new RFECV(options(c)).fit(X, y);
      expect(sel.nFeatures_).toBe(c.nFeatures);
      expect(sel.ranking_).toEqual(c.ranking);
      expect(sel.support_).toEqual(c.support);
      const got = sel.cvResults_;
      expect(Object.keys(got).sort()).toEqual(Object.keys(c.cvResults!).sort());
      for (const [k, v] of Object.entries(c.cvResults!)) expectClose(got[k], v, 1e-6, 1e-9, k);
    });
  }
});

describe('SelectFromModel matches scikit-learn (exact support, threshold_ within 1e-6)', () => {
  for (const c of F.sfm) {
    it(label(c), () => {
      const { X, y } = DATA[c.data];
      const sel = new SelectFromModel(options(c)).fit(X, y);
      expect(sel.getSupport()).toEqual(c.support);
      if (c.params.threshold === '-inf') expect(sel.threshold_).toBe(-Infinity);
      else expectClose(sel.threshold_, c.threshold, 1e-6);
    });
  }
});

describe('SequentialFeatureSelector matches scikit-learn (exact support)', () => {
  for (const c of F.sfs) {
    it(label(c), () => {
      const { X, y } = DATA[c.data];
      const sel = new SequentialFeatureSelector(options(c)).fit(X, y);
      expect(sel.support_).toEqual(c.support);
      expect(sel.nFeaturesToSelect_).toBe(c.nFeaturesToSelect);
    });
  }
});

describe('SequentialFeatureSelector validates y', () => {
  const X = [[1, 2, 3], [2, 1, 0], [3, 5, 1], [4, 3, 2], [5, 8, 3], [6, 1, 1]];
  it('refuses NaN, Infinity and null in a regression target (was an arbitrary selection)', () => {
    for (const bad of [NaN, Infinity, null]) {
      const y = [1, 2, 3, bad, 5, 6] as number[];
      expect(() => new SequentialFeatureSelector({ estimator: new LinearRegression(), nFeaturesToSelect: 1, cv: 2 }).fit(X, y)).toThrow(/SequentialFeatureSelector: y must be/);
    }
  });
  it('refuses a label that is not a number, string or boolean for a classifier', () => {
    const y = ['a', 'b', 'a', null, 'a', 'b'] as unknown as Label[];
    expect(() => new SequentialFeatureSelector({ estimator: new LogisticRegression(), nFeaturesToSelect: 1, cv: 2 }).fit(X, y)).toThrow(/labels that are numbers, strings or booleans/);
  });
});
