import { describe, expect, it } from 'vitest';
import { erf, erfc } from '../../../src/core/math/erf';
import { expectClose } from '../../helpers';
import { math } from './_fixtures';

describe('erf and erfc match scipy.special (make_math.py)', () => {
  it('erf to 1e-14 relative', () => expectClose(math.erf.x.map(erf), math.erf.erf, 1e-14, 1e-300));
  it('erfc to 1e-13 relative, also deep in the upper tail', () => expectClose(math.erf.x.map(erfc), math.erf.erfc, 1e-13, 1e-300));
  it('edges and symmetry', () => {
    expect([erf(NaN), erfc(NaN), erf(0), erfc(0), erfc(40), erfc(-40)]).toEqual([NaN, NaN, 0, 1, 0, 2]);
    expect(erf(0.3) + erfc(0.3)).toBeCloseTo(1, 15);
    expect(erf(-2.5)).toBeCloseTo(-erf(2.5), 15);
  });
});
