/**
 * Type tests: classifiers are generic in their label type. `npm run typecheck` (tsc over test/)
 * checks every `expectTypeOf` and `@ts-expect-error` here, so a regression of the types fails CI;
 * vitest runs the few runtime lines.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  AdaBoostClassifier,
  BaggingClassifier,
  BernoulliNB,
  CategoricalNB,
  ComplementNB,
  DecisionTreeClassifier,
  ExtraTreeClassifier,
  ExtraTreesClassifier,
  GaussianNB,
  GradientBoostingClassifier,
  HistGradientBoostingClassifier,
  LinearRegression,
  LinearSVC,
  LogisticRegression,
  MLPClassifier,
  MultinomialNB,
  NuSVC,
  RandomForestClassifier,
  RidgeClassifier,
  SGDClassifier,
  SVC,
  StackingClassifier,
  VotingClassifier,
  type Classifier,
  type Label,
  type Predictor,
  type Regressor,
} from '../../src/index';

const X = [[0, 1], [1, 1], [2, 0], [3, 1], [4, 0], [5, 1], [6, 0], [7, 1]];
const y: string[] = ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'];

/** Every classifier's fit infers the label type from y: predict and classes_ follow it. */
function everyClassifier(): void {
  const fits = {
    logistic: new LogisticRegression().fit(X, y),
    sgd: new SGDClassifier().fit(X, y),
    ridge: new RidgeClassifier().fit(X, y),
    linearSvc: new LinearSVC().fit(X, y),
    svc: new SVC().fit(X, y),
    nuSvc: new NuSVC().fit(X, y),
    tree: new DecisionTreeClassifier().fit(X, y),
    extraTree: new ExtraTreeClassifier().fit(X, y),
    forest: new RandomForestClassifier().fit(X, y),
    extraTrees: new ExtraTreesClassifier().fit(X, y),
    gradientBoosting: new GradientBoostingClassifier().fit(X, y),
    hist: new HistGradientBoostingClassifier().fit(X, y),
    adaBoost: new AdaBoostClassifier().fit(X, y),
    bagging: new BaggingClassifier({ estimator: new LogisticRegression() }).fit(X, y),
    voting: new VotingClassifier([['lr', new LogisticRegression()]]).fit(X, y),
    stacking: new StackingClassifier([['lr', new LogisticRegression()]]).fit(X, y),
    gaussian: new GaussianNB().fit(X, y),
    multinomial: new MultinomialNB().fit(X, y),
    bernoulli: new BernoulliNB().fit(X, y),
    complement: new ComplementNB().fit(X, y),
    categorical: new CategoricalNB().fit(X, y),
  };
  expectTypeOf(fits.logistic.predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(fits.sgd.predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(fits.ridge.predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(fits.linearSvc.predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(fits.svc.predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(fits.nuSvc.predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(fits.tree.predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(fits.extraTree.predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(fits.forest.predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(fits.extraTrees.predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(fits.gradientBoosting.predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(fits.hist.predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(fits.adaBoost.predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(fits.bagging.predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(fits.voting.predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(fits.stacking.predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(fits.gaussian.predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(fits.multinomial.predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(fits.bernoulli.predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(fits.complement.predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(fits.categorical.predict(X)).toEqualTypeOf<string[]>();

  expectTypeOf(fits.logistic.classes_).toEqualTypeOf<string[]>();
  expectTypeOf(fits.svc.classes_).toEqualTypeOf<string[]>();
  expectTypeOf(fits.tree.classes_).toEqualTypeOf<string[]>();
  expectTypeOf(fits.forest.classes_).toEqualTypeOf<string[]>();
  expectTypeOf(fits.hist.classes_).toEqualTypeOf<string[]>();
  expectTypeOf(fits.voting.classes_).toEqualTypeOf<string[]>();
  expectTypeOf(fits.stacking.classes_).toEqualTypeOf<string[]>();
  expectTypeOf(fits.gaussian.classes_).toEqualTypeOf<string[]>();

  // fit keeps the class: the leaves of shared bases too.
  expectTypeOf(fits.forest).toEqualTypeOf<RandomForestClassifier<string>>();
  expectTypeOf(fits.extraTrees).toEqualTypeOf<ExtraTreesClassifier<string>>();
  expectTypeOf(fits.svc).toEqualTypeOf<SVC<string>>();
  expectTypeOf(fits.nuSvc).toEqualTypeOf<NuSVC<string>>();
  expectTypeOf(fits.multinomial).toEqualTypeOf<MultinomialNB<string>>();
  expectTypeOf(fits.categorical).toEqualTypeOf<CategoricalNB<string>>();
  expectTypeOf(fits.extraTree).toEqualTypeOf<ExtraTreeClassifier<string>>();
  // Methods of the class stay reachable on the typed result.
  expectTypeOf(fits.svc.nSupport_).toEqualTypeOf<number[]>();
  expectTypeOf(fits.logistic.coef_).toEqualTypeOf<number[][]>();

  // fit's options form (onProgress, signal) keeps the typing.
  const controlled = new RandomForestClassifier().fit(X, y, { onProgress: () => undefined });
  expectTypeOf(controlled).toEqualTypeOf<RandomForestClassifier<string>>();
  expectTypeOf(new SVC().fit(X, y, { sampleWeight: null }).predict(X)).toEqualTypeOf<string[]>();
  expectTypeOf(new MLPClassifier().fit(X, y, { onProgress: () => undefined })).toEqualTypeOf<MLPClassifier<string>>();

  // MLPClassifier: labels, or 0/1 rows for a multilabel y.
  expectTypeOf(new MLPClassifier().fit(X, y).predict(X)).toEqualTypeOf<string[] | number[][]>();
}

describe('classifiers are generic in their labels', () => {
  it('infers the labels at fit: strings, literal unions, numbers, booleans', () => {
    const clf = new LogisticRegression().fit(X, y);
    expectTypeOf(clf).toEqualTypeOf<LogisticRegression<string>>();
    expectTypeOf(clf.predict(X)).toEqualTypeOf<string[]>();
    expectTypeOf(clf.classes_).toEqualTypeOf<string[]>();
    expect(clf.predict([[0, 1]])).toEqual(['a']);

    const lit = new LogisticRegression().fit(X, ['no', 'no', 'no', 'no', 'yes', 'yes', 'yes', 'yes'] as const);
    expectTypeOf(lit.predict(X)).toEqualTypeOf<('no' | 'yes')[]>();
    const readonlyY: readonly string[] = y;
    expectTypeOf(new GaussianNB().fit(X, readonlyY).predict(X)).toEqualTypeOf<string[]>();
    expectTypeOf(new GaussianNB().fit(X, new Float64Array([0, 0, 0, 0, 1, 1, 1, 1])).predict(X)).toEqualTypeOf<number[]>();
    const flags: boolean[] = [false, false, false, false, true, true, true, true];
    expectTypeOf(new DecisionTreeClassifier().fit(X, flags).predict(X)).toEqualTypeOf<boolean[]>();
    expect(new DecisionTreeClassifier({ randomState: 0 }).fit(X, flags).predict([[7, 1]])).toEqual([true]);

    // A multi-output tree: rows of labels.
    const rows: string[][] = y.map((v) => [v, v]);
    expectTypeOf(new DecisionTreeClassifier().fit(X, rows).predict(X)).toEqualTypeOf<string[][]>();
  });

  it('a classifier typed up front, or left general', () => {
    const typed = new SVC<'cat' | 'dog'>();
    expectTypeOf(typed.predict).returns.toEqualTypeOf<('cat' | 'dog')[]>();
    const general = new LogisticRegression();
    expectTypeOf(general.predict).returns.toEqualTypeOf<Label[]>();
    expectTypeOf<LogisticRegression['classes_']>().toEqualTypeOf<Label[]>();
    // A typed classifier is still a LogisticRegression, a Predictor and a BaseEstimator.
    const asGeneral: LogisticRegression = new LogisticRegression().fit(X, y);
    const asPredictor: Predictor = asGeneral;
    void asPredictor;
  });

  it('refuses what the labels rule out', () => {
    const clf = new LogisticRegression().fit(X, y);
    // @ts-expect-error the labels are strings, not numbers
    const wrong: number[] = clf.predict(X);
    // @ts-expect-error classes_ are strings
    const wrongClasses: boolean[] = clf.classes_;
    // @ts-expect-error a regressor predicts numbers
    const notLabels: string[] = new LinearRegression().fit(X, [1, 2, 3, 4, 5, 6, 7, 8]).predict(X);
    // @ts-expect-error labels are numbers, strings or booleans
    const badLabels = () => new LogisticRegression().fit(X, [{}, {}]);
    expect(badLabels).toThrow();
    void wrong;
    void wrongClasses;
    void notLabels;
    void everyClassifier;
  });
});

describe('partialFit carries the labels of its first batch', () => {
  const classes: readonly string[] = ['a', 'b'];

  it('the first call (with classes) types predict and classes_, as fit does', () => {
    const sgd = new SGDClassifier({ randomState: 0 }).partialFit(X, y, { classes });
    expectTypeOf(sgd).toEqualTypeOf<SGDClassifier<string>>();
    expectTypeOf(sgd.predict(X)).toEqualTypeOf<string[]>();
    expect(sgd.classes_).toEqual(['a', 'b']);
    // Later batches keep the type (and return this).
    expectTypeOf(sgd.partialFit(X, y)).toEqualTypeOf<SGDClassifier<string>>();
    const nbs = {
      gaussian: new GaussianNB().partialFit(X, y, { classes }),
      multinomial: new MultinomialNB().partialFit(X, y, { classes }),
      bernoulli: new BernoulliNB().partialFit(X, y, { classes }),
      complement: new ComplementNB().partialFit(X, y, { classes }),
      categorical: new CategoricalNB().partialFit(X, y, { classes }),
    };
    expectTypeOf(nbs.gaussian).toEqualTypeOf<GaussianNB<string>>();
    expectTypeOf(nbs.multinomial.predict(X)).toEqualTypeOf<string[]>();
    expectTypeOf(nbs.bernoulli.classes_).toEqualTypeOf<string[]>();
    expectTypeOf(nbs.complement.predict(X)).toEqualTypeOf<string[]>();
    expectTypeOf(nbs.categorical.predict(X)).toEqualTypeOf<string[]>();
    expect(nbs.gaussian.predict([[0, 1]])).toEqual(['a']);
    const mlp = new MLPClassifier({ hiddenLayerSizes: [4], randomState: 0 }).partialFit(X, y, { classes });
    expectTypeOf(mlp).toEqualTypeOf<MLPClassifier<string>>();
    expect(mlp.classes_).toEqual(['a', 'b']);
    // Inline classes and labels give their literal union; numbers stay numbers.
    const lit = new SGDClassifier().partialFit(X, ['no', 'yes', 'no', 'yes', 'no', 'yes', 'no', 'yes'], { classes: ['no', 'yes'] });
    expectTypeOf(lit.predict(X)).toEqualTypeOf<('no' | 'yes')[]>();
    const yNum: number[] = [0, 0, 0, 0, 1, 1, 1, 1];
    expectTypeOf(new GaussianNB().partialFit(X, yNum, { classes: [0, 1] }).predict(X)).toEqualTypeOf<number[]>();
  });

  it('refuses what the labels rule out', () => {
    const sgd = new SGDClassifier({ randomState: 0 }).partialFit(X, y, { classes });
    // @ts-expect-error the labels are strings
    const wrong: number[] = sgd.predict(X);
    // @ts-expect-error a later batch's labels must be of the first call's type
    const numbersLater = () => sgd.partialFit(X, [0, 1, 0, 1, 0, 1, 0, 1]);
    expect(numbersLater).toThrow();
    const nb = new MultinomialNB().partialFit(X, ['x', 'y', 'x', 'y', 'x', 'y', 'x', 'y'], { classes: ['x', 'y'] });
    // @ts-expect-error 'z' is not among the classes of the first call
    const outside = () => nb.partialFit(X, ['z', 'x', 'x', 'x', 'x', 'x', 'x', 'x']);
    expect(outside).toThrow();
    void wrong;
  });
});

describe('the contract interfaces', () => {
  it('a fitted classifier is a Classifier of its labels', () => {
    const clf = new LogisticRegression().fit(X, y);
    expectTypeOf(clf).toMatchTypeOf<Classifier<string>>();
    expectTypeOf(clf).toMatchTypeOf<Classifier>();
    expectTypeOf(new LogisticRegression()).not.toMatchTypeOf<Classifier<number>>();
    expectTypeOf(new LinearRegression()).toMatchTypeOf<Regressor>();
    // partialFit takes its classes as a readonly array.
    const classes: readonly string[] = ['a', 'b'];
    expect(new SGDClassifier({ randomState: 0 }).partialFit(X, y, { classes }).classes_).toEqual(['a', 'b']);
  });
});
