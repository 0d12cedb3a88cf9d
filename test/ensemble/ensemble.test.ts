/**
 * Behaviour of the bagging, voting and stacking ensembles beyond the numbers of parity.test.ts:
 * bad input, nested parameters, composition with Pipeline and GridSearchCV, save/load, warm start,
 * how members take sample weights, and crossValPredict.
 */
import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import {
  BaggingClassifier,
  BaggingRegressor,
  BaseRegressor,
  DecisionTreeClassifier,
  DecisionTreeRegressor,
  GridSearchCV,
  LinearRegression,
  LogisticRegression,
  MLPClassifier,
  Pipeline,
  Ridge,
  SVC,
  StackingClassifier,
  StackingRegressor,
  StandardScaler,
  TypelearnWarning,
  ValidationError,
  VotingClassifier,
  VotingRegressor,
  acceptsSampleWeight,
  checkArray,
  checkXy,
  crossValPredict,
  loadIris,
  loadDiabetes,
  loadModel,
  makePipeline,
  registerEstimator,
  setWarningHandler,
  stateRules,
} from '../../src/index';
import type { MatrixLike, NamedEstimator } from '../../src/index';
import { expectClose, validationError } from '../helpers';

const iris = loadIris();
const diabetes = loadDiabetes();
const X = iris.data;
const y = iris.target;

const lr = () => new LogisticRegression({ maxIter: 1000 });
const tree = () => new DecisionTreeClassifier({ maxDepth: 3, randomState: 0 });

describe('bad input is a ValidationError naming the estimator and the argument', () => {
  it('an empty estimator list', () => {
    for (const make of [() => new VotingClassifier([]), () => new VotingRegressor([]), () => new StackingClassifier([]), () => new StackingRegressor([])]) {
      const e = validationError(make);
      expect(e.param).toBe('estimators');
      expect(e.message).toMatch(/(Voting|Stacking)(Classifier|Regressor)/);
      expect(e.message).toContain('an empty array');
    }
  });
  it('duplicate names, names with __ and names of options', () => {
    let e = validationError(() => new VotingClassifier([['a', lr()], ['a', tree()]]));
    expect([e.estimator, e.param]).toEqual(['VotingClassifier', 'estimators']);
    expect(e.message).toContain("'a' twice");
    e = validationError(() => new StackingRegressor([['a__b', new LinearRegression()]]));
    expect(e.message).toContain("'a__b'");
    e = validationError(() => new VotingClassifier([['weights', lr()]]));
    expect(e.message).toContain("'weights'");
    e = validationError(() => new VotingClassifier([['a', new StandardScaler()]]));
    expect(e.message).toContain('fit and predict');
  });
  it('all members dropped', () => {
    for (const est of [new VotingClassifier([['a', 'drop'], ['b', 'drop']]), new StackingClassifier([['a', 'drop']])]) {
      const e = validationError(() => est.fit(X, y));
      expect(e.param).toBe('estimators');
      expect(e.message).toContain('all estimators are dropped');
    }
    const e = validationError(() => new VotingRegressor([['a', 'drop']]).fit(diabetes.data, diabetes.target));
    expect(e.estimator).toBe('VotingRegressor');
  });
  it("a member without predictProba under voting 'soft'", () => {
    const e = validationError(() => new VotingClassifier([['lr', lr()], ['svc', new SVC()]], { voting: 'soft' }).fit(X, y));
    expect([e.estimator, e.param]).toEqual(['VotingClassifier', 'voting']);
    expect(e.message).toContain("estimator 'svc' (SVC)");
    // With probabilities it is accepted.
    expect(() => new VotingClassifier([['lr', lr()], ['svc', new SVC({ probability: true, randomState: 0 })]], { voting: 'soft' }).fit(X, y)).not.toThrow();
  });
  it('weights of the wrong length', () => {
    const e = validationError(() => new VotingClassifier([['lr', lr()], ['tree', tree()]], { weights: [1, 2, 3] }).fit(X, y));
    expect([e.estimator, e.param]).toEqual(['VotingClassifier', 'weights']);
    expect(e.message).toContain('got 3 weights, 2 estimators');
    expect(validationError(() => new VotingRegressor([['a', new LinearRegression()]], { weights: [] }).fit(diabetes.data, diabetes.target)).param).toBe('weights');
  });
  it('maxSamples and maxFeatures out of range', () => {
    expect(validationError(() => new BaggingClassifier({ maxSamples: 0 })).param).toBe('maxSamples');
    expect(validationError(() => new BaggingClassifier({ maxSamples: 1.5 })).param).toBe('maxSamples');
    expect(validationError(() => new BaggingRegressor({ maxFeatures: -1 })).param).toBe('maxFeatures');
    let e = validationError(() => new BaggingClassifier({ maxSamples: 151 }).fit(X, y));
    expect([e.estimator, e.param]).toEqual(['BaggingClassifier', 'maxSamples']);
    expect(e.message).toContain('at most the number of samples (150)');
    e = validationError(() => new BaggingClassifier({ maxFeatures: 5 }).fit(X, y));
    expect(e.param).toBe('maxFeatures');
    e = validationError(() => new BaggingClassifier({ maxSamples: 0.001 }).fit(X, y));
    expect(e.param).toBe('maxSamples');
    // A small fraction of the features still draws one, as in scikit-learn.
    expect(new BaggingClassifier({ maxFeatures: 0.01, nEstimators: 2, randomState: 0 }).fit(X, y).estimatorsFeatures_[0]).toHaveLength(1);
  });
  it('oobScore without bootstrap, and a stackMethod a member lacks', () => {
    expect(validationError(() => new BaggingClassifier({ oobScore: true, bootstrap: false }).fit(X, y)).param).toBe('oobScore');
    const e = validationError(() => new StackingClassifier([['tree', tree()]], { stackMethod: 'decision_function' }).fit(X, y));
    expect([e.estimator, e.param]).toEqual(['StackingClassifier', 'stackMethod']);
    expect(e.message).toContain("estimator 'tree' (DecisionTreeClassifier)");
  });
  it('sampleWeight for a member that cannot take it', () => {
    const w = new Array(150).fill(1);
    const e = validationError(() => new VotingClassifier([['mlp', new MLPClassifier({ maxIter: 5 })]]).fit(X, y, w));
    expect([e.estimator, e.param]).toEqual(['VotingClassifier', 'sampleWeight']);
    expect(e.message).toContain("estimator 'mlp' (MLPClassifier)");
    expect(validationError(() => new BaggingClassifier({ estimator: new MLPClassifier() }).fit(X, y, w)).param).toBe('sampleWeight');
  });
  it('a failed fit keeps the previous fitted state', () => {
    const vote = new VotingClassifier([['lr', lr()], ['tree', tree()]]).fit(X, y);
    const before = vote.predict(X.slice(0, 3));
    vote.setParams({ weights: [1] });
    expect(() => vote.fit(X, y)).toThrow(ValidationError);
    vote.setParams({ weights: null });
    expect(vote.predict(X.slice(0, 3))).toEqual(before);
  });
});

describe('nested parameters', () => {
  it('getParams lists members by name and their options as name__option', () => {
    const stack = new StackingClassifier([['lr', lr()], ['tree', tree()]], { finalEstimator: new LogisticRegression({ C: 2 }) });
    const p = stack.getParams();
    expect(p.lr).toBe(stack.estimators[0][1]);
    expect(p.tree__maxDepth).toBe(3);
    expect(p.finalEstimator__C).toBe(2);
    expect(new BaggingClassifier({ estimator: tree() }).getParams().estimator__maxDepth).toBe(3);
  });
  it('setParams reaches members, replaces or drops one by name, and is atomic', () => {
    const vote = new VotingClassifier([['lr', lr()], ['tree', tree()]]);
    vote.setParams({ tree__maxDepth: 1, lr__C: 0.5 });
    expect(vote.getParams().tree__maxDepth).toBe(1);
    expect(vote.getParams().lr__C).toBe(0.5);
    vote.setParams({ tree: 'drop' });
    expect(vote.estimators.map(([, e]) => (e === 'drop' ? e : e.className))).toEqual(['LogisticRegression', 'drop']);
    expect(() => vote.setParams({ lr__C: 2, nope__x: 1 })).toThrow(ValidationError);
    expect(vote.getParams().lr__C).toBe(0.5);
    const fitted = vote.fit(X, y);
    expect(Object.keys(fitted.namedEstimators_)).toEqual(['lr', 'tree']);
    expect(fitted.namedEstimators_.tree).toBe('drop');
    expect(fitted.estimators_).toHaveLength(1);
  });
  it('clone copies the members without fitting them', () => {
    const bag = new BaggingRegressor({ estimator: new Ridge({ alpha: 3 }), nEstimators: 3, randomState: 1 });
    const c = bag.clone();
    expect(c.getParams().estimator).not.toBe(bag.getParams().estimator);
    expect(c.getParams().estimator__alpha).toBe(3);
  });
  it('the nesting limit counts members', () => {
    let est: VotingRegressor | LinearRegression = new LinearRegression();
    // Typed VotingRegressor: each ensemble's own type names its members, which a loop cannot follow.
    for (let i = 0; i < 63; i++) est = new VotingRegressor<VotingRegressor['estimators']>([['m', est]]);
    expect(() => new VotingRegressor([['m', est]])).toThrow(/levels of estimators/);
  });
});

describe('composition', () => {
  it('inside a Pipeline and a GridSearchCV over nested keys', () => {
    const pipe = new Pipeline([
      ['scale', new StandardScaler()],
      ['vote', new VotingClassifier([['lr', lr()], ['tree', tree()]], { voting: 'soft' })],
    ]);
    const search = new GridSearchCV(pipe, { vote__tree__maxDepth: [1, 3], vote__weights: [null, [1, 2]] }, { cv: 3 }).fit(X, y);
    expect(search.cvResults_.params).toHaveLength(4);
    expect(search.bestScore_).toBeGreaterThan(0.9);
    expect(search.predict(X.slice(0, 2))).toEqual([0, 0]);
    const stack = new GridSearchCV(new StackingRegressor([['ols', new LinearRegression()], ['tree', new DecisionTreeRegressor({ randomState: 0 })]], { cv: 3 }), { tree__maxDepth: [2, 4] }, { cv: 3 }).fit(
      diabetes.data,
      diabetes.target,
    );
    expect(Object.keys(stack.bestParams_)).toEqual(['tree__maxDepth']);
  });
  it('a Pipeline as a member, and an ensemble inside another', () => {
    const inner = new VotingClassifier([['lr', new Pipeline([['s', new StandardScaler()], ['lr', lr()]])], ['tree', tree()]], { voting: 'soft' });
    const outer = new StackingClassifier([['vote', inner], ['bag', new BaggingClassifier({ nEstimators: 3, randomState: 0 })]], { cv: 3 }).fit(X, y);
    expect(outer.score(X, y)).toBeGreaterThan(0.9);
    expect(outer.getParams().vote__lr__lr__C).toBe(1);
    const again = loadModel<StackingClassifier>(JSON.stringify(outer));
    expect(again.predictProba(X).to2DArray()).toEqual(outer.predictProba(X).to2DArray());
  });
  it("a user's own estimator is a member, fitted with weights when its fit takes them", () => {
    class WeightedMean extends BaseRegressor<object, { nFeaturesIn: number; mean: number }> {
      static override readonly className = 'EnsembleTestWeightedMean';
      static override readonly defaults = {};
      static override readonly stateSchema = { nFeaturesIn: stateRules.nFeaturesIn(), mean: stateRules.numberValue() };
      fit(X: MatrixLike, y: ArrayLike<number>, sampleWeight?: ArrayLike<number>): this {
        const [Xm, yv] = checkXy(X, y);
        let s = 0;
        let t = 0;
        yv.forEach((v, i) => {
          const w = sampleWeight ? sampleWeight[i] : 1;
          s += w * v;
          t += w;
        });
        this.state = { nFeaturesIn: Xm.columns, mean: s / t };
        return this;
      }
      predict(X: MatrixLike): number[] {
        return new Array<number>(checkArray(X).rows).fill(this.fitted().mean);
      }
    }
    registerEstimator(WeightedMean);
    expect(acceptsSampleWeight(new WeightedMean())).toBe(true);
    expect(acceptsSampleWeight(new MLPClassifier())).toBe(false);
    const Xs = [[0], [1], [2], [3]];
    const ys = [0, 10, 20, 30];
    const bag = new BaggingRegressor({ estimator: new WeightedMean(), nEstimators: 4, randomState: 3 }).fit(Xs, ys);
    // Each member's mean is the mean of its bootstrap draw, counts as weights.
    bag.estimatorsSamples_.forEach((rows, m) => {
      const mean = rows.reduce((a, r) => a + ys[r], 0) / rows.length;
      expect((bag.estimators_[m] as WeightedMean).predict([[0]])[0]).toBeCloseTo(mean, 12);
    });
    const again = loadModel<BaggingRegressor>(JSON.stringify(bag));
    expect(again.predict(Xs)).toEqual(bag.predict(Xs));
  });
});

describe('bagging', () => {
  it('a member that takes sample weights is fitted on every row with the draw counts as weights', () => {
    const bag = new BaggingClassifier({ nEstimators: 3, randomState: 7 }).fit(X, y);
    const samples = bag.estimatorsSamples_;
    bag.estimators_.forEach((member, m) => {
      const counts = new Array<number>(150).fill(0);
      for (const r of samples[m]) counts[r]++;
      const seed = (member.getParams() as { randomState: number }).randomState;
      const direct = new DecisionTreeClassifier({ randomState: seed }).fit(X, y.map((c) => c), counts);
      expect((member as DecisionTreeClassifier).exportText()).toBe(direct.exportText());
      expect(samples[m]).toHaveLength(150);
    });
  });
  it('a member without sample weights is fitted on the drawn rows; predictProba averages its votes', () => {
    const member = () => makePipeline(new StandardScaler(), new SVC());
    expect(acceptsSampleWeight(member())).toBe(false);
    const bag = new BaggingClassifier({ estimator: member(), nEstimators: 4, maxFeatures: 0.5, randomState: 0 }).fit(X, y);
    expect(bag.estimatorsFeatures_.every((f) => f.length === 2)).toBe(true);
    const [features] = bag.estimatorsFeatures_;
    const [samples] = bag.estimatorsSamples_;
    const pick = (rows: number[][]) => rows.map((r) => features.map((j) => r[j]));
    const direct = member().fit(pick(samples.map((i) => X[i])), samples.map((i) => y[i]));
    expect((bag.estimators_[0] as Pipeline).decisionFunction(pick(X.slice(0, 5)))).toEqual(direct.decisionFunction(pick(X.slice(0, 5))));
    const P = bag.predictProba(X.slice(0, 3)).to2DArray();
    for (const row of P) for (const v of row) expect(v * 4).toBeCloseTo(Math.round(v * 4), 12);
    // The SVC pipelines have a decision function: the mean of the members'.
    expect((bag.decisionFunction(X.slice(0, 1)) as Matrix).columns).toBe(3);
  });
  it('out-of-bag score and decision function', () => {
    const bag = new BaggingClassifier({ nEstimators: 20, oobScore: true, randomState: 0 }).fit(X, y);
    expect(bag.oobScore_).toBeGreaterThan(0.9);
    const D = bag.oobDecisionFunction_;
    expect([D.rows, D.columns]).toEqual([150, 3]);
    const reg = new BaggingRegressor({ nEstimators: 20, oobScore: true, randomState: 0 }).fit(diabetes.data, diabetes.target);
    expect(reg.oobPrediction_).toHaveLength(442);
    expect(reg.oobScore_).toBeGreaterThan(0.2);
    expect(() => new BaggingRegressor().fit(diabetes.data, diabetes.target).oobScore_).toThrow(/without oobScore/);
  });
  it('warmStart adds members and keeps the fitted ones; the same seed gives the same ensemble', () => {
    const full = new BaggingRegressor({ nEstimators: 6, randomState: 5 }).fit(diabetes.data, diabetes.target);
    const warm = new BaggingRegressor({ nEstimators: 3, randomState: 5, warmStart: true }).fit(diabetes.data, diabetes.target);
    const first = warm.estimators_;
    warm.setParams({ nEstimators: 6 }).fit(diabetes.data, diabetes.target);
    expect(warm.estimators_.slice(0, 3)).toEqual(first);
    expect(warm.predict(diabetes.data)).toEqual(full.predict(diabetes.data));
    const warnings: TypelearnWarning[] = [];
    const prev = setWarningHandler((w) => warnings.push(w));
    try {
      warm.fit(diabetes.data, diabetes.target);
    } finally {
      setWarningHandler(prev);
    }
    expect(warnings[0].message).toContain('does not fit new members');
    expect(validationError(() => warm.setParams({ nEstimators: 2 }).fit(diabetes.data, diabetes.target)).param).toBe('nEstimators');
  });
  it('bootstrapFeatures draws features with replacement; bootstrap false draws distinct rows', () => {
    const bag = new BaggingRegressor({ nEstimators: 5, maxFeatures: 8, bootstrapFeatures: true, bootstrap: false, maxSamples: 0.5, randomState: 2 }).fit(diabetes.data, diabetes.target);
    expect(bag.estimatorsFeatures_.some((f) => new Set(f).size < f.length)).toBe(true);
    for (const s of bag.estimatorsSamples_) expect(new Set(s).size).toBe(221);
    expect(loadModel<BaggingRegressor>(JSON.stringify(bag)).predict(diabetes.data)).toEqual(bag.predict(diabetes.data));
  });
});

describe('voting and stacking', () => {
  it('hard voting transform gives class indices; soft transform the probabilities, flat or per member', () => {
    const members: NamedEstimator[] = [['lr', lr()], ['tree', tree()]];
    const hard = new VotingClassifier(members).fit(X, y.map((c) => ['setosa', 'versicolor', 'virginica'][c]));
    expect((hard.transform(X.slice(0, 1)) as Matrix).to2DArray()).toEqual([[0, 0]]);
    expect(hard.predict(X.slice(0, 1))).toEqual(['setosa']);
    expect(hard.le_.inverseTransform([2])).toEqual(['virginica']);
    expect(() => hard.predictProba(X)).toThrow(/voting is 'hard'/);
    const soft = new VotingClassifier(members, { voting: 'soft', flattenTransform: false }).fit(X, y);
    const parts = soft.transform(X.slice(0, 2)) as Matrix[];
    expect(parts).toHaveLength(2);
    expect([parts[0].rows, parts[0].columns]).toEqual([2, 3]);
  });
  it('stacking: transform and feature names follow scikit-learn, binary probabilities keep one column', () => {
    const y2 = y.map((c) => (c === 2 ? 'yes' : 'no'));
    const stack = new StackingClassifier([['lr', lr()], ['svc', new SVC()], ['tree', 'drop']], { passthrough: true }).fit(X, y2);
    expect(stack.stackMethod_).toEqual(['predict_proba', 'decision_function']);
    expect(stack.getFeatureNamesOut()).toEqual(['stackingclassifier_lr', 'stackingclassifier_svc', 'x0', 'x1', 'x2', 'x3']);
    expect(stack.transform(X.slice(0, 2)).columns).toBe(6);
    expect(typeof stack.predict(X.slice(0, 1))[0]).toBe('string');
    expect(Array.isArray(stack.decisionFunction(X.slice(0, 3)))).toBe(true);
    expect(stack.namedEstimators_.tree).toBe('drop');
  });
  it('stacking takes a splitter or explicit splits for cv', () => {
    const splits = [
      { train: Array.from({ length: 75 }, (_, i) => 2 * i), test: Array.from({ length: 75 }, (_, i) => 2 * i + 1) },
      { train: Array.from({ length: 75 }, (_, i) => 2 * i + 1), test: Array.from({ length: 75 }, (_, i) => 2 * i) },
    ];
    const stack = new StackingClassifier([['lr', lr()]], { cv: splits }).fit(X, y);
    expect(stack.score(X, y)).toBeGreaterThan(0.9);
    const bad = [{ train: [0, 1], test: [2, 3] }];
    expect(validationError(() => new StackingClassifier([['lr', lr()]], { cv: bad }).fit(X, y)).message).toContain('only works for partitions');
  });
  it('sample weights reach every member and the final estimator', () => {
    const w = y.map((c) => (c === 0 ? 3 : 1));
    const sw = diabetes.target.map((_, i) => 1 + (i % 3));
    const a = new VotingRegressor([['ridge', new Ridge()]]).fit(diabetes.data, diabetes.target, sw);
    const b = new Ridge().fit(diabetes.data, diabetes.target, sw);
    expectClose(a.predict(diabetes.data.slice(0, 3)), b.predict(diabetes.data.slice(0, 3)), 1e-9);
    const s = new StackingClassifier([['lr', lr()]]).fit(X, y, w);
    expect(s.score(X, y)).toBeGreaterThan(0.9);
  });
});

describe('crossValPredict', () => {
  it('out-of-fold predictions, probabilities in the classes of y, and decision functions', () => {
    const labels = y.map((c) => ['a', 'b', 'c'][c]);
    const pred = crossValPredict(tree(), X, labels) as string[];
    expect(pred).toHaveLength(150);
    expect(new Set(pred)).toEqual(new Set(['a', 'b', 'c']));
    const P = crossValPredict(lr(), X, labels, { method: 'predict_proba' }) as Matrix;
    expect([P.rows, P.columns]).toEqual([150, 3]);
    const d = crossValPredict(new SVC(), X.slice(0, 100), y.slice(0, 100), { method: 'decision_function' });
    expect(Array.isArray(d) && d.length === 100).toBe(true);
  });
  it('a class missing from a training fold gets probability 0', () => {
    const Xs = [[0], [1], [2], [3], [4], [5], [10]];
    const ys = [0, 0, 0, 1, 1, 1, 2];
    const P = crossValPredict(new DecisionTreeClassifier({ randomState: 0 }), Xs, ys, { cv: [{ train: [0, 1, 3, 4, 6], test: [2, 5] }, { train: [0, 1, 2, 3, 4, 5], test: [6] }, { train: [2, 5, 6], test: [0, 1, 3, 4] }], method: 'predict_proba' }) as Matrix;
    expect(P.getRow(6)).toEqual([0, 1, 0]);
  });
  it('bad options', () => {
    expect(validationError(() => crossValPredict(lr(), X, y, { method: 'predictProba' as never })).param).toBe('method');
    expect(validationError(() => crossValPredict(new MLPClassifier(), X, y, { sampleWeight: y.map(() => 1) })).param).toBe('sampleWeight');
  });
});

describe('members in the wrong role', () => {
  it('a regressor where a classifier belongs is a ValidationError at predict, naming it', () => {
    const stack = new StackingClassifier([['lr', lr()]], { finalEstimator: new LinearRegression() }).fit(X, y);
    const e = validationError(() => stack.predict(X.slice(60, 70)));
    expect(e.message).toContain('finalEstimator (LinearRegression)');
    const vote = new VotingClassifier([['ols', new LinearRegression()]]).fit(X, y);
    expect(validationError(() => vote.predict(X.slice(60, 70))).message).toContain('(LinearRegression) predicted');
  });
});

describe('weights', () => {
  it('weights of the live members must not sum to zero', () => {
    const e = validationError(() => new VotingRegressor([['a', new LinearRegression()], ['b', 'drop']], { weights: [0, 1] }).fit(diabetes.data, diabetes.target));
    expect([e.estimator, e.param]).toEqual(['VotingRegressor', 'weights']);
    expect(new VotingRegressor([['a', new LinearRegression()], ['b', 'drop']], { weights: [1, 0] }).namedEstimators.b).toBe('drop');
  });
});

describe('loading checks the nested estimators', () => {
  it("a saved final estimator of another class than the option's is refused", () => {
    const stack = new StackingRegressor([['ols', new LinearRegression()]], { cv: 3 }).fit(diabetes.data, diabetes.target);
    const saved = JSON.parse(JSON.stringify(stack)) as { state: { finalEstimator: unknown } };
    saved.state.finalEstimator = JSON.parse(JSON.stringify(new LinearRegression().fit([[0], [1]], [0, 1])));
    expect(validationError(() => loadModel(saved)).message).toContain('finalEstimator');
    const voted = JSON.parse(JSON.stringify(new VotingClassifier([['lr', lr()]]).fit(X, y))) as { state: { classes: unknown[] } };
    voted.state.classes = [0, 1];
    expect(validationError(() => loadModel(voted)).message).toContain('classes');
  });
});
