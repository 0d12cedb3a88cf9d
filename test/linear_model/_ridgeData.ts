/** The data the Ridge fixtures (make_ridge.py) name, rebuilt from typelearn's shipped data sets. */
import { loadBreastCancer, loadDiabetes, loadIris, loadWine } from '../../src/index';
import type { Label } from '../../src/index';
import { fixture } from '../helpers';

export interface RidgeFixture {
  arrays: Record<string, number[] | number[][]>;
  ridge: Array<{ name: string; params: Record<string, unknown>; X: string; y: string; sampleWeight: string | null; coef: number[] | number[][]; intercept: number | number[]; nIter: number[] | null; predict: number[] | number[][]; score: number }>;
  ridgeCV: Array<{ name: string; params: Record<string, unknown>; X: string; y: string; sampleWeight: string | null; alpha: number | number[]; bestScore: number | number[]; coef: number[] | number[][]; intercept: number | number[] }>;
  ridgeClassifier: Array<{ name: string; params: Record<string, unknown>; X: string; y: string; sampleWeight: string | null; classes: Label[]; coef: number[][]; intercept: number[]; decision: number[] | number[][]; predict: Label[]; score: number }>;
}

export const fx = fixture<RidgeFixture>('linear_model/ridge.json');

const raw = loadDiabetes({ scaled: false });
const scaled = loadDiabetes();
const iris = loadIris();
const wine = loadWine();
const cancer = loadBreastCancer();

export const DATA: Record<string, number[][]> = {
  diabetes_raw: raw.data,
  diabetes_scaled: scaled.data,
  // Column 4 = 2·c0 + c1 (collinear), as in make_ridge.py.
  diabetes_collinear: scaled.data.map((r) => [r[0], r[1], r[2], r[3], r[0] * 2.0 + r[1], r[4], r[5]]),
  diabetes_wide: scaled.data.slice(0, 8),
  iris: iris.data,
  wine: wine.data,
  breast_cancer: cancer.data,
};

export const TARGETS: Record<string, number[] | number[][] | Label[]> = {
  diabetes: raw.target as number[],
  diabetes_wide: (raw.target as number[]).slice(0, 8),
  Y2: fx.arrays.Y2,
  iris: iris.target as Label[],
  wine: wine.target as Label[],
  breast_cancer: cancer.target as Label[],
  names: (iris.target as number[]).map((k) => ['setosa', 'versicolor', 'virginica'][k]),
};

export function weights(name: string | null): number[] | undefined {
  return name === null ? undefined : (fx.arrays[name] as number[]);
}

/** Relative to the largest |value|: small coefficients are compared at that scale. */
export function scaleOf(v: number | number[] | number[][]): number {
  const flat = ([] as number[]).concat(...([v] as unknown[]).flat(2) as number[]);
  return Math.max(...flat.map(Math.abs));
}
