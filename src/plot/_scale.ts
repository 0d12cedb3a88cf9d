/** A map from a data interval to a pixel interval (linear, or base-10 logarithmic). */
export interface Scale {
  (v: number): number;
  domain: [number, number];
  ticks: number[];
  log: boolean;
}

/**
 * About `count` round tick values covering [lo, hi] (steps of 1, 2 or 5 times a power of ten), as
 * d3's `ticks`; the axes of the SVG plots widen their domain to the outer ticks.
 * @example
 * ```ts
 * import { niceTicks } from 'typelearn/plot';
 *
 * console.log(niceTicks(0, 1), niceTicks(0, 97)); // [ 0, 0.2, 0.4, 0.6, 0.8, 1 ] [ 0, 20, 40, 60, 80 ]
 * ```
 */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(Number.isFinite(lo) && Number.isFinite(hi))) return [];
  if (lo === hi) return [lo];
  if (lo > hi) [lo, hi] = [hi, lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / mag;
  const step = (f >= 7.5 ? 10 : f >= 3.5 ? 5 : f >= 1.5 ? 2 : 1) * mag;
  const first = Math.ceil(lo / step - 1e-9);
  const last = Math.floor(hi / step + 1e-9);
  const out: number[] = [];
  for (let i = first; i <= last; i++) out.push(Number((i * step).toPrecision(12)));
  return out;
}

/** The domain widened outwards to round ticks, so the axis starts and ends on a tick. */
export function niceDomain(lo: number, hi: number, count = 5): [number, number] {
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return [lo - pad, hi + pad];
  }
  const t = niceTicks(lo, hi, count);
  const step = t.length > 1 ? t[1] - t[0] : Math.abs(hi - lo);
  return [Math.min(lo, Math.floor(lo / step + 1e-9) * step), Math.max(hi, Math.ceil(hi / step - 1e-9) * step)].map((v) => Number(v.toPrecision(12))) as [number, number];
}

/** A linear scale from `domain` to `range`, with round ticks inside the domain. */
export function linearScale(domain: [number, number], range: [number, number], count = 5): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const f = ((v: number) => r0 + ((v - d0) / span) * (r1 - r0)) as Scale;
  f.domain = [d0, d1];
  f.ticks = niceTicks(d0, d1, count);
  f.log = false;
  return f;
}

/** A base-10 logarithmic scale (positive domain), with a tick at each power of ten. */
export function logScale(domain: [number, number], range: [number, number]): Scale {
  const l0 = Math.floor(Math.log10(domain[0]) + 1e-9);
  const l1 = Math.ceil(Math.log10(domain[1]) - 1e-9);
  const lo = l0 === l1 ? l0 - 1 : l0;
  const [r0, r1] = range;
  const f = ((v: number) => r0 + ((Math.log10(v) - lo) / (l1 - lo)) * (r1 - r0)) as Scale;
  f.domain = [Math.pow(10, lo), Math.pow(10, l1)];
  f.ticks = [];
  for (let e = lo; e <= l1; e++) f.ticks.push(Number(Math.pow(10, e).toPrecision(12)));
  f.log = true;
  return f;
}

/** A tick label: integers as is, others with up to 4 significant digits. */
export function tickLabel(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return v.toExponential(0);
  return String(Number(v.toPrecision(4)));
}
