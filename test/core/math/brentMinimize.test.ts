import { describe, expect, it } from 'vitest';
import { brentMinimize } from '../../../src/core/math/brentMinimize';
import { kernels, poly } from './_fixtures';

describe('brentMinimize as scipy.optimize.brent (same iterates: exact, make_scaler_kernels.py)', () => {
  for (const c of kernels.brent) {
    it(c.name, () => {
      const r = brentMinimize(poly(c.coef), -2, 2);
      expect([r.x, r.fx, r.iterations]).toEqual([c.x, c.fx, c.iterations]);
    });
  }
  it('stops within the tolerance of a known minimum', () => {
    const r = brentMinimize((x) => Math.cosh(x - 0.75), 0, 1);
    expect(Math.abs(r.x - 0.75)).toBeLessThan(1e-7);
  });
});
