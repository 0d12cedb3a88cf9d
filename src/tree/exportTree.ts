/**
 * Pictures of a fitted tree: Graphviz DOT text, character for character as scikit-learn 1.2's
 * `export_graphviz`, and a Mermaid flowchart. Free of the estimator API: they read the tree arrays
 * and a description of the outputs.
 */
import { ValidationError, describeValue } from '../core/errors';
import type { Label } from '../core/types';
import type { TreeArrays } from './buildTree';
import { formatFixed } from './_treeCommon';

/** What the exporters need to know besides the node arrays. */
export interface TreeInfo {
  nFeatures: number;
  /** The criterion's name, printed before each impurity ('gini', 'squared_error', …). */
  criterion: string;
  /** The class labels of each output (classification), undefined for a regressor. */
  classes: ReadonlyArray<readonly Label[]> | undefined;
  /** The number of outputs. */
  nOutputs: number;
}

/** Options of `exportGraphviz`, as scikit-learn's `export_graphviz`. */
export interface ExportGraphvizOptions {
  /** Names of the features; default `x[0]`, `x[1]`, …. */
  featureNames?: string[];
  /** Names of the classes (in `classes_` order), or true for `y[0]`, `y[1]`, …; single-output classifiers only. */
  classNames?: string[] | true;
  /** Which nodes show the field names ('all', 'root' or 'none'). @defaultValue 'all' */
  label?: 'all' | 'root' | 'none';
  /** Colour nodes by majority class (classification), value (regression) or impurity (several outputs). @defaultValue false */
  filled?: boolean;
  /** Show each node's impurity. @defaultValue true */
  impurity?: boolean;
  /** Show each node's id. @defaultValue false */
  nodeIds?: boolean;
  /** Show sample counts as percentages and class counts as fractions. @defaultValue false */
  proportion?: boolean;
  /** Draw the tree left to right instead of top down. @defaultValue false */
  rotate?: boolean;
  /** Rounded node corners. @defaultValue false */
  rounded?: boolean;
  /** Decimals of thresholds, impurities and values. @defaultValue 3 */
  precision?: number;
  /** Levels drawn in full; deeper nodes are shown as "(...)". @defaultValue no limit */
  maxDepth?: number;
  /** Font of nodes and edges. @defaultValue 'helvetica' */
  fontname?: string;
}

/** Options of `exportMermaid`. */
export interface ExportMermaidOptions {
  /** Names of the features; default `x[0]`, `x[1]`, …. */
  featureNames?: string[];
  /** Names of the classes (in `classes_` order; single-output classifiers); default the labels. */
  classNames?: string[];
  /** Flow direction: 'TD' (top down) or 'LR' (left to right). @defaultValue 'TD' */
  direction?: 'TD' | 'LR';
  /** Decimals of thresholds, impurities and values. @defaultValue 3 */
  precision?: number;
  /** Show each node's impurity. @defaultValue true */
  impurity?: boolean;
  /** Levels drawn in full; deeper nodes are shown as "…". @defaultValue no limit */
  maxDepth?: number;
}

/** Python's `round(v, digits)`: the nearest multiple of 10^-digits, exact ties to even. */
export function pyRound(v: number, digits: number): number {
  if (!Number.isFinite(v)) return v;
  const r = Number(formatFixed(v, digits));
  return r === 0 && (v < 0 || Object.is(v, -0)) ? -0 : r;
}

/** Python's `repr` of a float: the shortest round-trip digits, `.0` on integers, exponents below 1e-4 and from 1e16. */
export function pyRepr(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0.0' : '0.0';
  const a = Math.abs(v);
  if (a < 1e-4 || a >= 1e16) {
    const [mant, exp] = v.toExponential().split('e');
    const e = Number(exp);
    return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  const s = String(v);
  return Number.isInteger(v) ? `${s}.0` : s;
}

/** numpy's `around(v, digits)`: `rint(v · 10^digits) / 10^digits`, halves to even. */
function npAround(v: number, digits: number): number {
  const scale = 10 ** digits;
  const y = v * scale;
  let r = Math.round(y);
  if (r - y === 0.5 && r % 2 !== 0) r -= 1;
  return r / scale;
}

/** numpy's `str` of a 1-d array of words (74 columns per line, continuation lines indented by `indent`). */
function npLine(words: string[], indent: string, width: number): string {
  let s = '';
  let line = indent;
  words.forEach((word, i) => {
    if (line.length + word.length > width && line.length > indent.length) {
      s += `${line.trimEnd()}\n`;
      line = indent;
    }
    line += word;
    if (i < words.length - 1) line += ' ';
  });
  s += line;
  return `[${s.slice(indent.length)}]`;
}

/** numpy's `str` of a 1-d or 2-d array whose items print as `words` (bytes, as `astype('S32')` makes them). */
function npStr(rows: string[][], twoD: boolean): string {
  if (!twoD) return npLine(rows[0], ' ', 74);
  return `[${rows.map((r) => npLine(r, '  ', 73)).join('\n ')}]`;
}

/** scikit-learn's `_color_brew(n)`: n colours of equally spaced hues. */
function colorBrew(n: number): number[][] {
  const s = 0.75;
  const v = 0.9;
  const c = s * v;
  const m = v - c;
  const out: number[][] = [];
  const step = 360 / n;
  for (let i = 0; i < n; i++) {
    const h = Math.trunc(25 + i * step);
    const hBar = h / 60;
    const x = c * (1 - Math.abs((hBar % 2) - 1));
    const rgb = [
      [c, x, 0],
      [x, c, 0],
      [0, c, x],
      [0, x, c],
      [x, 0, c],
      [c, 0, x],
      [c, x, 0],
    ][Math.trunc(hBar)];
    out.push(rgb.map((u) => Math.trunc(255 * (u + m))));
  }
  return out;
}

function roundHalfEven(x: number): number {
  let r = Math.round(x);
  if (r - x === 0.5 && r % 2 !== 0) r -= 1;
  return r;
}

function argmax(v: ArrayLike<number>): number {
  let best = 0;
  for (let k = 1; k < v.length; k++) if (v[k] > v[best]) best = k;
  return best;
}

function checkNames(names: unknown, length: number, param: string, estimator: string): void {
  if (names === undefined) return;
  if (!Array.isArray(names) || names.length !== length || !names.every((x) => typeof x === 'string')) {
    throw new ValidationError({ code: 'invalid_input', estimator, param, expected: `an array of ${length} strings`, received: describeValue(names) });
  }
}

function checkInt(v: unknown, min: number, param: string, estimator: string): void {
  if (v !== undefined && !(typeof v === 'number' && Number.isInteger(v) && v >= min)) {
    throw new ValidationError({ code: 'invalid_input', estimator, param, expected: `an integer ≥ ${min}`, received: describeValue(v) });
  }
}

/** The classes of output 0 (1 for a regressor), scikit-learn's `tree_.n_classes[0]`. */
function nClasses0(info: TreeInfo): number {
  return info.classes === undefined ? 1 : info.classes[0].length;
}

/** The DOT text of a tree, as scikit-learn's `export_graphviz`. */
export function treeGraphviz(tree: TreeArrays, info: TreeInfo, options: ExportGraphvizOptions, estimator: string): string {
  const { label = 'all', filled = false, impurity = true, nodeIds = false, proportion = false, rotate = false, rounded = false, precision = 3, maxDepth, fontname = 'helvetica' } = options;
  checkNames(options.featureNames, info.nFeatures, 'featureNames', estimator);
  checkInt(precision, 0, 'precision', estimator);
  checkInt(maxDepth, 0, 'maxDepth', estimator);
  if (!['all', 'root', 'none'].includes(label)) throw new ValidationError({ code: 'invalid_input', estimator, param: 'label', expected: "'all', 'root' or 'none'", received: describeValue(label) });
  const classNames = options.classNames;
  if (classNames !== undefined && classNames !== true) checkNames(classNames, nClasses0(info), 'classNames', estimator);
  const nOut = info.nOutputs;
  const nc0 = nClasses0(info);
  const V = tree.nValues;
  const stride = V / nOut;

  // Colours, as _BaseTreeExporter.get_fill_color.
  const rgb = colorBrew(nc0);
  let bounds: [number, number] | null = null;
  if (nOut !== 1) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < tree.nodeCount; i++) {
      lo = Math.min(lo, -tree.impurity[i]);
      hi = Math.max(hi, -tree.impurity[i]);
    }
    bounds = [lo, hi];
  } else if (nc0 === 1) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < tree.value.length; i++) {
      lo = Math.min(lo, tree.value[i]);
      hi = Math.max(hi, tree.value[i]);
    }
    if (lo !== hi) bounds = [lo, hi];
  }
  const hex = (c: number): string => c.toString(16).padStart(2, ' ');
  const fillColor = (node: number): string => {
    let color: number[];
    let alpha: number;
    if (bounds === null) {
      const val = nc0 === 1 ? [tree.value[node * V]] : Array.from(tree.value.subarray(node * V, node * V + nc0), (x) => x / tree.weightedNNodeSamples[node]);
      color = rgb[argmax(val)];
      const sorted = [...val].sort((a, b) => b - a);
      alpha = sorted.length === 1 ? 0 : (sorted[0] - sorted[1]) / (1 - sorted[1]);
    } else {
      color = rgb[0];
      const val = nOut !== 1 ? -tree.impurity[node] : tree.value[node * V];
      alpha = (val - bounds[0]) / (bounds[1] - bounds[0]);
    }
    return `#${color.map((c) => hex(roundHalfEven(alpha * c + (1 - alpha) * 255))).join('')}`;
  };

  const nodeText = (node: number): string => {
    const labels = (label === 'root' && node === 0) || label === 'all';
    let s = '"';
    if (nodeIds) {
      if (labels) s += 'node ';
      s += `#${node}\\n`;
    }
    if (tree.childrenLeft[node] !== -1) {
      const f = tree.feature[node];
      const name = options.featureNames ? options.featureNames[f] : `x[${f}]`;
      s += `${name} <= ${pyRepr(pyRound(tree.threshold[node], precision))}\\n`;
    }
    if (impurity) {
      if (labels) s += `${info.criterion} = `;
      s += `${pyRepr(pyRound(tree.impurity[node], precision))}\\n`;
    }
    if (labels) s += 'samples = ';
    if (proportion) s += `${pyRepr(pyRound((100 * tree.nNodeSamples[node]) / tree.nNodeSamples[0], 1))}%\\n`;
    else s += `${tree.nNodeSamples[node]}\\n`;
    if (labels) s += 'value = ';
    const rows: number[][] = [];
    for (let k = 0; k < nOut; k++) rows.push(Array.from(tree.value.subarray(node * V + k * stride, node * V + (k + 1) * stride)));
    let words: string[][];
    if (nc0 === 1) words = rows.map((r) => r.map((x) => pyRepr(npAround(x, precision))));
    else if (proportion) words = rows.map((r) => r.map((x) => pyRepr(npAround(x / tree.weightedNNodeSamples[node], precision))));
    else if (rows.every((r) => r.every((x) => x % 1 === 0))) words = rows.map((r) => r.map((x) => String(Math.trunc(x))));
    else words = rows.map((r) => r.map((x) => pyRepr(npAround(x, precision))));
    let text = npStr(
      words.map((r) => r.map((x) => `b'${x}'`)),
      nOut !== 1,
    );
    text = text.replaceAll("b'", "'").replaceAll("' '", ', ').replaceAll("'", '');
    if (nc0 === 1 && nOut === 1) text = text.replaceAll('[', '').replaceAll(']', '');
    text = text.replaceAll('\n ', '\\n');
    s += `${text}\\n`;
    if (classNames !== undefined && nc0 !== 1 && nOut === 1) {
      if (labels) s += 'class = ';
      const best = argmax(rows[0]);
      s += classNames === true ? `y[${best}]` : classNames[best];
    }
    if (s.endsWith('\\n')) s = s.slice(0, -2);
    return `${s}"`;
  };

  let out = 'digraph Tree {\nnode [shape=box';
  const style: string[] = [];
  if (filled) style.push('filled');
  if (rounded) style.push('rounded');
  if (style.length > 0) out += `, style="${style.join(', ')}", color="black"`;
  out += `, fontname="${fontname}"] ;\n`;
  out += `edge [fontname="${fontname}"] ;\n`;
  if (rotate) out += 'rankdir=LR ;\n';
  const sign = rotate ? -1 : 1;
  const walk = (node: number, parent: number, depth: number): void => {
    if (maxDepth === undefined || depth <= maxDepth) {
      out += `${node} [label=${nodeText(node)}`;
      if (filled) out += `, fillcolor="${fillColor(node)}"`;
      out += '] ;\n';
      if (parent >= 0) {
        out += `${parent} -> ${node}`;
        if (parent === 0) out += node === 1 ? ` [labeldistance=2.5, labelangle=${45 * sign}, headlabel="True"]` : ` [labeldistance=2.5, labelangle=${-45 * sign}, headlabel="False"]`;
        out += ' ;\n';
      }
      if (tree.childrenLeft[node] !== -1) {
        walk(tree.childrenLeft[node], node, depth + 1);
        walk(tree.childrenRight[node], node, depth + 1);
      }
    } else {
      out += `${node} [label="(...)"`;
      if (filled) out += ', fillcolor="#C0C0C0"';
      out += '] ;\n';
      if (parent >= 0) out += `${parent} -> ${node} ;\n`;
    }
  };
  walk(0, -1, 0);
  return `${out}}`;
}

/** Mermaid's text for a node label: quotes and markup characters as HTML entities. */
function mermaidEscape(s: string): string {
  return s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** A Mermaid flowchart of the tree: one box per node, edges labelled with the test's outcome. */
export function treeMermaid(tree: TreeArrays, info: TreeInfo, options: ExportMermaidOptions, estimator: string): string {
  const { direction = 'TD', precision = 3, impurity = true, maxDepth } = options;
  checkNames(options.featureNames, info.nFeatures, 'featureNames', estimator);
  checkInt(precision, 0, 'precision', estimator);
  checkInt(maxDepth, 0, 'maxDepth', estimator);
  if (direction !== 'TD' && direction !== 'LR') throw new ValidationError({ code: 'invalid_input', estimator, param: 'direction', expected: "'TD' or 'LR'", received: describeValue(direction) });
  const single = info.classes !== undefined && info.nOutputs === 1;
  if (options.classNames !== undefined) {
    if (!single) throw new ValidationError({ code: 'invalid_input', estimator, param: 'classNames', expected: 'class names only for a single-output classifier', received: describeValue(options.classNames) });
    checkNames(options.classNames, (info.classes as ReadonlyArray<readonly Label[]>)[0].length, 'classNames', estimator);
  }
  const V = tree.nValues;
  const stride = V / info.nOutputs;
  const num = (x: number): string => pyRepr(pyRound(x, precision));
  const lines = [`flowchart ${direction}`];
  const walk = (node: number, depth: number): void => {
    const parts: string[] = [];
    const inner = tree.childrenLeft[node] !== -1;
    if (maxDepth !== undefined && depth > maxDepth) {
      lines.push(`  n${node}["…"]`);
      return;
    }
    if (inner) {
      const f = tree.feature[node];
      const name = options.featureNames ? options.featureNames[f] : `x[${f}]`;
      parts.push(tree.threshold[node] === Infinity ? `${name} is not missing` : `${name} <= ${num(tree.threshold[node])}`);
    }
    if (impurity) parts.push(`${info.criterion} = ${num(tree.impurity[node])}`);
    parts.push(`samples = ${tree.nNodeSamples[node]}`);
    const rows: string[] = [];
    for (let k = 0; k < info.nOutputs; k++) rows.push(`[${Array.from(tree.value.subarray(node * V + k * stride, node * V + (k + 1) * stride), num).join(', ')}]`);
    parts.push(`value = ${info.nOutputs === 1 ? rows[0] : `[${rows.join(', ')}]`}`);
    if (single) {
      const classes = (info.classes as ReadonlyArray<readonly Label[]>)[0];
      const best = argmax(tree.value.subarray(node * V, node * V + classes.length));
      parts.push(`class = ${options.classNames ? options.classNames[best] : String(classes[best])}`);
    }
    const shape = inner ? ['["', '"]'] : ['(["', '"])'];
    lines.push(`  n${node}${shape[0]}${parts.map(mermaidEscape).join('<br/>')}${shape[1]}`);
    if (inner) {
      const missing = tree.missingGoToLeft[node] === 1 ? ['True / missing', 'False'] : ['True', 'False / missing'];
      const l = tree.childrenLeft[node];
      const r = tree.childrenRight[node];
      lines.push(`  n${node} -->|${missing[0]}| n${l}`);
      lines.push(`  n${node} -->|${missing[1]}| n${r}`);
      walk(l, depth + 1);
      walk(r, depth + 1);
    }
  };
  walk(0, 0);
  return `${lines.join('\n')}\n`;
}
