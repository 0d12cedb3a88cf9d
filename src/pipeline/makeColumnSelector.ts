import { ColumnSelector, type ColumnSelectorOptions } from './ColumnSelector';

/**
 * Builds a {@link ColumnSelector}: columns of a table chosen at fit by name (`pattern`, a regular
 * expression searched in each name) and by kind of values (`dtypeInclude`, `dtypeExclude`: `'number'`,
 * `'string'`, `'boolean'` or an array of them), as scikit-learn's `make_column_selector`. Use it as
 * the columns of a {@link ColumnTransformer} entry.
 * @example
 * ```ts
 * import { makeColumnSelector, ColumnTransformer, StandardScaler } from 'typelearn';
 * const records = [{ id: 'a', weight: 10, height: 1 }, { id: 'b', weight: 30, height: 3 }];
 * console.log(makeColumnSelector({ dtypeExclude: 'string' }).select(records)); // [ 'weight', 'height' ]
 * console.log(makeColumnSelector({ pattern: '^h' }).select(records)); // [ 'height' ]
 * const ct = new ColumnTransformer([['num', new StandardScaler(), makeColumnSelector({ dtypeInclude: 'number' })]]);
 * console.log(ct.fitTransform(records).to2DArray()); // [ [ -1, -1 ], [ 1, 1 ] ]
 * ```
 */
export function makeColumnSelector(options: Partial<ColumnSelectorOptions> = {}): ColumnSelector {
  return new ColumnSelector(options);
}
