import { Matrix } from 'ml-matrix';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import {
  checkArray,
  checkXy,
  compareLabels,
  encodeLabels,
  toDense,
  toLabels,
  toSampleWeight,
  toTarget,
  uniqueLabels,
} from '../../src/core/validation';
import type { MatrixLike } from '../../src/core/types';
import { StandardScaler } from '../../src/preprocessing/StandardScaler';

const X = [[1, 2], [3, 4], [5, 6]];

function err(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('nothing was thrown');
}

describe('checkArray', () => {
  it('accepts number[][], rows of typed arrays and Matrix alike', () => {
    const forms: MatrixLike[] = [X, X.map((r) => Float64Array.from(r)), X.map((r) => Float32Array.from(r)), X.map((r) => Int32Array.from(r)), new Matrix(X)];
    for (const f of forms) {
      const m = checkArray(f);
      expect(m).toBeInstanceOf(Matrix);
      expect(m.to2DArray()).toEqual(X);
    }
  });

  it('returns a copy, never the input, and never mutates it', () => {
    const rows = X.map((r) => Float64Array.from(r));
    const mat = new Matrix(X);
    const d1 = toDense(rows);
    d1.data[0] = 99;
    expect(rows[0][0]).toBe(1);
    const m = checkArray(mat);
    m.set(0, 0, 99);
    expect(mat.get(0, 0)).toBe(1);
    const plain = X.map((r) => r.slice());
    checkArray(plain);
    expect(plain).toEqual(X);
  });

  it('null and undefined cells become NaN (accepted only with allowNaN)', () => {
    const withNull = [[1, null], [null, 4]];
    const d = toDense(withNull, { allowNaN: true });
    expect(Array.from(d.data)).toEqual([1, NaN, NaN, 4]);
    expect(err(() => checkArray(withNull)).message).toBe(
      'typelearn: X must be finite numbers (typelearn does not accept missing values; impute them first, e.g. with SimpleImputer). Got NaN at row 0, column 1.',
    );
  });

  it('rejects Infinity even with allowNaN', () => {
    expect(err(() => checkArray([[1, Infinity]], { allowNaN: true })).message).toBe('typelearn: X must be finite numbers. Got Infinity at row 0, column 1.');
    expect(err(() => checkArray([Float64Array.of(-Infinity)])).received).toBe('-Infinity at row 0, column 0');
    expect(err(() => checkArray(new Matrix([[0, NaN]]))).received).toBe('NaN at row 0, column 1');
  });

  it('rejects ragged, empty, 1-d input, records and strings', () => {
    expect(err(() => checkArray([[1, 2], [3]], { estimator: 'Foo' })).message).toBe(
      'Foo: X must be rows of equal length (a rectangular array of 2 columns). Got row 1 of length 1.',
    );
    expect(err(() => checkArray([[1], [2, 3]])).received).toBe('row 1 of length 2');
    expect(err(() => checkArray([])).message).toBe('typelearn: X must be a non-empty 2-d array (at least 1 sample). Got an empty array.');
    expect(err(() => checkArray([[], []])).message).toBe('typelearn: X must be at least 1 feature. Got 0 features.');
    expect(err(() => checkArray(new Matrix(0, 3))).expected).toBe('at least 1 sample');
    expect(err(() => checkArray([1, 2, 3] as never)).message).toMatch(/a 1-d array \(first row is 1\); reshape it to \[\[x0\], \[x1\], \.\.\.\]/);
    expect(err(() => checkArray([{ a: 1 }] as never)).message).toMatch(/records \(rows as objects\) are accepted only by ColumnTransformer/);
    expect(err(() => checkArray([[1, 'a']] as never)).message).toBe(
      "typelearn: X must be numbers (strings are categories: encode them, e.g. with OneHotEncoder). Got 'a' at row 0, column 1.",
    );
    expect(err(() => checkArray([[1, true]] as never)).received).toBe('true at row 0, column 1');
    expect(err(() => checkArray([[1], 'a'] as never)).received).toBe("row 1: 'a'");
    expect(err(() => checkArray('abc' as never)).expected).toBe('a 2-d array, rows of typed arrays or an ml-matrix Matrix');
    expect(err(() => checkArray(null as never)).received).toBe('null');
    expect(err(() => checkArray(new Float64Array(3) as never)).received).toBe('a Float64Array');
  });

  it('minSamples and custom names', () => {
    expect(err(() => checkArray([[1]], { minSamples: 2, name: 'Xtrain', estimator: 'KFold' })).message).toBe('KFold: Xtrain must be at least 2 samples. Got 1.');
  });

  it('feature mismatch at transform time: the exact scikit-learn message', () => {
    const s = new StandardScaler().fit([[1, 2, 3, 4], [5, 6, 7, 9]]);
    const e = err(() => s.transform([[1, 2, 3]]));
    expect(e.code).toBe('feature_mismatch');
    expect(e.message).toBe('X has 3 features, but StandardScaler is expecting 4 features as input.');
    expect(e).toMatchObject({ estimator: 'StandardScaler', param: 'X', expected: '4 features', received: '3 features' });
  });

  it('never mutates: property over random matrices', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const copy = rows.map((r) => r.slice());
        const d = toDense(rows);
        d.data.fill(7);
        expect(rows).toEqual(copy);
        expect(d.rows).toBe(rows.length);
      }),
    );
  });
});

describe('targets and labels', () => {
  it('toTarget: numbers, same length as X, finite', () => {
    expect(Array.from(toTarget([1, 2]))).toEqual([1, 2]);
    expect(toTarget(Float32Array.of(1.5))).toBeInstanceOf(Float64Array);
    expect(err(() => toTarget([1, 2], { length: 3, estimator: 'E' })).message).toBe('E: y must be the same number of samples as X (3). Got 2.');
    expect(err(() => toTarget([])).expected).toBe('a non-empty array');
    expect(err(() => toTarget([1, NaN])).received).toBe('NaN at index 1');
    expect(err(() => toTarget(['1'])).received).toBe("'1' at index 0");
    expect(err(() => toTarget([[1]])).expected).toMatch(/for several targets use one model per target/);
    expect(err(() => toTarget('12')).expected).toBe('a 1-d array of numbers');
  });

  it('toLabels: one type of label, kept as given', () => {
    expect(toLabels(['a', 'b'])).toEqual(['a', 'b']);
    expect(toLabels([true, false])).toEqual([true, false]);
    expect(err(() => toLabels([1, 'a'])).received).toBe('a mix of number and string labels');
    expect(err(() => toLabels([null])).received).toBe('null at index 0');
    expect(err(() => toLabels([Infinity])).expected).toBe('finite labels');
  });

  it('uniqueLabels sorts as numpy: numbers numerically, strings by code point, false < true', () => {
    expect(uniqueLabels([10, 2, 33, 2])).toEqual([2, 10, 33]);
    expect(uniqueLabels(['b', 'B', 'a', 'é'])).toEqual(['B', 'a', 'b', 'é']);
    expect(uniqueLabels([true, false, true])).toEqual([false, true]);
    expect(compareLabels(1, 1)).toBe(0);
  });

  it('encodeLabels maps to class indices and rejects unknown labels', () => {
    expect(Array.from(encodeLabels(['b', 'a', 'b'], ['a', 'b']))).toEqual([1, 0, 1]);
    expect(err(() => encodeLabels(['c'], ['a', 'b'], 'E')).message).toBe("E: y must be labels among the known classes ['a', 'b']. Got 'c' at index 0.");
  });

  it('toSampleWeight: non-negative, positive sum, one per sample', () => {
    expect(Array.from(toSampleWeight([0, 2], 2))).toEqual([0, 2]);
    expect(err(() => toSampleWeight([1, -1], 2)).received).toBe('-1 at index 1');
    expect(err(() => toSampleWeight([0, 0], 2)).received).toBe('all zeros');
    expect(err(() => toSampleWeight([1], 2)).param).toBe('sampleWeight');
  });
});

describe('checkXy', () => {
  it('validates X and y together', () => {
    const [m, y] = checkXy(X, [1, 2, 3]);
    expect(m.to2DArray()).toEqual(X);
    expect(Array.from(y)).toEqual([1, 2, 3]);
    const [, labels] = checkXy(X, ['a', 'b', 'a'], { labels: true });
    expect(labels).toEqual(['a', 'b', 'a']);
    expect(err(() => checkXy(X, [1, 2], { estimator: 'Mine' })).message).toBe('Mine: y must be the same number of samples as X (3). Got 2.');
    expect(err(() => checkXy([[1], [2, 3]], [1, 2])).param).toBe('X');
  });

  it('does not mutate its inputs', () => {
    const Xc = X.map((r) => r.slice());
    const y = [3, 2, 1];
    const [m, yy] = checkXy(Xc, y);
    m.set(0, 0, 100);
    yy[0] = 100;
    expect(Xc).toEqual(X);
    expect(y).toEqual([3, 2, 1]);
  });
});
