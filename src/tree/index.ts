export { DecisionTreeClassifier } from './DecisionTreeClassifier';
export type { DecisionTreeClassifierOptions } from './DecisionTreeClassifier';
export { DecisionTreeRegressor } from './DecisionTreeRegressor';
export type { DecisionTreeRegressorOptions } from './DecisionTreeRegressor';
export type { BaseTreeOptions, ExportTextOptions } from './_treeCommon';
export type { DecisionPath } from './_BaseDecisionTree';
export type { ExportGraphvizOptions, ExportMermaidOptions } from './exportTree';
export type { PruningPath } from './pruneTree';
