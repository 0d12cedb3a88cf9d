/**
 * Plots for fitted models and their evaluations, as SVG strings (no DOM: they work in Node and in
 * the browser) or as Vega-Lite specifications. Imported from `typelearn/plot`; not part of the main
 * entry, so bundles that do not plot stay small. Every label is escaped.
 */
export {
  confusionMatrixSvg,
  rocCurveSvg,
  precisionRecallCurveSvg,
  learningCurveSvg,
  validationCurveSvg,
  featureImportancesSvg,
  residualsSvg,
} from './svg';
export type { SvgOptions, RocInput, PrecisionRecallInput, ConfusionMatrixPlotOptions, ValidationCurvePlotOptions, BarPlotOptions } from './svg';
export {
  confusionMatrixVegaLite,
  rocCurveVegaLite,
  precisionRecallCurveVegaLite,
  learningCurveVegaLite,
  validationCurveVegaLite,
  featureImportancesVegaLite,
  residualsVegaLite,
} from './vegaLite';
export type { VegaLiteSpec } from './vegaLite';
export { escapeXml } from './_escape';
export { niceTicks } from './_scale';
export { treeSvg } from './tree';
export type { TreePlotOptions, TextExportable } from './tree';
