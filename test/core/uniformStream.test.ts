/** UniformStream (saga's generator, without the normal deviates) draws RandomState's stream. */
import { describe, expect, it } from 'vitest';
import { RandomState, UniformStream } from '../../src/core/random';

describe('UniformStream', () => {
  it('gives the same draws as RandomState for the same seed', () => {
    for (const seed of [0, 1, 42, 2 ** 32 - 1, 2 ** 40 + 7]) {
      const a = new UniformStream(seed);
      const b = new RandomState(seed);
      const da = [a.nextUint32(), a.random(), a.uniform(-2, 3), a.randint(7), a.randint(2 ** 33), a.seed()];
      const db = [b.nextUint32(), b.random(), b.uniform(-2, 3), b.randint(7), b.randint(2 ** 33), b.seed()];
      expect(da).toEqual(db);
    }
    expect(new RandomState(3)).toBeInstanceOf(UniformStream);
  });
});
