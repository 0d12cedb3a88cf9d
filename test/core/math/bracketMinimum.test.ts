import { describe, expect, it } from 'vitest';
import { bracketMinimum } from '../../../src/core/math/bracketMinimum';
import { kernels, poly } from './_fixtures';

describe('bracketMinimum as scipy.optimize.bracket (same steps: exact, make_scaler_kernels.py)', () => {
  for (const c of kernels.brent) {
    it(c.name, () => {
      const b = bracketMinimum(poly(c.coef), -2, 2);
      expect([b.xa, b.xb, b.xc, b.fa, b.fb, b.fc]).toEqual(c.bracket);
    });
  }
  it('returns a bracket: f(xb) below f(xa) and f(xc), xb between them', () => {
    const f = (x: number) => (x - 3) ** 2;
    const b = bracketMinimum(f, 0, 1);
    expect(b.fb).toBeLessThan(Math.min(b.fa, b.fc));
    expect((b.xb - b.xa) * (b.xc - b.xb)).toBeGreaterThan(0);
  });
});
