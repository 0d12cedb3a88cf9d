import { describe, expect, it } from 'vitest';
import { kmeans1d } from '../../../src/core/math/kmeans1d';
import { expectClose, nanify } from '../../helpers';
import { kernels } from './_fixtures';

describe("kmeans1d matches scikit-learn's KMeans from given centers (to 1e-12, make_scaler_kernels.py)", () => {
  for (const c of kernels.kmeans) {
    it(c.name, () => {
      expectClose(Array.from(kmeans1d(Float64Array.from(nanify(c.values) as number[]), Float64Array.from(c.init))), c.centers, 1e-12, 1e-12);
    });
  }
  it('leaves its inputs alone', () => {
    const v = Float64Array.from([0, 1, 10, 11]);
    const init = Float64Array.from([0, 1]);
    expect(Array.from(kmeans1d(v, init))).toEqual([0.5, 10.5]);
    expect([Array.from(v), Array.from(init)]).toEqual([[0, 1, 10, 11], [0, 1]]);
  });
});
