/**
 * The kernel behind precision, recall, F-beta and their support: per-label counts of true positives,
 * predicted and true samples, then the divisions and averages exactly as scikit-learn's
 * `precision_recall_fscore_support` does them (same order of operations, same zero-division rules,
 * same warnings).
 */
import { TypelearnWarning, ValidationError, describeValue, warn } from '../core/errors';
import { anything, nullable, num, oneOf, type ParamSpec } from '../core/params';
import type { Label } from '../core/types';
import { uniqueLabels } from '../core/validation';
import { readOptions } from '../core/readOptions';
import { checkClassificationTargets, checkLabelsOption, checkWeights, normalizePosLabel } from './_checks';
import { average as npAverage, sum } from '../core/numpySum';
import { UndefinedMetricWarning } from './UndefinedMetricWarning';

/** How per-label scores are combined. `null` returns one score per label. */
export type Average = 'binary' | 'macro' | 'micro' | 'weighted';

/** The value a score takes when its denominator is zero; `'warn'` means 0 plus an {@link UndefinedMetricWarning}. */
export type ZeroDivision = 'warn' | 0 | 1;

/** Options shared by precision, recall, F-scores and `precisionRecallFscoreSupport`. */
export interface PrfOptions {
  /**
   * The labels to score, in this order (a subset of the data's labels, or labels absent from it).
   * Ignored with `average: 'binary'`.
   * @defaultValue all labels of yTrue and yPred, sorted
   */
  labels?: Label[];
  /**
   * The positive class when `average` is `'binary'`.
   * @defaultValue 1
   */
  posLabel?: Label;
  /**
   * `'binary'`: the score of `posLabel` only (binary targets); `'micro'`: from the total counts;
   * `'macro'`: the unweighted mean over labels; `'weighted'`: the mean weighted by support;
   * `null`: one score per label.
   * @defaultValue 'binary'
   */
  average?: Average | null;
  /** Per-sample weights. */
  sampleWeight?: ArrayLike<number>;
  /**
   * The value of a score whose denominator is zero: 0, 1, or `'warn'` (0 plus an
   * {@link UndefinedMetricWarning}).
   * @defaultValue 'warn'
   */
  zeroDivision?: ZeroDivision;
}

/** Which scores a caller reports on, for the zero-division warnings (scikit-learn's `warn_for`). */
export type WarnFor = ReadonlyArray<'precision' | 'recall' | 'f-score'>;

export interface PrfResult {
  precision: number | number[];
  recall: number | number[];
  fScore: number | number[];
  support: number[] | null;
}

interface ResolvedOptions {
  labels: Label[] | undefined;
  posLabel: Label;
  average: Average | null;
  sampleWeight: ArrayLike<number> | undefined;
  zeroDivision: ZeroDivision;
  beta: number;
}

const labelSpec: ParamSpec = {
  description: 'a label (a number, string or boolean)',
  check: (v) => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean',
};

/** The option rules shared by the precision/recall family. */
export const prfSchema = {
  labels: anything(),
  posLabel: labelSpec,
  average: nullable(oneOf('binary', 'macro', 'micro', 'weighted')),
  sampleWeight: anything(),
  zeroDivision: oneOf<string | number>('warn', 0, 1),
  beta: num({ min: 0 }),
};

/** Reads and checks the options of a precision/recall function. */
export function readPrfOptions(fn: string, options: unknown, defaultAverage: Average | null, withBeta: boolean): ResolvedOptions {
  const defaults: ResolvedOptions = {
    labels: undefined,
    posLabel: 1,
    average: defaultAverage,
    sampleWeight: undefined,
    zeroDivision: 'warn',
    beta: 1,
  };
  if (!withBeta && options && typeof options === 'object' && 'beta' in options && (options as { beta?: unknown }).beta !== undefined) {
    throw new ValidationError({ code: 'unknown_option', estimator: fn, param: 'beta', message: `${fn} has no option 'beta'; use fbetaScore for F-beta scores.` });
  }
  return readOptions(fn, options, defaults, prfSchema);
}

function warnPrf(fn: string, modifier: string, msgStart: string, resultSize: number): void {
  const where = resultSize === 1 ? 'due to' : 'in labels with';
  warn(
    new UndefinedMetricWarning(
      `${msgStart} ill-defined and being set to 0.0 ${where} no ${modifier} samples. Use \`zeroDivision\` option to control this behavior.`,
      fn,
    ),
  );
}

function prfDivide(
  fn: string,
  num: Float64Array,
  den: Float64Array,
  metric: 'precision' | 'recall',
  modifier: string,
  warnFor: WarnFor,
  zeroDivision: ZeroDivision,
): Float64Array {
  const out = new Float64Array(num.length);
  let any = false;
  for (let i = 0; i < num.length; i++) {
    if (den[i] === 0) {
      any = true;
      out[i] = zeroDivision === 1 ? 1 : 0;
    } else {
      out[i] = num[i] / den[i];
    }
  }
  if (!any || zeroDivision !== 'warn' || !warnFor.includes(metric)) return out;
  const title = metric === 'precision' ? 'Precision' : 'Recall';
  const msgStart = warnFor.includes('f-score') ? `${title} and F-score are` : `${title} is`;
  warnPrf(fn, modifier, msgStart, out.length);
  return out;
}

/** The per-label counts scikit-learn's multilabel confusion matrix gives, for the requested labels. */
export function labelCounts(
  yTrue: readonly Label[],
  yPred: readonly Label[],
  labels: readonly Label[],
  w: Float64Array | undefined,
): { tp: Float64Array; predSum: Float64Array; trueSum: Float64Array } {
  const index = new Map<Label, number>();
  for (const l of labels) if (!index.has(l)) index.set(l, index.size);
  const m = index.size;
  const tpAll = new Float64Array(m);
  const predAll = new Float64Array(m);
  const trueAll = new Float64Array(m);
  for (let i = 0; i < yTrue.length; i++) {
    const wi = w ? w[i] : 1;
    const t = index.get(yTrue[i]);
    const p = index.get(yPred[i]);
    if (t !== undefined) {
      trueAll[t] += wi;
      if (yTrue[i] === yPred[i]) tpAll[t] += wi;
    }
    if (p !== undefined) predAll[p] += wi;
  }
  const k = labels.length;
  const tp = new Float64Array(k);
  const predSum = new Float64Array(k);
  const trueSum = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const c = index.get(labels[j]) as number;
    tp[j] = tpAll[c];
    // tp + fp and tp + fn, rounded as scikit-learn rounds them.
    predSum[j] = tpAll[c] + (predAll[c] - tpAll[c]);
    trueSum[j] = tpAll[c] + (trueAll[c] - tpAll[c]);
  }
  return { tp, predSum, trueSum };
}

/** Resolves the labels to score, as scikit-learn's `_check_set_wise_labels`. */
function setWiseLabels(fn: string, yTrue: Label[], yPred: Label[], o: ResolvedOptions): Label[] {
  const present = uniqueLabels([...yTrue, ...yPred]);
  const labels = o.labels === undefined ? undefined : checkLabelsOption(fn, o.labels, yTrue);
  if (o.average === 'binary') {
    if (present.length > 2) {
      throw new ValidationError({
        code: 'invalid_option',
        estimator: fn,
        param: 'average',
        expected: `one of 'macro', 'micro', 'weighted' or null: the target is multiclass (labels ${present.map((l) => describeValue(l)).join(', ')})`,
        received: "'binary'",
      });
    }
    const pos = normalizePosLabel(o.posLabel, yTrue);
    if (!present.includes(pos) && present.length >= 2) {
      throw new ValidationError({
        code: 'invalid_option',
        estimator: fn,
        param: 'posLabel',
        expected: `one of the labels ${present.map((l) => describeValue(l)).join(', ')}`,
        received: describeValue(o.posLabel),
      });
    }
    return [pos];
  }
  if (o.posLabel !== 1) {
    warn(
      new TypelearnWarning(
        `Note that posLabel (set to ${describeValue(o.posLabel)}) is ignored when average != 'binary' (got ${describeValue(o.average)}). You may use labels: [posLabel] to specify a single positive class.`,
        fn,
      ),
    );
  }
  return labels ?? present;
}

/** Computes precision, recall, F-beta and support as scikit-learn's `precision_recall_fscore_support`. */
export function computePrf(fn: string, yTrue: unknown, yPred: unknown, o: ResolvedOptions, warnFor: WarnFor): PrfResult {
  const [yt, yp] = checkClassificationTargets(fn, yTrue, yPred);
  const w = checkWeights(fn, o.sampleWeight, yt.length);
  const labels = setWiseLabels(fn, yt, yp, o);
  let { tp, predSum, trueSum } = labelCounts(yt, yp, labels, w);
  if (o.average === 'micro') {
    tp = Float64Array.of(sum(tp));
    predSum = Float64Array.of(sum(predSum));
    trueSum = Float64Array.of(sum(trueSum));
  }
  const precision = prfDivide(fn, tp, predSum, 'precision', 'predicted', warnFor, o.zeroDivision);
  const recall = prfDivide(fn, tp, trueSum, 'recall', 'true', warnFor, o.zeroDivision);
  if (o.zeroDivision === 'warn' && warnFor.length === 1 && warnFor[0] === 'f-score') {
    let ill = false;
    for (let i = 0; i < trueSum.length; i++) if (trueSum[i] === 0 && predSum[i] === 0) ill = true;
    if (ill) warnPrf(fn, 'true nor predicted', 'F-score is', trueSum.length);
  }
  const fScore = new Float64Array(precision.length);
  const beta2 = o.beta * o.beta;
  for (let i = 0; i < fScore.length; i++) {
    if (o.beta === Infinity) {
      fScore[i] = recall[i];
    } else {
      let denom = beta2 * precision[i] + recall[i];
      if (denom === 0) denom = 1;
      fScore[i] = ((1 + beta2) * precision[i] * recall[i]) / denom;
    }
  }
  if (o.average === null) {
    return { precision: Array.from(precision), recall: Array.from(recall), fScore: Array.from(fScore), support: Array.from(trueSum) };
  }
  let weights: Float64Array | undefined;
  if (o.average === 'weighted') {
    weights = trueSum;
    if (sum(trueSum) === 0) {
      const z = o.zeroDivision === 1 ? 1 : 0;
      if (sum(predSum) === 0) return { precision: z, recall: z, fScore: z, support: null };
      return { precision: 0, recall: z, fScore: 0, support: null };
    }
  }
  return {
    precision: npAverage(precision, weights),
    recall: npAverage(recall, weights),
    fScore: npAverage(fScore, weights),
    support: null,
  };
}
