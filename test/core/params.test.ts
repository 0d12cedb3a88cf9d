import { describe, expect, it } from 'vitest';
import { BaseEstimator } from '../../src/core/base';
import { ValidationError } from '../../src/core/errors';
import { anything, arrayOf, bool, checkParam, func, int, nullable, num, oneOf, record, str, suggestName, union } from '../../src/core/params';
import { LinearRegression } from '../../src/linear_model/LinearRegression';
import { Pipeline } from '../../src/pipeline/Pipeline';
import { StandardScaler } from '../../src/preprocessing/StandardScaler';

describe('spec kinds', () => {
  it('num: bounds, inclusivity, NaN and infinities', () => {
    const any = num();
    expect(any.description).toBe('a number in (-Infinity, Infinity)');
    expect([0, -1e300, 1e300, 0.5].every((v) => any.check(v))).toBe(true);
    expect([NaN, Infinity, -Infinity, '1', null, undefined, true].some((v) => any.check(v))).toBe(false);
    const pos = num({ min: 0, minInclusive: false });
    expect(pos.description).toBe('a number in (0, Infinity)');
    expect(pos.check(0)).toBe(false);
    expect(pos.check(Number.MIN_VALUE)).toBe(true);
    const unit = num({ min: 0, max: 1 });
    expect(unit.description).toBe('a number in [0, 1]');
    expect([0, 1, 0.5].every((v) => unit.check(v))).toBe(true);
    expect([-0.001, 1.001].some((v) => unit.check(v))).toBe(false);
    const half = num({ min: 0, max: 1, maxInclusive: false });
    expect(half.description).toBe('a number in [0, 1)');
    expect(half.check(1)).toBe(false);
    expect(half.check(0)).toBe(true);
  });

  it('int: integers only', () => {
    const s = int({ min: 1 });
    expect(s.description).toBe('an integer in [1, Infinity)');
    expect([1, 2, 1e9].every((v) => s.check(v))).toBe(true);
    expect([0, 1.5, NaN, Infinity, '2'].some((v) => s.check(v))).toBe(false);
    expect(int({ min: -2, max: 2 }).check(-2)).toBe(true);
  });

  it('bool, str, func, anything', () => {
    expect(bool().check(true) && bool().check(false)).toBe(true);
    expect(bool().check(0)).toBe(false);
    expect(bool().description).toBe('a boolean');
    expect(str().check('')).toBe(true);
    expect(str().check(1)).toBe(false);
    expect(func().check(() => 0)).toBe(true);
    expect(func().check({})).toBe(false);
    expect(func().description).toBe('a function');
    for (const v of [undefined, null, NaN, {}, [], 'x']) expect(anything().check(v)).toBe(true);
  });

  it('oneOf: exact literals', () => {
    const s = oneOf('l1', 'l2', null);
    expect(s.description).toBe("one of 'l1', 'l2', null");
    expect(s.check('l1') && s.check(null)).toBe(true);
    expect(s.check('L1') || s.check(undefined)).toBe(false);
    expect(oneOf('auto').description).toBe("'auto'");
    expect(oneOf(1, 2).check('1')).toBe(false);
  });

  it('union and nullable', () => {
    const g = union(oneOf('scale', 'auto'), num({ min: 0, minInclusive: false }));
    expect(g.description).toBe("one of 'scale', 'auto' or a number in (0, Infinity)");
    expect(g.check('scale') && g.check(0.1)).toBe(true);
    expect(g.check(0) || g.check('rbf')).toBe(false);
    const n = nullable(int({ min: 0 }));
    expect(n.description).toBe('an integer in [0, Infinity) or null');
    expect(n.check(null) && n.check(3)).toBe(true);
    expect(n.check(undefined) || n.check(-1)).toBe(false);
  });

  it('arrayOf: items, fixed length, readable descriptions', () => {
    const s = arrayOf(int({ min: 1 }));
    expect(s.description).toBe('an array whose items are each an integer in [1, Infinity)');
    expect(s.check([1, 2, 3]) && s.check([])).toBe(true);
    expect(s.check([1, 0]) || s.check('123') || s.check(new Int32Array([1]))).toBe(false);
    expect(arrayOf(str()).description).toBe('an array of strings');
    expect(arrayOf(bool(), 2).description).toBe('an array of length 2 of booleans');
    expect(arrayOf(bool(), 2).check([true])).toBe(false);
    expect(arrayOf(oneOf('a', 'b')).description).toBe("an array whose items are each one of 'a', 'b'");
  });

  it('record: plain objects, optionally with checked values', () => {
    expect(record().check({})).toBe(true);
    expect(record().check([]) || record().check(null) || record().check('x')).toBe(false);
    const w = record(num({ min: 0 }));
    expect(w.description).toBe('an object whose values are a number in [0, Infinity)');
    expect(w.check({ a: 1, b: 0 })).toBe(true);
    expect(w.check({ a: -1 })).toBe(false);
  });
});

describe('checkParam', () => {
  const defaults = { alpha: 1, name: 'x', flag: false, maybe: null };
  const schema = { alpha: num({ min: 0 }) };

  it('uses the schema, else the type of the default', () => {
    expect(() => checkParam('E', 'alpha', 2, defaults, schema)).not.toThrow();
    expect(() => checkParam('E', 'alpha', -1, defaults, schema)).toThrow("The 'alpha' option of E must be a number in [0, Infinity). Got -1.");
    expect(() => checkParam('E', 'name', 3, defaults, schema)).toThrow("The 'name' option of E must be a value of type string. Got 3.");
    expect(() => checkParam('E', 'flag', 'yes', defaults, schema)).toThrow(ValidationError);
    // A null default accepts anything when there is no rule.
    expect(() => checkParam('E', 'maybe', { any: 1 }, defaults, schema)).not.toThrow();
  });

  it('names unknown options with a hint and the valid names', () => {
    let e: ValidationError | undefined;
    try {
      checkParam('E', 'alpah', 1, defaults, schema);
    } catch (x) {
      e = x as ValidationError;
    }
    expect(e).toBeInstanceOf(ValidationError);
    expect(e!.code).toBe('unknown_option');
    expect(e!.param).toBe('alpah');
    expect(e!.message).toBe("E has no option 'alpah'. Did you mean 'alpha'? Valid options: alpha, name, flag, maybe.");
    expect(() => checkParam('E', 'zzzzzzzz', 1, defaults, schema)).toThrow("E has no option 'zzzzzzzz'. Valid options: alpha, name, flag, maybe.");
    expect(() => checkParam('E', 'x', 1, {}, {})).toThrow("E has no option 'x'. Valid options: (none).");
  });

  it('does not treat inherited Object.prototype names as options', () => {
    expect(() => checkParam('E', 'toString', 1, defaults, schema)).toThrow(/has no option 'toString'/);
    expect(() => checkParam('E', '__proto__', 1, defaults, schema)).toThrow(ValidationError);
  });

  it('suggestName finds close typos only', () => {
    expect(suggestName('gama', ['gamma', 'C', 'kernel'])).toBe('gamma');
    expect(suggestName('KERNEL', ['gamma', 'C', 'kernel'])).toBe('kernel');
    expect(suggestName('completelydifferent', ['gamma', 'C'])).toBeUndefined();
  });
});

describe('options on estimators', () => {
  it('the constructor validates every option and skips undefined', () => {
    expect(() => new StandardScaler({ withMean: 1 as unknown as boolean })).toThrow("The 'withMean' option of StandardScaler must be a boolean. Got 1.");
    expect(new StandardScaler({ withMean: undefined }).getParams()).toEqual({ withMean: true, withStd: true });
    expect(() => new StandardScaler('x' as never)).toThrow(/options object/);
    expect(() => new StandardScaler([] as never)).toThrow(ValidationError);
    expect(() => new StandardScaler({ witMean: false } as never)).toThrow("StandardScaler has no option 'witMean'. Did you mean 'withMean'? Valid options: withMean, withStd.");
  });

  it('setParams is atomic: a bad key in a batch changes nothing', () => {
    const s = new StandardScaler();
    expect(() => s.setParams({ withMean: false, bogus: 1 })).toThrow(ValidationError);
    expect(s.getParams()).toEqual({ withMean: true, withStd: true });
    expect(() => s.setParams({ withMean: false, withStd: 'no' as unknown as boolean })).toThrow(/'withStd' option/);
    expect(s.getParams()).toEqual({ withMean: true, withStd: true });
    expect(s.setParams({ withMean: false })).toBe(s);
    expect(s.getParams().withMean).toBe(false);
  });

  it('setParams keeps the fitted state (refit to use new options)', () => {
    const s = new StandardScaler().fit([[1], [3]]);
    s.setParams({ withMean: false });
    expect(s.isFitted()).toBe(true);
    expect(s.transform([[3]]).get(0, 0)).toBe(3);
  });

  it('setParams rejects a non-object', () => {
    expect(() => new StandardScaler().setParams(null as never)).toThrow(ValidationError);
    expect(() => new StandardScaler().setParams([] as never)).toThrow(ValidationError);
  });

  describe('nested step__option keys on Pipeline', () => {
    const make = () => new Pipeline([['scale', new StandardScaler()], ['ols', new LinearRegression()]]);

    it('getParams(true) lists the steps and their options', () => {
      const p = make().getParams(true);
      expect(p.scale__withMean).toBe(true);
      expect(p.ols__fitIntercept).toBe(true);
      expect(p.scale).toBeInstanceOf(StandardScaler);
      expect(p.verbose).toBe(false);
      expect(Object.keys(make().getParams(false)).sort()).toEqual(['steps', 'verbose']);
    });

    it('setParams reaches nested options', () => {
      const pipe = make();
      pipe.setParams({ scale__withMean: false, ols__fitIntercept: false, verbose: true });
      expect(pipe.getParams()).toMatchObject({ scale__withMean: false, ols__fitIntercept: false, verbose: true });
    });

    it('a bad nested key or value changes nothing, including earlier keys', () => {
      const pipe = make();
      const before = JSON.stringify(pipe);
      expect(() => pipe.setParams({ verbose: true, scale__withMean: false, ols__fitIntercep: false })).toThrow(
        "LinearRegression has no option 'fitIntercep'. Did you mean 'fitIntercept'? Valid options: fitIntercept.",
      );
      expect(() => pipe.setParams({ scale__withMean: false, ols__fitIntercept: 'yes' })).toThrow(/'fitIntercept' option of LinearRegression/);
      expect(() => pipe.setParams({ scale__withMean: false, nope__x: 1 })).toThrow("Pipeline has no nested estimator 'nope' (for the option 'nope__x'). Nested estimators: scale, ols.");
      expect(JSON.stringify(pipe)).toBe(before);
    });

    it('replaces a whole step and sets its options in one update', () => {
      const pipe = make();
      const fresh = new StandardScaler();
      pipe.setParams({ scale: fresh, scale__withStd: false });
      expect(pipe.getParams().scale).toBe(fresh);
      expect(pipe.getParams().scale__withStd).toBe(false);
      expect(() => pipe.setParams({ scale: 42 })).toThrow(/an estimator or 'passthrough'/);
      pipe.setParams({ scale: 'passthrough' });
      expect(pipe.steps.map(([, e]) => e)).toEqual(['passthrough', expect.any(LinearRegression)]);
    });

    it('a refused step replacement rolls back the options set with it', () => {
      const pipe = make();
      const before = JSON.stringify(pipe);
      // LinearRegression cannot be a middle step (it does not transform).
      expect(() => pipe.setParams({ verbose: true, scale: new LinearRegression() })).toThrow(ValidationError);
      expect(JSON.stringify(pipe)).toBe(before);
    });
  });
});

describe('BaseEstimator', () => {
  class Holder extends BaseEstimator<{ list: number[]; inner: BaseEstimator | null }> {
    static override readonly className = 'Holder';
    static override readonly defaults = { list: [1, 2], inner: null };
  }

  it('does not share default values between instances', () => {
    const a = new Holder();
    (a.getParams().list as number[]).push(3);
    expect(new Holder().getParams().list).toEqual([1, 2]);
  });

  it('clone copies options deeply and clones nested estimators', () => {
    const inner = new StandardScaler({ withMean: false });
    const a = new Holder({ inner });
    const b = a.clone();
    expect(b).not.toBe(a);
    expect(b.getParams().inner).not.toBe(inner);
    expect(b.getParams().inner).toBeInstanceOf(StandardScaler);
    expect(b.getParams()['inner__withMean']).toBe(false);
    expect(b.getParams().list).not.toBe(a.getParams().list);
  });

  it('toString lists options that differ from the defaults', () => {
    expect(new StandardScaler().toString()).toBe('StandardScaler()');
    expect(new StandardScaler({ withStd: false }).toString()).toBe('StandardScaler({ withStd: false })');
  });
});
