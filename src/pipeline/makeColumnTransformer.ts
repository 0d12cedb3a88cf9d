import { ValidationError, describeValue } from '../core/errors';
import { nameEstimators } from './Pipeline';
import {
  ColumnTransformer,
  type ColumnSpec,
  type ColumnTransformerEntry,
  type ColumnTransformerOptions,
  type ColumnTransformerTransformer,
} from './ColumnTransformer';

/** Options of {@link makeColumnTransformer}: those of {@link ColumnTransformer} but the transformers. */
export type MakeColumnTransformerOptions = Partial<Omit<ColumnTransformerOptions, 'transformers'>>;

/**
 * Builds a {@link ColumnTransformer} from `[transformer, columns]` pairs, naming each transformer
 * after its class in lower case (`standardscaler`; `'drop'` and `'passthrough'` by themselves),
 * with `-1`, `-2`, … appended to names that repeat, as scikit-learn's `make_column_transformer`.
 * An options object `{ remainder, verboseFeatureNamesOut }` may come last.
 * @example
 * ```ts
 * import { makeColumnTransformer, StandardScaler, SimpleImputer } from 'typelearn';
 * const ct = makeColumnTransformer(
 *   [new SimpleImputer(), ['a']],
 *   [new StandardScaler(), ['b']],
 *   [new StandardScaler(), ['c']],
 *   { remainder: 'passthrough' },
 * );
 * console.log(ct.transformers.map(([name]) => name)); // [ 'simpleimputer', 'standardscaler-1', 'standardscaler-2' ]
 * ```
 */
export function makeColumnTransformer(
  ...args: Array<[ColumnTransformerTransformer, ColumnSpec] | MakeColumnTransformerOptions>
): ColumnTransformer {
  let options: MakeColumnTransformerOptions = {};
  const pairs = args.slice();
  const last = pairs[pairs.length - 1];
  if (last !== undefined && !Array.isArray(last)) {
    options = last;
    pairs.pop();
  }
  for (const [i, p] of pairs.entries()) {
    if (!Array.isArray(p) || p.length !== 2) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator: 'makeColumnTransformer',
        param: `arguments[${i}]`,
        expected: '[transformer, columns] pairs, then optionally an options object',
        received: describeValue(p),
      });
    }
  }
  const list = pairs as Array<[ColumnTransformerTransformer, ColumnSpec]>;
  const named = nameEstimators(list.map(([t]) => t));
  const transformers = named.map(([name, t], i): ColumnTransformerEntry => [name, t, list[i][1]]);
  return new ColumnTransformer(transformers, options);
}
