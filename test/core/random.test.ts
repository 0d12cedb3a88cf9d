import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RandomState, checkRandomState } from '../../src/core/random';

/** Streams computed independently in Python by test/fixtures/core/make_random_state.py. */
const fixture = JSON.parse(readFileSync(join(__dirname, '../fixtures/core/random_state.json'), 'utf8')) as {
  uint32: Record<string, number[]>;
  random: Record<string, number[]>;
};

describe('RandomState', () => {
  it('matches the reference streams bit for bit (a platform or implementation change is caught)', () => {
    expect(Object.keys(fixture.uint32).length).toBeGreaterThanOrEqual(7);
    for (const [seed, values] of Object.entries(fixture.uint32)) {
      const r = new RandomState(Number(seed));
      expect(values.map(() => r.nextUint32()), `seed ${seed}`).toEqual(values);
    }
    for (const [seed, values] of Object.entries(fixture.random)) {
      const r = new RandomState(Number(seed));
      expect(values.map(() => r.random()), `seed ${seed}`).toEqual(values);
    }
  });

  it('pins the first values of known seeds', () => {
    const r = new RandomState(42);
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32(), r.nextUint32(), r.nextUint32()]).toEqual([2837322924, 544945897, 479756282, 3500138142, 339756180]);
    const r0 = new RandomState(0);
    expect([r0.random(), r0.random(), r0.random()]).toEqual([0.8868539502021594, 0.012474988946590604, 0.032522145755498943]);
    // Seeds beyond 32 bits are folded in, not truncated.
    expect(new RandomState(2 ** 32).nextUint32()).toBe(382010867);
    expect(new RandomState(0).nextUint32()).toBe(3809008728);
  });

  it('the same seed gives the same stream; different seeds differ', () => {
    const draw = (seed: number) => {
      const r = new RandomState(seed);
      return [r.random(), r.randint(1000), r.normal(), r.uniform(-2, 2), ...r.permutation(10)];
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(checkRandomState(7).random()).toBe(new RandomState(7).random());
  });

  it('without a seed, draws a fresh one', () => {
    const a = new RandomState();
    const b = checkRandomState(null);
    expect([a.nextUint32(), a.nextUint32()]).not.toEqual([b.nextUint32(), b.nextUint32()]);
  });

  it('random() is in [0, 1) with mean about 1/2', () => {
    const r = new RandomState(1);
    let s = 0;
    for (let i = 0; i < 1e5; i++) {
      const v = r.random();
      expect(v >= 0 && v < 1).toBe(true);
      s += v;
    }
    expect(Math.abs(s / 1e5 - 0.5)).toBeLessThan(0.005);
  });

  it('randint(n) covers [0, n) evenly (chi-square), including n that do not divide 2^32', () => {
    const r = new RandomState(3);
    for (const n of [1, 2, 3, 7, 1000]) {
      const counts = new Array<number>(n).fill(0);
      const draws = n * 2000;
      let outside = 0;
      for (let i = 0; i < draws; i++) {
        const k = r.randint(n);
        if (Number.isInteger(k) && k >= 0 && k < n) counts[k]++;
        else outside++;
      }
      // One expect per n, not per draw: two million expects took a minute on a loaded machine.
      expect(outside).toBe(0);
      const expected = draws / n;
      const chi2 = counts.reduce((a, c) => a + (c - expected) ** 2 / expected, 0);
      // Mean n - 1, sd sqrt(2(n - 1)): 6 sd is far beyond chance.
      expect(chi2).toBeLessThan(n - 1 + 6 * Math.sqrt(2 * Math.max(n - 1, 1)) + 1);
    }
    // A range just above 2^31 would be badly biased by a plain modulo.
    const big = 3 * 2 ** 30;
    let low = 0;
    for (let i = 0; i < 20000; i++) if (r.randint(big) < 2 ** 30) low++;
    expect(Math.abs(low / 20000 - 1 / 3)).toBeLessThan(0.02);
    expect(r.randint(2 ** 40)).toBeLessThan(2 ** 40);
    expect(() => r.randint(0)).toThrow(RangeError);
  });

  it('normal() has mean ≈ 0 and variance ≈ 1 over 1e5 draws; normal(m, s) scales', () => {
    const r = new RandomState(5);
    const n = 1e5;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    const mean = s / n;
    expect(Math.abs(mean)).toBeLessThan(0.015);
    expect(Math.abs(s2 / n - mean * mean - 1)).toBeLessThan(0.02);
    const r2 = new RandomState(5);
    const r3 = new RandomState(5);
    expect(r2.normal(10, 2)).toBeCloseTo(10 + 2 * r3.normal(), 12);
  });

  it('shuffle and permutation are permutations', () => {
    const r = new RandomState(9);
    const p = r.permutation(50);
    expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    const a = Float64Array.from([1, 2, 3, 4]);
    expect(r.shuffle(a)).toBe(a);
    expect(Array.from(a).sort()).toEqual([1, 2, 3, 4]);
    expect(r.permutation(0)).toEqual([]);
  });

  it('seed() derives child seeds deterministically', () => {
    expect(new RandomState(11).seed()).toBe(new RandomState(11).seed());
  });
});
