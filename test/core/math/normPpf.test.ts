import { describe, expect, it } from 'vitest';
import { normCdf } from '../../../src/core/math/normCdf';
import { normPpf } from '../../../src/core/math/normPpf';
import { expectClose } from '../../helpers';
import { kernels, num } from './_fixtures';

describe('normPpf matches scipy.stats.norm.ppf (make_scaler_kernels.py)', () => {
  it('to 1e-13 relative', () => expectClose(kernels.normal.p.map(normPpf), kernels.normal.ppf.map(num), 1e-13, 1e-300));
  it('edges and the inverse of normCdf', () => {
    expect([normPpf(0), normPpf(1), normPpf(0.5), normPpf(-0.1), normPpf(1.1), normPpf(NaN)]).toEqual([-Infinity, Infinity, 0, NaN, NaN, NaN]);
    for (const p of [1e-10, 0.01, 0.3, 0.8]) expect(normCdf(normPpf(p)) / p).toBeCloseTo(1, 13);
  });
});
