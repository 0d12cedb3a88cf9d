/**
 * typelearn: machine learning for TypeScript and JavaScript, with scikit-learn's names, defaults and
 * numbers. Everything is exported from here; each family is also a sub-path (`typelearn/metrics`, …).
 */
export * from './core/index';
export * from './preprocessing/index';
export * from './linear_model/index';
export * from './pipeline/index';
export * from './metrics/index';
export * from './model_selection/index';
export * from './datasets/index';
export * from './feature_selection/index';
export * from './neural_network/index';
export * from './svm/index';
export * from './tree/index';
export * from './ensemble/index';
export * from './naive_bayes/index';
export * from './stream/index';
