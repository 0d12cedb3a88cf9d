/**
 * TargetEncoder against scikit-learn 1.3's documented algorithm, computed with numpy in
 * make_encoders.py (scikit-learn 1.2.1 has no TargetEncoder), with unshuffled KFold /
 * StratifiedKFold folds from scikit-learn 1.2.1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TargetEncoder, ValidationError, loadModel } from '../../src/index';
import { expectClose, fixture } from '../helpers';

type Cell = string | null | { none: true };
interface Case {
  categories: Cell[][];
  encodings: number[][];
  target_mean: number;
  transform: number[][];
  fit_transform: number[][];
}
interface Target {
  rows: number[];
  y_continuous: number[];
  y_binary: string[];
  continuous_auto: Case;
  continuous_smooth10: Case;
  binary_auto: Case;
}
const F = fixture<{ target: Target }>('preprocessing/encoders.json').target;
const raw = JSON.parse(readFileSync(join(__dirname, '../../node_modules/vega-datasets/data/penguins.json'), 'utf8')) as Array<Record<string, unknown>>;
const X = F.rows.map((i) => ({ Island: raw[i].Island, Sex: raw[i].Sex }));
const every4 = <T>(a: T[]) => a.filter((_, i) => i % 4 === 0);
const cat = (v: Cell) => (v !== null && typeof v === 'object' ? null : v);

function check(c: Case, te: TargetEncoder, y: unknown[]): void {
  const T = te.fitTransform(X, y as number[]);
  expect(te.categories_).toEqual(c.categories.map((l) => l.map(cat)));
  expectClose(te.encodings_, c.encodings, 1e-12);
  expectClose(te.targetMean_, c.target_mean, 1e-12);
  expectClose(every4(T.to2DArray()), c.fit_transform, 1e-12);
  expectClose(every4(te.transform(X).to2DArray()), c.transform, 1e-12);
}

describe('TargetEncoder vs the scikit-learn 1.3 algorithm on penguins (rtol 1e-12)', () => {
  it("continuous target, smooth 'auto': encodings, fit(X).transform(X) and cross-fitted fitTransform", () => {
    check(F.continuous_auto, new TargetEncoder({ shuffle: false, targetType: 'continuous' }), F.y_continuous);
  });
  it('continuous target, smooth 10 (m-estimate)', () => {
    check(F.continuous_smooth10, new TargetEncoder({ shuffle: false, smooth: 10, targetType: 'continuous' }), F.y_continuous);
  });
  it("binary target (strings, second class positive), smooth 'auto', StratifiedKFold folds", () => {
    const te = new TargetEncoder({ shuffle: false });
    check(F.binary_auto, te, F.y_binary);
    expect(te.targetType_).toBe('binary');
    expect(te.classes_).toEqual(['Adelie', 'other']);
  });
});

describe('TargetEncoder behaviour', () => {
  it('unseen categories get the target mean; fitTransform differs from fit().transform', () => {
    const te = new TargetEncoder({ shuffle: false, targetType: 'continuous' }).fit(X, F.y_continuous);
    expectClose(te.transform([{ Island: 'Atlantis', Sex: 'MALE' }]).get(0, 0), te.targetMean_, 1e-15);
    const a = new TargetEncoder({ shuffle: false, targetType: 'continuous' }).fitTransform(X, F.y_continuous).to2DArray();
    expect(a).not.toEqual(te.transform(X).to2DArray());
  });
  it('the same randomState gives the same shuffled folds; save/load transforms bit for bit', () => {
    const a = new TargetEncoder({ randomState: 3, targetType: 'continuous' }).fitTransform(X, F.y_continuous).to2DArray();
    const b = new TargetEncoder({ randomState: 3, targetType: 'continuous' });
    expect(b.fitTransform(X, F.y_continuous).to2DArray()).toEqual(a);
    expect(loadModel<TargetEncoder>(JSON.stringify(b)).transform(X).to2DArray()).toEqual(b.transform(X).to2DArray());
  });
  it("integer targets (grams) are multiclass under 'auto', as scikit-learn's type_of_target says", () => {
    expect(() => new TargetEncoder().fit(X, F.y_continuous)).toThrow(/multiclass targets are not supported/);
  });
  it('bad targets are ValidationErrors', () => {
    expect(() => new TargetEncoder().fit(X, X.map((_, i) => i % 3))).toThrow(/multiclass targets are not supported/);
    expect(() => new TargetEncoder({ targetType: 'binary' }).fit(X, X.map((_, i) => `c${i % 3}`))).toThrow(ValidationError);
    expect(() => new TargetEncoder().fit(X, F.y_continuous.slice(1))).toThrow(ValidationError);
    expect(() => new TargetEncoder().fit(X)).toThrow(ValidationError);
    expect(() => new TargetEncoder({ smooth: -1 })).toThrow(ValidationError);
  });
});
