import { afterEach, describe, expect, it, vi } from 'vitest';
import { BaseClassifier } from '../../src/core/base';
import {
  ConvergenceWarning,
  NotFittedError,
  TypelearnWarning,
  ValidationError,
  describeValue,
  setWarningHandler,
  warn,
  type WarningHandler,
} from '../../src/core/errors';
import { num, oneOf } from '../../src/core/params';
import type { Label, MatrixLike } from '../../src/core/types';
import { StandardScaler } from '../../src/preprocessing/StandardScaler';

/** A test-local stand-in for an estimator with SVC's option rules. */
class SVC extends BaseClassifier<{ C: number; kernel: string }> {
  static override readonly className = 'SVC';
  static override readonly defaults = { C: 1, kernel: 'rbf' };
  static override readonly paramSchema = { C: num({ min: 0, minInclusive: false }), kernel: oneOf('linear', 'rbf', 'poly', 'sigmoid') };
  fit(_X: MatrixLike, _y: ArrayLike<Label>): this {
    return this;
  }
  predict(_X: MatrixLike): Label[] {
    return [];
  }
}

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('nothing was thrown');
}

describe('ValidationError', () => {
  it('an invalid option: the documented message and structured fields', () => {
    const e = thrown(() => new SVC({ C: -1 })) as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('ValidationError');
    expect(e.message).toBe("The 'C' option of SVC must be a number in (0, Infinity). Got -1.");
    expect({ code: e.code, estimator: e.estimator, param: e.param, expected: e.expected, received: e.received }).toEqual({
      code: 'invalid_option',
      estimator: 'SVC',
      param: 'C',
      expected: 'a number in (0, Infinity)',
      received: '-1',
    });
    expect((thrown(() => new SVC({ kernel: 'foo' })) as Error).message).toBe(
      "The 'kernel' option of SVC must be one of 'linear', 'rbf', 'poly', 'sigmoid'. Got 'foo'.",
    );
  });

  it('an unknown option: a "Did you mean" hint and the valid names', () => {
    const e = thrown(() => new SVC({ c: 1 } as never)) as ValidationError;
    expect(e.code).toBe('unknown_option');
    expect(e.message).toBe("SVC has no option 'c'. Did you mean 'C'? Valid options: C, kernel.");
  });

  it('messages made from the fields for each code', () => {
    expect(new ValidationError({ code: 'invalid_input', estimator: 'E', param: 'y', expected: 'numbers', received: "'a' at index 0" }).message).toBe(
      "E: y must be numbers. Got 'a' at index 0.",
    );
    expect(new ValidationError({ code: 'invalid_input' }).message).toBe('typelearn: the input must be valid.');
    expect(new ValidationError({ code: 'unknown_option', estimator: 'E', param: 'x' }).message).toBe("E has no option 'x'.");
    expect(new ValidationError({ code: 'invalid_model', param: 'version', expected: '1', received: '2' }).message).toBe(
      'Cannot load model: version must be 1. Got 2.',
    );
    expect(new ValidationError({ code: 'invalid_model' }).message).toBe('Cannot load model: is malformed.');
    expect(new ValidationError({ code: 'unsupported', message: 'custom text' }).message).toBe('custom text');
  });

  it('input errors name the estimator, the argument, what was expected and what came', () => {
    const e = thrown(() => new StandardScaler().fit([[1, 2], [3]])) as ValidationError;
    expect(e.code).toBe('invalid_input');
    expect(e.estimator).toBe('StandardScaler');
    expect(e.param).toBe('X');
    expect(e.message).toBe('StandardScaler: X must be rows of equal length (a rectangular array of 2 columns). Got row 1 of length 1.');
  });
});

describe('NotFittedError', () => {
  it('names the estimator and the attribute', () => {
    const e = thrown(() => new StandardScaler().mean_) as NotFittedError;
    expect(e).toBeInstanceOf(NotFittedError);
    expect(e.code).toBe('not_fitted');
    expect(e.estimator).toBe('StandardScaler');
    expect(e.message).toBe(
      "This StandardScaler instance is not fitted yet (reading 'mean_'). Call 'fit' with appropriate arguments before using this estimator.",
    );
    expect(new NotFittedError('X').message).toBe("This X instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.");
  });
});

describe('describeValue', () => {
  it('describes values briefly', () => {
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(-0)).toBe('-0');
    expect(describeValue(NaN)).toBe('NaN');
    expect(describeValue('foo')).toBe("'foo'");
    expect(describeValue('x'.repeat(100))).toBe(`'${'x'.repeat(57)}...'`);
    expect(describeValue(true)).toBe('true');
    expect(describeValue(10n)).toBe('10');
    expect(describeValue(function named() {})).toBe('a function (named)');
    expect(describeValue([1, 2, 3])).toBe('an array of length 3');
    expect(describeValue(new Float32Array(2))).toBe('a Float32Array');
    expect(describeValue(new StandardScaler())).toBe('an instance of StandardScaler');
    expect(describeValue({})).toBe('an object');
    expect(describeValue(Object.create(null))).toBe('an object');
  });
});

describe('warnings', () => {
  let restore: WarningHandler | undefined;
  afterEach(() => {
    if (restore) setWarningHandler(restore);
    restore = undefined;
    vi.restoreAllMocks();
  });

  it('setWarningHandler returns the previous handler, and warnings reach the current one', () => {
    const seen: TypelearnWarning[] = [];
    const mine: WarningHandler = (w) => void seen.push(w);
    restore = setWarningHandler(mine);
    const w = new ConvergenceWarning('lbfgs did not converge in 100 iterations', 'LogisticRegression');
    warn(w);
    expect(seen).toEqual([w]);
    expect(seen[0]).toBeInstanceOf(ConvergenceWarning);
    expect(seen[0]).toBeInstanceOf(TypelearnWarning);
    expect(seen[0].code).toBe('convergence');
    expect(seen[0].estimator).toBe('LogisticRegression');
    expect(seen[0].name).toBe('ConvergenceWarning');
    const other: WarningHandler = () => undefined;
    expect(setWarningHandler(other)).toBe(mine);
    expect(setWarningHandler(mine)).toBe(other);
  });

  it('the default handler prints with console.warn; undefined restores it', () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    restore = setWarningHandler(() => undefined);
    setWarningHandler(undefined);
    warn(new ConvergenceWarning('stopped early'));
    expect(spy).toHaveBeenCalledWith('ConvergenceWarning: stopped early');
    expect(new TypelearnWarning('w').code).toBe('warning');
  });
});
