/**
 * The fuzz properties can fail: each is run on an estimator with one defect of the kind it looks
 * for, and must report it. (The registry-wide runs in the other files only pass when typelearn's
 * estimators are free of those defects.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatrixLike } from '../../src/core/types';
import { BaseRegressor } from '../../src/core/base';
import { registerEstimator } from '../../src/core/serialization';
import { toTarget } from '../../src/core/validation';
import { CheckContext, type CheckableClass } from '../../src/testing/_context';
import { ForgetsStateOnFailedFit, MutatesX, NonAtomicSetParams } from '../testing/broken';
import { ToyRegressor } from '../testing/toys';
import { FUZZ, installHooks } from './_harness';
import { fuzzFit, fuzzMethods, fuzzSetParams, fuzzState } from './_properties';

/** Reads a field of a non-array X without validating it: a TypeError on null. */
class TypeErrorOnBadX extends ToyRegressor {
  static override readonly className = 'TypeErrorOnBadX';
  override fit(X: MatrixLike, y: ArrayLike<number>): this {
    if (!Array.isArray(X)) void (X as unknown as { rows: { length: number } }).rows.length;
    return super.fit(X, y);
  }
}

/** Writes to Object.prototype when predicting on a row that holds a string. */
class WritesPrototype extends ToyRegressor {
  static override readonly className = 'WritesPrototype';
  override predict(X: MatrixLike): number[] {
    if (Array.isArray(X) && X.some((r) => Array.isArray(r) && r.some((v) => typeof v === 'string'))) {
      (Object.prototype as Record<string, unknown>).polluted = 1;
    }
    return super.predict(X);
  }
}

/**
 * Trusts its saved state and declares no state schema (extends the base class directly): a coef
 * that is not an array any more is a TypeError at predict.
 */
class TrustsState extends BaseRegressor<{ shift: number }, { nFeaturesIn: number; coef: number[]; intercept: number }> {
  static override readonly className = 'TrustsState';
  static override readonly defaults = { shift: 0 };
  fit(X: MatrixLike, y: ArrayLike<number>): this {
    const Xd = this.checkX(X, { reset: true });
    const yv = toTarget(y, { estimator: this.className, length: Xd.rows });
    this.state = { nFeaturesIn: Xd.cols, coef: new Array<number>(Xd.cols).fill(0.1), intercept: yv.reduce((a, b) => a + b, 0) / yv.length };
    return this;
  }
  predict(X: MatrixLike): number[] {
    const s = this.fitted('predict');
    const Xd = this.checkX(X, { copy: false });
    const w = s.coef.map((c) => c * 1);
    return Array.from({ length: Xd.rows }, (_, i) => w.reduce((acc, c, j) => acc + c * Xd.data[i * Xd.cols + j], s.intercept));
  }
}
registerEstimator(TrustsState);

const ctx = (C: CheckableClass) => new CheckContext(C);

let restore: () => void;
beforeAll(() => {
  // The same cases whatever FUZZ_* says, and time enough to reach the defect on a loaded machine.
  Object.assign(FUZZ, { seed: 20261203, runs: 300, ms: 20_000, path: undefined, strict: false });
  restore = installHooks();
});
afterAll(() => {
  delete (Object.prototype as Record<string, unknown>).polluted;
  restore();
});

describe('the fuzz properties catch defects', () => {
  it('an input mutated by fit', () => {
    expect(() => fuzzFit('MutatesX', ctx(MutatesX))).toThrow(/mutated its input/);
  });
  it('a failed refit that loses the fitted model', () => {
    expect(() => fuzzFit('ForgetsStateOnFailedFit', ctx(ForgetsStateOnFailedFit))).toThrow(/failed refit .* changed the fitted model/);
  });
  it('an error other than ValidationError / NotFittedError', () => {
    expect(() => fuzzFit('TypeErrorOnBadX', ctx(TypeErrorOnBadX))).toThrow(/threw TypeError/);
  });
  it('a write to Object.prototype', () => {
    try {
      expect(() => fuzzMethods('WritesPrototype', ctx(WritesPrototype))).toThrow(/wrote to Object.prototype/);
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });
  it('a non-atomic setParams', () => {
    expect(() => fuzzSetParams('NonAtomicSetParams', ctx(NonAtomicSetParams))).toThrow(/refused .* but changed options/);
  });
  it('a loaded model that trusts a corrupted state (checked for classes with a stateSchema)', () => {
    expect(() => fuzzState('TrustsState', ctx(TrustsState), true)).toThrow(/after loading a mutated state threw TypeError/);
    expect(() => fuzzState('TrustsState', ctx(TrustsState), false)).not.toThrow();
  });
});
