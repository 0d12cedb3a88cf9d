/**
 * The registry of benchmark cases: add a case by writing benchmarks/cases/<name>.ts (a BenchCase),
 * adding its runner to benchmarks/sklearn_runner.py, and listing it here.
 */
import type { BenchCase } from '../types';
import { standardScaler } from './standardScaler';
import { linearRegression } from './linearRegression';
import { ridge } from './ridge';
import { selectKBest } from './selectKBest';
import { correlationThreshold } from './correlationThreshold';

export const cases: BenchCase[] = [standardScaler, linearRegression, ridge, selectKBest, correlationThreshold];
