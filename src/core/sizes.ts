/**
 * Size limits. Every option or input that sets the size of something the library allocates (an
 * output matrix, a list of candidates, bins, alphas, …) is checked here against what it implies,
 * before anything is allocated, so a too-large request fails at once with a {@link ValidationError}
 * naming the option, the size it would produce and the limit, never with a hang, a `RangeError`
 * from deep inside or an out-of-memory abort of the process.
 */
import { ValidationError } from './errors';

/** The most elements (numbers) of any one array an option or input makes the library allocate: 2^31. */
export const MAX_ELEMENTS = 2 ** 31;

/**
 * The most repetitions an option may ask for where each is a separate piece of work or stored
 * result: candidates of a search (times its splits), alphas of a regularisation path, bins of one
 * feature: 2^20 (1,048,576).
 */
export const MAX_COUNT = 2 ** 20;

/** How deep estimators may nest inside one another (a pipeline in a pipeline in …): 64 levels. */
export const MAX_NESTING = 64;

/** Where a size comes from, for the error message. */
export interface SizeSource {
  /** The estimator or function, e.g. `'PolynomialFeatures'`. */
  estimator: string;
  /** The option or argument that sets the size, e.g. `'degree'` or `'X'`. */
  param: string;
  /** What is counted, in the plural, e.g. `'output elements (rows × output features)'`. */
  what: string;
  /** The limit (default {@link MAX_ELEMENTS}). */
  limit?: number;
  /** True when `param` is an argument (data) rather than an option. */
  input?: boolean;
}

/** A count for messages: exact digits while they are exact, else exponent form. */
function formatCount(n: number): string {
  return Number.isSafeInteger(n) ? String(n) : n.toExponential(3);
}

/**
 * Throws a {@link ValidationError} when `size` exceeds the limit. `size` may be any non-negative
 * number, Infinity included (compute it in floating point: only its comparison with the limit matters).
 */
export function checkSize(size: number, source: SizeSource): void {
  const limit = source.limit ?? MAX_ELEMENTS;
  if (size <= limit) return;
  const { estimator, param, what } = source;
  throw new ValidationError({
    code: source.input ? 'invalid_input' : 'invalid_option',
    estimator,
    param,
    expected: `at most ${formatCount(limit)} ${what}`,
    received: `${formatCount(size)} ${what}`,
    message:
      `${estimator}: the ${source.input ? 'argument' : 'option'} '${param}' would produce ${formatCount(size)} ${what}, ` +
      `above the limit of ${formatCount(limit)}.`,
  });
}

/** The number of k-element combinations of n items (with replacement when `withReplacement`), in floating point. */
export function countCombinations(n: number, k: number, withReplacement: boolean): number {
  const top = withReplacement ? n + k - 1 : n;
  if (k > top) return 0;
  const kk = Math.min(k, top - k);
  let c = 1;
  for (let i = 1; i <= kk && Number.isFinite(c); i++) c = (c * (top - kk + i)) / i;
  return Math.round(c);
}
