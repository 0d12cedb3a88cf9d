/** The engine-independent log, sin and cos used by the normal draws of RandomState. */
import { describe, expect, it } from 'vitest';
import { portableLog, portableSinCosTurns } from '../../../src/core/math/portable';
import { RandomState } from '../../../src/core/random';

/** [sin(2πt), cos(2πt)] through the out-parameter form. */
function sinCos(t: number): [number, number] {
  const out = new Float64Array(2);
  portableSinCosTurns(t, out);
  return [out[0], out[1]];
}

/** Distance in units in the last place between two doubles of the same sign. */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  const f = new Float64Array([a, b]);
  const i = new BigInt64Array(f.buffer);
  const d = i[0] - i[1];
  return Number(d < 0n ? -d : d);
}

describe('portableLog', () => {
  it('is within 2 ulps of Math.log across the range of doubles', () => {
    const rng = new RandomState(0);
    let worst = 0;
    for (let i = 0; i < 20000; i++) {
      const x = rng.random() * 2 ** (Math.floor(rng.random() * 200) - 100);
      if (x === 0) continue;
      worst = Math.max(worst, Math.abs(portableLog(x) - Math.log(x)) / Math.max(Math.abs(Math.log(x)) * 2 ** -52, 2 ** -1074));
    }
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('is exact where the logarithm is, and keeps the special values', () => {
    expect(portableLog(1)).toBe(0);
    expect(portableLog(2)).toBe(Math.log(2));
    expect(portableLog(Number.MIN_VALUE)).toBeCloseTo(Math.log(Number.MIN_VALUE), 12);
    expect(portableLog(Number.MAX_VALUE)).toBeCloseTo(Math.log(Number.MAX_VALUE), 12);
    expect(portableLog(0)).toBe(-Infinity);
    expect(portableLog(Infinity)).toBe(Infinity);
    expect(portableLog(-1)).toBeNaN();
    expect(portableLog(NaN)).toBeNaN();
  });
});

describe('portableSinCosTurns', () => {
  // The reference rounds its argument 2πt (up to 2 ulps of 1 near a full turn), hence 4.
  it('is within 4 ulps (of 1) of Math.sin / Math.cos of 2πt over a turn', () => {
    let worst = 0;
    for (let i = 0; i < 20000; i++) {
      const t = i / 20000 + 1e-7 * (i % 13);
      const [s, c] = sinCos(t);
      worst = Math.max(worst, Math.abs(s - Math.sin(2 * Math.PI * t)) / 2 ** -52, Math.abs(c - Math.cos(2 * Math.PI * t)) / 2 ** -52);
    }
    expect(worst).toBeLessThanOrEqual(4);
  });

  it('hits the quarter turns exactly', () => {
    expect(sinCos(0)).toEqual([0, 1]);
    expect(sinCos(0.25)).toEqual([1, -0]);
    expect(sinCos(0.5)).toEqual([-0, -1]);
    expect(sinCos(0.75)).toEqual([-1, 0]);
  });

  it('sin² + cos² = 1 to rounding', () => {
    for (const t of [0.1, 0.3, 0.61, 0.9999]) {
      const [s, c] = sinCos(t);
      expect(ulps(s * s + c * c, 1)).toBeLessThanOrEqual(2);
    }
  });
});

describe('RandomState.normal', () => {
  it("is Box–Muller over the generator's uniforms through the portable functions (not the engine's Math)", () => {
    const a = new RandomState(7);
    const b = new RandomState(7);
    let differsFromMath = 0;
    for (let i = 0; i < 1000; i++) {
      let u = 0;
      while (u === 0) u = b.random();
      const v = b.random();
      const r = Math.sqrt(-2 * portableLog(u));
      const [s, c] = sinCos(v);
      expect(a.normal()).toBe(r * c);
      expect(a.normal()).toBe(r * s);
      if (Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v) !== r * c) differsFromMath++;
    }
    // The engine's functions give other last bits now and then: that is why they are not used.
    expect(differsFromMath).toBeGreaterThan(0);
  });
});
