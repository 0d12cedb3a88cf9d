/** The categorical colours of the lines and bars (Tableau 10's first six). */
export const PALETTE = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2'];

const LOW = [247, 251, 255];
const HIGH = [8, 48, 107];

/** A white-to-dark-blue colour for t in [0, 1] (clamped; NaN gives the lightest), as `#rrggbb`. */
export function blueRamp(t: number): string {
  const u = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  return '#' + LOW.map((lo, i) => Math.round(lo + (HIGH[i] - lo) * u).toString(16).padStart(2, '0')).join('');
}

/** Black or white, whichever reads better on the ramp colour of t. */
export function textOnRamp(t: number): string {
  return Number.isFinite(t) && t > 0.5 ? '#ffffff' : '#000000';
}
