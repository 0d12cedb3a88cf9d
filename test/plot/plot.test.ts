import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import { confusionMatrix, rocCurve } from '../../src/metrics/index';
import * as plot from '../../src/plot/index';
import { niceTicks } from '../../src/plot/_scale';
import { blueRamp } from '../../src/plot/_ramp';
import { allText, byClass, findAll, parseXml, type XmlElement } from './xml';

const evil = '<script>alert("x")</script>';

function tickTexts(root: XmlElement, axis: 'x-axis' | 'y-axis'): string[] {
  const ax = findAll(root, byClass(axis))[0];
  return findAll(ax, byClass('tick')).map(allText);
}

describe('shared pieces', () => {
  it('nice ticks are round steps inside the range', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(3, 97, 5)).toEqual([20, 40, 60, 80]);
    expect(niceTicks(-0.13, 0.07, 4)).toEqual([-0.1, -0.05, 0, 0.05]);
    expect(niceTicks(2, 2)).toEqual([2]);
  });
  it('escapes the five XML characters', () => {
    expect(plot.escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&#39;');
  });
  it('the ramp runs white to dark blue', () => {
    expect(blueRamp(0)).toBe('#f7fbff');
    expect(blueRamp(1)).toBe('#08306b');
    expect(blueRamp(NaN)).toBe('#f7fbff');
  });
  it('the XML checker rejects ill-formed documents', () => {
    expect(() => parseXml('<svg><g></svg>')).toThrow();
    expect(() => parseXml('<svg><text><script></text></svg>')).toThrow();
    expect(() => parseXml('<svg a="1" a="2"/>')).toThrow();
    expect(() => parseXml('<svg>&bogus;</svg>')).toThrow();
  });
});

describe('confusion matrix', () => {
  const yTrue = ['cat', 'dog', 'dog', evil, 'cat', evil, 'dog'];
  const yPred = ['cat', 'dog', 'cat', evil, 'cat', 'dog', 'dog'];
  const labels = ['cat', 'dog', evil];
  const cm = confusionMatrix(yTrue, yPred, { labels });
  it('one cell per entry, counts printed, labels escaped', () => {
    const svg = plot.confusionMatrixSvg(cm, { labels, title: `Pets ${evil}` });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    const root = parseXml(svg);
    expect(root.name).toBe('svg');
    const cells = findAll(root, byClass('cell'));
    expect(cells).toHaveLength(9);
    expect(tickTexts(root, 'x-axis')).toEqual(labels);
    expect(tickTexts(root, 'y-axis')).toEqual(labels);
    const title = findAll(root, byClass('title'))[0];
    expect(title.text).toBe(`Pets ${evil}`);
    // The largest count is the darkest cell; an empty cell the lightest.
    expect(cells[0].attrs.fill).toBe(blueRamp(1));
    expect(cells[2].attrs.fill).toBe(blueRamp(0));
    expect(allText(cells[4])).toContain('predicted dog: 2');
  });
  it('normalized rows and the Vega-Lite form', () => {
    const svg = plot.confusionMatrixSvg(cm, { labels, normalize: true });
    expect(svg).toContain('>0.67<');
    const spec = plot.confusionMatrixVegaLite(cm, { labels });
    expect(spec.$schema).toMatch(/vega-lite\/v5/);
    expect(spec.data.values).toHaveLength(9);
    expect(spec.data.values[4]).toEqual({ true: 'dog', predicted: 'dog', value: 2 });
    expect(spec.data.values[8]).toEqual({ true: evil, predicted: evil, value: 1 });
  });
  it('rejects a ragged matrix or wrong labels', () => {
    expect(() => plot.confusionMatrixSvg([[1, 2], [3]])).toThrow(ValidationError);
    expect(() => plot.confusionMatrixSvg([[1, 2], [3, 4]], { labels: ['a'] })).toThrow(/labels/);
  });
});

describe('ROC and precision-recall curves', () => {
  const y = [0, 0, 1, 1, 0, 1, 1, 0];
  const s = [0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.6, 0.5];
  const roc = rocCurve(y, s);
  it('ROC: a line per curve, the chance line, AUC in the legend, ticks 0..1', () => {
    const svg = plot.rocCurveSvg([{ ...roc, name: evil }, { fpr: [0, 1], tpr: [0, 1], name: 'flat' }]);
    expect(svg).not.toContain('<script>');
    const root = parseXml(svg);
    expect(findAll(root, byClass('line'))).toHaveLength(3);
    const names = findAll(root, byClass('legend-entry')).map(allText);
    expect(names).toEqual([`${evil} (AUC = 0.875)`, 'flat (AUC = 0.500)', 'Chance']);
    expect(tickTexts(root, 'x-axis')).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
    const d = findAll(root, byClass('line'))[0].attrs.d;
    expect(d.split(/[ML]/).filter(Boolean)).toHaveLength(roc.fpr.length);
  });
  it('ROC Vega-Lite data are the curve points', () => {
    const spec = plot.rocCurveVegaLite(roc);
    expect(spec.data.values.map((v) => v.x)).toEqual(roc.fpr);
    expect(spec.data.values.map((v) => v.y)).toEqual(roc.tpr);
    expect(spec.data.values[0].curve).toBe('ROC (AUC = 0.875)');
  });
  it('precision-recall: trapezoidal area (as auc(recall, precision)) in the legend', () => {
    const pr = { precision: [0.5, 0.6, 1, 1], recall: [1, 1, 0.5, 0] };
    const root = parseXml(plot.precisionRecallCurveSvg(pr));
    expect(findAll(root, byClass('legend-entry')).map(allText)).toEqual(['PR (AUC = 0.900)']);
    const spec = plot.precisionRecallCurveVegaLite(pr);
    expect(spec.data.values.map((v) => [v.x, v.y])).toEqual([[1, 0.5], [1, 0.6], [0.5, 1], [0, 1]]);
    expect(() => plot.precisionRecallCurveSvg({ precision: [1, 2], recall: [1] })).toThrow(ValidationError);
  });
});

describe('learning and validation curves', () => {
  const lc = { trainSizes: [10, 20, 40], trainScores: [[1, 0.9], [0.9, 0.9], [0.85, 0.87]], testScores: [[0.5, 0.7], [0.7, 0.8], [0.8, 0.84]] };
  it('learning curve: two bands, two lines, a point per size', () => {
    const root = parseXml(plot.learningCurveSvg(lc, { title: 'LC' }));
    expect(findAll(root, byClass('band'))).toHaveLength(2);
    expect(findAll(root, byClass('line'))).toHaveLength(2);
    expect(findAll(root, byClass('point'))).toHaveLength(6);
    expect(tickTexts(root, 'x-axis')).toEqual(['10', '15', '20', '25', '30', '35', '40']);
    const spec = plot.learningCurveVegaLite(lc);
    const first = spec.data.values[3];
    expect(first.series).toBe('Cross-validation score');
    expect(first.mean).toBeCloseTo(0.6, 12);
    expect(first.upper).toBeCloseTo(0.7, 12);
    expect(first.lower).toBeCloseTo(0.5, 12);
  });
  it('validation curve: log axis for a wide positive range', () => {
    const vc = { trainScores: [[0.9, 0.95], [0.9, 0.9], [0.6, 0.7]], testScores: [[0.8, 0.82], [0.85, 0.8], [0.6, 0.65]] };
    const root = parseXml(plot.validationCurveSvg(vc, { paramRange: [0.01, 1, 100], paramName: 'alpha' }));
    expect(tickTexts(root, 'x-axis')).toEqual(['0.01', '0.1', '1', '10', '100']);
    expect(findAll(root, byClass('point'))).toHaveLength(6);
    const spec = plot.validationCurveVegaLite(vc, { paramRange: [0.01, 1, 100], paramName: 'alpha' });
    expect(spec.data.values.map((v) => v.x)).toEqual([0.01, 1, 100, 0.01, 1, 100]);
    expect(JSON.stringify(spec)).toContain('"type":"log"');
    expect(() => plot.validationCurveSvg(vc, { paramRange: [1, 2] })).toThrow(/scores/);
  });
});

describe('bars and residuals', () => {
  it('top k bars by absolute value, largest first, names escaped', () => {
    const svg = plot.featureImportancesSvg([0.1, -0.7, 0.3, 0.05], { featureNames: ['a', evil, 'c', 'd'], topK: 3, xLabel: 'coefficient' });
    expect(svg).not.toContain('<script>');
    const root = parseXml(svg);
    expect(findAll(root, byClass('bar'))).toHaveLength(3);
    expect(findAll(root, byClass('bar-label')).map(allText)).toEqual([evil, 'c', 'a']);
    expect(tickTexts(root, 'x-axis')).toContain('0');
    const spec = plot.featureImportancesVegaLite([0.1, -0.7, 0.3, 0.05], { topK: 2 });
    expect(spec.data.values).toEqual([{ feature: 'x1', value: -0.7 }, { feature: 'x2', value: 0.3 }]);
    expect(() => plot.featureImportancesSvg([1, 2], { featureNames: ['a'] })).toThrow(/featureNames/);
  });
  it('residuals: a point per sample and the zero line', () => {
    const root = parseXml(plot.residualsSvg([1, 2, 3, 4], [1.5, 1.8, 3.3, 3.6]));
    expect(findAll(root, byClass('point'))).toHaveLength(4);
    expect(findAll(root, byClass('zero'))).toHaveLength(1);
    const spec = plot.residualsVegaLite([1, 2, 3, 4], [1.5, 1.8, 3.3, 3.6]);
    expect(spec.data.values.map((v) => Number((v.residual as number).toFixed(10)))).toEqual([-0.5, 0.2, -0.3, 0.4]);
    expect(() => plot.residualsSvg([1, 2], [1])).toThrow(/yPred/);
  });
});

describe('tree diagram', () => {
  it('a node per exportText line, edges to children, feature names escaped', async () => {
    const { DecisionTreeClassifier, DecisionTreeRegressor } = await import('../../src/tree/index');
    const X = [[0, 0], [1, 0], [2, 1], [3, 1], [4, 0], [5, 1], [6, 1], [7, 0]];
    const y = ['a', 'a', 'a', 'b', 'b', 'b', 'c', 'c'];
    const clf = new DecisionTreeClassifier({ randomState: 0 }).fit(X, y);
    const svg = plot.treeSvg(clf, { featureNames: [evil, 'f1'], title: 'T' });
    expect(svg).not.toContain('<script>');
    const root = parseXml(svg);
    const nodes = findAll(root, byClass('node'));
    expect(nodes).toHaveLength(clf.nodeCount_);
    expect(findAll(root, byClass('leaf'))).toHaveLength(clf.getNLeaves());
    expect(findAll(root, byClass('edge'))).toHaveLength(clf.nodeCount_ - 1);
    expect(allText(nodes[0])).toMatch(/^<script>alert\("x"\)<\/script> <= /);
    const reg = new DecisionTreeRegressor({ maxDepth: 1 }).fit(X, [1, 1, 1, 2, 2, 2, 3, 3]);
    const r = parseXml(plot.treeSvg(reg));
    expect(findAll(r, byClass('leaf')).map(allText)).toEqual(['value: [1.00]', 'value: [2.40]']);
    const deep = parseXml(plot.treeSvg(clf, { maxDepth: 0 }));
    expect(findAll(deep, byClass('leaf')).map(allText)).toEqual(['class: a', 'truncated branch of depth 2']);
    expect(() => plot.treeSvg({} as never)).toThrow(ValidationError);
  });
});
