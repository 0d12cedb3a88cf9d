import { escapeXml, num } from './_escape';
import { tickLabel, type Scale } from './_scale';

/** Size and titles common to every SVG plot. */
export interface SvgOptions {
  /** Width in pixels. @defaultValue 480 */
  width?: number;
  /** Height in pixels. @defaultValue 360 */
  height?: number;
  /** Title above the plot (escaped). */
  title?: string;
}

/** The plotting area inside the margins. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

/** The plotting area of a `width` × `height` picture with room for axes on the left and bottom. */
export function plotBox(o: SvgOptions, leftMargin = 60): Box {
  const width = o.width ?? 480;
  const height = o.height ?? 360;
  const left = leftMargin;
  const top = o.title ? 36 : 16;
  const right = width - 16;
  const bottom = height - 48;
  return { left, top, right, bottom, width, height };
}

/** Wraps the body in an `<svg>` element with a white background and an optional title. */
export function svgDocument(box: Box, body: string[], title?: string): string {
  const head = `<svg xmlns="http://www.w3.org/2000/svg" width="${box.width}" height="${box.height}" viewBox="0 0 ${box.width} ${box.height}" font-family="sans-serif" font-size="11">`;
  const parts = [head, `<rect width="${box.width}" height="${box.height}" fill="#ffffff"/>`];
  if (title) parts.push(`<text class="title" x="${num(box.width / 2)}" y="20" text-anchor="middle" font-size="14">${escapeXml(title)}</text>`);
  return [...parts, ...body, '</svg>'].join('\n');
}

/** The x axis: a line, one `<g class="tick">` per tick (a mark and its label) and the axis title. */
export function xAxis(box: Box, x: Scale, label: string): string {
  const out = [`<g class="x-axis">`, `<line x1="${box.left}" y1="${box.bottom}" x2="${box.right}" y2="${box.bottom}" stroke="#333"/>`];
  for (const t of x.ticks) {
    const px = num(x(t));
    out.push(`<g class="tick"><line x1="${px}" y1="${box.bottom}" x2="${px}" y2="${box.bottom + 5}" stroke="#333"/><text x="${px}" y="${box.bottom + 17}" text-anchor="middle">${escapeXml(tickLabel(t))}</text></g>`);
  }
  out.push(`<text class="axis-title" x="${num((box.left + box.right) / 2)}" y="${box.bottom + 36}" text-anchor="middle">${escapeXml(label)}</text>`, '</g>');
  return out.join('');
}

/** The y axis, as {@link xAxis}, with light grid lines across the plot. */
export function yAxis(box: Box, y: Scale, label: string): string {
  const out = [`<g class="y-axis">`, `<line x1="${box.left}" y1="${box.top}" x2="${box.left}" y2="${box.bottom}" stroke="#333"/>`];
  for (const t of y.ticks) {
    const py = num(y(t));
    out.push(
      `<g class="tick"><line x1="${box.left}" y1="${py}" x2="${box.right}" y2="${py}" stroke="#e6e6e6"/><line x1="${box.left - 5}" y1="${py}" x2="${box.left}" y2="${py}" stroke="#333"/><text x="${box.left - 8}" y="${py}" dy="0.32em" text-anchor="end">${escapeXml(tickLabel(t))}</text></g>`,
    );
  }
  const cy = num((box.top + box.bottom) / 2);
  out.push(`<text class="axis-title" x="14" y="${cy}" transform="rotate(-90 14 ${cy})" text-anchor="middle">${escapeXml(label)}</text>`, '</g>');
  return out.join('');
}

/** A legend box in the given corner: a colour swatch and an escaped name per entry. */
export function legend(box: Box, entries: Array<{ name: string; color: string; dash?: boolean }>, corner: 'bottom-right' | 'top-right' | 'bottom-left' = 'bottom-right'): string {
  const h = entries.length * 16 + 8;
  const w = Math.min(box.right - box.left - 8, 8 + 26 + 7 * Math.max(...entries.map((e) => e.name.length)));
  const x0 = corner === 'bottom-left' ? box.left + 8 : box.right - w - 8;
  const y0 = corner === 'top-right' ? box.top + 8 : box.bottom - h - 8;
  const out = [`<g class="legend">`, `<rect x="${num(x0)}" y="${num(y0)}" width="${num(w)}" height="${h}" fill="#ffffff" fill-opacity="0.85" stroke="#bbb"/>`];
  entries.forEach((e, i) => {
    const y = y0 + 12 + i * 16;
    out.push(
      `<g class="legend-entry"><line x1="${num(x0 + 6)}" y1="${num(y)}" x2="${num(x0 + 26)}" y2="${num(y)}" stroke="${e.color}" stroke-width="2"${e.dash ? ' stroke-dasharray="4 3"' : ''}/><text x="${num(x0 + 32)}" y="${num(y)}" dy="0.32em">${escapeXml(e.name)}</text></g>`,
    );
  });
  out.push('</g>');
  return out.join('');
}

/** An SVG path through the points (x[i], y[i]), skipping non-finite ones. */
export function pathData(xs: readonly number[], ys: readonly number[], x: Scale, y: Scale): string {
  const parts: string[] = [];
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(xs[i]) || !Number.isFinite(ys[i])) {
      pen = false;
      continue;
    }
    parts.push(`${pen ? 'L' : 'M'}${num(x(xs[i]))},${num(y(ys[i]))}`);
    pen = true;
  }
  return parts.join('');
}
