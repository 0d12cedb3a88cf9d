import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BaseEstimator } from '../../src/core/base';
import { ValidationError } from '../../src/core/errors';
import { decodeValue, encodeValue, loadModel, registerEstimator, registerFunction, registeredEstimators } from '../../src/core/serialization';
import { LinearRegression } from '../../src/linear_model/LinearRegression';
import { Pipeline } from '../../src/pipeline/Pipeline';
import { StandardScaler } from '../../src/preprocessing/StandardScaler';

function invalidModel(input: string | object): ValidationError {
  try {
    loadModel(input);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).code).toBe('invalid_model');
    return e as ValidationError;
  }
  throw new Error('loadModel accepted a malformed model');
}

const fitted = () => new StandardScaler().fit([[1, 2], [3, 5], [4, 9]]);
const saved = () => JSON.parse(JSON.stringify(fitted())) as Record<string, unknown>;

/** Holds arbitrary state, to round-trip special values through a real estimator. */
class Holder extends BaseEstimator<{ tag: string }, Record<string, unknown>> {
  static override readonly className = 'SerializationTestHolder';
  static override readonly defaults = { tag: '' };
  hold(state: Record<string, unknown>): this {
    this.state = state;
    return this;
  }
  get held(): Record<string, unknown> | undefined {
    return this.state;
  }
}
registerEstimator(Holder);

describe('loadModel: hostile and malformed input', () => {
  it('unknown className: says to import or register the class', () => {
    const e = invalidModel({ ...saved(), className: 'NoSuchModel' });
    expect(e.message).toBe(
      "Cannot load model: unknown className 'NoSuchModel' at model. Pass the classes the model holds, loadModel(json, { classes: [NoSuchModel] }) (bundlers drop a class a program imports but never uses), or call registerEstimator(YourClass) for your own estimators.",
    );
    invalidModel({ ...saved(), className: 'toString' });
    invalidModel({ ...saved(), className: '__proto__' });
    invalidModel({ ...saved(), className: 42 });
  });

  it('truncated or non-JSON strings', () => {
    const s = JSON.stringify(fitted());
    expect(invalidModel(s.slice(0, -7)).message).toMatch(/^Cannot load model: the string is not valid JSON \(.*\)\. Was it truncated\?$/);
    invalidModel('');
    invalidModel('null');
    invalidModel('[1,2]');
    invalidModel('"StandardScaler"');
  });

  it('wrong format or version', () => {
    expect(invalidModel({ ...saved(), format: 'pickle' }).message).toBe("Cannot load model: format must be 'typelearn'. Got 'pickle'.");
    expect(invalidModel({ ...saved(), version: 2 }).message).toBe('Cannot load model: model.version must be 1 (the only format version this release reads). Got 2.');
    invalidModel({ ...saved(), version: '1' });
  });

  it('malformed params and state', () => {
    invalidModel({ ...saved(), params: [] });
    invalidModel({ ...saved(), params: null });
    invalidModel({ ...saved(), state: [1] });
    invalidModel({ ...saved(), state: 'fitted' });
    expect(invalidModel({ ...saved(), params: { withMean: 'yes' } }).message).toBe(
      "Cannot load model: The 'withMean' option of StandardScaler must be a boolean. Got 'yes'.",
    );
    expect(invalidModel({ ...saved(), params: { withMaen: true } }).message).toMatch(/has no option 'withMaen'/);
  });

  it('$num, $typed and $fn with junk', () => {
    const withState = (state: unknown) => ({ ...saved(), state });
    invalidModel(withState({ mean: { $num: 'foo' } }));
    invalidModel(withState({ mean: { $num: 'NaN', extra: 1 } }));
    invalidModel(withState({ mean: { $num: 5 } }));
    invalidModel(withState({ mean: { $other: 1 } }));
    expect(invalidModel(withState({ mean: { $typed: 'BigInt64Array', values: [1] } })).message).toMatch(/model\.state\.mean\.\$typed must be one of Float64Array, /);
    invalidModel(withState({ mean: { $typed: 'constructor', values: [] } }));
    invalidModel(withState({ mean: { $typed: 'Float64Array', values: 'abc' } }));
    invalidModel(withState({ mean: { $typed: 'Float64Array', values: [1, 'x'] } }));
    invalidModel(withState({ mean: { $typed: 'Float64Array', values: { length: 1e9 } } }));
    expect(invalidModel(withState({ f: { $fn: 'nope' } })).message).toMatch(/a registered function name/);
    invalidModel(withState({ f: { $fn: 'toString' } }));
    invalidModel(withState({ f: { $fn: 3 } }));
  });

  it('__proto__, constructor and prototype keys anywhere are refused and pollute nothing', () => {
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const good = JSON.stringify(fitted());
    const hostile = [
      good.replace('"format"', '"__proto__":{"polluted":1},"format"'),
      good.replace('"format"', '"constructor":{"prototype":{"polluted":1}},"format"'),
      good.replace('"withMean"', '"__proto__":{"polluted":1},"withMean"'),
      good.replace('"withMean"', '"constructor":{"polluted":1},"withMean"'),
      good.replace('"nFeaturesIn"', '"__proto__":{"polluted":1},"nFeaturesIn"'),
      good.replace('"nFeaturesIn"', '"deep":[{"a":{"prototype":{"polluted":1}}}],"nFeaturesIn"'),
      good.replace('"nFeaturesIn"', '"deep":{"x":{"__proto__":{"polluted":1}}},"nFeaturesIn"'),
    ];
    for (const h of hostile) {
      expect(h).not.toBe(good);
      const e = invalidModel(h);
      expect(e.message).toMatch(/__proto__, constructor or prototype/);
    }
    // The same through an already-parsed object (JSON.parse makes "__proto__" an own key).
    invalidModel(JSON.parse(hostile[0]) as object);
    invalidModel(JSON.parse(hostile[4]) as object);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(Object.prototype.hasOwnProperty('polluted')).toBe(false);
  });

  it('deep nesting (100k nested arrays) is a ValidationError, not a stack overflow', () => {
    const deep = '['.repeat(100000) + ']'.repeat(100000);
    const inParams = `{"format":"typelearn","version":1,"className":"StandardScaler","params":{"withMean":${deep}},"state":null}`;
    expect(invalidModel(inParams).message).toMatch(/nesting at most 256 deep/);
    const inState = JSON.stringify(fitted()).replace('"nFeaturesIn"', `"deep":${deep},"nFeaturesIn"`);
    invalidModel(inState);
    // A parsed object built without JSON.parse.
    let nested: unknown = [];
    for (let i = 0; i < 100000; i++) nested = [nested];
    invalidModel({ ...saved(), state: { deep: nested } });
    // Deep nested models too.
    let model: Record<string, unknown> = saved();
    for (let i = 0; i < 1000; i++) model = { format: 'typelearn', version: 1, className: 'SerializationTestHolder', params: { tag: 'x' }, state: { inner: model } };
    invalidModel(model);
  });

  it('saving refuses what it cannot load back', () => {
    expect(() => new Holder().hold({ m: new Map() }).toJSON()).toThrow(ValidationError);
    expect(() => new Holder().hold({ $x: 1 }).toJSON()).toThrow(/keys that do not start with '\$'/);
    expect(() => new Holder().hold({ f: () => 1 }).toJSON()).toThrow(/registered with registerFunction/);
    expect(() => new Holder().hold({ d: new Date() }).toJSON()).toThrow(ValidationError);
    let nested: unknown = 1;
    for (let i = 0; i < 1000; i++) nested = [nested];
    expect(() => new Holder().hold({ nested }).toJSON()).toThrow(/nesting at most 256 deep/);
  });
});

describe('round trips', () => {
  it('NaN, ±Infinity, -0 and typed arrays survive JSON', () => {
    const state = {
      nums: [NaN, Infinity, -Infinity, -0, 0, 1.5, Number.MIN_VALUE, Number.MAX_VALUE],
      f64: Float64Array.of(NaN, -0, Infinity, 0.1),
      f32: Float32Array.of(1.5, NaN, -0),
      i32: Int32Array.of(-5, 7),
      u8: Uint8Array.of(0, 255),
      u8c: Uint8ClampedArray.of(3),
      i8: Int8Array.of(-128),
      u16: Uint16Array.of(65535),
      i16: Int16Array.of(-1),
      u32: Uint32Array.of(4294967295),
      nested: { deeper: [{ x: -0 }], s: 'text', b: false, n: null },
    };
    const h = new Holder({ tag: 'special' }).hold(state);
    const json = JSON.stringify(h);
    const back = loadModel<Holder>(json);
    expect(back).toBeInstanceOf(Holder);
    expect(back.getParams()).toEqual({ tag: 'special' });
    const held = back.held!;
    expect(Object.is((held.nested as { deeper: Array<{ x: number }> }).deeper[0].x, -0)).toBe(true);
    expect(held.f64).toBeInstanceOf(Float64Array);
    expect(held.f32).toBeInstanceOf(Float32Array);
    expect(held.u8c).toBeInstanceOf(Uint8ClampedArray);
    expect(held).toStrictEqual(state);
    (held.nums as number[]).forEach((v, i) => expect(Object.is(v, state.nums[i])).toBe(true));
    expect(Object.is((held.f64 as Float64Array)[1], -0)).toBe(true);
    expect(JSON.stringify(back)).toBe(json);
  });

  it('nested estimators round-trip, fitted and unfitted, and predict bit for bit', () => {
    const pipe = new Pipeline([['scale', new StandardScaler()], ['ols', new LinearRegression()]]);
    const unfitted = loadModel<Pipeline>(JSON.stringify(pipe));
    expect(unfitted.isFitted()).toBe(false);
    expect(unfitted.getParams().scale).toBeInstanceOf(StandardScaler);
    const X = [[0.1, 3], [1.7, -2], [2.2, 0.4], [5.5, 1]];
    pipe.fit(X, [1, 2.5, 0.3, 7]);
    const back = loadModel<Pipeline>(JSON.stringify(pipe));
    const a = pipe.predict([[0.3, 0.7], [9, -1]]);
    const b = back.predict([[0.3, 0.7], [9, -1]]);
    a.forEach((v, i) => expect(Object.is(v, b[i])).toBe(true));
    expect(JSON.parse(JSON.stringify(pipe.toJSON()))).toEqual(pipe.toJSON());
  });

  it('registered functions round-trip by name', () => {
    const double = (x: number) => 2 * x;
    registerFunction('serializationTestDouble', double);
    registerFunction('serializationTestDouble', double);
    expect(() => registerFunction('serializationTestDouble', (x: number) => x)).toThrow(ValidationError);
    const back = loadModel<Holder>(JSON.stringify(new Holder().hold({ f: double })));
    expect(back.held!.f).toBe(double);
  });

  it('property: decodeValue(JSON(encodeValue(v))) equals v for random JSON-able values', () => {
    const key = fc.string({ maxLength: 6 }).filter((k) => !k.startsWith('$') && !['__proto__', 'constructor', 'prototype', 'format'].includes(k));
    const num = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 0), fc.integer());
    const typed = fc.oneof(
      fc.array(fc.double(), { maxLength: 5 }).map((a) => Float64Array.from(a)),
      fc.array(fc.float(), { maxLength: 5 }).map((a) => Float32Array.from(a)),
      fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 5 }).map((a) => Int32Array.from(a)),
      fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 5 }).map((a) => Uint8Array.from(a)),
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        num,
        fc.string(),
        fc.boolean(),
        fc.constant(null),
        typed,
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 4, noNullPrototype: true }),
      ),
    }));
    fc.assert(
      fc.property(value, (v) => {
        const back = decodeValue(JSON.parse(JSON.stringify(encodeValue(v, 'v'))), 'v');
        expect(back).toStrictEqual(v);
      }),
      { numRuns: 300 },
    );
  });
});

describe('registerEstimator', () => {
  it('rejects a class without its own className', () => {
    class Inherits extends StandardScaler {}
    expect(() => registerEstimator(Inherits)).toThrow(
      "registerEstimator: Class must be a class declaring its own 'static readonly className'. Got a class without one (it inherits 'StandardScaler').",
    );
    expect(() => registerEstimator({} as never)).toThrow(ValidationError);
    expect(registeredEstimators().get('StandardScaler')).toBe(StandardScaler);
  });

  it('rejects a name collision but accepts registering the same class again', () => {
    class Impostor extends StandardScaler {
      static override readonly className = 'StandardScaler';
    }
    expect(() => registerEstimator(Impostor)).toThrow(/a className not already taken \('StandardScaler' is registered to another class\)/);
    expect(() => registerEstimator(StandardScaler)).not.toThrow();
    expect(registeredEstimators().get('StandardScaler')).toBe(StandardScaler);
  });
});
