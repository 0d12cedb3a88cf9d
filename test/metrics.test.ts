import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Matrix } from 'ml-matrix';
import { afterEach, describe, expect, it } from 'vitest';
import { LinearRegression } from '../src/linear_model/index';
import { Pipeline } from '../src/pipeline/index';
import { ValidationError, setWarningHandler, TypelearnWarning, type WarningHandler } from '../src/core/errors';
import {
  accuracyScore,
  auc,
  balancedAccuracyScore,
  classificationReport,
  confusionMatrix,
  explainedVarianceScore,
  f1Score,
  fbetaScore,
  getScorer,
  getScorerNames,
  logLoss,
  maxError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  meanSquaredError,
  medianAbsoluteError,
  precisionRecallFscoreSupport,
  precisionScore,
  r2Score,
  recallScore,
  rocAucScore,
  rocCurve,
  UndefinedMetricWarning,
  type ScorableEstimator,
} from '../src/metrics/index';

const here = dirname(fileURLToPath(import.meta.url));
interface Case {
  name: string;
  fn: string;
  args: [unknown, unknown, Record<string, unknown>];
  expected: unknown;
  warnings: number;
}
const fixture = JSON.parse(readFileSync(join(here, 'fixtures/metrics/metrics.json'), 'utf8')) as { cases: Case[] };

type AnyMetric = (a: unknown, b: unknown, o?: unknown) => unknown;
const functions: Record<string, AnyMetric> = {
  accuracyScore,
  balancedAccuracyScore,
  precisionScore,
  recallScore,
  f1Score,
  fbetaScore,
  precisionRecallFscoreSupport,
  confusionMatrix,
  classificationReport,
  rocAucScore,
  rocCurve,
  auc,
  logLoss,
  r2Score,
  meanSquaredError,
  meanAbsoluteError,
  meanAbsolutePercentageError,
  explainedVarianceScore,
  medianAbsoluteError,
  maxError,
} as unknown as Record<string, AnyMetric>;

const TOL = 1e-12;

/** Compares a result with scikit-learn's: numbers to 1e-12 (relative above 1), everything else exactly. */
function expectClose(actual: unknown, expected: unknown, path: string): void {
  if (expected === 'NaN' || expected === 'Infinity' || expected === '-Infinity') {
    expect(typeof actual, path).toBe('number');
    expect(String(actual), path).toBe(expected);
    return;
  }
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    const a = actual as number;
    expect(Math.abs(a - expected), `${path}: ${a} vs ${expected}`).toBeLessThanOrEqual(TOL * Math.max(1, Math.abs(expected)));
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    const arr = actual as unknown[];
    expect(arr.length, path).toBe(expected.length);
    expected.forEach((e, i) => expectClose(arr[i], e, `${path}[${i}]`));
    return;
  }
  if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', path).toBe(true);
    const obj = actual as Record<string, unknown>;
    expect(Object.keys(obj).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) expectClose(obj[k], v, `${path}.${k}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}

let restore: WarningHandler | undefined;
function captureWarnings(): TypelearnWarning[] {
  const seen: TypelearnWarning[] = [];
  restore = setWarningHandler((w) => {
    seen.push(w);
  });
  return seen;
}
afterEach(() => {
  if (restore) setWarningHandler(restore);
  restore = undefined;
});

describe('metrics match scikit-learn 1.2.1', () => {
  it('has a varied fixture', () => {
    expect(fixture.cases.length).toBeGreaterThan(400);
    const fns = new Set(fixture.cases.map((c) => c.fn));
    expect([...fns].sort()).toEqual(Object.keys(functions).sort());
  });

  for (const c of fixture.cases) {
    it(c.name, () => {
      const seen = captureWarnings();
      const [a, b, options] = c.args;
      const result = functions[c.fn](a, b, options);
      if (c.fn === 'confusionMatrix' && !options.normalize && !options.sampleWeight) {
        expect(result).toEqual(c.expected); // exact counts
      } else {
        expectClose(result, c.expected, c.name);
      }
      expect(seen.filter((w) => w instanceof UndefinedMetricWarning).length, 'UndefinedMetricWarning count').toBe(c.warnings);
    });
  }
});

describe('classification report text', () => {
  it('matches the layout of scikit-learn documentation example', () => {
    const report = classificationReport([0, 1, 2, 2, 2], [0, 0, 2, 2, 1], { targetNames: ['class 0', 'class 1', 'class 2'] });
    expect(report).toBe(
      [
        '              precision    recall  f1-score   support',
        '',
        '     class 0       0.50      1.00      0.67         1',
        '     class 1       0.00      0.00      0.00         1',
        '     class 2       1.00      0.67      0.80         3',
        '',
        '    accuracy                           0.60         5',
        '   macro avg       0.50      0.56      0.49         5',
        'weighted avg       0.70      0.60      0.61         5',
        '',
      ].join('\n'),
    );
  });

  it('rounds exact ties half to even, as Python formats them', () => {
    // precision of class 1 is 1/8 = 0.125 exactly: Python prints 0.12, not 0.13.
    const yTrue = [1, 0, 0, 0, 0, 0, 0, 0, 1];
    const yPred = [1, 1, 1, 1, 1, 1, 1, 1, 0];
    const lines = classificationReport(yTrue, yPred, { zeroDivision: 0 }).split('\n');
    expect(lines[3]).toContain('0.12');
  });

  it('types the dict output', () => {
    const d = classificationReport(['a', 'b', 'a'], ['a', 'b', 'b'], { outputDict: true });
    expect(d['macro avg'].support).toBe(3);
    expect(d.accuracy).toBeCloseTo(2 / 3, 15);
    expect(d.a).toEqual({ precision: 1, recall: 0.5, 'f1-score': 2 / 3, support: 2 });
  });
});

describe('warnings', () => {
  it('sends zero division warnings through the warning hook', () => {
    const seen = captureWarnings();
    expect(precisionScore([0, 1, 1], [0, 0, 0])).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeInstanceOf(UndefinedMetricWarning);
    expect(seen[0].code).toBe('undefined_metric');
    expect(seen[0].estimator).toBe('precisionScore');
    expect(seen[0].message).toMatch(/Precision is ill-defined and being set to 0.0 due to no predicted samples/);
  });

  it('does not warn when zeroDivision is given', () => {
    const seen = captureWarnings();
    expect(precisionScore([0, 1, 1], [0, 0, 0], { zeroDivision: 1 })).toBe(1);
    expect(recallScore([0, 0], [0, 1], { zeroDivision: 0 })).toBe(0);
    expect(seen).toHaveLength(0);
  });

  it('warns for F-score only when both precision and recall are ill-defined', () => {
    const seen = captureWarnings();
    f1Score([0, 1, 2], [0, 1, 1], { average: null, labels: [0, 1, 2, 3] });
    expect(seen.map((w) => w.message)).toEqual([
      'F-score is ill-defined and being set to 0.0 in labels with no true nor predicted samples. Use `zeroDivision` option to control this behavior.',
    ]);
  });
});

describe('input validation', () => {
  const cases: Array<[string, () => unknown, { estimator: string; param: string }]> = [
    ['length mismatch', () => accuracyScore([0, 1], [0]), { estimator: 'accuracyScore', param: 'yPred' }],
    ['empty', () => f1Score([], []), { estimator: 'f1Score', param: 'yTrue' }],
    ['mixed label types', () => precisionScore([0, 1], ['a', 'b']), { estimator: 'precisionScore', param: 'yPred' }],
    ['mixed types inside yTrue', () => recallScore([0, 'a'], [0, 1]), { estimator: 'recallScore', param: 'yTrue' }],
    ['continuous labels', () => f1Score([0.5, 1], [0.5, 1]), { estimator: 'f1Score', param: 'yTrue' }],
    ['binary average on multiclass', () => f1Score([0, 1, 2], [0, 1, 2]), { estimator: 'f1Score', param: 'average' }],
    ['missing posLabel', () => precisionScore(['a', 'b'], ['a', 'b']), { estimator: 'precisionScore', param: 'posLabel' }],
    ['bad average', () => recallScore([0, 1], [0, 1], { average: 'samples' as 'macro' }), { estimator: 'recallScore', param: 'average' }],
    ['bad zeroDivision', () => f1Score([0, 1], [0, 1], { zeroDivision: 2 as 1 }), { estimator: 'f1Score', param: 'zeroDivision' }],
    ['unknown option', () => f1Score([0, 1], [0, 1], { avrage: 'macro' } as object), { estimator: 'f1Score', param: 'avrage' }],
    ['beta on f1', () => f1Score([0, 1], [0, 1], { beta: 2 } as object), { estimator: 'f1Score', param: 'beta' }],
    ['missing beta', () => fbetaScore([0, 1], [0, 1], {} as { beta: number }), { estimator: 'fbetaScore', param: 'beta' }],
    ['negative beta', () => fbetaScore([0, 1], [0, 1], { beta: -1 }), { estimator: 'fbetaScore', param: 'beta' }],
    ['negative weight', () => accuracyScore([0, 1], [0, 1], { sampleWeight: [1, -1] }), { estimator: 'accuracyScore', param: 'sampleWeight' }],
    ['weights length', () => f1Score([0, 1], [0, 1], { sampleWeight: [1] }), { estimator: 'f1Score', param: 'sampleWeight' }],
    ['labels of another type', () => confusionMatrix([0, 1], [0, 1], { labels: ['a'] }), { estimator: 'confusionMatrix', param: 'labels' }],
    ['labels not in yTrue', () => confusionMatrix([0, 1], [0, 1], { labels: [5] }), { estimator: 'confusionMatrix', param: 'labels' }],
    ['bad normalize', () => confusionMatrix([0, 1], [0, 1], { normalize: 'rows' as 'true' }), { estimator: 'confusionMatrix', param: 'normalize' }],
    ['target names count', () => classificationReport([0, 1], [0, 1], { targetNames: ['a'] }), { estimator: 'classificationReport', param: 'targetNames' }],
    ['roc one class', () => rocAucScore([1, 1, 1], [0.2, 0.3, 0.4]), { estimator: 'rocAucScore', param: 'yTrue' }],
    ['roc 2-column scores', () => rocAucScore([0, 1], [[0.2, 0.8], [0.4, 0.6]]), { estimator: 'rocAucScore', param: 'yScore' }],
    ['roc multiclass raise', () => rocAucScore([0, 1, 2], [[1, 0, 0], [0, 1, 0], [0, 0, 1]]), { estimator: 'rocAucScore', param: 'multiClass' }],
    ['roc multiclass 1-d', () => rocAucScore([0, 1, 2], [0.1, 0.5, 0.9], { multiClass: 'ovr' }), { estimator: 'rocAucScore', param: 'yScore' }],
    ['roc rows not summing to 1', () => rocAucScore([0, 1, 2], [[0.5, 0, 0], [0, 1, 0], [0, 0, 1]], { multiClass: 'ovr' }), { estimator: 'rocAucScore', param: 'yScore' }],
    ['roc ovo weights', () => rocAucScore([0, 1, 2], [[1, 0, 0], [0, 1, 0], [0, 0, 1]], { multiClass: 'ovo', sampleWeight: [1, 1, 1] }), { estimator: 'rocAucScore', param: 'sampleWeight' }],
    ['roc ovo average null', () => rocAucScore([0, 1, 2], [[1, 0, 0], [0, 1, 0], [0, 0, 1]], { multiClass: 'ovo', average: null }), { estimator: 'rocAucScore', param: 'average' }],
    ['roc unsorted labels', () => rocAucScore([0, 1, 2], [[1, 0, 0], [0, 1, 0], [0, 0, 1]], { multiClass: 'ovr', labels: [2, 1, 0] }), { estimator: 'rocAucScore', param: 'labels' }],
    ['roc column count', () => rocAucScore([0, 1, 2], [[0.5, 0.5], [0.5, 0.5], [0.5, 0.5]], { multiClass: 'ovr' }), { estimator: 'rocAucScore', param: 'yScore' }],
    ['roc maxFpr out of range', () => rocAucScore([0, 1], [0.1, 0.9], { maxFpr: 0 }), { estimator: 'rocAucScore', param: 'maxFpr' }],
    ['roc non-finite score', () => rocAucScore([0, 1], [0.1, NaN]), { estimator: 'rocAucScore', param: 'yScore' }],
    ['rocCurve needs posLabel', () => rocCurve(['a', 'b'], [0.1, 0.9]), { estimator: 'rocCurve', param: 'posLabel' }],
    ['auc one point', () => auc([0], [1]), { estimator: 'auc', param: 'x' }],
    ['auc not monotonic', () => auc([0, 1, 0.5], [0, 1, 1]), { estimator: 'auc', param: 'x' }],
    ['logLoss single class', () => logLoss([1, 1], [0.5, 0.6]), { estimator: 'logLoss', param: 'yTrue' }],
    ['logLoss probability above 1', () => logLoss([0, 1], [0.5, 1.5]), { estimator: 'logLoss', param: 'yPred' }],
    ['logLoss negative probability', () => logLoss([0, 1, 2], [[0.5, 0.6, -0.1], [0, 1, 0], [0, 0, 1]]), { estimator: 'logLoss', param: 'yPred' }],
    ['logLoss column count', () => logLoss([0, 1, 2], [0.5, 0.6, 0.1]), { estimator: 'logLoss', param: 'yPred' }],
    ['logLoss label outside labels', () => logLoss([0, 3], [0.5, 0.6], { labels: [0, 1] }), { estimator: 'logLoss', param: 'yTrue' }],
    ['logLoss bad eps', () => logLoss([0, 1], [0.5, 0.6], { eps: 'tiny' as 'auto' }), { estimator: 'logLoss', param: 'eps' }],
    ['regression strings', () => meanSquaredError(['a'] as unknown as number[], [1]), { estimator: 'meanSquaredError', param: 'yTrue' }],
    ['regression length', () => meanAbsoluteError([1, 2], [1]), { estimator: 'meanAbsoluteError', param: 'yPred' }],
    ['regression NaN', () => r2Score([1, NaN], [1, 2]), { estimator: 'r2Score', param: 'yTrue' }],
    ['regression zero weights', () => explainedVarianceScore([1, 2], [1, 2], { sampleWeight: [0, 0] }), { estimator: 'explainedVarianceScore', param: 'sampleWeight' }],
    ['regression 2-d', () => maxError([[1], [2]] as unknown as number[], [1, 2]), { estimator: 'maxError', param: 'yTrue' }],
    ['median has no weights', () => medianAbsoluteError([1, 2], [1, 2], { sampleWeight: [1, 1] } as unknown as Record<string, never>), { estimator: 'medianAbsoluteError', param: 'sampleWeight' }],
    ['mse squared not boolean', () => meanSquaredError([1, 2], [1, 2], { squared: 'no' as unknown as boolean }), { estimator: 'meanSquaredError', param: 'squared' }],
    ['mape empty', () => meanAbsolutePercentageError([], []), { estimator: 'meanAbsolutePercentageError', param: 'yTrue' }],
    ['prfs labels type', () => precisionRecallFscoreSupport([0, 1], [0, 1], { labels: [true] }), { estimator: 'precisionRecallFscoreSupport', param: 'labels' }],
    ['balanced accuracy lengths', () => balancedAccuracyScore([0, 1, 1], [0, 1]), { estimator: 'balancedAccuracyScore', param: 'yPred' }],
  ];
  for (const [name, call, where] of cases) {
    it(`rejects ${name}`, () => {
      let caught: unknown;
      try {
        call();
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(ValidationError);
      const err = caught as ValidationError;
      expect({ estimator: err.estimator, param: err.param }).toEqual(where);
      expect(err.message).toContain(where.estimator);
    });
  }

  it('does not mutate its inputs', () => {
    const yTrue = [2, 0, 1, 0];
    const yPred = [0, 0, 1, 2];
    const w = [1, 2, 3, 4];
    const copy = JSON.stringify([yTrue, yPred, w]);
    f1Score(yTrue, yPred, { average: 'weighted', sampleWeight: w });
    confusionMatrix(yTrue, yPred, { sampleWeight: w, normalize: 'all' });
    classificationReport(yTrue, yPred, { sampleWeight: w });
    rocAucScore([0, 1, 1, 0], [0.3, 0.1, 0.9, 0.2], { sampleWeight: w });
    expect(JSON.stringify([yTrue, yPred, w])).toBe(copy);
  });

  it('accepts ml-matrix scores and typed arrays', () => {
    const proba = [
      [0.7, 0.2, 0.1],
      [0.2, 0.5, 0.3],
      [0.1, 0.3, 0.6],
      [0.3, 0.4, 0.3],
    ];
    const y = [0, 1, 2, 1];
    expect(rocAucScore(y, new Matrix(proba), { multiClass: 'ovo' })).toBe(rocAucScore(y, proba, { multiClass: 'ovo' }));
    expect(logLoss(y, new Matrix(proba))).toBe(logLoss(y, proba));
    expect(meanSquaredError(Float64Array.of(1, 2), Float64Array.of(1, 3))).toBe(0.5);
  });
});

describe('scorers', () => {
  const X = [[0], [1], [2], [3], [4], [5]];
  const y = [0, 0, 1, 1, 0, 1];
  const proba = new Matrix([
    [0.9, 0.1],
    [0.6, 0.4],
    [0.3, 0.7],
    [0.45, 0.55],
    [0.2, 0.8],
    [0.35, 0.65],
  ]);
  const pred = [0, 0, 1, 1, 1, 1];
  const probaOnly: ScorableEstimator = { predict: () => pred, predictProba: () => proba, classes_: [0, 1] };
  const withDecision: ScorableEstimator = { ...probaOnly, decisionFunction: () => [-3, -1, 2, 0.1, 0.5, 1] };
  const labelsOnly: ScorableEstimator = { predict: () => pred };

  it('registers scikit-learn scorer names', () => {
    const names = getScorerNames();
    for (const n of [
      'accuracy',
      'balanced_accuracy',
      'precision',
      'precision_macro',
      'precision_micro',
      'precision_weighted',
      'recall',
      'recall_macro',
      'recall_micro',
      'recall_weighted',
      'f1',
      'f1_macro',
      'f1_micro',
      'f1_weighted',
      'roc_auc',
      'roc_auc_ovr',
      'roc_auc_ovo',
      'roc_auc_ovr_weighted',
      'roc_auc_ovo_weighted',
      'neg_log_loss',
      'r2',
      'neg_mean_squared_error',
      'neg_root_mean_squared_error',
      'neg_mean_absolute_error',
      'neg_median_absolute_error',
      'explained_variance',
      'max_error',
    ]) {
      expect(names).toContain(n);
    }
  });

  it('computes label scorers from predict', () => {
    expect(getScorer('accuracy')(labelsOnly, X, y)).toBe(accuracyScore(y, pred));
    expect(getScorer('balanced_accuracy')(labelsOnly, X, y)).toBe(balancedAccuracyScore(y, pred));
    expect(getScorer('f1')(labelsOnly, X, y)).toBe(f1Score(y, pred));
    expect(getScorer('precision_macro')(labelsOnly, X, y)).toBe(precisionScore(y, pred, { average: 'macro' }));
    expect(getScorer('recall_weighted')(labelsOnly, X, y)).toBe(recallScore(y, pred, { average: 'weighted' }));
  });

  it('roc_auc prefers decisionFunction, else the probability of classes_[1]', () => {
    expect(getScorer('roc_auc')(withDecision, X, y)).toBe(rocAucScore(y, [-3, -1, 2, 0.1, 0.5, 1]));
    expect(getScorer('roc_auc')(probaOnly, X, y)).toBe(rocAucScore(y, [0.1, 0.4, 0.7, 0.55, 0.8, 0.65]));
    expect(getScorer('roc_auc')(withDecision, X, y)).not.toBe(getScorer('roc_auc')(probaOnly, X, y));
  });

  it('neg_log_loss and roc_auc_ovr use predictProba', () => {
    expect(getScorer('neg_log_loss')(probaOnly, X, y)).toBe(-logLoss(y, [0.1, 0.4, 0.7, 0.55, 0.8, 0.65]));
    expect(getScorer('roc_auc_ovr')(probaOnly, X, y)).toBe(rocAucScore(y, [0.1, 0.4, 0.7, 0.55, 0.8, 0.65]));
    const P3 = [
      [0.7, 0.2, 0.1],
      [0.2, 0.5, 0.3],
      [0.1, 0.3, 0.6],
      [0.3, 0.4, 0.3],
    ];
    const multi: ScorableEstimator = { predict: () => [0, 1, 2, 1], predictProba: () => P3, classes_: [0, 1, 2] };
    const y3 = [0, 1, 2, 0];
    expect(getScorer('roc_auc_ovo_weighted')(multi, X.slice(0, 4), y3)).toBe(rocAucScore(y3, P3, { multiClass: 'ovo', average: 'weighted' }));
    expect(getScorer('neg_log_loss')(multi, X.slice(0, 4), y3)).toBe(-logLoss(y3, P3));
  });

  it('falls back to predictProba when decisionFunction is unsupported (as a Pipeline reports it)', () => {
    const pipelineLike: ScorableEstimator = {
      ...probaOnly,
      decisionFunction: () => {
        throw new ValidationError({ code: 'unsupported', estimator: 'Pipeline', message: 'no decisionFunction' });
      },
    };
    expect(getScorer('roc_auc')(pipelineLike, X, y)).toBe(getScorer('roc_auc')(probaOnly, X, y));
  });

  it('accepts our Pipeline and estimators as scorable', () => {
    const model = new Pipeline([['lr', new LinearRegression()]]).fit([[0], [1], [2], [3]], [0, 2, 4, 6.5]);
    const scorable: ScorableEstimator = model;
    expect(getScorer('neg_mean_absolute_error')(scorable, [[4]], [8])).toBeCloseTo(-Math.abs(model.predict([[4]])[0] as number - 8), 12);
  });

  it('throws a clear error when the estimator lacks predictProba or decisionFunction', () => {
    expect(() => getScorer('roc_auc')(labelsOnly, X, y)).toThrow(ValidationError);
    expect(() => getScorer('neg_log_loss')(labelsOnly, X, y)).toThrow(/predictProba/);
    expect(() => getScorer('roc_auc_ovr')(labelsOnly, X, y)).toThrow(/predictProba/);
    expect(() => getScorer('roc_auc')(withDecision, X, [0, 1, 2, 0, 1, 2])).toThrow(/roc_auc_ovr/);
  });

  it('negates losses and errors', () => {
    const reg: ScorableEstimator = { predict: () => [1, 2, 3.5] };
    const t = [1.5, 2, 3];
    const Xr = [[0], [1], [2]];
    expect(getScorer('neg_mean_squared_error')(reg, Xr, t)).toBe(-meanSquaredError(t, [1, 2, 3.5]));
    expect(getScorer('neg_root_mean_squared_error')(reg, Xr, t)).toBe(-Math.sqrt(meanSquaredError(t, [1, 2, 3.5])));
    expect(getScorer('neg_mean_absolute_error')(reg, Xr, t)).toBe(-meanAbsoluteError(t, [1, 2, 3.5]));
    expect(getScorer('neg_median_absolute_error')(reg, Xr, t)).toBe(-0.5);
    expect(getScorer('max_error')(reg, Xr, t)).toBe(-0.5);
    expect(getScorer('explained_variance')(reg, Xr, t)).toBe(explainedVarianceScore(t, [1, 2, 3.5]));
    expect(getScorer('r2')(reg, Xr, t)).toBe(r2Score(t, [1, 2, 3.5]));
  });

  it('suggests a name for a typo', () => {
    expect(() => getScorer('neg_mean_squared_eror')).toThrow(/did you mean 'neg_mean_squared_error'/);
  });
});
