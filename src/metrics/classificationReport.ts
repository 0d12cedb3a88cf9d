import { TypelearnWarning, ValidationError, warn } from '../core/errors';
import { anything, int, bool, oneOf } from '../core/params';
import type { Label } from '../core/types';
import { uniqueLabels } from '../core/validation';
import { readOptions } from '../core/readOptions';
import { checkClassificationTargets, checkLabelsOption } from './_checks';
import { computePrf, readPrfOptions, type Average, type ZeroDivision } from './_prf';
import { formatFixed, formatRepr, padLeft } from './_pyformat';
import { sum } from '../core/numpySum';

/** Options of {@link classificationReport}. */
export interface ClassificationReportOptions {
  /**
   * The labels to report, in this order.
   * @defaultValue the labels of yTrue and yPred, sorted
   */
  labels?: Label[];
  /**
   * Display names of the labels, one per label.
   * @defaultValue the labels as text (`True`/`False` for booleans, as in Python)
   */
  targetNames?: string[];
  /** Per-sample weights. */
  sampleWeight?: ArrayLike<number>;
  /**
   * Digits after the point in the text report (ignored with `outputDict`).
   * @defaultValue 2
   */
  digits?: number;
  /**
   * Return the figures as an object instead of the text.
   * @defaultValue false
   */
  outputDict?: boolean;
  /**
   * The value of a score whose denominator is zero: 0, 1 or `'warn'` (0 plus a warning).
   * @defaultValue 'warn'
   */
  zeroDivision?: ZeroDivision;
}

/** One row of the report. */
export interface ClassificationReportEntry {
  /** tp / (tp + fp). */
  precision: number;
  /** tp / (tp + fn). */
  recall: number;
  /** The harmonic mean of precision and recall. */
  'f1-score': number;
  /** The number (or total weight) of true samples of the label. */
  support: number;
}

/** The report as data, keyed as scikit-learn's `output_dict=True` keys it. */
export interface ClassificationReportDict {
  [targetName: string]: ClassificationReportEntry | number | undefined;
  /** Present when every label is reported (the micro average is then the accuracy). */
  accuracy?: number;
  /** Present instead of `accuracy` when only some labels are reported. */
  'micro avg'?: ClassificationReportEntry;
  /** The unweighted mean over labels. */
  'macro avg': ClassificationReportEntry;
  /** The mean over labels weighted by their support. */
  'weighted avg': ClassificationReportEntry;
}

const defaults: ClassificationReportOptions = {
  labels: undefined,
  targetNames: undefined,
  sampleWeight: undefined,
  digits: 2,
  outputDict: false,
  zeroDivision: 'warn',
};
const schema = {
  labels: anything(),
  targetNames: anything(),
  sampleWeight: anything(),
  digits: int({ min: 0, max: 50 }),
  outputDict: bool(),
  zeroDivision: oneOf<string | number>('warn', 0, 1),
};

/** A label as Python's `'%s' % label` prints it. */
function labelText(l: Label): string {
  if (typeof l === 'boolean') return l ? 'True' : 'False';
  return String(l);
}

/**
 * A text report of precision, recall, F1 and support per label, with the accuracy and the macro and
 * weighted averages, formatted exactly as scikit-learn's `classification_report`; or, with
 * `outputDict: true`, the same figures as an object (with a null prototype, so that any label, even
 * `'__proto__'`, is a key like the others).
 *
 * Options: `labels`, `targetNames`, `sampleWeight`, `digits` (default 2), `outputDict` (default
 * false), `zeroDivision` (default 'warn').
 * @example
 * ```ts
 * import { classificationReport } from 'typelearn';
 * const report = classificationReport([0, 1, 2, 2, 2], [0, 0, 2, 2, 1], { targetNames: ['class 0', 'class 1', 'class 2'] });
 * console.log(report.split('\n')[2]); //      class 0       0.50      1.00      0.67         1
 * const dict = classificationReport([0, 1, 2, 2, 2], [0, 0, 2, 2, 1], { outputDict: true });
 * console.log(dict.accuracy, dict['macro avg'].recall); // 0.6 0.5555555555555555
 * ```
 */
export function classificationReport(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: ClassificationReportOptions & { outputDict: true },
): ClassificationReportDict;
export function classificationReport(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options?: ClassificationReportOptions & { outputDict?: false },
): string;
export function classificationReport(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options?: ClassificationReportOptions,
): string | ClassificationReportDict;
export function classificationReport(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: ClassificationReportOptions = {},
): string | ClassificationReportDict {
  const fn = 'classificationReport';
  const o = readOptions(fn, options, defaults, schema);
  const [yt, yp] = checkClassificationTargets(fn, yTrue, yPred);
  const present = uniqueLabels([...yt, ...yp]);
  const labelsGiven = o.labels !== undefined && o.labels !== null;
  const labels = labelsGiven ? checkLabelsOption(fn, o.labels, yt) : present;
  const labelSet = new Set(labels);
  const microIsAccuracy = !labelsGiven || (labelSet.size === present.length && present.every((l) => labelSet.has(l)));

  let targetNames: string[];
  if (o.targetNames !== undefined && o.targetNames !== null) {
    if (!Array.isArray(o.targetNames) || !o.targetNames.every((t) => typeof t === 'string')) {
      throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'targetNames', expected: 'an array of strings', received: String(o.targetNames) });
    }
    if (o.targetNames.length !== labels.length) {
      if (!labelsGiven) {
        throw new ValidationError({
          code: 'invalid_option',
          estimator: fn,
          param: 'targetNames',
          expected: `one name per class (${labels.length}); give the labels option to report other labels`,
          received: `${o.targetNames.length} names`,
        });
      }
      warn(new TypelearnWarning(`labels size, ${labels.length}, does not match size of targetNames, ${o.targetNames.length}`, fn));
    }
    targetNames = o.targetNames;
  } else {
    targetNames = labels.map(labelText);
  }

  const prf = (average: Average | null) =>
    computePrf(
      fn,
      yt,
      yp,
      { ...readPrfOptions(fn, { labels, sampleWeight: o.sampleWeight, zeroDivision: o.zeroDivision }, average, false) },
      ['precision', 'recall', 'f-score'],
    );
  const per = prf(null);
  const p = per.precision as number[];
  const r = per.recall as number[];
  const f = per.fScore as number[];
  const s = per.support as number[];
  // Python's zip stops at the shorter of the names and the labels.
  const nRows = Math.min(targetNames.length, labels.length);
  // scikit-learn's supports are floats (printed '3.0') with sample weights, and also when no sample
  // at all is predicted right (its counting then starts from a float array).
  const weighted = o.sampleWeight !== undefined && o.sampleWeight !== null;
  let anyRight = false;
  for (let i = 0; i < yt.length && !anyRight; i++) anyRight = yt[i] === yp[i];
  const floatSupport = weighted || !anyRight;
  const supportText = (v: number) => (floatSupport ? formatRepr(v) : String(v));
  const totalSupport = sum(s);

  const averages: Array<['micro' | 'macro' | 'weighted', string]> = [
    ['micro', microIsAccuracy ? 'accuracy' : 'micro avg'],
    ['macro', 'macro avg'],
    ['weighted', 'weighted avg'],
  ];

  if (o.outputDict) {
    // A null-prototype object: a label such as '__proto__' is a key like any other, never the prototype.
    const out = Object.create(null) as Record<string, ClassificationReportEntry | number>;
    for (let i = 0; i < nRows; i++) out[targetNames[i]] = { precision: p[i], recall: r[i], 'f1-score': f[i], support: s[i] };
    for (const [average, heading] of averages) {
      const a = prf(average);
      if (heading === 'accuracy') out.accuracy = a.precision as number;
      else out[heading] = { precision: a.precision as number, recall: a.recall as number, 'f1-score': a.fScore as number, support: totalSupport };
    }
    return out as unknown as ClassificationReportDict;
  }

  const digits = o.digits as number;
  const headers = ['precision', 'recall', 'f1-score', 'support'];
  const nameWidth = Math.max(...targetNames.slice(0, nRows).map((t) => [...t].length), 0);
  const width = Math.max(nameWidth, 'weighted avg'.length, digits);
  const row = (name: string, cells: string[]) => `${padLeft(name, width)} ${cells.map((c) => ` ${padLeft(c, 9)}`).join('')}\n`;
  let report = `${padLeft('', width)} ${headers.map((h) => ` ${padLeft(h, 9)}`).join('')}`;
  report += '\n\n';
  for (let i = 0; i < nRows; i++) {
    report += row(targetNames[i], [formatFixed(p[i], digits), formatFixed(r[i], digits), formatFixed(f[i], digits), supportText(s[i])]);
  }
  report += '\n';
  for (const [average, heading] of averages) {
    const a = prf(average);
    const total = supportText(totalSupport);
    if (heading === 'accuracy') {
      report += row(heading, ['', '', formatFixed(a.fScore as number, digits), total]);
    } else {
      report += row(heading, [formatFixed(a.precision as number, digits), formatFixed(a.recall as number, digits), formatFixed(a.fScore as number, digits), total]);
    }
  }
  return report;
}
