import { describe, expect, it } from 'vitest';
import {
  DecisionTreeClassifier,
  DecisionTreeRegressor,
  ExtraTreeClassifier,
  ExtraTreeRegressor,
  ExtraTreesClassifier,
  ExtraTreesRegressor,
  NotFittedError,
  RandomForestClassifier,
  RandomForestRegressor,
  ValidationError,
  loadBreastCancer,
  loadDiabetes,
  loadDigits,
  loadIris,
  loadModel,
  loadWine,
  makeClassification,
  setWarningHandler,
} from '../../src/index';
import type { Label, TypelearnWarning } from '../../src/index';
import { rowMajor } from '../../src/core/data/index';
import { presortColumns, toColMajorFloat32 } from '../../src/tree/buildTree';
import { bootstrapCounts, drawTreeSeeds, fitForestTree, type ForestData, type ForestTreeOptions } from '../../src/ensemble/_forestBuild';
import { expectClose, fixture, validationError } from '../helpers';

interface RunFx {
  test: number[];
  oob?: number[];
  importances: number[];
}
interface Fx {
  iris: Record<'RandomForestClassifier' | 'ExtraTreesClassifier', RunFx>;
  wine: Record<'RandomForestClassifier' | 'ExtraTreesClassifier', RunFx>;
  breastCancer: Record<'RandomForestClassifier' | 'ExtraTreesClassifier', RunFx>;
  digits: Record<'RandomForestClassifier' | 'ExtraTreesClassifier', RunFx>;
  diabetes: Record<'RandomForestRegressor' | 'ExtraTreesRegressor', RunFx>;
  diabetesDeterministic: { featureImportances: number[]; predict: number[] };
}
const fx = fixture<Fx>('ensemble/forests.json');

/** The fixtures' held-out split: every 4th sample is a test sample. */
function split<T>(data: number[][], target: T[]): { XTrain: number[][]; yTrain: T[]; XTest: number[][]; yTest: T[] } {
  const isTest = (i: number): boolean => i % 4 === 0;
  return {
    XTrain: data.filter((_, i) => !isTest(i)),
    yTrain: target.filter((_, i) => !isTest(i)),
    XTest: data.filter((_, i) => isTest(i)),
    yTest: target.filter((_, i) => isTest(i)),
  };
}

const mean = (a: number[]): number => a.reduce((s, v) => s + v, 0) / a.length;
const SEEDS = [0, 1, 2, 3, 4];

/** Held-out scores, out-of-bag scores and the mean importances over the five seeds. */
function runs(make: (seed: number) => RandomForestClassifier | ExtraTreesClassifier | RandomForestRegressor | ExtraTreesRegressor, s: ReturnType<typeof split<Label>>) {
  const test: number[] = [];
  const oob: number[] = [];
  const imps: number[][] = [];
  for (const seed of SEEDS) {
    const m = make(seed);
    if (m instanceof RandomForestRegressor || m instanceof ExtraTreesRegressor) m.fit(s.XTrain, s.yTrain as number[]);
    else m.fit(s.XTrain, s.yTrain);
    test.push(m.score(s.XTest, s.yTest as number[]));
    if (m.getParams().oobScore === true) oob.push(m.oobScore_);
    imps.push(m.featureImportances_);
  }
  return { test: mean(test), oob: oob.length ? mean(oob) : NaN, importances: imps[0].map((_, j) => mean(imps.map((r) => r[j]))) };
}

function maxAbsDiff(a: number[], b: number[]): number {
  return Math.max(...a.map((v, j) => Math.abs(v - b[j])));
}

// Accuracy and R²: scikit-learn's mean over five seeds minus 2 points at most (our generator is
// not numpy's, so the trees differ; only the quality is compared). Out-of-bag scores within 2
// points. Importances (mean over five seeds): within 0.04 on the small data sets (iris, wine,
// breast-cancer: a seed moves them by that much), 0.01 on digits and diabetes.
describe('forests match scikit-learn 1.2.1 at default settings (fixtures: make_forests.py)', () => {
  const sets = [
    ['iris', loadIris, 0.04],
    ['wine', loadWine, 0.04],
    ['breastCancer', loadBreastCancer, 0.04],
    ['digits', loadDigits, 0.01],
  ] as const;
  for (const [name, load, impTol] of sets) {
    it(`${name}: RandomForestClassifier held-out accuracy, out-of-bag score and importances`, () => {
      const { data, target } = load();
      const ref = fx[name].RandomForestClassifier;
      const got = runs((seed) => new RandomForestClassifier({ oobScore: true, randomState: seed }), split<Label>(data, target));
      expect(got.test).toBeGreaterThanOrEqual(mean(ref.test) - 0.02);
      expect(Math.abs(got.oob - mean(ref.oob as number[]))).toBeLessThanOrEqual(0.02);
      expect(maxAbsDiff(got.importances, ref.importances)).toBeLessThanOrEqual(impTol);
    }, 60_000);
    it(`${name}: ExtraTreesClassifier held-out accuracy and importances`, () => {
      const { data, target } = load();
      const ref = fx[name].ExtraTreesClassifier;
      const got = runs((seed) => new ExtraTreesClassifier({ randomState: seed }), split<Label>(data, target));
      expect(got.test).toBeGreaterThanOrEqual(mean(ref.test) - 0.02);
      expect(maxAbsDiff(got.importances, ref.importances)).toBeLessThanOrEqual(impTol);
    }, 60_000);
  }

  it('diabetes: RandomForestRegressor held-out R², out-of-bag R² and importances', () => {
    const { data, target } = loadDiabetes();
    const ref = fx.diabetes.RandomForestRegressor;
    const got = runs((seed) => new RandomForestRegressor({ oobScore: true, randomState: seed }), split<Label>(data, target));
    expect(got.test).toBeGreaterThanOrEqual(mean(ref.test) - 0.02);
    expect(Math.abs(got.oob - mean(ref.oob as number[]))).toBeLessThanOrEqual(0.02);
    expect(maxAbsDiff(got.importances, ref.importances)).toBeLessThanOrEqual(0.01);
  }, 60_000);

  it('diabetes: ExtraTreesRegressor held-out R² and importances', () => {
    const { data, target } = loadDiabetes();
    const ref = fx.diabetes.ExtraTreesRegressor;
    const got = runs((seed) => new ExtraTreesRegressor({ randomState: seed }), split<Label>(data, target));
    expect(got.test).toBeGreaterThanOrEqual(mean(ref.test) - 0.02);
    expect(maxAbsDiff(got.importances, ref.importances)).toBeLessThanOrEqual(0.01);
  }, 60_000);

  it('without bootstrap and with every feature at every split, the forest is scikit-learn’s to 1e-9', () => {
    const { data, target } = loadDiabetes();
    const s = split(data, target);
    const rf = new RandomForestRegressor({ nEstimators: 5, bootstrap: false, maxFeatures: null, maxDepth: 3, randomState: 0 }).fit(s.XTrain, s.yTrain);
    expectClose(rf.featureImportances_, fx.diabetesDeterministic.featureImportances, 1e-9, 1e-12);
    expectClose(rf.predict(s.XTest), fx.diabetesDeterministic.predict, 1e-9);
  });
});

describe('forest mechanics', () => {
  const { data, target } = loadIris();

  it('estimators_ are fitted decision trees whose mean probability is the forest’s', () => {
    const rf = new RandomForestClassifier({ nEstimators: 7, randomState: 3 }).fit(data, target);
    const trees = rf.estimators_;
    expect(trees).toHaveLength(7);
    expect(trees[0]).toBeInstanceOf(DecisionTreeClassifier);
    expect(trees[0].classes_).toEqual([0, 1, 2]);
    expect(new Set(trees.map((t) => t.getParams().randomState)).size).toBe(7);
    const P = rf.predictProba(data).to2DArray();
    const probs = trees.map((t) => t.predictProba(data).to2DArray());
    const meanP = P.map((row, i) => row.map((_, k) => probs.reduce((s, p) => s + p[i][k], 0) / trees.length));
    expectClose(P, meanP, 1e-12, 1e-15);
    expect(trees[0].exportText().length).toBeGreaterThan(0);
    const leaves = rf.apply(data);
    expect(leaves).toHaveLength(data.length);
    expect(leaves.map((r) => r[2])).toEqual(trees[2].apply(data));
    const et = new ExtraTreesClassifier({ nEstimators: 3, randomState: 0 }).fit(data, target);
    expect(et.estimators_[0]).toBeInstanceOf(ExtraTreeClassifier);
    expect(et.estimators_[0].getParams().splitter).toBe('random');
  });

  it('a tree of the forest is the decision tree fitted alone on its bootstrap counts with its seed', () => {
    const rf = new RandomForestClassifier({ nEstimators: 4, randomState: 11 }).fit(data, target);
    const t = rf.estimators_[2];
    const seed = t.getParams().randomState as number;
    const alone = new DecisionTreeClassifier({ maxFeatures: 'sqrt', randomState: seed }).fit(data, target, bootstrapCounts(seed, data.length, data.length));
    expect(alone.predictProba(data).to2DArray()).toEqual(t.predictProba(data).to2DArray());
    expect(alone.featureImportances_).toEqual(t.featureImportances_);
  });

  it('a tree is a pure function of (seed, data, options): grown in any order, the trees are the same', () => {
    const { X, y } = makeClassification({ nSamples: 300, nFeatures: 6, randomState: 1 });
    const Xc = toColMajorFloat32(rowMajor(Float64Array.from(X.flat()), 300, 6));
    const dataSet: ForestData = { Xc, presorted: presortColumns(Xc), target: { kind: 'classification', y: Int32Array.from(y), nClasses: 2 }, sampleWeight: new Float64Array(300).fill(1) };
    const options: ForestTreeOptions = {
      tree: { criterion: 'gini', maxDepth: Infinity, minSamplesSplit: 2, minSamplesLeaf: 1, minImpurityDecrease: 0, maxFeatures: 2, splitter: 'best' },
      minWeightFractionLeaf: 0,
      ccpAlpha: 0,
      bootstrap: true,
      nSamplesBootstrap: 300,
      balancedSubsample: false,
      valueScale: 1,
    };
    const seeds = drawTreeSeeds(5, 0, 4);
    const forward = seeds.map((s) => fitForestTree(s, dataSet, options));
    const backward = seeds.slice().reverse().map((s) => fitForestTree(s, dataSet, options)).reverse();
    expect(backward).toEqual(forward);
    // What a worker would receive (a structured clone of the data and options) grows the same tree.
    expect(fitForestTree(seeds[1], structuredClone(dataSet), structuredClone(options))).toEqual(forward[1]);
    // Seeds of later trees do not depend on how many were drawn before (warm start draws the rest).
    expect(drawTreeSeeds(5, 2, 2)).toEqual(seeds.slice(2));
  });

  it('warm start adds trees: 20 then 40 is 40 at once; fewer trees or other features are refused', () => {
    const once = new RandomForestClassifier({ nEstimators: 40, randomState: 2 }).fit(data, target);
    const warm = new RandomForestClassifier({ nEstimators: 20, randomState: 2, warmStart: true }).fit(data, target);
    const first = warm.estimators_[5].featureImportances_;
    warm.setParams({ nEstimators: 40 }).fit(data, target);
    expect(warm.estimators_).toHaveLength(40);
    expect(warm.estimators_[5].featureImportances_).toEqual(first);
    expect(warm.predictProba(data).to2DArray()).toEqual(once.predictProba(data).to2DArray());
    warm.setParams({ nEstimators: 10 });
    expect(validationError(() => warm.fit(data, target)).param).toBe('nEstimators');
    expect(warm.estimators_).toHaveLength(40);
    warm.setParams({ nEstimators: 40 });
    const seen: TypelearnWarning[] = [];
    const prev = setWarningHandler((w) => seen.push(w));
    try {
      warm.fit(data, target);
    } finally {
      setWarningHandler(prev);
    }
    expect(seen.map((w) => w.message).join()).toMatch(/without increasing nEstimators/);
    warm.setParams({ nEstimators: 41 });
    expect(validationError(() => warm.fit(data.map((r) => r.slice(0, 3)), target)).param).toBe('X');
    expect(validationError(() => warm.fit(data, target.map((v) => (v === 2 ? 1 : v)))).param).toBe('y');
  });

  it('out-of-bag: decision function rows sum to 1, the score is its accuracy, a scorer gets the labels', () => {
    const labels = target.map((v) => ['setosa', 'versicolor', 'virginica'][v as number]);
    const calls: Array<[Label[], Label[]]> = [];
    const rf = new RandomForestClassifier({ nEstimators: 30, randomState: 0, oobScore: (a, b) => (calls.push([a, b]), 0.5) }).fit(data, labels);
    expect(rf.oobScore_).toBe(0.5);
    expect(calls[0][0]).toEqual(labels);
    expect(new Set(calls[0][1])).toEqual(new Set(['setosa', 'versicolor', 'virginica']));
    const D = rf.oobDecisionFunction_.to2DArray();
    expect(D).toHaveLength(150);
    for (const row of D) expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    const acc = new RandomForestClassifier({ nEstimators: 30, randomState: 0, oobScore: true }).fit(data, labels);
    const pred = acc.oobDecisionFunction_.to2DArray().map((row) => acc.classes_[row.indexOf(Math.max(...row))]);
    expect(acc.oobScore_).toBeCloseTo(mean(pred.map((p, i) => (p === labels[i] ? 1 : 0))), 12);
    expect(() => new RandomForestClassifier({ nEstimators: 3 }).fit(data, target).oobScore_).toThrow(/fitted with oobScore false/);
    expect(validationError(() => new ExtraTreesClassifier({ oobScore: true }).fit(data, target)).param).toBe('oobScore');
  });

  it('out-of-bag with too few trees warns and leaves zeros for the samples every tree drew', () => {
    const seen: TypelearnWarning[] = [];
    const prev = setWarningHandler((w) => seen.push(w));
    let rf: RandomForestRegressor;
    try {
      rf = new RandomForestRegressor({ nEstimators: 2, oobScore: true, randomState: 0 }).fit(data, data.map((r) => r[0]));
    } finally {
      setWarningHandler(prev);
    }
    expect(seen.map((w) => w.message).join()).toMatch(/do not have OOB scores/);
    expect(rf.oobPrediction_.some((v) => v === 0)).toBe(true);
    expect(Number.isFinite(rf.oobScore_)).toBe(true);
  });

  it("classWeight 'balanced_subsample' weighs each bootstrap sample; without bootstrap it is 'balanced'", () => {
    const { X, y } = makeClassification({ nSamples: 200, nFeatures: 5, weights: [0.85], randomState: 0 });
    const sub = new RandomForestClassifier({ nEstimators: 10, classWeight: 'balanced_subsample', randomState: 0 }).fit(X, y);
    const bal = new RandomForestClassifier({ nEstimators: 10, classWeight: 'balanced', randomState: 0 }).fit(X, y);
    expect(sub.predictProba(X).to2DArray()).not.toEqual(bal.predictProba(X).to2DArray());
    const a = new ExtraTreesClassifier({ nEstimators: 5, classWeight: 'balanced_subsample', randomState: 0 }).fit(X, y);
    const b = new ExtraTreesClassifier({ nEstimators: 5, classWeight: 'balanced', randomState: 0 }).fit(X, y);
    expect(a.predictProba(X).to2DArray()).toEqual(b.predictProba(X).to2DArray());
    // The root of each tree holds equal weight per class.
    const root = sub.estimators_[0].toJSON().state as { tree: { value: { values: number[] } } };
    const [w0, w1] = root.tree.value.values;
    expect(w0).toBeCloseTo(w1, 9);
  });

  it('maxSamples: the number of draws per tree, refused without bootstrap or above the sample count', () => {
    const rf = new RandomForestRegressor({ nEstimators: 3, maxSamples: 0.5, randomState: 0 }).fit(data, data.map((r) => r[3]));
    for (const t of rf.estimators_) expect((t.toJSON().state as { tree: { weightedNNodeSamples: { values: number[] } } }).tree.weightedNNodeSamples.values[0]).toBe(75);
    const rf2 = new RandomForestRegressor({ nEstimators: 3, maxSamples: 40, randomState: 0 }).fit(data, data.map((r) => r[3]));
    expect((rf2.estimators_[0].toJSON().state as { tree: { weightedNNodeSamples: { values: number[] } } }).tree.weightedNNodeSamples.values[0]).toBe(40);
    expect(validationError(() => new RandomForestRegressor({ maxSamples: 151 }).fit(data, target as number[])).param).toBe('maxSamples');
    expect(validationError(() => new ExtraTreesRegressor({ maxSamples: 0.5 }).fit(data, target as number[])).param).toBe('maxSamples');
  });

  it('samples of zero weight take no part (without bootstrap: the forest of the other samples)', () => {
    const w = target.map((_, i) => (i % 3 === 0 ? 0 : 1));
    const kept = data.filter((_, i) => i % 3 !== 0);
    const keptY = target.filter((_, i) => i % 3 !== 0);
    const a = new RandomForestClassifier({ nEstimators: 5, bootstrap: false, maxFeatures: 2, randomState: 4 }).fit(data, target, w);
    const b = new RandomForestClassifier({ nEstimators: 5, bootstrap: false, maxFeatures: 2, randomState: 4 }).fit(kept, keptY);
    expect(a.predictProba(data).to2DArray()).toEqual(b.predictProba(data).to2DArray());
    const big = new RandomForestClassifier({ nEstimators: 5, randomState: 4 }).fit(data, target, target.map(() => 1e308));
    expect(big.score(data, target)).toBeGreaterThan(0.95);
  });

  it('maxLeafNodes and ccpAlpha reach every tree', () => {
    const few = new RandomForestClassifier({ nEstimators: 5, maxLeafNodes: 4, randomState: 0 }).fit(data, target);
    expect(few.estimators_.every((t) => t.getNLeaves() <= 4)).toBe(true);
    const pruned = new ExtraTreesRegressor({ nEstimators: 5, ccpAlpha: 0.05, randomState: 0 }).fit(data, data.map((r) => r[3]));
    const full = new ExtraTreesRegressor({ nEstimators: 5, randomState: 0 }).fit(data, data.map((r) => r[3]));
    expect(pruned.estimators_.map((t) => t.getNLeaves())).toEqual(pruned.estimators_.map((t) => t.getNLeaves()));
    pruned.estimators_.forEach((t, k) => expect(t.getNLeaves()).toBeLessThan(full.estimators_[k].getNLeaves()));
    expect(validationError(() => new ExtraTreesRegressor({ criterion: 'absolute_error' }).fit(data, target as number[])).param).toBe('splitter');
  });

  it('featureImportances_ is the normalized mean of the trees’ importances and sums to 1', () => {
    const rf = new ExtraTreesRegressor({ nEstimators: 8, randomState: 1 }).fit(data, data.map((r) => r[0] + r[2]));
    const per = rf.estimators_.map((t) => t.featureImportances_);
    const m = per[0].map((_, j) => mean(per.map((r) => r[j])));
    const s = m.reduce((a, b) => a + b, 0);
    expectClose(rf.featureImportances_, m.map((v) => v / s), 1e-12);
    expect(rf.featureImportances_.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(rf.estimators_[0]).toBeInstanceOf(ExtraTreeRegressor);
    expect(new RandomForestRegressor({ nEstimators: 2 }).fit(data, target as number[]).estimators_[0]).toBeInstanceOf(DecisionTreeRegressor);
  });

  it('saves and loads: the same predictions bit for bit, out-of-bag results kept', () => {
    const rf = new RandomForestClassifier({ nEstimators: 25, oobScore: true, randomState: 0 }).fit(data, target);
    const back = loadModel<RandomForestClassifier>(JSON.stringify(rf));
    expect(back.predictProba(data).to2DArray()).toEqual(rf.predictProba(data).to2DArray());
    expect(back.oobScore_).toBe(rf.oobScore_);
    expect(back.estimators_[3].predict(data)).toEqual(rf.estimators_[3].predict(data));
    const reg = new ExtraTreesRegressor({ nEstimators: 10, randomState: 0 }).fit(data, target as number[]);
    expect(loadModel<ExtraTreesRegressor>(JSON.parse(JSON.stringify(reg))).predict(data)).toEqual(reg.predict(data));
    const saved = JSON.parse(JSON.stringify(rf));
    saved.state.seeds.pop();
    expect(() => loadModel(saved)).toThrow(ValidationError);
    expect(() => new RandomForestClassifier().featureImportances_).toThrow(NotFittedError);
  });
});

describe('bad input', () => {
  const { data, target } = loadIris();
  const ctors = [RandomForestClassifier, ExtraTreesClassifier, RandomForestRegressor, ExtraTreesRegressor] as const;

  it('invalid options are refused at construction, naming the option', () => {
    for (const C of ctors) {
      expect(validationError(() => new C({ nEstimators: 0 })).param).toBe('nEstimators');
      expect(validationError(() => new C({ maxDepth: 0 })).param).toBe('maxDepth');
      expect(validationError(() => new C({ maxSamples: 0 })).param).toBe('maxSamples');
      expect(validationError(() => new C({ randomState: -1 })).param).toBe('randomState');
    }
    expect(validationError(() => new RandomForestClassifier({ classWeight: 'subsample' as 'balanced' })).param).toBe('classWeight');
    expect(validationError(() => new RandomForestRegressor({ criterion: 'gini' as 'poisson' })).param).toBe('criterion');
  });

  it('maxFeatures larger than the number of features is refused', () => {
    for (const C of ctors) {
      const e = validationError(() => (C === RandomForestClassifier || C === ExtraTreesClassifier ? new C({ maxFeatures: 5 }).fit(data, target) : new C({ maxFeatures: 5 }).fit(data, target as number[])));
      expect(e.param).toBe('maxFeatures');
      expect(e.message).toMatch(/\(4\)/);
    }
  });

  it('NaN is refused (impute first), and a failed fit keeps the previous model', () => {
    const rf = new RandomForestClassifier({ nEstimators: 3, randomState: 0 }).fit(data, target);
    const before = rf.predict(data);
    const bad = data.map((r, i) => (i === 7 ? [NaN, ...r.slice(1)] : r));
    expect(validationError(() => rf.fit(bad, target)).param).toBe('X');
    expect(rf.predict(data)).toEqual(before);
    expect(validationError(() => new ExtraTreesRegressor().fit(bad, target as number[])).param).toBe('X');
  });

  it('a single sample: one class is refused for a classifier; a regressor predicts its value', () => {
    expect(() => new RandomForestClassifier().fit([[1, 2]], ['a'])).toThrow(ValidationError);
    const r = new RandomForestRegressor({ nEstimators: 5, randomState: 0 }).fit([[1, 2]], [3.5]);
    expect(r.predict([[0, 0], [9, 9]])).toEqual([3.5, 3.5]);
    expect(new ExtraTreesRegressor({ nEstimators: 5 }).fit([[1, 2]], [3.5]).predict([[4, 4]])).toEqual([3.5]);
  });

  it('constant features: single leaves, zero importances, the mean (or majority) predicted', () => {
    const X = Array.from({ length: 12 }, () => [1, 5, -2]);
    const y = Array.from({ length: 12 }, (_, i) => i % 3);
    const r = new ExtraTreesRegressor({ nEstimators: 4 }).fit(X, y);
    expect(r.featureImportances_).toEqual([0, 0, 0]);
    expect(r.predict([[1, 5, -2]])[0]).toBeCloseTo(1, 12);
    const c = new RandomForestClassifier({ nEstimators: 4, bootstrap: false }).fit(X, y.map((v) => (v === 0 ? 'a' : 'b')));
    expect(c.predict([[0, 0, 0]])).toEqual(['b']);
    expect(c.featureImportances_).toEqual([0, 0, 0]);
    expect(c.estimators_.every((t) => t.getNLeaves() === 1)).toBe(true);
  });

  it('all-equal targets: a regressor predicts them, a classifier refuses one class', () => {
    const r = new RandomForestRegressor({ nEstimators: 3 }).fit(data, data.map(() => 7));
    expect(new Set(r.predict(data))).toEqual(new Set([7]));
    expect(r.featureImportances_.every((v) => v === 0)).toBe(true);
    expect(() => new ExtraTreesClassifier().fit(data, data.map(() => 1))).toThrow(/class/);
  });

  it('minSamplesLeaf above half the data gives single-leaf trees; poisson refuses negative targets', () => {
    const r = new RandomForestRegressor({ nEstimators: 3, minSamplesLeaf: 100, randomState: 0 }).fit(data, target as number[]);
    expect(r.estimators_.every((t) => t.getNLeaves() === 1)).toBe(true);
    expect(validationError(() => new RandomForestRegressor({ criterion: 'poisson' }).fit(data, data.map((x) => x[0] - 6))).param).toBe('y');
  });
});

describe("the random splitter (splitter: 'random', scikit-learn's RandomSplitter)", () => {
  it('each threshold lies between the smallest and largest value of its feature in its node', () => {
    const { data, target } = loadDiabetes();
    for (const tree of [new ExtraTreeRegressor({ randomState: 0, maxDepth: 6 }).fit(data, target), new DecisionTreeRegressor({ splitter: 'random', randomState: 1, maxDepth: 6 }).fit(data, target)]) {
      const t = (tree.toJSON().state as { tree: Record<string, { values: number[] }> }).tree;
      const left = t.childrenLeft.values;
      const right = t.childrenRight.values;
      const feat = t.feature.values;
      const thr = t.threshold.values;
      const walk = (node: number, rows: number[]): void => {
        if (left[node] === -1) return;
        const v = rows.map((i) => Math.fround(data[i][feat[node]]));
        const lo = Math.min(...v);
        const hi = Math.max(...v);
        expect(thr[node]).toBeGreaterThanOrEqual(lo);
        expect(thr[node]).toBeLessThan(hi);
        walk(left[node], rows.filter((i) => Math.fround(data[i][feat[node]]) <= thr[node]));
        walk(right[node], rows.filter((i) => Math.fround(data[i][feat[node]]) > thr[node]));
      };
      walk(0, data.map((_, i) => i));
    }
  });

  it('ExtraTreeClassifier / ExtraTreeRegressor take scikit-learn’s defaults and are reproducible by seed', () => {
    const { data, target } = loadIris();
    expect(new ExtraTreeClassifier().getParams()).toMatchObject({ splitter: 'random', maxFeatures: 'sqrt' });
    expect(new ExtraTreeRegressor().getParams()).toMatchObject({ splitter: 'random', maxFeatures: null });
    const a = new ExtraTreeClassifier({ randomState: 3 }).fit(data, target);
    const b = new ExtraTreeClassifier({ randomState: 3 }).fit(data, target);
    expect(a.exportText()).toBe(b.exportText());
    expect(a.score(data, target)).toBe(1);
    expect(validationError(() => new DecisionTreeClassifier({ splitter: 'worst' as 'best' })).param).toBe('splitter');
  });
});
