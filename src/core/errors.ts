/**
 * Errors and warnings of typelearn. Errors are data: each carries a `code` and structured fields,
 * and its English message is made from them, so programs can branch on `code` and people can read
 * `message`.
 */

/** What kind of problem a {@link ValidationError} reports. */
export type ValidationCode =
  /** An option's value is of the wrong type, out of range or not one of the accepted values. */
  | 'invalid_option'
  /** An option name the estimator does not have (a typo such as `gama`). */
  | 'unknown_option'
  /** An argument of a method (X, y, sampleWeight, …) is malformed. */
  | 'invalid_input'
  /** X has a different number of features from the data the estimator was fitted on. */
  | 'feature_mismatch'
  /** A saved model (JSON) is malformed, of an unknown class or of an unsupported version. */
  | 'invalid_model'
  /** A method was called that this estimator (or the last step of a pipeline) does not have. */
  | 'unsupported';

/** The structured fields of a {@link ValidationError}. */
export interface ValidationIssue {
  /** What kind of problem it is (see {@link ValidationCode}). */
  code: ValidationCode;
  /** The class whose method or option is at fault, e.g. `'SVC'`. */
  estimator?: string;
  /** The option or argument at fault, e.g. `'C'` or `'X'`. */
  param?: string;
  /** What would have been accepted, in words. */
  expected?: string;
  /** What came instead, in words. */
  received?: string;
  /** A complete message, used instead of the one made from the fields. */
  message?: string;
}

/** Describes any value briefly for an error message: `-1`, `'foo'`, `an array of length 3`, … */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  if (typeof value === 'string') return value.length > 60 ? `'${value.slice(0, 57)}...'` : `'${value}'`;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return `a function${value.name ? ` (${value.name})` : ''}`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  const name = (value as { constructor?: { className?: unknown; name?: unknown } }).constructor;
  if (name && typeof name.className === 'string') return `an instance of ${name.className}`;
  return 'an object';
}

function formatIssue(issue: ValidationIssue): string {
  if (issue.message) return issue.message;
  const est = issue.estimator ?? 'typelearn';
  switch (issue.code) {
    case 'invalid_option':
      return `The '${issue.param}' option of ${est} must be ${issue.expected}. Got ${issue.received}.`;
    case 'unknown_option':
      return `${est} has no option '${issue.param}'. ${issue.expected ? `Valid options: ${issue.expected}.` : ''}`.trim();
    case 'invalid_model':
      return `Cannot load model: ${issue.param ? `${issue.param} ` : ''}${issue.expected ? `must be ${issue.expected}` : 'is malformed'}${issue.received ? `. Got ${issue.received}` : ''}.`;
    default:
      return `${est}: ${issue.param ?? 'the input'} must be ${issue.expected ?? 'valid'}${issue.received ? `. Got ${issue.received}` : ''}.`;
  }
}

/**
 * Thrown for bad options, bad input data and malformed saved models.
 * @example
 * ```ts
 * import { StandardScaler, ValidationError } from 'typelearn';
 *
 * try {
 *   new StandardScaler().fit([[1, 2], [3]]);
 * } catch (e) {
 *   if (e instanceof ValidationError) console.log(e.code, e.estimator, e.param); // invalid_input StandardScaler X
 * }
 * ```
 */
export class ValidationError extends Error implements ValidationIssue {
  /**
   * What kind of problem it is: `invalid_option`, `invalid_input`, `feature_mismatch`, … (see {@link
   * ValidationCode}).
   */
  declare readonly code: ValidationCode;
  /** The class whose method or option is at fault, e.g. `SVC`. */
  declare readonly estimator?: string;
  /** The option or argument at fault, e.g. `C` or `X`. */
  declare readonly param?: string;
  /** What would have been accepted, in words. */
  declare readonly expected?: string;
  /** What came instead, in words. */
  declare readonly received?: string;

  constructor(issue: ValidationIssue) {
    super(formatIssue(issue));
    this.code = issue.code;
    this.estimator = issue.estimator;
    this.param = issue.param;
    this.expected = issue.expected;
    this.received = issue.received;
    this.name = 'ValidationError';
  }
}

/**
 * Thrown when a fitted attribute or a method that needs a fitted model is used before `fit`.
 * @example
 * ```ts
 * import { NotFittedError, StandardScaler } from 'typelearn';
 *
 * try {
 *   new StandardScaler().transform([[1, 2]]);
 * } catch (e) {
 *   console.log(e instanceof NotFittedError, (e as NotFittedError).estimator); // true StandardScaler
 * }
 * ```
 */
export class NotFittedError extends Error {
  /** Always `not_fitted`. */
  readonly code = 'not_fitted' as const;
  /** The class that was used before `fit`. */
  declare readonly estimator: string;

  constructor(estimator: string, attribute?: string) {
    super(
      `This ${estimator} instance is not fitted yet${attribute ? ` (reading '${attribute}')` : ''}. ` +
        `Call 'fit' with appropriate arguments before using this estimator.`,
    );
    this.estimator = estimator;
    this.name = 'NotFittedError';
  }
}

/**
 * Base of typelearn's warnings. Warnings are not thrown: they go to the handler set by {@link setWarningHandler}.
 * @example
 * ```ts
 * import { TypelearnWarning, setWarningHandler, warn } from 'typelearn';
 *
 * const seen: string[] = [];
 * const previous = setWarningHandler((w) => { seen.push(`${w.code}: ${w.message}`); });
 * warn(new TypelearnWarning('something to know', 'MyEstimator'));
 * setWarningHandler(previous);
 * console.log(seen); // [ 'warning: something to know' ]
 * ```
 */
export class TypelearnWarning extends Error {
  /** What kind of warning it is: `convergence`, `verbose`, `undefined_metric`, … (each subclass sets its own). */
  readonly code: string = 'warning';
  /** The class that emitted the warning, when there is one. */
  declare readonly estimator?: string;
  /**
   * Set on a warning raised in a worker (by `fitAsync`, `crossValidateAsync`) and re-emitted in the
   * calling thread: which task raised it. Undefined for a warning raised in this thread.
   */
  declare origin?: WarningOrigin;
  constructor(message: string, estimator?: string) {
    super(message);
    this.estimator = estimator;
    this.name = 'TypelearnWarning';
  }
}

/**
 * Where a warning re-emitted from a worker came from: the function that ran the task (e.g.
 * `'GridSearchCV'`), and the candidate's options and split index of a search's fit, or the range of
 * tree indices of a forest's task.
 */
export interface WarningOrigin {
  /** The function or class that ran the task, e.g. `'GridSearchCV'`. */
  task: string;
  /** The options of the search candidate being fitted (null when the task has none). */
  params?: Record<string, unknown> | null;
  /** The index of the cross-validation split being fitted. */
  split?: number;
  /** The range `[start, end)` of the forest's trees the task grew. */
  trees?: [number, number];
}

/**
 * A solver stopped at its iteration limit before meeting its tolerance; the best result so far is kept.
 * @example
 * ```ts
 * import { ConvergenceWarning, LogisticRegression, loadIris, setWarningHandler } from 'typelearn';
 *
 * const { data, target } = loadIris();
 * const warnings: string[] = [];
 * const previous = setWarningHandler((w) => { if (w instanceof ConvergenceWarning) warnings.push(w.estimator ?? ''); });
 * new LogisticRegression({ maxIter: 2 }).fit(data, target);
 * setWarningHandler(previous);
 * console.log(warnings); // [ 'LogisticRegression' ]
 * ```
 */
export class ConvergenceWarning extends TypelearnWarning {
  /** Always `convergence`. */
  override readonly code = 'convergence';
  constructor(message: string, estimator?: string) {
    super(message, estimator);
    this.name = 'ConvergenceWarning';
  }
}

/**
 * A progress line asked for with a `verbose` option (e.g. `new Pipeline({ steps, verbose: true })`'s
 * `[Pipeline] (step 1 of 2) Processing scale, total=0.0s`). It goes to the same handler as the
 * warnings, so {@link setWarningHandler} captures or silences it; the default handler prints it
 * with `console.log`, as scikit-learn prints it.
 * @example
 * ```ts
 * import { Pipeline, StandardScaler, VerboseMessage, setWarningHandler } from 'typelearn';
 *
 * const lines: string[] = [];
 * const previous = setWarningHandler((w) => { if (w instanceof VerboseMessage) lines.push(w.message); });
 * new Pipeline({ steps: [['scale', new StandardScaler()]], verbose: true }).fit([[1], [2]]);
 * setWarningHandler(previous);
 * console.log(lines[0].startsWith('[Pipeline] (step 1 of 1) Processing scale')); // true
 * ```
 */
export class VerboseMessage extends TypelearnWarning {
  /** Always `verbose`. */
  override readonly code = 'verbose';
  constructor(message: string, estimator?: string) {
    super(message, estimator);
    this.name = 'VerboseMessage';
  }
}

/** Receives every warning (and verbose message) typelearn emits. */
export type WarningHandler = (warning: TypelearnWarning) => void;

const defaultHandler: WarningHandler = (w) => {
  // The one place the library writes to the console; replace it with setWarningHandler.
  if (w.code === 'verbose') console.log(w.message);
  else console.warn(`${w.name}: ${w.message}`);
};
let handler: WarningHandler = defaultHandler;

/**
 * Replaces the warning handler (pass `undefined` to restore the default, which prints with
 * `console.warn`). Returns the previous handler so callers can restore it.
 * @example
 * ```ts
 * import { setWarningHandler, ConvergenceWarning } from 'typelearn';
 * const seen: string[] = [];
 * const previous = setWarningHandler((w) => { seen.push(w.code); });
 * // ... fit models ...
 * setWarningHandler(previous);
 * ```
 */
export function setWarningHandler(next: WarningHandler | undefined): WarningHandler {
  const previous = handler;
  handler = next ?? defaultHandler;
  return previous;
}

/**
 * Emits a warning through the current handler.
 * @example
 * ```ts
 * import { ConvergenceWarning, setWarningHandler, warn } from 'typelearn';
 *
 * const codes: string[] = [];
 * const previous = setWarningHandler((w) => { codes.push(w.code); });
 * warn(new ConvergenceWarning('my solver stopped after 10 iterations', 'MyEstimator'));
 * setWarningHandler(previous);
 * console.log(codes); // [ 'convergence' ]
 * ```
 */
export function warn(warning: TypelearnWarning): void {
  handler(warning);
}
