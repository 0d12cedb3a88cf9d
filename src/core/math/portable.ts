/**
 * Logarithm, sine and cosine computed with + − × ÷ only, so every JavaScript engine gives the same
 * bits. ECMAScript leaves `Math.log`, `Math.sin`, `Math.cos` (and `exp`, `tanh`, `pow`…) to the
 * engine, and engines differ in the last bit: Node 20 and Chromium 156 disagree on about one value in
 * three (test/browser finds it). Random draws that go through them (the normal deviates of
 * `RandomState.normal`) use these instead, so a `randomState` gives the same numbers in Node and in
 * every browser. Accurate to about one unit in the last place, not correctly rounded.
 */

const SQRT1_2 = Math.SQRT1_2;
/** ln 2 split in two: the high part has its low 32 bits zero, so `k * LN2_HI` is exact for |k| < 2^20. */
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
const TWO64 = 18446744073709551616;

/**
 * The natural logarithm of `x` (NaN below 0, −Infinity at 0, Infinity at Infinity): `x = 2^k · m`
 * with m in [√½, √2), then log(m) = 2·atanh(s), s = (m − 1) / (m + 1), by its series.
 */
export function portableLog(x: number): number {
  if (!(x > 0) || x === Infinity) return x === 0 ? -Infinity : x === Infinity ? Infinity : NaN;
  let m = x;
  let k = 0;
  // Powers of two scale exactly (no subnormal results: m stays near 1).
  while (m >= TWO64) { m /= TWO64; k += 64; }
  while (m < 1 / TWO64) { m *= TWO64; k -= 64; }
  while (m >= 2 * SQRT1_2) { m /= 2; k += 1; }
  while (m < SQRT1_2) { m *= 2; k -= 1; }
  const f = m - 1; // exact for m in [0.5, 2]
  const s = f / (2 + f);
  const z = s * s;
  // 2·atanh(s) = 2s + 2s³/3 + 2s⁵/5 + … and 2s = f − s·f, so log(1 + f) = f − s·(f − R).
  let r = 2 / 25;
  for (let n = 23; n >= 3; n -= 2) r = 2 / n + z * r;
  const R = z * r;
  return k * LN2_HI + (k * LN2_LO + (f - s * (f - R)));
}

/**
 * sin(2πt) and cos(2πt) for a fraction of a turn t (finite; `RandomState` passes t in [0, 1)),
 * written to `out[0]` and `out[1]` (no array is made per call: the normal draws call it in loops).
 * Reducing t to the nearest quarter turn is exact, so only the series for the remaining angle
 * x in [−π/4, π/4] rounds (terms up to x¹⁸, whose size there is below 2^-56).
 */
export function portableSinCosTurns(t: number, out: Float64Array): void {
  const q4 = 4 * (t - Math.floor(t)); // in [0, 4), exact
  const q = Math.round(q4);
  const x = (q4 - q) * (Math.PI / 2);
  const z = x * x;
  // sin x = x·(1 − z/(2·3)·(1 − z/(4·5)·(…))), cos x = 1 − z/(1·2)·(1 − z/(3·4)·(…)).
  let ps = 1;
  for (let n = 8; n >= 1; n--) ps = 1 - (z / (2 * n * (2 * n + 1))) * ps;
  let pc = 1;
  for (let n = 9; n >= 1; n--) pc = 1 - (z / ((2 * n - 1) * 2 * n)) * pc;
  const sin = x * ps;
  switch (q & 3) {
    case 0: out[0] = sin; out[1] = pc; break;
    case 1: out[0] = pc; out[1] = -sin; break;
    case 2: out[0] = -sin; out[1] = -pc; break;
    default: out[0] = -pc; out[1] = sin;
  }
}
