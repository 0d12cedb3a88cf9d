/** The fixtures of the core/math tests (make_math.py and make_scaler_kernels.py). */
import { fixture } from '../../helpers';

export interface MathFixture {
  rank: { values: number[]; average: number[]; min: number[]; dense: number[] }[];
  order: { values: number[]; median: number; q: number[]; percentile: number[] }[];
  moments: { X: (number | null)[][]; mean: number[]; var: number[]; count: number[] };
  weighted: { X: (number | null)[][]; w: number[]; mean: number[]; var: number[] };
  erf: { x: number[]; erf: number[]; erfc: number[] };
}

export interface ScalerKernelsFixture {
  percentile: { values: number[]; q: number[]; expected: number[] }[];
  normal: { p: number[]; ppf: (number | string)[]; x: number[]; cdf: number[] };
  brent: { name: string; coef: number[]; bracket: number[]; x: number; fx: number; iterations: number }[];
  kmeans: { name: string; values: (number | null)[]; init: number[]; centers: number[] }[];
}

export const math = fixture<MathFixture>('core/math.json');
export const kernels = fixture<ScalerKernelsFixture>('preprocessing/scaler_kernels.json');

/** 'inf' / '-inf' (how the fixtures write infinities) back to numbers. */
export const num = (v: number | string): number => (v === 'inf' ? Infinity : v === '-inf' ? -Infinity : (v as number));

/** A polynomial with the given coefficients, highest power first. */
export const poly = (coef: number[]) => (x: number) => coef.reduce((r, a) => r * x + a, 0);
