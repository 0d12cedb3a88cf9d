/**
 * The registry of benchmark cases: add a case by writing benchmarks/cases/<name>.ts (a BenchCase),
 * adding its runner to benchmarks/sklearn_runner.py, and listing it here.
 */
import type { BenchCase } from '../types';
import { standardScaler } from './standardScaler';
import { linearRegression } from './linearRegression';
import { ridge } from './ridge';
import { rfe } from './rfe';

export const cases: BenchCase[] = [standardScaler, linearRegression, ridge, rfe];
