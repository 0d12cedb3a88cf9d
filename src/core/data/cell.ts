/**
 * The one rule for a cell of numeric input, shared by every way data enter typelearn: rows of
 * arrays, rows of typed arrays, ml-matrix matrices, records and mixed rows read by
 * ColumnTransformer, the numeric path of SimpleImputer and the other table readers.
 *
 * | cell                            | verdict                                                    |
 * |---------------------------------|------------------------------------------------------------|
 * | a finite number                 | the number                                                 |
 * | `NaN`, `null`, `undefined`      | missing (NaN); rejected where the estimator takes no NaN   |
 * | `Infinity`, `-Infinity`         | rejected, always                                           |
 * | a boolean, a string (`'1'` too), anything else | rejected: not a number                      |
 *
 * Booleans and numeric strings are not converted: scikit-learn rejects strings in numeric input
 * (`dtype='numeric'`), and typelearn's encoders and SimpleImputer treat booleans as categories, so
 * a numeric transformer that silently read `true` as 1 would disagree with them. Map such columns
 * yourself (`Number(v)`) or send them to an encoder.
 */
import { ValidationError, describeValue } from '../errors';

/** The verdict on one cell. */
export type CellKind = 'number' | 'missing' | 'infinite' | 'not-a-number';

/** Classifies one cell under the rule above. */
export function cellKind(v: unknown): CellKind {
  if (typeof v === 'number') {
    if (v - v === 0) return 'number';
    return Number.isNaN(v) ? 'missing' : 'infinite';
  }
  return v === null || v === undefined ? 'missing' : 'not-a-number';
}

/** A cell as a number: the number itself, or NaN for a missing cell; undefined when the rule rejects it. */
export function cellNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v - v === 0 || Number.isNaN(v) ? v : undefined;
  return v === null || v === undefined ? NaN : undefined;
}

/** Where a rejected cell sits and who rejects it, for {@link cellError}. */
export interface CellContext {
  estimator?: string;
  /** The argument's name (default 'X'). */
  param?: string;
  /** The cell's place, e.g. "row 3, column 1" or "column 'age' at row 3". */
  where: string;
  /** Added to the expectation for cells that are not numbers (what to do instead). */
  hint?: string;
}

/** The {@link ValidationError} for a cell the rule rejects (infinite, or not a number). */
export function cellError(v: unknown, c: CellContext): ValidationError {
  const param = c.param ?? 'X';
  if (typeof v === 'number') {
    const expected = `finite numbers${c.hint ? ` ${c.hint}` : ''}`;
    return new ValidationError({ code: 'invalid_input', estimator: c.estimator, param, expected, received: `${v} at ${c.where}` });
  }
  const why =
    typeof v === 'boolean'
      ? ' (booleans are categories: encode them, e.g. with OneHotEncoder, or map them to 0 / 1 first)'
      : typeof v === 'string'
        ? v.trim() !== '' && Number.isFinite(Number(v))
          ? ' (numeric strings are not converted: parse them first, e.g. with Number)'
          : ' (strings are categories: encode them, e.g. with OneHotEncoder)'
        : '';
  return new ValidationError({
    code: 'invalid_input',
    estimator: c.estimator,
    param,
    expected: `numbers${c.hint ? ` ${c.hint}` : ''}${why}`,
    received: `${describeValue(v)} at ${c.where}`,
  });
}
