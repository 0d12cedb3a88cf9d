import { describe, expect, it } from 'vitest';
import {
  Binarizer,
  FunctionTransformer,
  KBinsDiscretizer,
  MaxAbsScaler,
  MinMaxScaler,
  Normalizer,
  OutlierClipper,
  PolynomialFeatures,
  PowerTransformer,
  QuantileTransformer,
  RobustScaler,
  setWarningHandler,
} from '../../src/index';
import type { Matrix } from 'ml-matrix';
import { expectClose, fixture } from '../helpers';

type Num = number | null | string;
type Nested = Num | Nested[];
interface Case {
  name: string;
  cls: string;
  params: Record<string, unknown>;
  data: string;
  extremes: boolean;
  batches: [number, number][] | null;
  tol: number;
  attrs: Record<string, Nested>;
  transform: Nested;
  inverse?: Nested;
  featureNames: string[];
  namesIn: string[] | null;
}
interface ClipCase {
  name: string;
  data: string;
  params: Record<string, unknown>;
  lower: Nested;
  upper: Nested;
  transform: Nested;
}
interface Fixture {
  data: Record<string, Nested>;
  cases: Case[];
  clipCases: ClipCase[];
}

/** null → NaN, 'inf' / '-inf' → ±Infinity (how the fixture script writes them). */
function decode<T = number[][]>(v: Nested): T {
  if (v === null) return NaN as unknown as T;
  if (v === 'inf') return Infinity as unknown as T;
  if (v === '-inf') return -Infinity as unknown as T;
  if (Array.isArray(v)) return v.map((x) => decode(x)) as unknown as T;
  return v as unknown as T;
}

const fx = fixture<Fixture>('preprocessing/scalers.json');
const DATA: Record<string, number[][]> = Object.fromEntries(Object.entries(fx.data).map(([k, v]) => [k, decode(v)]));

/** The test rows of the fixture script: every 6th row, then (unless told not) one row below and one above the range. */
function testRows(X: number[][], extremes: boolean): number[][] {
  const T = X.filter((_, i) => i % 6 === 0);
  if (!extremes) return T;
  const p = X[0].length;
  const lo: number[] = [];
  const hi: number[] = [];
  for (let j = 0; j < p; j++) {
    const col = X.map((r) => r[j]).filter((v) => !Number.isNaN(v));
    const a = col.length ? Math.min(...col) : NaN;
    const b = col.length ? Math.max(...col) : NaN;
    const span = Number.isNaN(b - a) ? 1 : b - a;
    lo.push((Number.isNaN(a) ? 0 : a) - 0.5 * span);
    hi.push((Number.isNaN(b) ? 0 : b) + 0.5 * span);
  }
  return [...T, lo, hi];
}

type Transformer = {
  fit(X: number[][]): unknown;
  partialFit?(X: number[][]): unknown;
  transform(X: number[][]): Matrix;
  inverseTransform?(X: number[][]): Matrix;
  getFeatureNamesOut(input?: string[]): string[];
};

function make(c: Case): Transformer {
  const p = { ...c.params };
  switch (c.cls) {
    case 'MinMaxScaler':
      return new MinMaxScaler(p);
    case 'MaxAbsScaler':
      return new MaxAbsScaler(p);
    case 'RobustScaler':
      return new RobustScaler(p);
    case 'Normalizer':
      return new Normalizer(p);
    case 'Binarizer':
      return new Binarizer(p);
    case 'FunctionTransformer': {
      const fns: Record<string, (v: number) => number> = { log1p: Math.log1p, expm1: Math.expm1 };
      const lift = (f: (v: number) => number) => (X: Matrix) => X.to2DArray().map((r) => r.map(f));
      return new FunctionTransformer({ ...p, func: lift(fns[p.func as string]), inverseFunc: lift(fns[p.inverseFunc as string]), featureNamesOut: 'one-to-one' });
    }
    case 'PowerTransformer':
      return new PowerTransformer(p);
    case 'QuantileTransformer':
      return new QuantileTransformer(p);
    case 'PolynomialFeatures':
      return new PolynomialFeatures(p);
    case 'KBinsDiscretizer':
      return new KBinsDiscretizer(p);
    default:
      throw new Error(`unknown class ${c.cls}`);
  }
}

describe('numeric transformers match scikit-learn 1.2.1 (fixtures: make_scalers.py)', () => {
  const previous = setWarningHandler(() => undefined);
  for (const c of fx.cases) {
    it(`${c.name} to ${c.tol}`, () => {
      const X = DATA[c.data];
      const Xt = testRows(X, c.extremes);
      const est = make(c);
      if (c.batches) for (const [lo, hi] of c.batches) est.partialFit?.(X.slice(lo, hi));
      else est.fit(X);
      for (const [name, expected] of Object.entries(c.attrs)) {
        const actual = (est as unknown as Record<string, unknown>)[name];
        if (expected === null) expect(actual, name).toBeNull();
        else expectClose(actual, decode(expected), c.tol, c.tol);
      }
      const T = est.transform(Xt).to2DArray();
      expectClose(T, decode(c.transform), c.tol, c.tol);
      if (c.inverse !== undefined) expectClose(est.inverseTransform?.(T).to2DArray(), decode(c.inverse), c.tol, c.tol);
      expect(est.getFeatureNamesOut(c.namesIn ?? undefined)).toEqual(c.featureNames);
    });
  }
  it('restores the warning handler', () => {
    setWarningHandler(previous);
  });
});

describe('OutlierClipper matches numpy nanpercentile fences (to 1e-12)', () => {
  for (const c of fx.clipCases) {
    it(c.name, () => {
      const X = DATA[c.data];
      const clip = new OutlierClipper(c.params).fit(X);
      expectClose(clip.lower_, decode(c.lower), 1e-12, 1e-12);
      expectClose(clip.upper_, decode(c.upper), 1e-12, 1e-12);
      expectClose(clip.transform(testRows(X, true)).to2DArray(), decode(c.transform), 1e-12, 1e-12);
    });
  }
});
