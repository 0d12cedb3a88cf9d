/** The capability interfaces and their type guards (core/capabilities), as meta-estimators use them. */
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import {
  BaseEstimator,
  BaseRegressor,
  ColumnTransformer,
  FeatureUnion,
  GridSearchCV,
  LinearRegression,
  LogisticRegression,
  OneHotEncoder,
  Pipeline,
  RFE,
  Ridge,
  RidgeCV,
  SGDClassifier,
  SimpleImputer,
  StandardScaler,
  ValidationError,
  checkArray,
  getTags,
  hasClasses,
  hasDecisionFunction,
  hasPredictLogProba,
  isFeatureNamer,
  isFittable,
  isIncremental,
  isInverseTransformer,
  isPredictor,
  isProbaPredictor,
  isScorable,
  isTableTransformer,
  isTransformer,
  requireCapability,
  type DecisionFunction,
  type Fittable,
  type HasClasses,
  type InverseTransformer,
  type LogProbaPredictor,
  type MatrixLike,
  type Predictor,
  type ProbaPredictor,
  type Scorable,
  type TableTransformer,
  type Transformer,
} from '../../src/index';

/** A transformer written against BaseEstimator alone: fit and transform, no fitTransform. */
class TimesTwo extends BaseEstimator<object, { nFeaturesIn: number }> {
  static override readonly className = 'TimesTwo';
  fit(X: MatrixLike): this {
    this.state = { nFeaturesIn: checkArray(X).columns };
    return this;
  }
  transform(X: MatrixLike): Matrix {
    this.fitted('transform');
    return checkArray(X).mul(2);
  }
}

/** An estimator with neither transform nor predict. */
class FitOnly extends BaseEstimator<object, { ok: true }> {
  static override readonly className = 'FitOnly';
  fit(): this {
    this.state = { ok: true };
    return this;
  }
}

/** An estimator without even fit. */
class Inert extends BaseEstimator {
  static override readonly className = 'Inert';
}

const X = [[0, 1], [1, 0], [2, 3], [3, 2], [4, 5], [5, 4]];
const yc = [0, 0, 0, 1, 1, 1];
const yr = [1, 2, 3, 4, 5, 6];

describe('the built-in estimators declare their capabilities structurally', () => {
  it('satisfy the interfaces at compile time (these assignments type-check)', () => {
    const t: Transformer = new StandardScaler();
    const tt: TableTransformer = new SimpleImputer();
    const inv: InverseTransformer = new OneHotEncoder();
    const p: Predictor = new LinearRegression();
    const multi: Predictor<number[] | number[][]> = new Ridge();
    const proba: ProbaPredictor = new LogisticRegression();
    const logProba: LogProbaPredictor = new LogisticRegression();
    const df: DecisionFunction = new SGDClassifier();
    const s: Scorable = new RidgeCV();
    const c: HasClasses = new LogisticRegression();
    const f: Fittable = new Pipeline([['scale', new StandardScaler()], ['ols', new LinearRegression()]]);
    for (const v of [t, tt, inv, p, multi, proba, logProba, df, s, c, f]) expect(v).toBeInstanceOf(BaseEstimator);
  });

  it('are told apart by the guards', () => {
    const scaler = new StandardScaler();
    expect([isFittable(scaler), isTransformer(scaler), isInverseTransformer(scaler), isFeatureNamer(scaler)]).toEqual([true, true, true, true]);
    expect([isPredictor(scaler), isTableTransformer(scaler), hasClasses(scaler)]).toEqual([false, false, false]);
    expect(isTableTransformer(new SimpleImputer())).toBe(true);
    const ols = new LinearRegression();
    expect([isPredictor(ols), isScorable(ols), isProbaPredictor(ols), hasDecisionFunction(ols), hasClasses(ols), isTransformer(ols)]).toEqual([true, true, false, false, false, false]);
    const logit = new LogisticRegression();
    expect([isProbaPredictor(logit), hasPredictLogProba(logit), hasDecisionFunction(logit), hasClasses(logit)]).toEqual([true, true, true, true]);
    expect(isIncremental(new SGDClassifier())).toBe(true);
    expect(isIncremental(logit)).toBe(false);
  });

  it('reject values that are not estimators', () => {
    for (const v of [null, undefined, 0, 'fit', [], {}, { fit: 1 }]) {
      expect(isFittable(v)).toBe(false);
      expect(isTransformer(v)).toBe(false);
      expect(isPredictor(v)).toBe(false);
      expect(hasClasses(v)).toBe(false);
    }
    // Any object with the methods qualifies: the guards are structural, as duck typing in scikit-learn.
    expect(isTransformer({ fit() {}, transform() {} })).toBe(true);
  });
});

describe('requireCapability', () => {
  it('returns the narrowed estimator, or an unsupported error naming the owner, the role and the inner class', () => {
    const ols = new LinearRegression();
    const p = requireCapability(ols, isPredictor, 'predict', { estimator: 'MyMeta', role: 'estimator' });
    expect(p).toBe(ols);
    let err: unknown;
    try {
      requireCapability(ols, isProbaPredictor, 'predictProba', { estimator: 'MyMeta', role: 'estimator' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).code).toBe('unsupported');
    expect((err as ValidationError).message).toBe('MyMeta has no predictProba: its estimator (LinearRegression) does not implement it.');
  });
});

describe('meta-estimators route through the capabilities', () => {
  it('a Pipeline step with fit and transform but no fitTransform is fitted, then transformed', () => {
    const pipe = new Pipeline([['two', new TimesTwo()], ['ols', new LinearRegression()]]).fit(X, yr);
    const direct = new LinearRegression().fit(X.map((r) => r.map((v) => 2 * v)), yr);
    expect(pipe.predict([[1, 1]])).toEqual(direct.predict([[2, 2]]));
    expect(new FeatureUnion([['two', new TimesTwo()]]).fitTransform(X).to2DArray()).toEqual(X.map((r) => r.map((v) => 2 * v)));
    expect(new ColumnTransformer([['two', new TimesTwo(), [1]]]).fitTransform(X).to2DArray()).toEqual(X.map((r) => [2 * r[1]]));
  });

  it('a Pipeline refuses, when built, a middle step that cannot transform and a last step that cannot fit', () => {
    expect(() => new Pipeline([['f', new FitOnly()], ['ols', new LinearRegression()]])).toThrow(ValidationError);
    expect(() => new Pipeline([['scale', new StandardScaler()], ['inert', new Inert()]])).toThrow(ValidationError);
    expect(() => new Pipeline([['scale', new StandardScaler()], ['f', new FitOnly()]])).not.toThrow();
  });

  it('a missing capability of the last step, best estimator or inner estimator is an unsupported error', () => {
    const pipe = new Pipeline([['scale', new StandardScaler()], ['ols', new LinearRegression()]]).fit(X, yr);
    expect(() => pipe.predictProba(X)).toThrow('This Pipeline has no predictProba: its last step (LinearRegression) does not implement it.');
    expect(() => pipe.classes_).toThrow('This Pipeline has no classes_');
    const search = new GridSearchCV(new LinearRegression(), { fitIntercept: [true, false] }, { cv: 3 }).fit(X, yr);
    expect(() => search.decisionFunction(X)).toThrow('GridSearchCV has no decisionFunction: its best estimator (LinearRegression) does not implement it.');
    const rfe = new RFE({ estimator: new LinearRegression(), nFeaturesToSelect: 1 }).fit(X, yr);
    expect(() => rfe.predictProba(X)).toThrow('RFE has no predictProba: its estimator (LinearRegression) does not implement it.');
    const clf = new Pipeline([['scale', new StandardScaler()], ['logit', new LogisticRegression()]]).fit(X, yc);
    expect(clf.classes_).toEqual([0, 1]);
    expect(clf.predictLogProba(X).rows).toBe(6);
  });
});

describe('className and BaseRegressor', () => {
  it('className is public on every estimator', () => {
    expect(new StandardScaler().className).toBe('StandardScaler');
    expect(new TimesTwo().className).toBe('TimesTwo');
  });

  it('Ridge and RidgeCV are BaseRegressors with regressor tags and R² averaged over targets', () => {
    expect(new Ridge()).toBeInstanceOf(BaseRegressor);
    expect(new RidgeCV()).toBeInstanceOf(BaseRegressor);
    expect(getTags(Ridge)).toMatchObject({ estimatorType: 'regressor', requiresY: true });
    const Y = yr.map((v, i) => [v, (i * 7) % 5]);
    const m = new Ridge({ alpha: 0.5 }).fit(X, Y);
    const one = new Ridge({ alpha: 0.5 }).fit(X, Y.map((r) => r[0]));
    const two = new Ridge({ alpha: 0.5 }).fit(X, Y.map((r) => r[1]));
    expect(m.score(X, Y)).toBeCloseTo((one.score(X, yr) + two.score(X, Y.map((r) => r[1]))) / 2, 12);
    expect(() => m.score(X, yr)).toThrow(ValidationError);
  });
});

describe('BaseRegressor score on rows of one target', () => {
  it('takes a 1-d y for a model fitted on one column, as before', () => {
    const m = new Ridge({ alpha: 0.5 }).fit(X, yr.map((v) => [v]));
    expect(m.score(X, yr)).toBeCloseTo(new Ridge({ alpha: 0.5 }).fit(X, yr).score(X, yr), 12);
    expect(m.score(X, yr.map((v) => [v]))).toBeCloseTo(m.score(X, yr), 12);
  });
});
