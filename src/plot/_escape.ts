/**
 * Text escaped for SVG/XML content and attribute values: `&`, `<`, `>`, `"` and `'`.
 * @example
 * ```ts
 * import { escapeXml } from 'typelearn/plot';
 *
 * console.log(escapeXml('<b> & "c"')); // &lt;b&gt; &amp; &quot;c&quot;
 * ```
 */
export function escapeXml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/** A number as a short SVG coordinate (two decimals, no trailing zeros). */
export function num(v: number): string {
  const r = Math.round(v * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}
