import { escapeXml, num } from './_escape';
import { bad } from './_data';
import { PALETTE } from './_ramp';

/** A fitted tree as {@link treeSvg} reads it: through its public `exportText`. */
export interface TextExportable {
  /** The tree as text, in scikit-learn's `export_text` layout. */
  exportText(options?: { featureNames?: string[]; maxDepth?: number; decimals?: number }): string;
}

/** Options of {@link treeSvg}. */
export interface TreePlotOptions {
  /** Names of the features (escaped). @defaultValue feature_0, feature_1, … */
  featureNames?: string[];
  /** Levels drawn; deeper branches become a "truncated" leaf. @defaultValue 4 */
  maxDepth?: number;
  /** Decimals of thresholds and values. @defaultValue 2 */
  decimals?: number;
  /** Title above the diagram (escaped). */
  title?: string;
}

/** A node of the diagram: a test (children: where it holds, where it does not) or a leaf. */
export interface TreeNode {
  text: string;
  children: TreeNode[];
}

/**
 * The tree printed by scikit-learn's `export_text` (and typelearn's `exportText`) parsed back into
 * nodes: a `name <= t` line opens a test node whose first child follows, its `name >  t` twin the
 * second; `class:`, `value:` and `truncated branch` lines are leaves.
 */
export function parseExportText(text: string): TreeNode {
  const top: TreeNode = { text: '', children: [] };
  const open: TreeNode[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const m = /^([|\s]*)\|--- (.*)$/.exec(line);
    if (!m) bad('treeSvg', 'tree', 'exportText lines starting with |---', line);
    const depth = (m[1].match(/\|/g) ?? []).length;
    const body = m[2];
    const parent = depth === 0 ? top : open[depth - 1];
    if (!parent) bad('treeSvg', 'tree', 'exportText lines nested one level at a time', line);
    if (/ <= /.test(body)) {
      const node: TreeNode = { text: body.replace(/\s+/g, ' '), children: [] };
      parent.children.push(node);
      open[depth] = node;
      open.length = depth + 1;
    } else if (/ > /.test(body.replace(/\s+/g, ' '))) {
      open.length = depth + 1;
    } else {
      parent.children.push({ text: body, children: [] });
      open.length = depth;
    }
  }
  if (top.children.length !== 1) bad('treeSvg', 'tree', 'the text of one tree', text.slice(0, 40));
  return top.children[0];
}

/**
 * A decision-tree diagram as an SVG string, drawn from the tree's public `exportText`: one
 * `<g class="node">` per node (tests in white boxes, leaves in blue) and a `<line class="edge">`
 * from each test to its two children, the left one where the test holds.
 * @example
 * ```ts
 * import { DecisionTreeClassifier } from 'typelearn';
 * import { treeSvg } from 'typelearn/plot';
 *
 * const tree = new DecisionTreeClassifier({ maxDepth: 1 }).fit([[0], [1], [2], [3]], [0, 0, 1, 1]);
 * const svg = treeSvg(tree, { featureNames: ['x'] });
 * console.log(svg.startsWith('<svg'), svg.includes('x &lt;= 1.50')); // true true
 * ```
 */
export function treeSvg(tree: TextExportable, options: TreePlotOptions = {}): string {
  if (tree === null || typeof tree !== 'object' || typeof (tree as TextExportable).exportText !== 'function') bad('treeSvg', 'tree', 'a fitted decision tree (with exportText)', tree);
  const root = parseExportText(tree.exportText({ featureNames: options.featureNames, maxDepth: options.maxDepth ?? 4, decimals: options.decimals ?? 2 }));
  const placed: Array<{ node: TreeNode; x: number; depth: number; parent?: { x: number; depth: number }; side: number }> = [];
  let leaves = 0;
  let maxDepth = 0;
  let longest = 1;
  const place = (node: TreeNode, depth: number): number => {
    maxDepth = Math.max(maxDepth, depth);
    longest = Math.max(longest, node.text.length);
    const entry = { node, x: 0, depth, side: 0 } as (typeof placed)[number];
    placed.push(entry);
    if (node.children.length === 0) entry.x = leaves++;
    else {
      const xs = node.children.map((c) => place(c, depth + 1));
      entry.x = (xs[0] + xs[xs.length - 1]) / 2;
    }
    return entry.x;
  };
  place(root, 0);
  // Link each child to its parent (placed is in pre-order: a parent precedes its children).
  const stack: Array<(typeof placed)[number]> = [];
  for (const p of placed) {
    while (stack.length && stack[stack.length - 1].depth >= p.depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      p.parent = parent;
      p.side = parent.node.children[0] === p.node ? 0 : 1;
    }
    stack.push(p);
  }
  const boxW = Math.max(60, longest * 6.6 + 12);
  const boxH = 24;
  const colW = boxW + 12;
  const rowH = 64;
  const top = options.title ? 40 : 14;
  const width = Math.max(200, leaves * colW + 20);
  const height = top + (maxDepth + 1) * rowH;
  const cx = (x: number): number => 10 + x * colW + colW / 2;
  const cy = (d: number): number => top + d * rowH + boxH / 2;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="sans-serif" font-size="11">`,
    `<rect width="${num(width)}" height="${num(height)}" fill="#ffffff"/>`,
  ];
  if (options.title) out.push(`<text class="title" x="${num(width / 2)}" y="22" text-anchor="middle" font-size="14">${escapeXml(options.title)}</text>`);
  for (const p of placed) {
    if (!p.parent) continue;
    const x1 = cx(p.parent.x);
    const y1 = cy(p.parent.depth) + boxH / 2;
    const x2 = cx(p.x);
    const y2 = cy(p.depth) - boxH / 2;
    out.push(
      `<line class="edge" x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="#888"/>`,
      `<text class="edge-label" x="${num((x1 + x2) / 2 + (p.side === 0 ? -6 : 6))}" y="${num((y1 + y2) / 2)}" text-anchor="${p.side === 0 ? 'end' : 'start'}" fill="#666">${p.side === 0 ? 'yes' : 'no'}</text>`,
    );
  }
  for (const p of placed) {
    const leaf = p.node.children.length === 0;
    out.push(
      `<g class="node ${leaf ? 'leaf' : 'split'}"><rect x="${num(cx(p.x) - boxW / 2)}" y="${num(cy(p.depth) - boxH / 2)}" width="${num(boxW)}" height="${boxH}" rx="4" fill="${leaf ? '#deebf7' : '#ffffff'}" stroke="${leaf ? PALETTE[0] : '#888'}"/><text x="${num(cx(p.x))}" y="${num(cy(p.depth))}" dy="0.32em" text-anchor="middle">${escapeXml(p.node.text)}</text></g>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}
