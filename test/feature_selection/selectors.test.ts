/**
 * Behaviour of the model-based and wrapper selectors beyond the scikit-learn fixtures: importance
 * getters, delegation, clone safety, prefit, L1 defaults, option errors, pipelines and searches.
 */
import { describe, expect, it } from 'vitest';
import { BaseRegressor } from '../../src/core/base';
import { NotFittedError, ValidationError } from '../../src/core/errors';
import { registerEstimator } from '../../src/core/serialization';
import type { MatrixLike } from '../../src/core/types';
import { checkXy } from '../../src/core/validation';
import { loadBreastCancer, loadDiabetes, loadWine } from '../../src/datasets/index';
import { LinearRegression, LogisticRegression, Ridge } from '../../src/linear_model/index';
import { GridSearchCV } from '../../src/model_selection/index';
import { Pipeline } from '../../src/pipeline/index';
import { StandardScaler } from '../../src/preprocessing/index';
import { RFE, RFECV, SelectFromModel, SequentialFeatureSelector } from '../../src/feature_selection/index';
import { featureImportances } from '../../src/feature_selection/_importance';
import { loadModel } from '../../src/core/serialization';
import { expectClose, fixture } from '../helpers';

const diabetes = loadDiabetes();
const wine = loadWine();
const wineX = new StandardScaler().fitTransform(wine.data).to2DArray();
const tightLogreg = () => new LogisticRegression({ maxIter: 10000, tol: 1e-10 });

/** A least-squares model with a `penalty` option, standing in for an L1-penalised estimator. */
class PenalisedLS extends BaseRegressor<{ penalty: 'l1' | 'l2' }, { nFeaturesIn: number; coef: number[] }> {
  static override readonly className: string = 'PenalisedLSForTest';
  static override readonly defaults = { penalty: 'l2' as 'l1' | 'l2' };
  fit(X: MatrixLike, y: ArrayLike<number>): this {
    const ols = new LinearRegression({ fitIntercept: false }).fit(X, y);
    const [Xm] = checkXy(X, y);
    this.state = { nFeaturesIn: Xm.columns, coef: ols.coef_ };
    return this;
  }
  predict(X: MatrixLike): number[] {
    return new LinearRegression().fit([[0], [1]], [0, 1]).predict(X).map(() => 0);
  }
  get coef_(): number[] {
    return this.fitted('coef_').coef.slice();
  }
}
class TinyLassoLike extends PenalisedLS {
  static override readonly className = 'TinyLassoLikeForTest';
}
registerEstimator(PenalisedLS);

describe('featureImportances (shared by RFE, RFECV, SelectFromModel)', () => {
  const coef2d = [[1, -2, 0.5], [-3, 0, 0.5]];
  const fake = { coef_: coef2d };
  it('reduces a 2-d coef_ by the column norm of the given order, or by summed squares (within 1e-15)', () => {
    expectClose(Array.from(featureImportances(fake, 'auto', { kind: 'norm', order: 1 }, 3, 't')), [4, 2, 1], 1e-15);
    expectClose(Array.from(featureImportances(fake, 'auto', { kind: 'norm', order: 2 }, 3, 't')), [Math.sqrt(10), 2, Math.sqrt(0.5)], 1e-15);
    expectClose(Array.from(featureImportances(fake, 'auto', { kind: 'norm', order: Infinity }, 3, 't')), [3, 2, 0.5], 1e-15);
    expectClose(Array.from(featureImportances(fake, 'auto', { kind: 'norm', order: -Infinity }, 3, 't')), [1, 0, 0.5], 1e-15);
    expectClose(Array.from(featureImportances(fake, 'auto', { kind: 'square' }, 3, 't')), [10, 4, 0.5], 1e-15);
    expectClose(Array.from(featureImportances({ coef_: [1, -2, 0.5] }, 'auto', { kind: 'norm', order: 2 }, 3, 't')), [1, 2, 0.5], 1e-15);
  });
  it("reads featureImportances_ when there is no coef_, a dotted path, or a function's result", () => {
    expect(Array.from(featureImportances({ featureImportances_: [0.2, 0.8] }, 'auto', { kind: 'norm', order: 1 }, 2, 't'))).toEqual([0.2, 0.8]);
    expect(Array.from(featureImportances({ a: { b: { w: [3, -4] } } }, 'a.b.w', { kind: 'norm', order: 1 }, 2, 't'))).toEqual([3, 4]);
    expect(Array.from(featureImportances({}, () => [1, 2], { kind: 'square' }, 2, 't'))).toEqual([1, 4]);
  });
  it('throws a ValidationError naming importanceGetter for missing attributes and wrong shapes', () => {
    expect(() => featureImportances({}, 'auto', { kind: 'square' }, 2, 'RFE')).toThrow(/coef_ or featureImportances_/);
    expect(() => featureImportances({ a: {} }, 'a.w', { kind: 'square' }, 2, 'RFE')).toThrow(ValidationError);
    expect(() => featureImportances({ coef_: [1, 2, 3] }, 'auto', { kind: 'square' }, 2, 'RFE')).toThrow(/importanceGetter/);
  });
});

describe('RFE', () => {
  it('fits clones only: the estimator option stays unfitted; estimator_ is fitted on the selected columns', () => {
    const est = new LinearRegression();
    const rfe = new RFE({ estimator: est, nFeaturesToSelect: 3 }).fit(diabetes.data, diabetes.target);
    expect(est.isFitted()).toBe(false);
    expect(rfe.estimator_).not.toBe(est);
    expect(rfe.estimator_.nFeaturesIn_).toBe(3);
  });

  it('predict, score and predictProba equal estimator_ on the transformed X (exactly)', () => {
    const rfe = new RFE({ estimator: tightLogreg(), nFeaturesToSelect: 4 }).fit(wineX, wine.target);
    const inner = rfe.estimator_ as LogisticRegression;
    const Xt = rfe.transform(wineX);
    expect(rfe.predict(wineX)).toEqual(inner.predict(Xt));
    expect(rfe.predictProba(wineX).to2DArray()).toEqual(inner.predictProba(Xt).to2DArray());
    expect(rfe.decisionFunction(wineX)).toEqual(inner.decisionFunction(Xt));
    expect(rfe.score(wineX, wine.target)).toBe(inner.score(Xt, wine.target));
    expect(rfe.classes_).toEqual([0, 1, 2]);
  });

  it('says a method is unsupported when the estimator lacks it', () => {
    const rfe = new RFE({ estimator: new LinearRegression() }).fit(diabetes.data, diabetes.target);
    expect(() => rfe.predictProba(diabetes.data)).toThrow(/RFE has no predictProba: its estimator \(LinearRegression\)/);
    expect(() => rfe.classes_).toThrow(ValidationError);
  });

  it('reads importances through a pipeline with a dotted importanceGetter, as with the bare model', () => {
    const pipe = new Pipeline([['scale', new StandardScaler()], ['clf', tightLogreg()]]);
    const viaPipe = new RFE({ estimator: pipe, nFeaturesToSelect: 4, importanceGetter: 'namedSteps.clf.coef_' }).fit(wineX, wine.target);
    const bare = new RFE({ estimator: tightLogreg(), nFeaturesToSelect: 4 }).fit(wineX, wine.target);
    expect(viaPipe.ranking_).toEqual(bare.ranking_);
    const byFunction = new RFE({ estimator: tightLogreg(), nFeaturesToSelect: 4, importanceGetter: (e) => (e as LogisticRegression).coef_ }).fit(wineX, wine.target);
    expect(byFunction.ranking_).toEqual(bare.ranking_);
    expect(() => new RFE({ estimator: pipe, importanceGetter: 'auto' }).fit(wineX, wine.target)).toThrow(/coef_ or featureImportances_/);
  });

  it('keeps every feature when nFeaturesToSelect is at least their number; step larger than needed stops at the target', () => {
    const all = new RFE({ estimator: new LinearRegression(), nFeaturesToSelect: 20 }).fit(diabetes.data, diabetes.target);
    expect(all.support_.every(Boolean)).toBe(true);
    expect(all.ranking_.every((r) => r === 1)).toBe(true);
    const big = new RFE({ estimator: new LinearRegression(), nFeaturesToSelect: 3, step: 100 }).fit(diabetes.data, diabetes.target);
    expect(big.nFeatures_).toBe(3);
    expect(Math.max(...big.ranking_)).toBe(2);
  });

  it('rejects bad options and too few features with ValidationErrors naming them', () => {
    expect(() => new RFE({ estimator: new LinearRegression(), step: 0 })).toThrow(/'step'/);
    expect(() => new RFE({ estimator: new LinearRegression(), nFeaturesToSelect: 1.5 })).toThrow(/'nFeaturesToSelect'/);
    expect(() => new RFE({ estimator: new LinearRegression(), importanceGetter: 'a..b' })).toThrow(/'importanceGetter'/);
    expect(() => new RFE()).toThrow(/'estimator'/);
    expect(() => new RFE({ estimator: new LinearRegression() }).fit([[1], [2], [3]], [1, 2, 3])).toThrow(/at least 2 features/);
  });

  it('is saved and loaded with its fitted estimator_ (identical predictions)', () => {
    const rfe = new RFE({ estimator: new Ridge({ alpha: 2 }), nFeaturesToSelect: 4 }).fit(diabetes.data, diabetes.target);
    const again = loadModel<RFE>(JSON.stringify(rfe));
    expect(again.predict(diabetes.data)).toEqual(rfe.predict(diabetes.data));
    expect(again.ranking_).toEqual(rfe.ranking_);
  });

  it('names the surviving columns inside a pipeline (a preprocessing pipeline nested in the model pipeline)', () => {
    const prep = new Pipeline([['scale', new StandardScaler()], ['rfe', new RFE({ estimator: new LinearRegression(), nFeaturesToSelect: 3 })]]);
    const pipe = new Pipeline([['prep', prep], ['ols', new LinearRegression()]]).fit(diabetes.data, diabetes.target);
    const fittedPrep = pipe.namedSteps.prep as Pipeline;
    const rfe = fittedPrep.namedSteps.rfe as RFE;
    expect(rfe.nFeatures_).toBe(3);
    const names = diabetes.featureNames.filter((_, j) => rfe.support_[j]);
    expect(fittedPrep.getFeatureNamesOut(diabetes.featureNames)).toEqual(names);
    expect(names.length).toBe(3);
  });
});

describe('GridSearchCV over a Pipeline with RFE (rfe__nFeaturesToSelect, rfe__step) matches scikit-learn (mean scores within 1e-9)', () => {
  const F = fixture<{ search: Array<{ name: string; meanTestScore: number[]; params: Record<string, number>[]; bestParams: Record<string, number>; support: boolean[] }> }>('feature_selection/wrappers.json');
  const bc = loadBreastCancer();
  for (const s of F.search) {
    it(s.name, () => {
      const steps: Array<[string, StandardScaler | RFE | LogisticRegression]> = [['scale', new StandardScaler()], ['rfe', new RFE({ estimator: tightLogreg() })]];
      if (s.name === 'rfe_middle') steps.push(['clf', new LogisticRegression({ C: 0.5, maxIter: 10000, tol: 1e-10 })]);
      const gs = new GridSearchCV(new Pipeline(steps), { rfe__nFeaturesToSelect: [2, 5, 10], rfe__step: [1, 0.2] }, { cv: 5 }).fit(bc.data, bc.target);
      const camel = (p: Record<string, number>) => ({ rfe__nFeaturesToSelect: p.rfe__n_features_to_select, rfe__step: p.rfe__step });
      expect(gs.cvResults_.params).toEqual(s.params.map(camel));
      expectClose(gs.cvResults_.mean_test_score, s.meanTestScore, 1e-9);
      expect(gs.bestParams_).toEqual(camel(s.bestParams));
      expect(((gs.bestEstimator_ as Pipeline).namedSteps.rfe as RFE).support_).toEqual(s.support);
    });
  }
});

describe('RFECV', () => {
  it('with minFeaturesToSelect above the feature count scores only all features', () => {
    const sel = new RFECV({ estimator: new LinearRegression(), minFeaturesToSelect: 12, cv: 3 }).fit(diabetes.data, diabetes.target);
    expect(sel.nFeatures_).toBe(10);
    expect(sel.cvResults_.mean_test_score.length).toBe(1);
  });
  it('accepts a list of splits and a scorer function; fits clones only', () => {
    const est = new LinearRegression();
    const n = diabetes.data.length;
    const idx = Array.from({ length: n }, (_, i) => i);
    const splits = [{ train: idx.filter((i) => i % 2), test: idx.filter((i) => i % 2 === 0) }, { train: idx.filter((i) => i % 2 === 0), test: idx.filter((i) => i % 2) }];
    const sel = new RFECV({ estimator: est, cv: splits, step: 4, scoring: (e, X, y) => (e as unknown as LinearRegression).score(X as number[][], y as number[]) }).fit(diabetes.data, diabetes.target);
    expect(Object.keys(sel.cvResults_)).toEqual(['mean_test_score', 'std_test_score', 'split0_test_score', 'split1_test_score']);
    // 10 features, step 4: rounds at 10, 6, 2, then the last count 1.
    expect(sel.cvResults_.mean_test_score.length).toBe(4);
    expect(est.isFitted()).toBe(false);
  });
});

describe('SelectFromModel', () => {
  it("defaults the threshold to 1e-5 for an estimator with penalty 'l1' or a Lasso-like name, 'mean' otherwise", () => {
    const l1 = new SelectFromModel({ estimator: new PenalisedLS({ penalty: 'l1' }) }).fit(diabetes.data, diabetes.target);
    expect(l1.threshold_).toBe(1e-5);
    const lasso = new SelectFromModel({ estimator: new TinyLassoLike() }).fit(diabetes.data, diabetes.target);
    expect(lasso.threshold_).toBe(1e-5);
    const l2 = new SelectFromModel({ estimator: new PenalisedLS({ penalty: 'l2' }) }).fit(diabetes.data, diabetes.target);
    const coef = (l2.estimator_ as PenalisedLS).coef_.map(Math.abs);
    expectClose(l2.threshold_, coef.reduce((a, b) => a + b) / coef.length, 1e-12);
    expect(l2.getSupport()).toEqual(coef.map((c) => c >= l2.threshold_));
  });

  it('with prefit uses a copy of the fitted estimator without refitting; a clone cannot fit (as scikit-learn)', () => {
    const est = new LinearRegression().fit(diabetes.data.slice(0, 100), diabetes.target.slice(0, 100));
    const coef = est.coef_;
    const sel = new SelectFromModel({ estimator: est, prefit: true }).fit(diabetes.data, diabetes.target);
    expect((sel.estimator_ as LinearRegression).coef_).toEqual(coef);
    expect(sel.estimator_).not.toBe(est);
    est.fit(diabetes.data, diabetes.target);
    expect((sel.estimator_ as LinearRegression).coef_).toEqual(coef);
    expect(() => sel.clone().fit(diabetes.data, diabetes.target)).toThrow(NotFittedError);
    expect(() => new SelectFromModel({ estimator: new LinearRegression(), prefit: true }).fit(diabetes.data, diabetes.target)).toThrow(/prefit/);
  });

  it('maxFeatures may be a function of X; out-of-range values are ValidationErrors', () => {
    const sel = new SelectFromModel({ estimator: new LinearRegression(), threshold: -Infinity, maxFeatures: (X) => (X as number[][])[0].length - 7 }).fit(diabetes.data, diabetes.target);
    expect(sel.maxFeatures_).toBe(3);
    expect(sel.getSupport(true).length).toBe(3);
    expect(() => new SelectFromModel({ estimator: new LinearRegression(), maxFeatures: 11 }).fit(diabetes.data, diabetes.target)).toThrow(/'maxFeatures'/);
  });

  it('rejects malformed thresholds and norm orders', () => {
    for (const threshold of ['max', '2*max', '*mean', 'x*median', '']) {
      expect(() => new SelectFromModel({ estimator: new LinearRegression(), threshold })).toThrow(/'threshold'/);
    }
    expect(new SelectFromModel({ estimator: new LinearRegression(), threshold: ' 1e-1 * median ' }).getParams(false).threshold).toBe(' 1e-1 * median ');
    expect(() => new SelectFromModel({ estimator: new LinearRegression(), normOrder: 0 })).toThrow(/'normOrder'/);
    expect(() => new SelectFromModel({ estimator: new LinearRegression(), normOrder: 1.5 })).toThrow(/'normOrder'/);
  });
});

describe('SequentialFeatureSelector', () => {
  it('rejects an integer nFeaturesToSelect that is not below the feature count', () => {
    expect(() => new SequentialFeatureSelector({ estimator: new LinearRegression(), nFeaturesToSelect: 10 }).fit(diabetes.data, diabetes.target)).toThrow(/'nFeaturesToSelect'/);
  });
  it('leaves the estimator unfitted and selects on a GridSearchCV-able option', () => {
    const est = new LinearRegression();
    const pipe = new Pipeline([['sfs', new SequentialFeatureSelector({ estimator: est, cv: 3 })], ['ols', new LinearRegression()]]);
    const gs = new GridSearchCV(pipe, { sfs__nFeaturesToSelect: [1, 3] }, { cv: 3 }).fit(diabetes.data, diabetes.target);
    expect(gs.cvResults_.mean_test_score.length).toBe(2);
    expect(est.isFitted()).toBe(false);
  });
});
