/**
 * The registry of benchmark cases: add a case by writing benchmarks/cases/<name>.ts (a BenchCase),
 * adding its runner to benchmarks/sklearn_runner.py, and listing it here (one import and one array
 * line per case, so that parallel additions merge cleanly).
 */
import type { BenchCase } from '../types';
import { standardScaler } from './standardScaler';
import { linearRegression, linearRegressionWide } from './linearRegression';
import { ridge } from './ridge';
import { oneHotEncoder } from './oneHotEncoder';
import { columnTransformer } from './columnTransformer';
import { logisticRegressionBinary, logisticRegression10 } from './logisticRegression';
import { lasso } from './lasso';
import { sgdClassifier } from './sgdClassifier';
import { sgdRegressor } from './sgdRegressor';
import { rfe } from './rfe';
import { selectKBest } from './selectKBest';
import { correlationThreshold } from './correlationThreshold';
import { decisionTreeClassifier, decisionTreeRegressor } from './decisionTree';
import { mlpClassifier } from './mlpClassifier';
import { kernelCases } from './kernels';
import { svc } from './svc';
import { histGradientBoostingClassifier, histGradientBoostingRegressor } from './histGradientBoosting';
import { baggingClassifier, stackingClassifier } from './ensembles';
import { streaming } from './streaming';
import { randomForestClassifier, randomForestRegressor } from './randomForest';
import { gradientBoostingRegressor, gradientBoostingClassifier, adaBoostClassifier } from './boosting';

export const cases: BenchCase[] = [
  standardScaler,
  linearRegression,
  linearRegressionWide,
  ridge,
  oneHotEncoder,
  logisticRegressionBinary,
  logisticRegression10,
  columnTransformer,
  lasso,
  sgdClassifier,
  sgdRegressor,
  rfe,
  selectKBest,
  correlationThreshold,
  decisionTreeClassifier,
  decisionTreeRegressor,
  mlpClassifier,
  ...kernelCases,
  svc,
  histGradientBoostingClassifier,
  histGradientBoostingRegressor,
  baggingClassifier,
  stackingClassifier,
  streaming,
  randomForestClassifier,
  randomForestRegressor,
  gradientBoostingRegressor,
  gradientBoostingClassifier,
  adaBoostClassifier,
];
