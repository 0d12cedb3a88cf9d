import type { Label } from '../core/types';
import type { LearningCurveResult, ValidationCurveResult } from '../model_selection/learningCurve';
import { areaUnder, bad, curves, numbers, scoreBands, squareMatrix, topK, type BandSeries, type NamedCurve } from './_data';
import { confusionValues, useLogX, type PrecisionRecallInput, type RocInput } from './svg';

/** A Vega-Lite (v5) specification: render it with vega-embed or any Vega-Lite tool. */
export interface VegaLiteSpec {
  /** The Vega-Lite v5 schema URL. */
  $schema: string;
  /** The plotted data, inline: one record per point, bar or cell. */
  data: {
    /** The records. */
    values: Array<Record<string, string | number>>;
  };
  [key: string]: unknown;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

function spec(values: Array<Record<string, string | number>>, rest: Record<string, unknown>, title?: string): VegaLiteSpec {
  return { $schema: SCHEMA, ...(title ? { title } : {}), width: 400, height: 300, data: { values }, ...rest };
}

/**
 * The confusion matrix as a Vega-Lite heatmap: one datum `{ true, predicted, value }` per cell.
 * @example
 * ```ts
 * import { confusionMatrixVegaLite } from 'typelearn/plot';
 *
 * const spec = confusionMatrixVegaLite([[5, 1], [2, 7]], { labels: ['cat', 'dog'] });
 * console.log(spec.data.values[1]); // { true: 'cat', predicted: 'dog', value: 1 }
 * ```
 */
export function confusionMatrixVegaLite(matrix: readonly (readonly number[])[], options: { labels?: readonly Label[]; normalize?: boolean; title?: string } = {}): VegaLiteSpec {
  const fn = 'confusionMatrixVegaLite';
  const m = squareMatrix(fn, matrix);
  const labels = options.labels ?? m.map((_, i) => i);
  if (!Array.isArray(labels) || labels.length !== m.length) bad(fn, 'labels', `${m.length} labels`, labels);
  const vals = confusionValues(m, options.normalize ?? false);
  const values = vals.flatMap((row, i) => row.map((v, j) => ({ true: String(labels[i]), predicted: String(labels[j]), value: v })));
  const order = labels.map(String);
  const x = { field: 'predicted', type: 'ordinal', sort: order, title: 'Predicted label' };
  const y = { field: 'true', type: 'ordinal', sort: order, title: 'True label' };
  return spec(
    values,
    {
      encoding: { x, y },
      layer: [
        { mark: 'rect', encoding: { color: { field: 'value', type: 'quantitative', scale: { scheme: 'blues' } } } },
        { mark: 'text', encoding: { text: { field: 'value', type: 'quantitative', format: options.normalize ? '.2f' : 'd' } } },
      ],
    },
    options.title,
  );
}

function curveSpec(data: Array<Record<string, string | number>>, xTitle: string, yTitle: string, title?: string): VegaLiteSpec {
  return spec(
    data,
    {
      mark: { type: 'line', interpolate: 'linear' },
      encoding: {
        x: { field: 'x', type: 'quantitative', title: xTitle, scale: { domain: [0, 1] } },
        y: { field: 'y', type: 'quantitative', title: yTitle, scale: { domain: [0, 1] } },
        color: { field: 'curve', type: 'nominal', title: null },
        order: { field: 'i', type: 'quantitative' },
      },
    },
    title,
  );
}

/** The points of each curve as `{ curve, i, x, y }`, the curve named with its AUC. */
function withAuc(fn: string, cs: NamedCurve[]): Array<Record<string, string | number>> {
  return cs.flatMap((c) => {
    const curve = `${c.name} (AUC = ${areaUnder(fn, c.x, c.y).toFixed(3)})`;
    return c.x.map((x, i) => ({ curve, i, x, y: c.y[i] }));
  });
}

/**
 * ROC curves as a Vega-Lite line chart: data `{ curve, i, x: fpr, y: tpr }`, curve names carry the AUC.
 * @example
 * ```ts
 * import { rocCurveVegaLite } from 'typelearn/plot';
 *
 * const spec = rocCurveVegaLite({ fpr: [0, 0.5, 1], tpr: [0, 1, 1] });
 * console.log(spec.data.values[0]); // { curve: 'ROC (AUC = 0.750)', i: 0, x: 0, y: 0 }
 * ```
 */
export function rocCurveVegaLite(input: RocInput | readonly RocInput[], options: { title?: string } = {}): VegaLiteSpec {
  const fn = 'rocCurveVegaLite';
  return curveSpec(withAuc(fn, curves(fn, input, 'fpr', 'tpr', 'ROC')), 'False positive rate', 'True positive rate', options.title);
}

/**
 * Precision-recall curves as a Vega-Lite line chart: data `{ curve, i, x: recall, y: precision }`.
 * @example
 * ```ts
 * import { precisionRecallCurveVegaLite } from 'typelearn/plot';
 *
 * console.log(precisionRecallCurveVegaLite({ precision: [1, 0.5], recall: [0.5, 1] }).data.values.length); // 2
 * ```
 */
export function precisionRecallCurveVegaLite(input: PrecisionRecallInput | readonly PrecisionRecallInput[], options: { title?: string } = {}): VegaLiteSpec {
  const fn = 'precisionRecallCurveVegaLite';
  return curveSpec(withAuc(fn, curves(fn, input, 'recall', 'precision', 'PR')), 'Recall', 'Precision', options.title);
}

function bandSpec(bands: BandSeries[], xTitle: string, logX: boolean, title?: string): VegaLiteSpec {
  const values = bands.flatMap((b) => b.x.map((x, i) => ({ series: b.name, x, mean: b.mean[i], lower: b.mean[i] - b.std[i], upper: b.mean[i] + b.std[i] })));
  const x = { field: 'x', type: 'quantitative', title: xTitle, scale: { type: logX ? 'log' : 'linear' } };
  const color = { field: 'series', type: 'nominal', title: null };
  return spec(
    values,
    {
      encoding: { x, color },
      layer: [
        { mark: { type: 'area', opacity: 0.2 }, encoding: { y: { field: 'lower', type: 'quantitative', title: 'Score' }, y2: { field: 'upper' } } },
        { mark: { type: 'line', point: true }, encoding: { y: { field: 'mean', type: 'quantitative' } } },
      ],
    },
    title,
  );
}

/**
 * A learning curve as Vega-Lite: data `{ series, x, mean, lower, upper }` (mean ± std), a band and a line per series.
 * @example
 * ```ts
 * import { learningCurveVegaLite } from 'typelearn/plot';
 *
 * const result = { trainSizes: [2, 4], trainScores: [[1, 1], [0.9, 0.95]], testScores: [[0.5, 0.6], [0.8, 0.85]] };
 * console.log(learningCurveVegaLite(result).data.values[0]); // { series: 'Training score', x: 2, mean: 1, lower: 1, upper: 1 }
 * ```
 */
export function learningCurveVegaLite(result: LearningCurveResult, options: { title?: string } = {}): VegaLiteSpec {
  const fn = 'learningCurveVegaLite';
  const x = numbers(fn, 'trainSizes', result?.trainSizes);
  return bandSpec(scoreBands(fn, x, result.trainScores, result.testScores), 'Training examples', false, options.title);
}

/**
 * A validation curve as Vega-Lite, as {@link learningCurveVegaLite} with the option's values across.
 * @example
 * ```ts
 * import { validationCurveVegaLite } from 'typelearn/plot';
 *
 * const result = { trainScores: [[1, 1], [0.9, 0.9]], testScores: [[0.5, 0.6], [0.8, 0.8]] };
 * console.log(validationCurveVegaLite(result, { paramRange: [0.1, 10] }).data.values.length); // 4
 * ```
 */
export function validationCurveVegaLite(result: ValidationCurveResult, options: { paramRange: readonly number[]; paramName?: string; logX?: boolean; title?: string }): VegaLiteSpec {
  const fn = 'validationCurveVegaLite';
  const x = numbers(fn, 'paramRange', options?.paramRange);
  return bandSpec(scoreBands(fn, x, result?.trainScores, result?.testScores), options.paramName ?? 'parameter', useLogX(x, options.logX), options.title);
}

/**
 * The k largest values by size as Vega-Lite horizontal bars: data `{ feature, value }`, largest first.
 * @example
 * ```ts
 * import { featureImportancesVegaLite } from 'typelearn/plot';
 *
 * const spec = featureImportancesVegaLite([0.1, 0.6, 0.3], { featureNames: ['a', 'b', 'c'], topK: 2 });
 * console.log(spec.data.values); // [ { feature: 'b', value: 0.6 }, { feature: 'c', value: 0.3 } ]
 * ```
 */
export function featureImportancesVegaLite(values: ArrayLike<number>, options: { featureNames?: readonly string[]; topK?: number; xLabel?: string; title?: string } = {}): VegaLiteSpec {
  const top = topK('featureImportancesVegaLite', values, options.featureNames, options.topK ?? 10);
  return spec(
    top.map((t) => ({ feature: t.name, value: t.value })),
    {
      mark: 'bar',
      encoding: {
        y: { field: 'feature', type: 'nominal', sort: top.map((t) => t.name), title: null },
        x: { field: 'value', type: 'quantitative', title: options.xLabel ?? 'importance' },
      },
    },
    options.title,
  );
}

/**
 * Residuals against predictions as a Vega-Lite scatter with a zero rule: data `{ predicted, residual }`.
 * @example
 * ```ts
 * import { residualsVegaLite } from 'typelearn/plot';
 *
 * console.log(residualsVegaLite([1, 2], [1.5, 2]).data.values); // [ { predicted: 1.5, residual: -0.5 }, { predicted: 2, residual: 0 } ]
 * ```
 */
export function residualsVegaLite(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, options: { title?: string } = {}): VegaLiteSpec {
  const fn = 'residualsVegaLite';
  const t = numbers(fn, 'yTrue', yTrue);
  const p = numbers(fn, 'yPred', yPred, t.length);
  return spec(
    p.map((v, i) => ({ predicted: v, residual: t[i] - v })),
    {
      layer: [
        { mark: { type: 'point', filled: true }, encoding: { x: { field: 'predicted', type: 'quantitative', title: 'Predicted value' }, y: { field: 'residual', type: 'quantitative', title: 'Residual (true − predicted)' } } },
        { mark: { type: 'rule', strokeDash: [4, 3] }, encoding: { y: { datum: 0 } } },
      ],
    },
    options.title,
  );
}
