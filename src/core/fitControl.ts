/**
 * Progress reports and cancellation for long fits and searches: one shape (`FitControl`) that
 * every long fit takes as the argument after its data (`fit(X, y, { onProgress, signal })`), and
 * the cross-validation functions take in their options object.
 */
import { ValidationError, describeValue } from './errors';

/** What a long fit reports after each unit of its work. */
export interface FitProgress {
  /**
   * What one unit is: `'fit'` (one fit of a search, cross-validation or curve), `'epoch'` (SGD,
   * MLP), `'iteration'` (a boosting stage, a solver iteration), `'tree'` (a forest's tree),
   * `'estimator'` (a bagging member), `'chunk'` (a block of SMO iterations, whose total is unknown).
   */
  unit: 'fit' | 'epoch' | 'iteration' | 'tree' | 'estimator' | 'chunk';
  /** Units done so far. */
  done: number;
  /** Units planned: an upper bound where the fit may stop early (maxIter), NaN when unknown. */
  total: number;
  /** Milliseconds since the fit started. */
  elapsedMs: number;
  /** The training loss after this unit, where the estimator computes one (MLP, SGD, boosting). */
  loss?: number;
  /** A validation score after this unit, where the estimator computes one (early stopping). */
  score?: number;
}

/** The part of an `AbortSignal` a fit reads (Node's and the browsers' both fit). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

/** Progress and cancellation of one long fit: never part of the estimator's params or saved form. */
export interface FitControl {
  /** Called after every unit of work; what it throws ends the fit, the previous fitted state kept. */
  onProgress?: (progress: FitProgress) => void;
  /**
   * Checked before the first unit and after every unit: once aborted, the fit throws the signal's
   * reason (a DOMException named 'AbortError' unless the caller gave one), as the `…Async`
   * methods reject, and the previous fitted state stays. A synchronous fit holds the thread, so
   * it sees an abort made before the call or from inside `onProgress`.
   */
  signal?: AbortSignalLike;
}

/** The third argument of a fit that takes sample weights: the weights, or the weights and a control. */
export interface FitOptions extends FitControl {
  /** Per-sample weights, as the positional `sampleWeight` form. */
  sampleWeight?: ArrayLike<number> | null;
}

const CONTROL_KEYS = ['onProgress', 'signal'];

/** Throws when `signal` is aborted: its reason, or an Error named 'AbortError' when it has none. */
export function throwIfAborted(signal: AbortSignalLike | undefined): void {
  if (!signal?.aborted) return;
  if (signal.reason !== undefined) throw signal.reason;
  const e = new Error('The operation was aborted.');
  e.name = 'AbortError';
  throw e;
}

/** Checks `onProgress` and `signal` of an options object (the control or a function's options). */
export function checkControlFields(estimator: string, o: { onProgress?: unknown; signal?: unknown }): void {
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function') {
    throw new ValidationError({ code: 'invalid_option', estimator, param: 'onProgress', expected: 'a function', received: describeValue(o.onProgress) });
  }
  const s = o.signal;
  if (s !== undefined && !(typeof s === 'object' && s !== null && typeof (s as AbortSignalLike).aborted === 'boolean')) {
    throw new ValidationError({ code: 'invalid_option', estimator, param: 'signal', expected: 'an AbortSignal', received: describeValue(s) });
  }
}

function checkKeys(estimator: string, o: object, keys: string[]): void {
  for (const k of Object.keys(o)) {
    if (!keys.includes(k)) throw new ValidationError({ code: 'unknown_option', estimator, param: k, expected: keys.join(', ') });
  }
}

/** Validates the control argument of a fit that takes no sample weights. */
export function readFitControl(estimator: string, control: unknown): FitControl {
  if (control === undefined || control === null) return {};
  if (typeof control !== 'object' || Array.isArray(control) || ArrayBuffer.isView(control)) {
    throw new ValidationError({ code: 'invalid_option', estimator, param: 'control', expected: 'an object { onProgress?, signal? }', received: describeValue(control) });
  }
  checkKeys(estimator, control, CONTROL_KEYS);
  checkControlFields(estimator, control);
  return control as FitControl;
}

/** True when `v` is array-like data (an array or typed array), not an options object. */
function isArrayData(v: object): boolean {
  return Array.isArray(v) || ArrayBuffer.isView(v) || typeof (v as { length?: unknown }).length === 'number';
}

/**
 * Splits the third argument of a weighted fit: sample weights as given (an array, or null /
 * undefined), or `{ sampleWeight?, onProgress?, signal? }`.
 */
export function readFitOptions(estimator: string, arg: ArrayLike<number> | FitOptions | null | undefined): { sampleWeight: ArrayLike<number> | undefined; control: FitControl } {
  if (arg === undefined || arg === null) return { sampleWeight: undefined, control: {} };
  if (typeof arg !== 'object' || isArrayData(arg)) return { sampleWeight: arg as ArrayLike<number>, control: {} };
  checkKeys(estimator, arg, ['sampleWeight', ...CONTROL_KEYS]);
  const o = arg as FitOptions;
  checkControlFields(estimator, o);
  return { sampleWeight: o.sampleWeight ?? undefined, control: { onProgress: o.onProgress, signal: o.signal } };
}

/** Reports units of one fit to its control: `step` calls `onProgress`, then checks the signal. */
export class ProgressReporter {
  private readonly start = performance.now();

  constructor(
    private readonly control: FitControl,
    private readonly unit: FitProgress['unit'],
    private readonly total: number,
  ) {
    throwIfAborted(control.signal);
  }

  /** True when nothing listens: callers may skip computing extra fields. */
  get silent(): boolean {
    return this.control.onProgress === undefined && this.control.signal === undefined;
  }

  /** Reports `done` units (with the loss or score where known), then throws if aborted. */
  step(done: number, extra?: { loss?: number; score?: number }): void {
    const { onProgress, signal } = this.control;
    if (onProgress !== undefined) {
      const p: FitProgress = { unit: this.unit, done, total: this.total, elapsedMs: performance.now() - this.start };
      if (extra?.loss !== undefined) p.loss = extra.loss;
      if (extra?.score !== undefined) p.score = extra.score;
      onProgress(p);
    }
    throwIfAborted(signal);
  }
}
