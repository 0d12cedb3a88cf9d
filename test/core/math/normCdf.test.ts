import { describe, expect, it } from 'vitest';
import { normCdf } from '../../../src/core/math/normCdf';
import { expectClose } from '../../helpers';
import { kernels } from './_fixtures';

describe('normCdf matches scipy.stats.norm.cdf (make_scaler_kernels.py)', () => {
  it('to 1e-13 relative, the lower tail included', () => expectClose(kernels.normal.x.map(normCdf), kernels.normal.cdf, 1e-13, 1e-300));
  it('edges', () => {
    expect([normCdf(NaN), normCdf(0), normCdf(-Infinity), normCdf(Infinity)]).toEqual([NaN, 0.5, 0, 1]);
  });
});
