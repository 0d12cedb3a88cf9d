import type { Label } from '../core/types';
import type { LearningCurveResult, ValidationCurveResult } from '../model_selection/learningCurve';
import { escapeXml, num } from './_escape';
import { linearScale, logScale, niceDomain, type Scale } from './_scale';
import { PALETTE, blueRamp, textOnRamp } from './_ramp';
import { legend, pathData, plotBox, svgDocument, xAxis, yAxis, type SvgOptions } from './_frame';
import { areaUnder, bad, curves, numbers, scoreBands, squareMatrix, topK, type BandSeries } from './_data';

export type { SvgOptions } from './_frame';

/** A ROC curve as `rocCurve` (typelearn/metrics) returns it, optionally named for the legend. */
export interface RocInput {
  /** False positive rates, increasing. */
  fpr: ArrayLike<number>;
  /** True positive rates, one per entry of `fpr`. */
  tpr: ArrayLike<number>;
  /** The curve's name in the legend (its AUC is added). */
  name?: string;
}

/** A precision-recall curve (scikit-learn's `precision_recall_curve` output), optionally named. */
export interface PrecisionRecallInput {
  /** Precision at each threshold. */
  precision: ArrayLike<number>;
  /** Recall at each threshold, one per entry of `precision`. */
  recall: ArrayLike<number>;
  /** The curve's name in the legend (its area is added). */
  name?: string;
}

/** Options of {@link confusionMatrixSvg}. */
export interface ConfusionMatrixPlotOptions extends SvgOptions {
  /** The class labels in the matrix's order (escaped). @defaultValue 0, 1, … */
  labels?: readonly Label[];
  /** Colour and print each row as fractions of its total. @defaultValue false */
  normalize?: boolean;
}

/** Options of {@link validationCurveSvg}. */
export interface ValidationCurvePlotOptions extends SvgOptions {
  /** The values tried, in the order of the score rows. */
  paramRange: readonly number[];
  /** The option's name, for the x axis. @defaultValue 'parameter' */
  paramName?: string;
  /** A log x axis; by default when every value is positive and they span two decades or more. */
  logX?: boolean;
}

/** Options of {@link featureImportancesSvg}. */
export interface BarPlotOptions extends SvgOptions {
  /** A name per value (escaped). @defaultValue 'x0', 'x1', … */
  featureNames?: readonly string[];
  /** How many bars: the largest by absolute value. @defaultValue 10 */
  topK?: number;
  /** The x-axis title. @defaultValue 'importance' */
  xLabel?: string;
}

function cellText(v: number, normalize: boolean): string {
  return normalize ? v.toFixed(2) : String(Math.round(v * 1e6) / 1e6);
}

/** The matrix as drawn: normalized rows when asked (an all-zero row stays zero). */
export function confusionValues(m: number[][], normalize: boolean): number[][] {
  if (!normalize) return m.map((r) => r.slice());
  return m.map((r) => {
    const s = r.reduce((a, b) => a + b, 0);
    return r.map((v) => (s === 0 ? 0 : v / s));
  });
}

/**
 * A confusion matrix heatmap as an SVG string: true labels down, predicted labels across, one
 * `<rect class="cell">` per entry coloured white to blue and printed with its count.
 * @example
 * ```ts
 * import { confusionMatrixSvg } from 'typelearn/plot';
 *
 * const svg = confusionMatrixSvg([[5, 1], [2, 7]], { labels: ['cat', 'dog'] });
 * console.log(svg.startsWith('<svg'), (svg.match(/class="cell"/g) ?? []).length); // true 4
 * ```
 */
export function confusionMatrixSvg(matrix: readonly (readonly number[])[], options: ConfusionMatrixPlotOptions = {}): string {
  const fn = 'confusionMatrixSvg';
  const m = squareMatrix(fn, matrix);
  const k = m.length;
  const labels = options.labels ?? m.map((_, i) => i);
  if (!Array.isArray(labels) || labels.length !== k) bad(fn, 'labels', `${k} labels`, labels);
  const vals = confusionValues(m, options.normalize ?? false);
  const max = Math.max(...vals.flat());
  const box = plotBox({ width: options.width ?? 420, height: options.height ?? 420, title: options.title }, 80);
  const size = Math.min(box.right - box.left, box.bottom - box.top);
  const cell = size / k;
  const body: string[] = ['<g class="cells">'];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const t = max > 0 ? vals[i][j] / max : 0;
      const x = box.left + j * cell;
      const y = box.top + i * cell;
      body.push(
        `<rect class="cell" x="${num(x)}" y="${num(y)}" width="${num(cell)}" height="${num(cell)}" fill="${blueRamp(t)}" stroke="#ffffff"><title>${escapeXml(`true ${labels[i]}, predicted ${labels[j]}: ${cellText(vals[i][j], options.normalize ?? false)}`)}</title></rect>`,
        `<text x="${num(x + cell / 2)}" y="${num(y + cell / 2)}" dy="0.32em" text-anchor="middle" fill="${textOnRamp(t)}">${cellText(vals[i][j], options.normalize ?? false)}</text>`,
      );
    }
  }
  body.push('</g><g class="x-axis">');
  labels.forEach((l, j) => body.push(`<g class="tick"><text x="${num(box.left + (j + 0.5) * cell)}" y="${num(box.top + size + 16)}" text-anchor="middle">${escapeXml(l)}</text></g>`));
  body.push(`<text class="axis-title" x="${num(box.left + size / 2)}" y="${num(box.top + size + 36)}" text-anchor="middle">Predicted label</text></g><g class="y-axis">`);
  labels.forEach((l, i) => body.push(`<g class="tick"><text x="${box.left - 8}" y="${num(box.top + (i + 0.5) * cell)}" dy="0.32em" text-anchor="end">${escapeXml(l)}</text></g>`));
  const cy = num(box.top + size / 2);
  body.push(`<text class="axis-title" x="14" y="${cy}" transform="rotate(-90 14 ${cy})" text-anchor="middle">True label</text></g>`);
  return svgDocument(box, body, options.title);
}

function lineChart(
  o: SvgOptions,
  series: Array<{ name: string; x: number[]; y: number[]; color: string; dash?: boolean; markers?: boolean; band?: { lo: number[]; hi: number[] } }>,
  axes: { xLabel: string; yLabel: string; xDomain?: [number, number]; yDomain?: [number, number]; logX?: boolean; legendAt?: 'bottom-right' | 'top-right' | 'bottom-left' },
): string {
  const box = plotBox(o);
  const xs = series.flatMap((s) => s.x);
  const ys = series.flatMap((s) => (s.band ? [...s.band.lo, ...s.band.hi, ...s.y] : s.y));
  const x: Scale = axes.logX ? logScale([Math.min(...xs), Math.max(...xs)], [box.left, box.right]) : linearScale(axes.xDomain ?? niceDomain(Math.min(...xs), Math.max(...xs)), [box.left, box.right]);
  const y = linearScale(axes.yDomain ?? niceDomain(Math.min(...ys), Math.max(...ys)), [box.bottom, box.top]);
  const body = [xAxis(box, x, axes.xLabel), yAxis(box, y, axes.yLabel)];
  for (const s of series) {
    if (s.band) {
      const upper = pathData(s.x, s.band.hi, x, y);
      const lower = pathData([...s.x].reverse(), [...s.band.lo].reverse(), x, y).replace(/^M/, 'L');
      body.push(`<path class="band" d="${upper}${lower}Z" fill="${s.color}" fill-opacity="0.2" stroke="none"/>`);
    }
    body.push(`<path class="line" d="${pathData(s.x, s.y, x, y)}" fill="none" stroke="${s.color}" stroke-width="2"${s.dash ? ' stroke-dasharray="4 3"' : ''}/>`);
    if (s.markers) {
      body.push(`<g class="points">${s.x.map((v, i) => `<circle class="point" cx="${num(x(v))}" cy="${num(y(s.y[i]))}" r="3" fill="${s.color}"/>`).join('')}</g>`);
    }
  }
  body.push(legend(box, series.map((s) => ({ name: s.name, color: s.color, dash: s.dash })), axes.legendAt));
  return svgDocument(box, body, o.title);
}

/**
 * The ROC curves (one or several) with their AUC as legend names, and the chance diagonal.
 * @example
 * ```ts
 * import { rocCurveSvg } from 'typelearn/plot';
 *
 * const svg = rocCurveSvg({ fpr: [0, 0.5, 1], tpr: [0, 1, 1], name: 'model' });
 * console.log(svg.startsWith('<svg'), svg.includes('model (AUC = 0.750)')); // true true
 * ```
 */
export function rocCurveSvg(input: RocInput | readonly RocInput[], options: SvgOptions = {}): string {
  const fn = 'rocCurveSvg';
  const cs = curves(fn, input, 'fpr', 'tpr', 'ROC');
  const series = cs.map((c, i) => ({ name: `${c.name} (AUC = ${areaUnder(fn, c.x, c.y).toFixed(3)})`, x: c.x, y: c.y, color: PALETTE[i % PALETTE.length] }));
  series.push({ name: 'Chance', x: [0, 1], y: [0, 1], color: '#999999', dash: true } as (typeof series)[number]);
  return lineChart(options, series, { xLabel: 'False positive rate', yLabel: 'True positive rate', xDomain: [0, 1], yDomain: [0, 1] });
}

/**
 * The precision-recall curves (recall across, precision up) with their area (AUC) in the legend.
 * @example
 * ```ts
 * import { precisionRecallCurveSvg } from 'typelearn/plot';
 *
 * console.log(precisionRecallCurveSvg({ precision: [1, 0.5], recall: [0.5, 1] }).startsWith('<svg')); // true
 * ```
 */
export function precisionRecallCurveSvg(input: PrecisionRecallInput | readonly PrecisionRecallInput[], options: SvgOptions = {}): string {
  const fn = 'precisionRecallCurveSvg';
  const cs = curves(fn, input, 'recall', 'precision', 'PR');
  const series = cs.map((c, i) => ({ name: `${c.name} (AUC = ${areaUnder(fn, c.x, c.y).toFixed(3)})`, x: c.x, y: c.y, color: PALETTE[i % PALETTE.length] }));
  return lineChart(options, series, { xLabel: 'Recall', yLabel: 'Precision', xDomain: [0, 1], yDomain: [0, 1], legendAt: 'bottom-left' });
}

function bandChart(o: SvgOptions, bands: BandSeries[], xLabel: string, yLabel: string, logX: boolean): string {
  const series = bands.map((b, i) => ({
    name: b.name,
    x: b.x,
    y: b.mean,
    color: PALETTE[i],
    markers: true,
    band: { lo: b.mean.map((m, j) => m - b.std[j]), hi: b.mean.map((m, j) => m + b.std[j]) },
  }));
  return lineChart(o, series, { xLabel, yLabel, logX });
}

/**
 * A learning curve: mean train and cross-validation scores against the training size, ± one std.
 * @example
 * ```ts
 * import { learningCurveSvg } from 'typelearn/plot';
 *
 * // The shape learningCurve (typelearn/model_selection) returns.
 * const result = { trainSizes: [2, 4], trainScores: [[1, 1], [0.9, 0.95]], testScores: [[0.5, 0.6], [0.8, 0.85]] };
 * console.log(learningCurveSvg(result).startsWith('<svg')); // true
 * ```
 */
export function learningCurveSvg(result: LearningCurveResult, options: SvgOptions & { yLabel?: string } = {}): string {
  const fn = 'learningCurveSvg';
  const x = numbers(fn, 'trainSizes', result?.trainSizes);
  return bandChart(options, scoreBands(fn, x, result.trainScores, result.testScores), 'Training examples', options.yLabel ?? 'Score', false);
}

/** Whether a validation curve's x axis is logarithmic: asked, or positive values spanning ≥ 2 decades. */
export function useLogX(range: number[], logX: boolean | undefined): boolean {
  if (logX !== undefined) return logX;
  return range.every((v) => v > 0) && Math.max(...range) / Math.min(...range) >= 100;
}

/**
 * A validation curve: mean train and cross-validation scores against the option's values, ± one std.
 * @example
 * ```ts
 * import { validationCurveSvg } from 'typelearn/plot';
 *
 * const result = { trainScores: [[1, 1], [0.9, 0.9]], testScores: [[0.5, 0.6], [0.8, 0.8]] };
 * const svg = validationCurveSvg(result, { paramRange: [0.1, 10], paramName: 'alpha' });
 * console.log(svg.includes('alpha')); // true
 * ```
 */
export function validationCurveSvg(result: ValidationCurveResult, options: ValidationCurvePlotOptions & { yLabel?: string }): string {
  const fn = 'validationCurveSvg';
  const x = numbers(fn, 'paramRange', options?.paramRange);
  const logX = useLogX(x, options.logX);
  if (logX && !x.every((v) => v > 0)) bad(fn, 'paramRange', 'positive values for a log axis', options.paramRange);
  return bandChart(options, scoreBands(fn, x, result?.trainScores, result?.testScores), options.paramName ?? 'parameter', options.yLabel ?? 'Score', logX);
}

/**
 * Horizontal bars of the k largest values by size (feature importances or coefficients), largest on top.
 * @example
 * ```ts
 * import { featureImportancesSvg } from 'typelearn/plot';
 *
 * const svg = featureImportancesSvg([0.1, 0.6, 0.3], { featureNames: ['a', 'b', 'c'] });
 * console.log((svg.match(/class="bar"/g) ?? []).length); // 3
 * ```
 */
export function featureImportancesSvg(values: ArrayLike<number>, options: BarPlotOptions = {}): string {
  const fn = 'featureImportancesSvg';
  const top = topK(fn, values, options.featureNames, options.topK ?? 10);
  const longest = Math.max(...top.map((t) => t.name.length));
  const box = plotBox({ ...options, height: options.height ?? Math.max(160, 70 + top.length * 24) }, Math.min(200, 16 + longest * 7));
  const lo = Math.min(0, ...top.map((t) => t.value));
  const hi = Math.max(0, ...top.map((t) => t.value));
  const x = linearScale(niceDomain(lo, hi), [box.left, box.right]);
  const band = (box.bottom - box.top) / top.length;
  const body = [xAxis(box, x, options.xLabel ?? 'importance'), '<g class="bars">'];
  top.forEach((t, i) => {
    const x0 = x(Math.min(0, t.value));
    const w = Math.abs(x(t.value) - x(0));
    const y = box.top + i * band;
    body.push(
      `<rect class="bar" x="${num(x0)}" y="${num(y + band * 0.1)}" width="${num(w)}" height="${num(band * 0.8)}" fill="${t.value < 0 ? PALETTE[1] : PALETTE[0]}"><title>${escapeXml(`${t.name}: ${t.value}`)}</title></rect>`,
      `<text class="bar-label" x="${box.left - 6}" y="${num(y + band / 2)}" dy="0.32em" text-anchor="end">${escapeXml(t.name)}</text>`,
    );
  });
  body.push('</g>', `<line x1="${num(x(0))}" y1="${box.top}" x2="${num(x(0))}" y2="${box.bottom}" stroke="#333"/>`);
  return svgDocument(box, body, options.title);
}

/**
 * Residuals (true − predicted) against predicted values, one `<circle class="point">` per sample, and the zero line.
 * @example
 * ```ts
 * import { residualsSvg } from 'typelearn/plot';
 *
 * const svg = residualsSvg([1, 2, 3], [1.1, 1.9, 3.2]);
 * console.log((svg.match(/class="point"/g) ?? []).length); // 3
 * ```
 */
export function residualsSvg(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: SvgOptions = {}): string {
  const fn = 'residualsSvg';
  const t = numbers(fn, 'yTrue', yTrue);
  const p = numbers(fn, 'yPred', yPred, t.length);
  const r = t.map((v, i) => v - p[i]);
  const box = plotBox(options);
  const x = linearScale(niceDomain(Math.min(...p), Math.max(...p)), [box.left, box.right]);
  const y = linearScale(niceDomain(Math.min(0, ...r), Math.max(0, ...r)), [box.bottom, box.top]);
  const body = [xAxis(box, x, 'Predicted value'), yAxis(box, y, 'Residual (true − predicted)')];
  body.push(`<line class="zero" x1="${box.left}" y1="${num(y(0))}" x2="${box.right}" y2="${num(y(0))}" stroke="#999" stroke-dasharray="4 3"/>`);
  body.push(`<g class="points">${p.map((v, i) => `<circle class="point" cx="${num(x(v))}" cy="${num(y(r[i]))}" r="3" fill="${PALETTE[0]}" fill-opacity="0.7"/>`).join('')}</g>`);
  return svgDocument(box, body, options.title);
}
