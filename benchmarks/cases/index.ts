/**
 * The registry of benchmark cases: add a case by writing benchmarks/cases/<name>.ts (a BenchCase),
 * adding its runner to benchmarks/sklearn_runner.py, and listing it here.
 */
import type { BenchCase } from '../types';
import { standardScaler } from './standardScaler';
import { linearRegression } from './linearRegression';
import { sgdClassifier } from './sgdClassifier';

export const cases: BenchCase[] = [standardScaler, linearRegression, sgdClassifier];
