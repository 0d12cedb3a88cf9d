import { ValidationError, describeValue } from '../core/errors';
import { arrayOf, checkParam, nullable, oneOf, union, type ParamSpec } from '../core/params';
import { FORMAT, FORMAT_VERSION, RESTORE_STATE, encodeValue, registerEstimator, type SavedModel } from '../core/serialization';
import { refuseState } from '../core/stateSchema';
import { columnKind, type TableLike } from '../core/tabular';
import { compilePattern } from './_patternMatcher';
import { columnValues, readTable } from './_table';

/** A kind of column a {@link ColumnSelector} selects by (see `columnKind` in core). */
export type ColumnDtype = 'number' | 'string' | 'boolean';

/** Options of {@link ColumnSelector} (and of {@link makeColumnSelector}). */
export interface ColumnSelectorOptions {
  /**
   * A regular expression (its source, as a string) that a column name must contain a match of
   * (`RegExp.prototype.test`, like Python's `re.search`); null selects every name. Needs records.
   * It is matched by typelearn's linear-time matcher, so it is limited to the common subset
   * (literals, `.`, `\d \w \s`, classes, `^ $`, groups, `|`, `* + ? {n,m}`): a pattern read from a
   * saved model cannot stall the process, as `^(a+)+$` does in RegExp.
   * @defaultValue null
   */
  pattern: string | null;
  /** Keep only columns of these kinds (missing cells ignored); null keeps every kind. @defaultValue null */
  dtypeInclude: ColumnDtype | ColumnDtype[] | null;
  /** Leave out columns of these kinds; null leaves out none. @defaultValue null */
  dtypeExclude: ColumnDtype | ColumnDtype[] | null;
}

const DTYPE = oneOf('number', 'string', 'boolean');
const DTYPES = nullable(union(DTYPE, arrayOf(DTYPE)));
const PATTERN: ParamSpec = {
  description:
    'null or a regular expression typelearn matches in linear time (literals, ., \\d \\w \\s, classes, ^ $, groups, |, * + ? {n,m}; ' +
    'no backreferences, lookaround or \\b)',
  check(v) {
    if (v === null) return true;
    if (typeof v !== 'string') return false;
    try {
      new RegExp(v);
      compilePattern(v);
      return true;
    } catch {
      return false;
    }
  },
};

const DEFAULTS: ColumnSelectorOptions = { pattern: null, dtypeInclude: null, dtypeExclude: null };
const SCHEMA = { pattern: PATTERN, dtypeInclude: DTYPES, dtypeExclude: DTYPES };

function asList(v: ColumnDtype | ColumnDtype[] | null): ColumnDtype[] | null {
  return v === null ? null : Array.isArray(v) ? v.slice() : [v];
}

/**
 * Selects the columns of a table by name (a regular expression) and by the kind of values they
 * hold (`'number'`, `'string'`, `'boolean'`; missing cells are ignored and a column of mixed kinds
 * or of missing values only matches no kind), as scikit-learn's `make_column_selector`. Give one
 * to a {@link ColumnTransformer} as the columns of a transformer: it is evaluated on the data at
 * `fit`. It is data, not a function, so a ColumnTransformer holding one saves and loads; build it
 * with {@link makeColumnSelector}.
 * @example
 * ```ts
 * import { ColumnSelector } from 'typelearn';
 * const sel = new ColumnSelector({ dtypeInclude: 'number' });
 * console.log(sel.select([{ name: 'a', age: 3, height: null }, { name: 'b', age: 5, height: 1.2 }])); // [ 'age', 'height' ]
 * ```
 */
export class ColumnSelector {
  static readonly className = 'ColumnSelector';
  static readonly defaults: ColumnSelectorOptions = DEFAULTS;
  static readonly paramSchema = SCHEMA;
  /** No fitted state (see `core/stateSchema.ts`). */
  static readonly stateSchema = null;

  /** The pattern column names must match (null: any name). */
  readonly pattern: string | null;
  /** The column kinds selected (null: any kind). */
  readonly dtypeInclude: ColumnDtype[] | null;
  /** The column kinds left out (null: none). */
  readonly dtypeExclude: ColumnDtype[] | null;

  constructor(options: Partial<ColumnSelectorOptions> = {}) {
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new ValidationError({ code: 'invalid_option', estimator: 'ColumnSelector', param: 'options', expected: 'an options object', received: describeValue(options) });
    }
    for (const [k, v] of Object.entries(options)) if (v !== undefined) checkParam('ColumnSelector', k, v, DEFAULTS, SCHEMA);
    this.pattern = options.pattern ?? null;
    this.dtypeInclude = asList(options.dtypeInclude ?? null);
    this.dtypeExclude = asList(options.dtypeExclude ?? null);
    Object.freeze(this);
  }

  /** The options (a copy). */
  get options(): ColumnSelectorOptions {
    return { pattern: this.pattern, dtypeInclude: this.dtypeInclude?.slice() ?? null, dtypeExclude: this.dtypeExclude?.slice() ?? null };
  }

  /**
   * The selected columns of X, in X's column order: names for records (the first record's keys),
   * indices for rows and matrices. A `pattern` needs records (rows have no column names).
   */
  select(X: TableLike): string[] | number[] {
    const table = readTable(X, 'ColumnSelector');
    if (this.pattern !== null && table.kind !== 'records') {
      throw new ValidationError({
        code: 'invalid_input',
        estimator: 'ColumnSelector',
        param: 'X',
        expected: 'records (rows as objects) when selecting by a name pattern',
        received: table.kind === 'matrix' ? 'a matrix' : 'rows of values',
      });
    }
    const keys: Array<string | number> = table.names ?? Array.from({ length: table.width }, (_, j) => j);
    // Matched in linear time, never by RegExp's backtracking: a pattern may come from a saved model.
    const re = this.pattern === null ? null : compilePattern(this.pattern);
    const out = keys.filter((key) => {
      if (re && !re.test(String(key))) return false;
      if (this.dtypeInclude === null && this.dtypeExclude === null) return true;
      const kind = columnKind(columnValues(table, key));
      if (this.dtypeInclude !== null && !(this.dtypeInclude as string[]).includes(kind)) return false;
      if (this.dtypeExclude !== null && (this.dtypeExclude as string[]).includes(kind)) return false;
      return true;
    });
    return out as string[] | number[];
  }

  /** The JSON form (as estimators'), so that a ColumnTransformer holding a selector saves. */
  toJSON(): SavedModel {
    return { format: FORMAT, version: FORMAT_VERSION, className: ColumnSelector.className, params: encodeValue(this.options, 'params') as Record<string, unknown>, state: null };
  }

  /** A selector has no fitted state; a saved one with state is malformed. */
  [RESTORE_STATE](state: unknown): void {
    refuseState(ColumnSelector.className, state);
  }

  /** `ColumnSelector({ dtypeInclude: 'number' })`. */
  toString(): string {
    const parts = Object.entries(this.options)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.map((x) => `'${x}'`).join(', ')}]` : `'${String(v)}'`}`);
    return `ColumnSelector(${parts.length ? `{ ${parts.join(', ')} }` : ''})`;
  }
}

registerEstimator(ColumnSelector);
