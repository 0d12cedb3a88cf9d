/**
 * The registered estimators and how to build those whose constructor needs arguments, shared by the
 * contract suite (registry.test.ts) and the fuzz suite (fuzz/). Add a line to OPTIONS when you
 * register such a class.
 */
import '../src/index';
import {
  ColumnTransformer,
  FeatureUnion,
  GridSearchCV,
  LinearRegression,
  LogisticRegression,
  MLPClassifier,
  MLPRegressor,
  OneHotEncoder,
  OrdinalEncoder,
  Pipeline,
  RandomizedSearchCV,
  SelectKBest,
  SimpleImputer,
  StandardScaler,
  TargetEncoder,
  loguniform,
  registeredEstimators,
  RFE,
  RFECV,
  SelectFromModel,
  SequentialFeatureSelector,
  VotingClassifier,
  VotingRegressor,
  StackingClassifier,
  StackingRegressor,
  DecisionTreeClassifier,
  DecisionTreeRegressor,
} from '../src/index';
import type { CheckableClass, EstimatorCheckOptions } from '../src/testing/index';

/**
 * How to build the classes whose constructor needs arguments, and checks a class may skip (with
 * the reason). Add a line here when you register such a class.
 */
export const OPTIONS: Record<string, EstimatorCheckOptions> = {
  Pipeline: {
    make: () => new Pipeline([['impute', new SimpleImputer()], ['scale', new StandardScaler()], ['ols', new LinearRegression()]]),
  },
  GridSearchCV: {
    make: () => new GridSearchCV(new LinearRegression(), { fitIntercept: [true, false] }, { cv: 3 }),
  },
  RandomizedSearchCV: {
    make: () => new RandomizedSearchCV(new LogisticRegression(), { C: loguniform(0.01, 10) }, { nIter: 3, cv: 3, randomState: 0 }),
  },
  ColumnTransformer: {
    make: () => new ColumnTransformer([['scale', new StandardScaler(), [0, 1]], ['impute', new SimpleImputer(), [2]]], { remainder: 'passthrough' }),
  },
  FeatureUnion: {
    make: () => new FeatureUnion([['scale', new StandardScaler()], ['impute', new SimpleImputer({ strategy: 'median' })]]),
  },
  RFE: { make: () => new RFE({ estimator: new LogisticRegression(), nFeaturesToSelect: 2 }) },
  RFECV: { make: () => new RFECV({ estimator: new LinearRegression(), cv: 3 }) },
  SelectFromModel: { make: () => new SelectFromModel({ estimator: new LogisticRegression() }) },
  SequentialFeatureSelector: { make: () => new SequentialFeatureSelector({ estimator: new LinearRegression(), nFeaturesToSelect: 2, cv: 3 }) },
  // k defaults to 10, and k greater than the number of features (4 here) throws, as in scikit-learn.
  SelectKBest: { make: () => new SelectKBest({ k: 2 }) },
  VotingClassifier: {
    make: () => new VotingClassifier([['lr', new LogisticRegression()], ['tree', new DecisionTreeClassifier({ maxDepth: 3 })]], { voting: 'soft' }),
  },
  VotingRegressor: { make: () => new VotingRegressor([['ols', new LinearRegression()], ['tree', new DecisionTreeRegressor({ maxDepth: 3 })]]) },
  StackingClassifier: {
    make: () => new StackingClassifier([['lr', new LogisticRegression()], ['tree', new DecisionTreeClassifier({ maxDepth: 3 })]], { cv: 3 }),
  },
  StackingRegressor: {
    make: () => new StackingRegressor([['ols', new LinearRegression()], ['tree', new DecisionTreeRegressor({ maxDepth: 3 })]], { cv: 3 }),
  },
};

/**
 * Checks that fit and transform X (2-d): they do not apply to the label transformers, which take
 * 1-d labels (`fit(y)`), as scikit-learn's own common checks leave them out. Their save/load,
 * clone and not-fitted behaviour is tested in test/preprocessing/labels.test.ts.
 */
export const TWO_D_CHECKS = [
  'fit_returns_this',
  'not_fitted_errors',
  'is_fitted',
  'n_features_in',
  'feature_mismatch',
  'nan_input',
  'infinite_input',
  'empty_input',
  'ragged_input',
  'no_input_mutation',
  'input_types',
  'determinism',
  'failed_fit_keeps_state',
  'to_json_plain',
  'save_load_fitted',
  'load_malformed_state',
  'clone',
];
// The suite's test rows hold values unseen at fit: handleUnknown 'error' (the default) rejects
// them, as in scikit-learn, so the encoders are checked with unknown categories accepted.
OPTIONS.OneHotEncoder = { make: () => new OneHotEncoder({ handleUnknown: 'ignore' }) };
OPTIONS.OrdinalEncoder = { make: () => new OrdinalEncoder({ handleUnknown: 'use_encoded_value', unknownValue: -1 }) };
// The suite's y has 3 classes (multiclass is not supported, as in scikit-learn 1.3), so y is read
// as numbers; fitTransform cross-fits by design, so it differs from fit(X).transform(X).
OPTIONS.TargetEncoder = { make: () => new TargetEncoder({ targetType: 'continuous' }), skip: ['transformer_fit_transform'] };
OPTIONS.LabelEncoder = { skip: TWO_D_CHECKS };
OPTIONS.LabelBinarizer = { skip: TWO_D_CHECKS };
// Small networks trained by L-BFGS: fast, and converged on the suite's data (no ConvergenceWarning).
OPTIONS.MLPClassifier = { make: () => new MLPClassifier({ hiddenLayerSizes: [8], solver: 'lbfgs', maxIter: 500, randomState: 0 }) };
OPTIONS.MLPRegressor = { make: () => new MLPRegressor({ hiddenLayerSizes: [8], solver: 'lbfgs', maxIter: 500, randomState: 0 }) };

/** Registered for save/load but not estimators (no `fit`): splitters, distributions. */
export function isEstimatorClass(Class: unknown): boolean {
  return typeof (Class as { prototype?: { fit?: unknown } }).prototype?.fit === 'function';
}

export function needsArguments(Class: CheckableClass): string | undefined {
  try {
    new (Class as unknown as new () => object)();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Every registered estimator class (with a `fit`), sorted by name. */
export const classes = [...registeredEstimators().entries()].filter(([, C]) => isEstimatorClass(C)).sort(([a], [b]) => (a < b ? -1 : 1));

