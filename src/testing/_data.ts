/**
 * Small deterministic datasets for the contract suite, drawn from a seeded {@link RandomState} so
 * that every run (and every platform) sees the same numbers. All X values are non-negative, so
 * estimators that need non-negative input (chi2, multinomial models) can run the same checks.
 */
import { RandomState } from '../core/random';
import type { Label } from '../core/types';

/** Training and test data of one problem. */
export interface ProblemData {
  X: number[][];
  Xtest: number[][];
  /** The target, or undefined for unsupervised estimators. */
  y?: Label[];
  ytest?: Label[];
}

/** The number of features of every dataset. */
export const N_FEATURES = 4;
const N_TRAIN = 36;
const N_TEST = 12;

/**
 * Well separated classes: sample i belongs to class `i % nClasses` (so classes interleave and every
 * fold of a split sees them all); feature j of class k sits around `1 + 4 * ((k + j) % nClasses)`,
 * with uniform noise in [0, 1.5). Labels are 0, 1, …, nClasses − 1.
 */
export function makeClassData(nClasses: number, seed: number): ProblemData {
  const rng = new RandomState(seed);
  const draw = (n: number) => {
    const X: number[][] = [];
    const y: Label[] = [];
    for (let i = 0; i < n; i++) {
      const k = i % nClasses;
      const row: number[] = [];
      for (let j = 0; j < N_FEATURES; j++) row.push(1 + 4 * ((k + j) % nClasses) + rng.uniform(0, 1.5));
      X.push(row);
      y.push(k);
    }
    return { X, y };
  };
  const train = draw(N_TRAIN);
  const test = draw(N_TEST);
  return { X: train.X, y: train.y, Xtest: test.X, ytest: test.y };
}

/** A linear target with a little Gaussian noise, on features uniform in [0, 4). */
export function makeRegressionData(seed: number): ProblemData {
  const rng = new RandomState(seed);
  const coef = [1.5, -2, 0.5, 0.25];
  const draw = (n: number) => {
    const X: number[][] = [];
    const y: number[] = [];
    for (let i = 0; i < n; i++) {
      const row: number[] = [];
      let t = 3;
      for (let j = 0; j < N_FEATURES; j++) {
        const v = rng.uniform(0, 4);
        row.push(v);
        t += coef[j] * v;
      }
      X.push(row);
      y.push(t + rng.normal(0, 0.1));
    }
    return { X, y };
  };
  const train = draw(N_TRAIN);
  const test = draw(N_TEST);
  return { X: train.X, y: train.y, Xtest: test.X, ytest: test.y };
}

/** Replaces each label `k` (an index) by `names[k]`. */
export function relabel(y: readonly Label[], names: readonly Label[]): Label[] {
  return y.map((k) => names[k as number]);
}

/** String class names in an order that is not sorted, so that order of first appearance ≠ sorted order. */
export const STRING_LABELS: readonly string[] = ['cat', 'ant', 'bee'];
/** Numeric class labels whose sorted order differs from both appearance order and string order. */
export const NUMERIC_LABELS: readonly number[] = [10, 2, 33];
