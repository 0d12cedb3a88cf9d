/**
 * GradientBoostingClassifier / GradientBoostingRegressor and AdaBoostClassifier / AdaBoostRegressor
 * against scikit-learn 1.2.1 (fixtures: test/fixtures/ensemble/make_boosting.py).
 *
 * Tolerance: 1e-6 absolute on predictions, decision values and probabilities wherever
 * scikit-learn's own result does not depend on its random_state (no ties between equally good
 * splits; make_boosting.py says where). Where it does (absolute_error, huber and quantile after a
 * few stages, importances of iris), the stages before the first tie are compared, and the final
 * loss within 2%.
 */
import { describe, expect, it } from 'vitest';
import {
  AdaBoostClassifier,
  AdaBoostRegressor,
  DecisionTreeClassifier,
  GradientBoostingClassifier,
  GradientBoostingRegressor,
  LinearRegression,
  LogisticRegression,
  MLPClassifier,
  RidgeClassifier,
  ValidationError,
  loadBreastCancer,
  loadDiabetes,
  loadDigits,
  loadIris,
  loadModel,
  loadWine,
  type Label,
} from '../../src/index';
import type { Matrix } from 'ml-matrix';
import { expectClose, fixture } from '../helpers';

interface RegEntry { untiedStages: number; stagedPredict: number[]; trainScore: number[]; predict: number[]; featureImportances: number[] }
interface ClfEntry { options: { max_depth?: number; min_samples_leaf?: number }; decision: number[] | number[][]; trainDecision: number[] | number[][]; staged12: number[] | number[][]; proba: number[][]; predict: number[]; trainScore: number[]; featureImportances: number[] }
interface AdaEntry { decision: number[] | number[][]; proba: number[][]; predict: number[]; estimatorWeights: number[]; estimatorErrors: number[]; featureImportances: number[]; nEstimators: number }
interface Fx {
  diabetes: Record<'squared_error' | 'absolute_error' | 'huber' | 'quantile', RegEntry> & Record<'weighted' | 'weightedAbsolute', { predict: number[]; trainScore: number[] }> & Record<'options' | 'zeroInit' | 'maxLeafNodes' | 'ccpAlpha', { predict: number[] }>;
  classification: Record<'breastCancer' | 'iris', Record<string, ClfEntry | AdaEntry>>;
  weightedClassification: { gb: { decision: number[]; trainScore: number[] }; adaSAMME: { decision: number[]; estimatorWeights: number[] }; adaSAMMER: { decision: number[]; estimatorWeights: number[] } };
  scores: Record<'iris' | 'wine' | 'breastCancer' | 'digits', { gb: number; adaSAMME: number; adaSAMMER: number }> & { diabetes: { gb: number; ada: number[] } };
}
const fx = fixture<Fx>('ensemble/boosting.json');
const TOL = 1e-6;

const dense = (v: number[] | Matrix): number[] | number[][] => (Array.isArray(v) ? v : v.to2DArray());
/** Every 4th sample held out, as make_boosting.py splits. */
function quarters(load: () => { data: number[][]; target: Label[] | number[] }) {
  const { data, target } = load();
  const keep = (test: boolean) => (_: unknown, i: number) => (i % 4 === 0) === test;
  return { Xtr: data.filter(keep(false)), ytr: (target as Label[]).filter(keep(false)), Xte: data.filter(keep(true)), yte: (target as Label[]).filter(keep(true)) };
}
const diabetes = loadDiabetes();

describe('GradientBoostingRegressor matches scikit-learn 1.2.1', () => {
  it('squared_error: predictions, train scores and importances of 30 stages', () => {
    const e = fx.diabetes.squared_error;
    const m = new GradientBoostingRegressor({ nEstimators: 30, randomState: 0 }).fit(diabetes.data, diabetes.target);
    expectClose(m.predict(diabetes.data), e.predict, 0, TOL);
    expectClose(m.trainScore_, e.trainScore, 1e-9);
    // Small deep nodes where two features order the samples alike tie: scikit-learn's own
    // importances move by up to 1.2e-3 with its random_state (the predictions do not).
    expectClose(m.featureImportances_, e.featureImportances, 0, 2e-3);
    expect(m.nEstimators_).toBe(30);
  });

  for (const loss of ['absolute_error', 'huber', 'quantile'] as const) {
    it(`${loss}: the stages before the first tie exactly, the final loss within 2%`, () => {
      const e = fx.diabetes[loss];
      const m = new GradientBoostingRegressor({ loss, nEstimators: 30, randomState: 0 }).fit(diabetes.data, diabetes.target);
      const staged = [...m.stagedPredict(diabetes.data)];
      expect(staged).toHaveLength(30);
      expectClose(staged[e.untiedStages - 1], e.stagedPredict, 0, TOL);
      expectClose(m.trainScore_.slice(0, e.untiedStages), e.trainScore.slice(0, e.untiedStages), 1e-9);
      expectClose(m.trainScore_[29], e.trainScore[29], 0.02);
    });
  }

  it('sample weights, other options and the zero init', () => {
    const w = diabetes.target.map((_, i) => 0.5 + (i % 3));
    const weighted = new GradientBoostingRegressor({ nEstimators: 20, randomState: 0 }).fit(diabetes.data, diabetes.target, w);
    expectClose(weighted.predict(diabetes.data), fx.diabetes.weighted.predict, 0, TOL);
    expectClose(weighted.trainScore_, fx.diabetes.weighted.trainScore, 1e-9);
    const lad = new GradientBoostingRegressor({ loss: 'absolute_error', nEstimators: 5, randomState: 0 }).fit(diabetes.data, diabetes.target, w);
    expectClose(lad.predict(diabetes.data), fx.diabetes.weightedAbsolute.predict, 0, TOL);
    const opts = new GradientBoostingRegressor({ nEstimators: 20, maxDepth: 2, minSamplesLeaf: 5, learningRate: 0.3, criterion: 'squared_error', randomState: 0 }).fit(diabetes.data, diabetes.target);
    expectClose(opts.predict(diabetes.data), fx.diabetes.options.predict, 0, TOL);
    const zero = new GradientBoostingRegressor({ nEstimators: 20, init: 'zero', randomState: 0 }).fit(diabetes.data, diabetes.target);
    expectClose(zero.predict(diabetes.data), fx.diabetes.zeroInit.predict, 0, TOL);
    expect(zero.init_).toBe('zero');
  });

  it('best-first trees (maxLeafNodes) and pruned trees (ccpAlpha)', () => {
    const best = new GradientBoostingRegressor({ nEstimators: 20, maxLeafNodes: 6, randomState: 0 }).fit(diabetes.data, diabetes.target);
    expectClose(best.predict(diabetes.data), fx.diabetes.maxLeafNodes.predict, 0, TOL);
    const pruned = new GradientBoostingRegressor({ nEstimators: 20, ccpAlpha: 30, randomState: 0 }).fit(diabetes.data, diabetes.target);
    expectClose(pruned.predict(diabetes.data), fx.diabetes.ccpAlpha.predict, 0, TOL);
  });
});

describe('GradientBoostingClassifier matches scikit-learn 1.2.1', () => {
  for (const [name, load, losses] of [
    ['breastCancer', loadBreastCancer, ['log_loss', 'exponential']],
    ['iris', loadIris, ['log_loss']],
  ] as const) {
    for (const loss of losses) {
      it(`${name}, ${loss}`, () => {
        const e = fx.classification[name][loss] as ClfEntry;
        const { Xtr, ytr, Xte } = quarters(load);
        const m = new GradientBoostingClassifier({ loss, nEstimators: 30, randomState: 0, maxDepth: e.options.max_depth ?? 3, minSamplesLeaf: e.options.min_samples_leaf ?? 1 }).fit(Xtr, ytr);
        expectClose(dense(m.decisionFunction(Xtr)), e.trainDecision, 0, TOL);
        // scikit-learn's staged decision values keep a column for two classes.
        const staged = e.staged12 as number[][];
        expectClose(dense([...m.stagedDecisionFunction(Xte)][11]), staged[0].length === 1 ? staged.flat() : staged, 0, TOL);
        expectClose(m.trainScore_, e.trainScore, 1e-9);
        if (name === 'breastCancer') {
          // No ties at all here: the whole model is scikit-learn's.
          expectClose(dense(m.decisionFunction(Xte)), e.decision, 0, TOL);
          expectClose(m.predictProba(Xte).to2DArray(), e.proba, 0, TOL);
          expect(m.predict(Xte)).toEqual(e.predict);
          // Two features split the training samples identically in one tree (a tie): importances within 1e-3.
          expectClose(m.featureImportances_, e.featureImportances, 0, loss === 'log_loss' ? 1e-9 : 1e-3);
        }
      });
    }
  }
});

describe('AdaBoostClassifier matches scikit-learn 1.2.1', () => {
  for (const [name, load] of [['breastCancer', loadBreastCancer], ['iris', loadIris]] as const) {
    for (const algorithm of ['SAMME', 'SAMME.R'] as const) {
      it(`${name}, ${algorithm}`, () => {
        const e = fx.classification[name][`ada${algorithm.replace('.', '')}`] as AdaEntry;
        const { Xtr, ytr, Xte } = quarters(load);
        const m = new AdaBoostClassifier({ algorithm, nEstimators: 30, randomState: 0 }).fit(Xtr, ytr);
        expect(m.estimators_).toHaveLength(e.nEstimators);
        expectClose(dense(m.decisionFunction(Xte)), e.decision, 0, TOL);
        expectClose(m.predictProba(Xte).to2DArray(), e.proba, 0, TOL);
        expect(m.predict(Xte)).toEqual(e.predict);
        expectClose(m.estimatorWeights_, e.estimatorWeights, 1e-9, 1e-12);
        expectClose(m.estimatorErrors_, e.estimatorErrors, 1e-9, 1e-12);
        // Iris's petal features split the same samples (ties), so only breast cancer's importances are compared.
        if (name === 'breastCancer') expectClose(m.featureImportances_, e.featureImportances, 1e-9, 1e-12);
        const staged = [...m.stagedDecisionFunction(Xte)];
        expectClose(dense(staged[staged.length - 1]), e.decision, 0, TOL);
        const yte = quarters(load).yte;
        expect([...m.stagedScore(Xte, yte)].pop()).toBe(m.score(Xte, yte));
        expectClose(m.predictLogProba(Xte).to2DArray(), e.proba.map((row) => row.map(Math.log)), 1e-6, 1e-9);
      });
    }
  }
});

describe('sample weights in classification match scikit-learn 1.2.1', () => {
  const { Xtr, ytr, Xte } = quarters(loadBreastCancer);
  const w = loadBreastCancer().target.map((_, i) => 0.5 + (i % 3)).filter((_, i) => i % 4 !== 0);
  const e = fx.weightedClassification;
  it('GradientBoostingClassifier', () => {
    const m = new GradientBoostingClassifier({ nEstimators: 30, maxDepth: 2, minSamplesLeaf: 5, randomState: 0 }).fit(Xtr, ytr, w);
    expectClose(dense(m.decisionFunction(Xte)), e.gb.decision, 0, TOL);
    expectClose(m.trainScore_, e.gb.trainScore, 1e-9);
  });
  for (const algorithm of ['SAMME', 'SAMME.R'] as const) {
    it(`AdaBoostClassifier, ${algorithm}`, () => {
      const m = new AdaBoostClassifier({ algorithm, nEstimators: 30, randomState: 0 }).fit(Xtr, ytr, w);
      const ref = algorithm === 'SAMME' ? e.adaSAMME : e.adaSAMMER;
      expectClose(dense(m.decisionFunction(Xte)), ref.decision, 0, TOL);
      expectClose(m.estimatorWeights_, ref.estimatorWeights, 1e-9, 1e-12);
    });
  }
});

describe('accuracy and R² at defaults: at least scikit-learn 1.2.1 minus 2 points', () => {
  for (const [name, load] of [['iris', loadIris], ['wine', loadWine], ['breastCancer', loadBreastCancer], ['digits', loadDigits]] as const) {
    it(name, () => {
      const { Xtr, ytr, Xte, yte } = quarters(load);
      const ref = fx.scores[name];
      const models: Array<[string, { fit(X: number[][], y: Label[]): { score(X: number[][], y: Label[]): number } }]> = [
        ['adaSAMME', new AdaBoostClassifier({ algorithm: 'SAMME', randomState: 0 })],
        ['adaSAMMER', new AdaBoostClassifier({ algorithm: 'SAMME.R', randomState: 0 })],
      ];
      if (name !== 'digits') models.push(['gb', new GradientBoostingClassifier({ randomState: 0 })]);
      for (const [key, model] of models) expect(model.fit(Xtr, ytr).score(Xte, yte), key).toBeGreaterThanOrEqual(ref[key as 'gb'] - 0.02);
    });
  }
  it('digits, gradient boosting (1000 trees)', () => {
    const { Xtr, ytr, Xte, yte } = quarters(loadDigits);
    expect(new GradientBoostingClassifier({ randomState: 0 }).fit(Xtr, ytr).score(Xte, yte)).toBeGreaterThanOrEqual(fx.scores.digits.gb - 0.02);
  }, 60_000);
  it('diabetes', () => {
    const { Xtr, ytr, Xte, yte } = quarters(loadDiabetes);
    const y = ytr as number[];
    expect(new GradientBoostingRegressor({ randomState: 0 }).fit(Xtr, y).score(Xte, yte as number[])).toBeGreaterThanOrEqual(fx.scores.diabetes.gb - 0.02);
    const adaRef = fx.scores.diabetes.ada.reduce((a, b) => a + b) / fx.scores.diabetes.ada.length;
    const ours = [0, 1, 2, 3, 4].map((seed) => new AdaBoostRegressor({ randomState: seed }).fit(Xtr, y).score(Xte, yte as number[]));
    const staged = [...new AdaBoostRegressor({ nEstimators: 10, randomState: 0 }).fit(Xtr, y).stagedScore(Xte, yte as number[])];
    expect(staged).toHaveLength(10);
    expect(ours.reduce((a, b) => a + b) / ours.length).toBeGreaterThanOrEqual(adaRef - 0.02);
  });
});

describe('boosting behaviour', () => {
  const { data, target } = diabetes;
  it('warm start continues the stages: 10 then 25 equals 25 at once', () => {
    const once = new GradientBoostingRegressor({ nEstimators: 25, subsample: 0.7, maxFeatures: 0.5, randomState: 3 }).fit(data, target);
    const warm = new GradientBoostingRegressor({ nEstimators: 10, subsample: 0.7, maxFeatures: 0.5, randomState: 3, warmStart: true }).fit(data, target);
    expect(warm.nEstimators_).toBe(10);
    warm.setParams({ nEstimators: 25 }).fit(data, target);
    expect(warm.nEstimators_).toBe(25);
    expect(warm.predict(data)).toEqual(once.predict(data));
    expect(warm.oobImprovement_).toEqual(once.oobImprovement_);
    expect(() => warm.setParams({ nEstimators: 5 }).fit(data, target)).toThrow(/at least the 25 stages/);
    expect(warm.nEstimators_).toBe(25);
  });

  it('subsample below 1 records out-of-bag improvements; 1 does not', () => {
    const m = new GradientBoostingRegressor({ nEstimators: 20, subsample: 0.5, randomState: 0 }).fit(data, target);
    expect(m.oobImprovement_).toHaveLength(20);
    expect(m.oobImprovement_[0]).toBeGreaterThan(0);
    expect(() => new GradientBoostingRegressor({ nEstimators: 2 }).fit(data, target).oobImprovement_).toThrow(ValidationError);
  });

  it('early stopping ends the fit when the held-out loss stops improving', () => {
    const { Xtr, ytr } = quarters(loadBreastCancer);
    const m = new GradientBoostingClassifier({ nEstimators: 500, nIterNoChange: 5, learningRate: 0.5, randomState: 0 }).fit(Xtr, ytr);
    expect(m.nEstimators_).toBeLessThan(500);
    expect(m.trainScore_).toHaveLength(m.nEstimators_);
    expect(m.estimators_).toHaveLength(m.nEstimators_);
  });

  it('an init estimator starts the stages from its predictions', () => {
    const m = new GradientBoostingRegressor({ nEstimators: 5, init: new LinearRegression(), randomState: 0 }).fit(data, target);
    expect(m.init_).toBeInstanceOf(LinearRegression);
    expect(m.score(data, target)).toBeGreaterThan(new LinearRegression().fit(data, target).score(data, target));
    const { Xtr, ytr, Xte } = quarters(loadIris);
    const c = new GradientBoostingClassifier({ nEstimators: 5, init: new LogisticRegression({ maxIter: 500 }), randomState: 0 }).fit(Xtr, ytr);
    expect(c.predictProba(Xte).rows).toBe(Xte.length);
    const again = loadModel(JSON.stringify(c)) as GradientBoostingClassifier;
    expect(again.predictProba(Xte).to2DArray()).toEqual(c.predictProba(Xte).to2DArray());
  });

  it('save and load give the same numbers, bit for bit', () => {
    const { Xtr, ytr, Xte } = quarters(loadIris);
    const models = [
      new GradientBoostingClassifier({ nEstimators: 10, subsample: 0.8, randomState: 0 }).fit(Xtr, ytr),
      new AdaBoostClassifier({ algorithm: 'SAMME.R', nEstimators: 10, randomState: 0 }).fit(Xtr, ytr),
      new AdaBoostClassifier({ nEstimators: 10, estimator: new DecisionTreeClassifier({ maxDepth: 2 }), randomState: 0 }).fit(Xtr, ytr),
    ];
    for (const m of models) {
      const again = loadModel(JSON.parse(JSON.stringify(m))) as GradientBoostingClassifier | AdaBoostClassifier;
      expect(again.predictProba(Xte).to2DArray()).toEqual(m.predictProba(Xte).to2DArray());
      expect(dense(again.decisionFunction(Xte))).toEqual(dense(m.decisionFunction(Xte)));
    }
    const reg = new GradientBoostingRegressor({ loss: 'huber', nEstimators: 10, randomState: 0 }).fit(data, target);
    expect((loadModel(JSON.stringify(reg)) as GradientBoostingRegressor).predict(data)).toEqual(reg.predict(data));
    const ada = new AdaBoostRegressor({ nEstimators: 10, randomState: 0 }).fit(data, target);
    expect((loadModel(JSON.stringify(ada)) as AdaBoostRegressor).predict(data)).toEqual(ada.predict(data));
  });

  it('nested options reach the boosted estimator', () => {
    const ada = new AdaBoostClassifier({ estimator: new DecisionTreeClassifier({ maxDepth: 1 }) });
    ada.setParams({ estimator__maxDepth: 3 });
    expect(ada.getParams().estimator__maxDepth).toBe(3);
    const { Xtr, ytr } = quarters(loadIris);
    ada.fit(Xtr, ytr);
    expect(ada.estimators_.every((e) => (e as DecisionTreeClassifier).getDepth() <= 3)).toBe(true);
    expect(() => ada.setParams({ estimator__nope: 1 })).toThrow(ValidationError);
  });

  it('estimators_, apply and the tree shapes', () => {
    const { Xtr, ytr, Xte } = quarters(loadIris);
    const m = new GradientBoostingClassifier({ nEstimators: 4, randomState: 0 }).fit(Xtr, ytr);
    expect(m.estimators_).toHaveLength(4);
    expect(m.estimators_[0]).toHaveLength(3);
    const leaves = m.apply(Xte);
    expect(leaves[0]).toHaveLength(4);
    expect(leaves[0][0]).toHaveLength(3);
    expect(m.estimators_[1][2].apply(Xte).map((l) => l)).toEqual(leaves.map((row) => row[1][2]));
    expect(m.maxFeatures_).toBe(4);
    expect(m.nClasses_).toBe(3);
  });

  it('bad input and options', () => {
    const { Xtr, ytr } = quarters(loadIris);
    expect(() => new GradientBoostingClassifier({ loss: 'exponential' }).fit(Xtr, ytr)).toThrow(/only suitable for a binary/);
    expect(() => new GradientBoostingRegressor({ maxFeatures: 20 }).fit(data, target)).toThrow(ValidationError);
    expect(() => new GradientBoostingRegressor({ subsample: 0 })).toThrow(ValidationError);
    expect(() => new GradientBoostingRegressor({ alpha: 1 })).toThrow(ValidationError);
    expect(() => new GradientBoostingRegressor({ maxDepth: 0 })).toThrow(ValidationError);
    expect(() => new AdaBoostClassifier({ learningRate: 0 })).toThrow(ValidationError);
    expect(() => new AdaBoostClassifier({ algorithm: 'SAMME.X' as 'SAMME' })).toThrow(ValidationError);
    // RidgeClassifier has no predictProba, which SAMME.R needs; SAMME boosts it.
    expect(() => new AdaBoostClassifier({ algorithm: 'SAMME.R', estimator: new RidgeClassifier() }).fit(Xtr, ytr)).toThrow(/predictProba/);
    expect(new AdaBoostClassifier({ estimator: new RidgeClassifier(), nEstimators: 5, randomState: 0 }).fit(Xtr, ytr).score(Xtr, ytr)).toBeGreaterThan(0.6);
    // MLPClassifier's fit takes no sample weights.
    expect(() => new AdaBoostClassifier({ estimator: new MLPClassifier() }).fit(Xtr, ytr)).toThrow(/sampleWeight/);
    expect(() => new GradientBoostingClassifier().fit([[1], [2]], ['a', 'a'])).toThrow(ValidationError);
    expect(() => new GradientBoostingClassifier().fit([[1], [2], [3]], ['a', 'b', 'a'], [1, 0, 1])).toThrow(/positive weight/);
    const single = new GradientBoostingRegressor({ nEstimators: 3 }).fit([[1]], [5]);
    expect(single.predict([[2]])).toEqual([5]);
    const constant = new GradientBoostingRegressor({ nEstimators: 3 }).fit([[1], [1], [1]], [1, 2, 3]);
    expect(constant.featureImportances_).toEqual([0]);
  });
});
