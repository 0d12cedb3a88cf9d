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
/**
 * ml-matrix's `Matrix` class, the type every `transform` and `predictProba` returns, re-exported so
 * that your own transformers can build one without depending on ml-matrix themselves (typelearn
 * depends on it, so there is one copy).
 * @example
 * ```ts
 * import { Matrix, StandardScaler } from 'typelearn';
 * const out = new StandardScaler().fitTransform(new Matrix([[1, 10], [3, 30]]));
 * console.log(out instanceof Matrix, out.to2DArray()); // true [ [ -1, -1 ], [ 1, 1 ] ]
 * ```
 */
export { Matrix } from 'ml-matrix';
