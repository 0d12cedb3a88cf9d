import { portableLog, portableSinCosTurns } from './math/portable';
import { ValidationError, describeValue } from './errors';
import { randomStateSpec } from './params';

/** Scratch for the sine and cosine of a normal draw. */
const sinCos = /* @__PURE__ */ new Float64Array(2);

/**
 * The library's only source of randomness: a seeded xoshiro128** generator, computed with 32-bit
 * integer arithmetic so that the same seed gives the same stream in Node and in every browser.
 * Estimators take `randomState?: number` and build one of these from it.
 */

function splitmix32(state: number): [number, number] {
  state = (state + 0x9e3779b9) | 0;
  let z = state;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [(z ^ (z >>> 16)) >>> 0, state];
}

let entropyCounter = 0;
/** A fresh seed when the user gave none (scikit-learn's `random_state=None`). */
function freshSeed(): number {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  if (c && typeof c.getRandomValues === 'function') return c.getRandomValues(new Uint32Array(1))[0];
  entropyCounter = (entropyCounter + 0x6d2b79f5) | 0;
  return (Date.now() ^ entropyCounter) >>> 0;
}

/**
 * The uniform draws of {@link RandomState} (the same stream, seeded the same way): code that needs
 * only these (saga's sample order) takes this class, so that a bundle of it leaves out the normal
 * deviates and their portable logarithm and sine.
 */
export class UniformStream {
  declare private s0: number;
  declare private s1: number;
  declare private s2: number;
  declare private s3: number;

  /** @param seed an integer; omitted, a fresh seed is drawn from the platform's entropy. */
  constructor(seed?: number) {
    let s = seed === undefined ? freshSeed() : seed;
    // Fold seeds beyond 32 bits into the state too.
    let hi = Math.floor(s / 4294967296) | 0;
    s = s >>> 0;
    const out: number[] = [];
    let st = s ^ Math.imul(hi, 0x27d4eb2d);
    for (let i = 0; i < 4; i++) {
      const [v, next] = splitmix32(st);
      out.push(v);
      st = next;
      hi = 0;
    }
    [this.s0, this.s1, this.s2, this.s3] = out;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9);
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  random(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** A uniform double in [low, high). */
  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.random();
  }

  /** A uniform integer in [0, n), without modulo bias. */
  randint(n: number): number {
    if (n <= 0) throw new RangeError('randint needs n > 0');
    if (n <= 4294967296) {
      const limit = 4294967296 - (4294967296 % n);
      let x: number;
      do x = this.nextUint32();
      while (x >= limit);
      return x % n;
    }
    return Math.floor(this.random() * n);
  }

  /** A new integer seed drawn from this stream, for seeding a child generator. */
  seed(): number {
    return this.nextUint32();
  }
}

/**
 * A seeded pseudo-random number generator.
 * @example
 * ```ts
 * import { RandomState } from 'typelearn';
 *
 * const a = new RandomState(42);
 * const b = new RandomState(42);
 * console.log(a.random() === b.random(), a.permutation(5).length); // true 5
 * console.log(new RandomState(0).randint(10) === new RandomState(0).randint(10)); // true
 * ```
 */
export class RandomState extends UniformStream {
  private spareNormal: number | undefined;

  /** A normal deviate (Box–Muller), the same bits in every JavaScript engine. */
  normal(mean = 0, std = 1): number {
    if (this.spareNormal !== undefined) {
      const z = this.spareNormal;
      this.spareNormal = undefined;
      return mean + std * z;
    }
    let u = 0;
    while (u === 0) u = this.random();
    const v = this.random();
    // Engines' Math.log / sin / cos differ in the last bit; these give the same bits everywhere.
    const r = Math.sqrt(-2 * portableLog(u));
    portableSinCosTurns(v, sinCos);
    this.spareNormal = r * sinCos[0];
    return mean + std * r * sinCos[1];
  }

  /** Shuffles an array in place (Fisher–Yates) and returns it. */
  shuffle<T extends { length: number; [i: number]: unknown }>(a: T): T {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.randint(i + 1);
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  /** A random permutation of 0..n-1. */
  permutation(n: number): number[] {
    const out = new Array<number>(n);
    for (let i = 0; i < n; i++) out[i] = i;
    return this.shuffle(out);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * The generator for an estimator's `randomState` option: null or undefined for a fresh seed, else an
 * integer in [0, 2^32 − 1] (scikit-learn's range); anything else is a {@link ValidationError}.
 */
export function checkRandomState(seed: number | null | undefined, estimator = 'typelearn'): RandomState {
  if (seed !== null && seed !== undefined && !randomStateSpec.check(seed)) {
    throw new ValidationError({ code: 'invalid_option', estimator, param: 'randomState', expected: randomStateSpec.description, received: describeValue(seed) });
  }
  return new RandomState(seed ?? undefined);
}
