import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import { num, oneOf } from '../../src/core/params';
import { readOptions } from '../../src/core/readOptions';

const defaults = { alpha: 1, kind: 'a' as 'a' | 'b' };
const schema = { alpha: num({ min: 0 }), kind: oneOf('a', 'b') };

describe('readOptions', () => {
  it('merges the given options over the defaults; undefined keys, undefined or null options keep them', () => {
    expect(readOptions('f', { alpha: 2 }, defaults, schema)).toEqual({ alpha: 2, kind: 'a' });
    expect(readOptions('f', { alpha: undefined, kind: 'b' }, defaults, schema)).toEqual({ alpha: 1, kind: 'b' });
    expect(readOptions('f', undefined, defaults, schema)).toEqual(defaults);
    expect(readOptions('f', null, defaults, schema)).toEqual(defaults);
    expect(readOptions('f', undefined, defaults, schema)).not.toBe(defaults);
  });
  it('rejects non-objects, unknown keys (with a hint) and values against the rules, naming the function', () => {
    const err = (options: unknown) => {
      try {
        readOptions('myFn', options, defaults, schema);
      } catch (e) {
        return e as ValidationError;
      }
      throw new Error('no error');
    };
    for (const bad of [3, 'x', [1]]) {
      const e = err(bad);
      expect(e).toBeInstanceOf(ValidationError);
      expect([e.code, e.estimator, e.param]).toEqual(['invalid_input', 'myFn', 'options']);
    }
    const typo = err({ alpah: 1 });
    expect([typo.code, typo.param]).toEqual(['unknown_option', 'alpah']);
    expect(typo.message).toContain("Did you mean 'alpha'?");
    const range = err({ alpha: -1 });
    expect([range.estimator, range.param]).toEqual(['myFn', 'alpha']);
  });
});
