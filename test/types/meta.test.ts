/**
 * Type tests: searches generic in their estimator, loadModel's checked `expect`, records typed
 * with an interface or readonly. Checked by `npm run typecheck` (tsc over test/); vitest runs the
 * runtime lines (loadModel's check is a run-time check too).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  AdaBoostClassifier,
  AdaBoostRegressor,
  BaggingClassifier,
  BaggingRegressor,
  BaseClassifier,
  BaseEstimator,
  ColumnTransformer,
  DecisionTreeRegressor,
  FeatureUnion,
  GridSearchCV,
  LinearRegression,
  LogisticRegression,
  MissingIndicator,
  OneHotEncoder,
  RFE,
  SelectFromModel,
  Pipeline,
  RandomizedSearchCV,
  SimpleImputer,
  StandardScaler,
  ValidationError,
  VotingClassifier,
  loadModel,
  uniform,
  type Label,
} from '../../src/index';

const X = [[0, 1], [1, 1], [2, 0], [3, 1], [4, 0], [5, 1], [6, 0], [7, 1], [8, 0], [9, 1]];
const y: string[] = ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b'];

describe('searches are generic in their estimator', () => {
  it('bestEstimator_ has the estimator type: a Pipeline with its steps', () => {
    const pipe = new Pipeline([['scale', new StandardScaler()], ['clf', new LogisticRegression<string>()]]);
    const search = new GridSearchCV(pipe, { clf__C: [0.1, 1] }, { cv: 2 }).fit(X, y);
    expectTypeOf(search.bestEstimator_).toEqualTypeOf<typeof pipe>();
    expectTypeOf(search.bestEstimator_.namedSteps.clf.coef_).toEqualTypeOf<number[][]>();
    expectTypeOf(search.predict(X)).toEqualTypeOf<string[]>();
    expectTypeOf(search.classes_).toEqualTypeOf<string[]>();
    expect(search.bestEstimator_.namedSteps.clf.coef_[0]).toHaveLength(2);

    const rs = new RandomizedSearchCV(new LinearRegression(), { fitIntercept: [true, false] }, { nIter: 2, cv: 2, randomState: 0 });
    expectTypeOf<(typeof rs)['bestEstimator_']>().toEqualTypeOf<LinearRegression>();
    expectTypeOf(rs.predict).returns.toEqualTypeOf<number[]>();
    const byOptions = new GridSearchCV({ estimator: new LogisticRegression(), paramGrid: { C: [1] } });
    expectTypeOf<(typeof byOptions)['bestEstimator_']>().toEqualTypeOf<LogisticRegression>();
    expect(byOptions.getParams().estimator).toBeInstanceOf(LogisticRegression);
    void uniform;
  });

  it('refuses what the estimator type rules out', () => {
    const search = new GridSearchCV(new LinearRegression(), { fitIntercept: [true, false] });
    // @ts-expect-error a LinearRegression has no classes_
    void (() => search.bestEstimator_.classes_);
    // @ts-expect-error a regressor's search predicts numbers
    const labels = (): string[] => search.predict(X);
    void labels;
  });
});

describe('feature selectors over an estimator', () => {
  it('estimator_ has the estimator type', () => {
    const rfe = new RFE({ estimator: new LogisticRegression(), nFeaturesToSelect: 1 }).fit(X, y);
    expectTypeOf(rfe.estimator_).toEqualTypeOf<LogisticRegression>();
    expect(rfe.estimator_.coef_[0]).toHaveLength(1);
    const sfm = new SelectFromModel({ estimator: new LinearRegression() });
    expectTypeOf<(typeof sfm)['estimator_']>().toEqualTypeOf<LinearRegression>();
    expect(sfm.fit(X, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).estimator_.coef_).toHaveLength(2);
  });
});

describe('bagging over an estimator', () => {
  it('estimators_ have the estimator type; predict the labels of y', () => {
    const bag = new BaggingClassifier({ estimator: new LogisticRegression(), nEstimators: 3, randomState: 0 }).fit(X, y);
    expectTypeOf(bag.estimators_).toEqualTypeOf<LogisticRegression[]>();
    expectTypeOf(bag.predict(X)).toEqualTypeOf<string[]>();
    expect(bag.estimators_[0].coef_[0]).toHaveLength(2);
    const reg = new BaggingRegressor({ estimator: new LinearRegression(), nEstimators: 2, randomState: 0 });
    expectTypeOf<(typeof reg)['estimators_']>().toEqualTypeOf<LinearRegression[]>();
    expectTypeOf<BaggingClassifier['estimators_']>().toEqualTypeOf<BaseEstimator[]>();
    expect(reg.getParams().nEstimators).toBe(2);
  });
});

describe('AdaBoost over an estimator', () => {
  it('estimators_ and estimator_ have the estimator type; predict the labels of y', () => {
    const ada = new AdaBoostClassifier({ estimator: new LogisticRegression(), nEstimators: 2, randomState: 0 }).fit(X, y);
    expectTypeOf(ada.estimators_).toEqualTypeOf<LogisticRegression[]>();
    expectTypeOf(ada.estimator_).toEqualTypeOf<LogisticRegression>();
    expectTypeOf(ada.predict(X)).toEqualTypeOf<string[]>();
    expect(ada.estimators_[0].coef_[0]).toHaveLength(2);
    const reg = new AdaBoostRegressor({ estimator: new DecisionTreeRegressor({ maxDepth: 2 }), nEstimators: 2, randomState: 0 }).fit(X, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expectTypeOf(reg.estimators_).toEqualTypeOf<DecisionTreeRegressor[]>();
    expect(reg.estimators_[0].getDepth()).toBeLessThanOrEqual(2);
    // Without an estimator the members are typed BaseEstimator (a stump or depth-3 tree at run time).
    expectTypeOf<AdaBoostClassifier['estimators_']>().toEqualTypeOf<BaseEstimator[]>();
    expectTypeOf(new AdaBoostRegressor({ nEstimators: 2 }).fit(X, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).estimators_).toEqualTypeOf<BaseEstimator[]>();
  });

  it('refuses what the estimator type rules out', () => {
    const reg = new AdaBoostRegressor({ estimator: new LinearRegression(), nEstimators: 2 });
    // @ts-expect-error a LinearRegression has no classes_
    void (() => reg.estimators_[0].classes_);
    const ada = new AdaBoostClassifier({ estimator: new LogisticRegression() });
    // @ts-expect-error the members are LogisticRegressions, not LinearRegressions
    const members = (): LinearRegression[] => ada.estimators_;
    void members;
  });
});

describe('FeatureUnion over named transformers', () => {
  it('namedTransformers_ are typed per entry', () => {
    const union = new FeatureUnion([
      ['scaled', new StandardScaler()],
      ['missing', new MissingIndicator()],
      ['raw', 'passthrough'],
    ]);
    union.fit([[1, 2], [NaN, 4], [3, 6]]);
    expectTypeOf(union.namedTransformers_.scaled).toEqualTypeOf<StandardScaler>();
    expectTypeOf(union.namedTransformers_.missing.features_).toEqualTypeOf<MissingIndicator['features_']>();
    expectTypeOf(union.namedTransformers_.raw).toEqualTypeOf<'passthrough'>();
    expect(union.namedTransformers_.scaled.mean_).toHaveLength(2);
    // @ts-expect-error no transformer is named 'other'
    void (() => union.namedTransformers_.other);
    // Entries as const go in too; a list typed FeatureUnionEntry[] keeps the general record.
    const entries = [['scaled', new StandardScaler()]] as const;
    expectTypeOf(new FeatureUnion(entries).fit(X).namedTransformers_.scaled).toEqualTypeOf<StandardScaler>();
    const general = new FeatureUnion({ transformerList: [['s', new StandardScaler()]] });
    expectTypeOf<(typeof general)['namedTransformers_']>().toEqualTypeOf<Record<string, BaseEstimator | 'drop' | 'passthrough'>>();
    expect(general.getParams().transformerList).toHaveLength(1);
  });
});

describe('voting and stacking over named members', () => {
  it('namedEstimators_ are typed per member; predict the labels of y', () => {
    const vote = new VotingClassifier([['lr', new LogisticRegression()], ['bag', new BaggingClassifier({ nEstimators: 2, randomState: 0 })]]).fit(X, y);
    expectTypeOf(vote.namedEstimators_.lr).toEqualTypeOf<LogisticRegression>();
    expectTypeOf(vote.predict(X)).toEqualTypeOf<string[]>();
    expect(vote.namedEstimators_.lr.coef_[0]).toHaveLength(2);
    // @ts-expect-error no member is named 'svc'
    void (() => vote.namedEstimators_.svc);
  });
});

describe('loadModel', () => {
  const saved = JSON.stringify(new Pipeline([['scale', new StandardScaler()], ['clf', new LogisticRegression()]]).fit(X, y));

  it('with expect: checked and typed', () => {
    const pipe = loadModel(saved, { expect: Pipeline });
    expectTypeOf(pipe).toEqualTypeOf<Pipeline>();
    expect(pipe.predict(X)).toEqual(y);
    // An abstract base passes for its subclasses.
    const clf = loadModel(JSON.stringify(new LogisticRegression().fit(X, y)), { expect: BaseClassifier });
    expect(clf).toBeInstanceOf(BaseClassifier);
    expectTypeOf(clf.classes_).toEqualTypeOf<Label[]>();
    expect(clf.classes_).toEqual(['a', 'b']);
  });

  it('with expect: another class is a ValidationError naming both', () => {
    expect(() => loadModel(saved, { expect: LogisticRegression })).toThrow(ValidationError);
    expect(() => loadModel(saved, { expect: LogisticRegression })).toThrow(/expected a LogisticRegression \(the expect option\), but the JSON holds a Pipeline/);
    // @ts-expect-error expect takes a class
    expect(() => loadModel(saved, { expect: 'Pipeline' })).toThrow(/The 'expect' option of loadModel must be a class/);
  });

  it('without expect: the base type', () => {
    const model = loadModel(saved);
    expectTypeOf(model).toEqualTypeOf<BaseEstimator>();
    // @ts-expect-error predict is not known without expect
    void (() => model.predict(X));
  });
});

describe('records', () => {
  interface Car {
    readonly origin: string;
    readonly hp: number | null;
  }
  const cars: readonly Car[] = [
    { origin: 'US', hp: 130 },
    { origin: 'Europe', hp: null },
    { origin: 'Japan', hp: 95 },
    { origin: 'US', hp: 150 },
  ];

  it('rows typed with an interface, in a readonly array, go in wherever records do', () => {
    const ct = new ColumnTransformer([
      ['num', new SimpleImputer(), ['hp']],
      ['cat', new OneHotEncoder(), ['origin']],
    ]);
    expect(ct.fitTransform(cars).columns).toBe(4);
    expectTypeOf(ct.namedTransformers_.num).toEqualTypeOf<SimpleImputer>();
    expectTypeOf(ct.namedTransformers_.cat.categories_).toEqualTypeOf<OneHotEncoder['categories_']>();
    // @ts-expect-error no transformer is named 'missing'
    void (() => ct.namedTransformers_.missing);
    // Entries as const (readonly triples, readonly column lists) go in too.
    const entries = [['cat', new OneHotEncoder(), ['origin']]] as const;
    expect(new ColumnTransformer(entries).fitTransform(cars).columns).toBe(3);
    expect(new OneHotEncoder().fit(cars.map(({ origin }) => ({ origin }))).transform(cars.map(({ origin }) => ({ origin }))).columns).toBe(3);
    const pipe = new Pipeline([['ct', ct], ['clf', new LogisticRegression()]]).fit(cars, ['x', 'y', 'x', 'y'] as const);
    expectTypeOf(pipe.predict(cars)).toEqualTypeOf<('x' | 'y')[]>();
    // Readonly X rows and y.
    const Xr: ReadonlyArray<readonly number[]> = X;
    const yr: readonly string[] = y;
    expectTypeOf(new LogisticRegression().fit(Xr, yr).predict(Xr)).toEqualTypeOf<string[]>();
    const general: Label[] = new LogisticRegression().fit(Xr, yr).predict(Xr);
    void general;
  });
});
