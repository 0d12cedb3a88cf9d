export { DecisionTreeClassifier } from './DecisionTreeClassifier';
export type { DecisionTreeClassifierOptions } from './DecisionTreeClassifier';
export { DecisionTreeRegressor } from './DecisionTreeRegressor';
export type { DecisionTreeRegressorOptions } from './DecisionTreeRegressor';
export type { BaseTreeOptions, ExportTextOptions } from './_treeCommon';
export { ExtraTreeClassifier } from './ExtraTreeClassifier';
export { ExtraTreeRegressor } from './ExtraTreeRegressor';
