import type { Matrix } from 'ml-matrix';
import { addNestedParams, BaseEstimator, getTags, isEstimator } from '../core/base';
import { fitTransformOn, isFeatureNamer, isTransformer, type DataInput, type Transformer } from '../core/capabilities';
import { ValidationError, describeValue } from '../core/errors';
import { bool, type ParamSpec } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { EstimatorTags, MatrixLike, RecordRows, Records, Target } from '../core/types';
import { matrixFromFlat } from '../core/data/index';
import { ColumnSelector } from './ColumnSelector';
import {
  emptyOutput,
  hstack,
  numericBlock,
  outputBlock,
  readTable,
  recordsHave,
  requireColumns,
  subTable,
  type Block,
  type ColumnKey,
  type Table,
} from './_table';
import { nFeaturesIn, featureNames, stateRule, type StateSchema } from '../core/stateSchema';

/**
 * The columns a transformer of a {@link ColumnTransformer} takes: a name or names (records), an
 * index or indices (negative ones count from the end), a boolean mask over the columns, or a
 * {@link ColumnSelector} evaluated on the data at fit.
 */
export type ColumnSpec = string | number | readonly string[] | readonly number[] | readonly boolean[] | ColumnSelector;

/** A transformer of a {@link ColumnTransformer}: an estimator with fit and transform, `'drop'` or `'passthrough'`. */
export type ColumnTransformerTransformer = BaseEstimator | 'drop' | 'passthrough';

/** One entry: `[name, transformer, columns]`. */
export type ColumnTransformerEntry = [name: string, transformer: ColumnTransformerTransformer, columns: ColumnSpec];
/** An entry as the constructor takes it: a triple, readonly (`as const`) or not. */
export type ColumnTransformerEntryLike = readonly [name: string, transformer: ColumnTransformerTransformer, columns: ColumnSpec];

/** The fitted transformers by name, each with its own type: what `namedTransformers_` returns. */
export type NamedTransformersOf<Entries extends readonly ColumnTransformerEntryLike[]> = { [E in Entries[number] as E[0]]: E[1] } & {
  /** The remainder, when columns remained. */
  readonly remainder?: ColumnTransformerTransformer;
};

/** Options of {@link ColumnTransformer}. */
export interface ColumnTransformerOptions {
  /** The transformers, each applied to its columns; outputs are concatenated in this order. */
  transformers: readonly ColumnTransformerEntryLike[];
  /**
   * What happens to the columns no transformer names: dropped, passed through (they must hold
   * numbers), or given to this transformer; their output comes last. @defaultValue 'drop'
   */
  remainder: 'drop' | 'passthrough' | BaseEstimator;
  /**
   * Prefix every output feature name with its transformer's name (`num__age`,
   * `remainder__year`); without, the names must be unique. @defaultValue true
   */
  verboseFeatureNamesOut: boolean;
}

/** One fitted entry (the configured transformers, then the remainder when columns remain). */
interface FittedEntry {
  name: string;
  /** The fitted clone, or the string; a transformer given no columns stays an unfitted clone. */
  transformer: ColumnTransformerTransformer;
  /** Indices into the columns seen at fit. */
  columns: number[];
  /** Whether it was fitted and produces output. */
  active: boolean;
  /** Whether it takes its columns as a ColumnTable / rows of values rather than numbers. */
  tabular: boolean;
  start: number;
  stop: number;
}

const ENTRY_KEYS = ['name', 'transformer', 'columns', 'active', 'tabular', 'start', 'stop'];

/** Whether a loaded `entries` list matches the configured transformers (for the state rule). */
function entriesOk(v: unknown, nFeaturesIn: number, params: ColumnTransformerOptions): boolean {
  if (!Array.isArray(v)) return false;
  const configured: Array<[string, ColumnTransformerTransformer]> = params.transformers.map(([name, t]) => [name, t]);
  // The remainder entry is there exactly when the transformers leave columns unused.
  const used = new Set<unknown>();
  for (const e of v.slice(0, configured.length)) if (e !== null && typeof e === 'object' && Array.isArray((e as FittedEntry).columns)) for (const c of (e as FittedEntry).columns) used.add(c);
  if (used.size < nFeaturesIn) configured.push(['remainder', params.remainder]);
  if (v.length !== configured.length) return false;
  let at = 0;
  return v.every((e: unknown, i) => {
    if (e === null || typeof e !== 'object' || Array.isArray(e)) return false;
    const entry = e as Record<string, unknown>;
    if (Object.keys(entry).length !== ENTRY_KEYS.length || !ENTRY_KEYS.every((k) => k in entry)) return false;
    const [name, t] = configured[i];
    const { transformer, columns, active, start, stop } = entry;
    if (entry.name !== name || typeof active !== 'boolean' || typeof entry.tabular !== 'boolean') return false;
    if (!Array.isArray(columns) || !columns.every((c) => Number.isInteger(c) && c >= 0 && c < nFeaturesIn)) return false;
    if (typeof t === 'string' ? transformer !== t : !(isEstimator(transformer) && transformer.constructor === t.constructor)) return false;
    if (active && isEstimator(transformer) && !transformer.isFitted()) return false;
    if (!Number.isInteger(start) || !Number.isInteger(stop)) return false;
    if (!active) return start === 0 && stop === 0;
    if (start !== at || (stop as number) < at) return false;
    at = stop as number;
    return true;
  });
}

interface ColumnTransformerState {
  nFeaturesIn: number;
  /** The column names seen at fit, when fitted on records. */
  featureNamesIn: string[] | null;
  entries: FittedEntry[];
}

const RESERVED = new Set(['transformers', 'remainder', 'verboseFeatureNamesOut']);

/** A transformer entry: a typelearn estimator with fit and transform. */
function isStep(v: unknown): v is BaseEstimator & Transformer {
  return isEstimator(v) && isTransformer(v);
}

function isColumnSpec(c: unknown): boolean {
  if (c instanceof ColumnSelector) return true;
  if (typeof c === 'string') return true;
  if (typeof c === 'number') return Number.isInteger(c);
  if (!Array.isArray(c)) return false;
  if (c.length === 0) return true;
  const t = typeof c[0];
  if (t === 'string') return c.every((x) => typeof x === 'string');
  if (t === 'number') return c.every((x) => Number.isInteger(x));
  if (t === 'boolean') return c.every((x) => typeof x === 'boolean');
  return false;
}

const transformersSpec: ParamSpec = {
  description:
    "an array of [name, transformer | 'drop' | 'passthrough', columns] triples with distinct names free of '__' (not 'transformers', 'remainder' or 'verboseFeatureNamesOut'), " +
    'transformers having fit and transform, and columns given as names, integer indices, a boolean mask or a ColumnSelector',
  check(v) {
    if (!Array.isArray(v)) return false;
    const names = new Set<string>();
    return v.every((entry) => {
      if (!Array.isArray(entry) || entry.length !== 3) return false;
      const [name, est, cols] = entry as [unknown, unknown, unknown];
      if (typeof name !== 'string' || !name || name.includes('__') || names.has(name) || RESERVED.has(name)) return false;
      names.add(name);
      if (est !== 'drop' && est !== 'passthrough' && !isStep(est)) return false;
      return isColumnSpec(cols);
    });
  },
};

const remainderSpec: ParamSpec = {
  description: "'drop', 'passthrough' or a transformer (an estimator with fit and transform)",
  check: (v) => v === 'drop' || v === 'passthrough' || isStep(v),
};

/**
 * Applies a transformer to each group of columns and concatenates the results side by side, as
 * scikit-learn's `ColumnTransformer`: the way records from CSV or JSON (numbers, strings and gaps
 * mixed) enter a model. Each transformer gets its columns as numbers (a matrix, missing cells as
 * NaN) unless it has the `acceptsRecords` tag (encoders, string imputers, pipelines starting with
 * one): then it gets them with their strings, as a `ColumnTable` of named columns for records
 * input (read it with `toColumns`, as the encoders do) or as rows of values for array input. Columns are picked by name (records), index, boolean mask or a
 * {@link ColumnSelector}; columns no transformer names go to `remainder`. The output columns
 * follow the transformers in order, then the remainder.
 *
 * `fit` fits clones of the transformers (the configured ones are never fitted). Fitted on records,
 * `transform` needs records holding the columns used (extra keys are ignored, order does not
 * matter); fitted on rows or a matrix, it needs the same number of columns.
 *
 * Fitted attributes: `transformers_` (`[name, fitted clone | 'drop' | 'passthrough', columns]`,
 * the remainder last when columns remain; columns as names when fitted on records, indices
 * otherwise), `namedTransformers_`, `outputIndices_` (each name's `{ start, stop }` output
 * columns), `featureNamesIn_` (when fitted on records), `nFeaturesIn_`; and `getFeatureNamesOut()`.
 * @example
 * ```ts
 * import { ColumnTransformer, StandardScaler, SimpleImputer, Pipeline } from 'typelearn';
 * const records = [
 *   { age: 20, height: 1.6, city: 'Oslo' },
 *   { age: 40, height: null, city: 'Rome' },
 *   { age: 60, height: 1.8, city: 'Oslo' },
 * ];
 * const ct = new ColumnTransformer([
 *   ['age', new StandardScaler(), ['age']],
 *   ['height', new SimpleImputer({ strategy: 'mean' }), ['height']],
 * ]);
 * const Z = ct.fitTransform(records).to2DArray();
 * console.log(Z.map((r) => r.map((v) => +v.toFixed(4)))); // [ [ -1.2247, 1.6 ], [ 0, 1.7 ], [ 1.2247, 1.8 ] ]
 * console.log(ct.getFeatureNamesOut()); // [ 'age__age', 'height__height' ]
 * console.log(ct.outputIndices_.height); // { start: 1, stop: 2 }
 * ```
 */
export class ColumnTransformer<const Entries extends readonly ColumnTransformerEntryLike[] = ColumnTransformerEntry[]> extends BaseEstimator<ColumnTransformerOptions, ColumnTransformerState> {
  static override readonly className = 'ColumnTransformer';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    featureNamesIn: featureNames(),
    entries: stateRule(
      'one { name, transformer, columns, active, tabular, start, stop } per configured transformer (then the remainder), fitted where active, with consecutive output ranges',
      (v, { state, params }) => entriesOk(v, state.nFeaturesIn as number, params as unknown as ColumnTransformerOptions),
    ),
  };
  static override readonly defaults: ColumnTransformerOptions = { transformers: [], remainder: 'drop', verboseFeatureNamesOut: true };
  static override readonly paramSchema = { transformers: transformersSpec, remainder: remainderSpec, verboseFeatureNamesOut: bool() };
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'transformer', acceptsRecords: true };

  /**
   * @param transformers - `[name, transformer, columns]` triples, or one options object
   *   `{ transformers, remainder, verboseFeatureNamesOut }`.
   * @param options - `remainder` and `verboseFeatureNamesOut`, with the first form.
   */
  constructor(transformers?: Entries | Partial<ColumnTransformerOptions>, options?: Partial<Omit<ColumnTransformerOptions, 'transformers'>>) {
    const all = (Array.isArray(transformers) ? { ...options, transformers } : transformers) as Partial<ColumnTransformerOptions> | undefined;
    if (all?.transformers === undefined) {
      throw new ValidationError({ code: 'invalid_option', estimator: 'ColumnTransformer', param: 'transformers', expected: transformersSpec.description, received: 'undefined' });
    }
    super(all);
  }

  /** The transformers as configured (never fitted in place; see {@link transformers_}). */
  get transformers(): ColumnTransformerEntry[] {
    return this.params.transformers.map(([n, t, c]) => [n, t, c] as ColumnTransformerEntry);
  }

  /**
   * Tags follow the transformers: NaN is accepted when every transformer (and remainder) accepts
   * it or passes it through; removed when every one removes it.
   */
  instanceTags(): Partial<EstimatorTags> {
    const parts: ColumnTransformerTransformer[] = this.params.transformers.map(([, t]) => t);
    parts.push(this.params.remainder);
    let allowNaN = true;
    let removesNaN = true;
    let requiresY = false;
    let nonDeterministic = false;
    for (const p of parts) {
      if (p === 'drop') continue;
      if (p === 'passthrough') {
        removesNaN = false;
        continue;
      }
      const t = getTags(p);
      allowNaN &&= t.allowNaN;
      removesNaN &&= t.removesNaN;
      requiresY ||= t.requiresY;
      nonDeterministic ||= t.nonDeterministic;
    }
    return { estimatorType: 'transformer', acceptsRecords: true, allowNaN, removesNaN: removesNaN && allowNaN, requiresY, nonDeterministic };
  }

  protected override nestedEstimators(): Array<[string, BaseEstimator]> {
    const out: Array<[string, BaseEstimator]> = [];
    for (const [n, t] of this.params.transformers) if (isEstimator(t)) out.push([n, t]);
    if (isEstimator(this.params.remainder)) out.push(['remainder', this.params.remainder]);
    return out;
  }

  /** The options; with `deep`, also each transformer by name and its options as `name__option`. */
  override getParams(deep = true): ColumnTransformerOptions & Record<string, unknown> {
    const out: Record<string, unknown> = { transformers: this.transformers, remainder: this.params.remainder, verboseFeatureNamesOut: this.params.verboseFeatureNamesOut };
    if (deep) {
      for (const [name, t] of this.params.transformers) {
        out[name] = t;
        if (isEstimator(t)) addNestedParams(out, name, t);
      }
      const r = this.params.remainder;
      if (isEstimator(r)) addNestedParams(out, 'remainder', r);
    }
    return out as ColumnTransformerOptions & Record<string, unknown>;
  }

  protected override acceptsNestedReplacement(key: string, value: unknown): boolean {
    if (!this.params.transformers.some(([n]) => n === key)) return false;
    if (value !== 'drop' && value !== 'passthrough' && !isStep(value)) {
      throw new ValidationError({ code: 'invalid_option', estimator: 'ColumnTransformer', param: key, expected: "a transformer (with fit and transform), 'drop' or 'passthrough'", received: describeValue(value) });
    }
    return true;
  }

  protected override replaceNested(key: string, value: unknown): void {
    const transformers = this.params.transformers.map(([n, t, c]) => [n, n === key ? (value as ColumnTransformerTransformer) : t, c] as ColumnTransformerEntry);
    this.params = { ...this.params, transformers };
  }

  /** Resolves one column spec to indices into the table's columns (extending `names` with named columns only later records have). */
  private resolve(spec: ColumnSpec, table: Table, names: string[] | null, who: string, data: unknown): number[] {
    const width = table.width;
    const byName = (list: readonly string[]): number[] => {
      if (names === null) {
        throw new ValidationError({
          code: 'invalid_input',
          estimator: this.className,
          param: 'X',
          expected: `records (rows as objects) to select columns by name (${who} names ${list.map((n) => `'${n}'`).join(', ')}); select by index or boolean mask for rows and matrices`,
          received: table.kind === 'matrix' ? 'a matrix' : 'rows of values',
        });
      }
      const missing = list.filter((n) => !names.includes(n) && !recordsHave(table.records as RecordRows, n));
      if (missing.length) requireColumns(table, missing, this.className, `named in ${who}`);
      return list.map((n) => {
        let k = names.indexOf(n);
        if (k < 0) {
          names.push(n);
          k = names.length - 1;
        }
        return k;
      });
    };
    const byIndex = (list: readonly number[]): number[] =>
      list.map((c) => {
        if (c < -width || c >= width) {
          throw new ValidationError({ code: 'invalid_input', estimator: this.className, param: 'X', expected: `column indices in [${-width}, ${width - 1}] (${who})`, received: `index ${c} for ${width} columns` });
        }
        return c < 0 ? c + width : c;
      });
    if (spec instanceof ColumnSelector) {
      const sel = spec.select(data as MatrixLike);
      return sel.length && typeof sel[0] === 'string' ? byName(sel as string[]) : byIndex(sel as number[]);
    }
    if (typeof spec === 'string') return byName([spec]);
    if (typeof spec === 'number') return byIndex([spec]);
    if (spec.length === 0) return [];
    if (typeof spec[0] === 'boolean') {
      if (spec.length !== width) {
        throw new ValidationError({ code: 'invalid_input', estimator: this.className, param: 'X', expected: `a boolean mask of length ${width} (${who}), one entry per column`, received: `a mask of length ${spec.length}` });
      }
      const out: number[] = [];
      (spec as readonly boolean[]).forEach((b, j) => b && out.push(j));
      return out;
    }
    return typeof spec[0] === 'string' ? byName(spec as readonly string[]) : byIndex(spec as readonly number[]);
  }

  /** The keys to read for `cols` from a table (names for records, indices otherwise). */
  private keysOf(table: Table, s: { featureNamesIn: string[] | null }, cols: readonly number[]): ColumnKey[] {
    if (table.kind === 'records') {
      const names = s.featureNamesIn ?? (table.names as string[]);
      return cols.map((c) => names[c]);
    }
    return cols.slice();
  }

  /** The columns of a 'passthrough' entry, as numbers. */
  private passthroughBlock(table: Table, s: { featureNamesIn: string[] | null }, e: FittedEntry): Block {
    const who = e.name === 'remainder' ? "the remainder ('passthrough')" : `'passthrough' (entry '${e.name}')`;
    return { data: numericBlock(table, this.keysOf(table, s, e.columns), this.className, who), m: null, cols: e.columns.length };
  }

  /** The input a transformer entry receives: its columns as a ColumnTable or rows (tag acceptsRecords), else as a Matrix. */
  private inputFor(table: Table, s: { featureNamesIn: string[] | null }, e: FittedEntry, t: BaseEstimator): DataInput {
    const keys = this.keysOf(table, s, e.columns);
    if (e.tabular) return subTable(table, keys);
    return matrixFromFlat(numericBlock(table, keys, this.className, `transformer '${e.name}' (${t.className})`), table.rows, keys.length);
  }

  /** The output block of one active entry, fitting its transformer first when `fit` is given. */
  private outputOf(table: Table, s: { featureNamesIn: string[] | null }, e: FittedEntry, fit?: { y: Target | undefined }): Block {
    const t = e.transformer;
    if (t === 'passthrough') return this.passthroughBlock(table, s, e);
    if (!isStep(t)) {
      throw new ValidationError({ code: 'unsupported', estimator: this.className, message: `Entry '${e.name}' has no transformer to apply.` });
    }
    const input = this.inputFor(table, s, e, t);
    const out = fit ? fitTransformOn(t, input, fit.y) : t.transform(input);
    return outputBlock(out, table.rows, this.className, `transformer '${e.name}' (${t.className})`);
  }

  private assemble(blocks: Block[], rows: number): Matrix {
    if (blocks.length === 0) return emptyOutput(rows);
    if (blocks.length === 1) {
      const b = blocks[0];
      if (b.m) return b.m;
      return matrixFromFlat(b.data as Float64Array, rows, b.cols);
    }
    const { data, cols } = hstack(blocks, rows);
    return matrixFromFlat(data, rows, cols);
  }

  /** Fits clones of the transformers on their columns and returns the concatenated output. */
  fitTransform(X: MatrixLike | Records | ReadonlyArray<ReadonlyArray<unknown>>, y?: Target): Matrix {
    const table = readTable(X, this.className);
    const names = table.names ? table.names.slice() : null;
    const entries: FittedEntry[] = [];
    const used = new Set<number>();
    for (const [name, t, spec] of this.params.transformers) {
      const columns = this.resolve(spec, table, names, `transformer '${name}'`, X);
      for (const c of columns) used.add(c);
      const transformer = isEstimator(t) ? t.clone() : t;
      const active = t !== 'drop' && columns.length > 0;
      const tabular = isEstimator(transformer) && getTags(transformer).acceptsRecords;
      entries.push({ name, transformer, columns, active, tabular, start: 0, stop: 0 });
    }
    const nFeaturesIn = names ? names.length : table.width;
    const remaining: number[] = [];
    for (let j = 0; j < nFeaturesIn; j++) if (!used.has(j)) remaining.push(j);
    if (remaining.length) {
      const r = this.params.remainder;
      const transformer = isEstimator(r) ? r.clone() : r;
      entries.push({ name: 'remainder', transformer, columns: remaining, active: r !== 'drop', tabular: isEstimator(transformer) && getTags(transformer).acceptsRecords, start: 0, stop: 0 });
    }
    const s = { featureNamesIn: names };
    const blocks: Block[] = [];
    let at = 0;
    for (const e of entries) {
      if (!e.active) continue;
      const b = this.outputOf(table, s, e, { y });
      e.start = at;
      e.stop = at + b.cols;
      at = e.stop;
      blocks.push(b);
    }
    const result = this.assemble(blocks, table.rows);
    this.state = { nFeaturesIn, featureNamesIn: names, entries };
    return result;
  }

  /** Fits clones of the transformers on their columns. */
  fit(X: MatrixLike | Records | ReadonlyArray<ReadonlyArray<unknown>>, y?: Target): this {
    this.fitTransform(X, y);
    return this;
  }

  /** Transforms each group of columns with its fitted transformer and concatenates the results. */
  transform(X: MatrixLike | Records | ReadonlyArray<ReadonlyArray<unknown>>): Matrix {
    const s = this.fitted('transform');
    const table = readTable(X, this.className);
    if (s.featureNamesIn) {
      if (table.kind !== 'records') {
        throw new ValidationError({
          code: 'invalid_input',
          estimator: this.className,
          param: 'X',
          expected: 'records (rows as objects): this ColumnTransformer was fitted on records and selects columns by name',
          received: table.kind === 'matrix' ? 'a matrix' : 'rows of values',
        });
      }
      const needed = new Set<string>();
      for (const e of s.entries) if (e.active) for (const c of e.columns) needed.add(s.featureNamesIn[c]);
      requireColumns(table, [...needed], this.className, 'seen at fit');
    } else if (table.width !== s.nFeaturesIn) {
      throw new ValidationError({
        code: 'feature_mismatch',
        estimator: this.className,
        param: 'X',
        expected: `${s.nFeaturesIn} features`,
        received: `${table.width} features`,
        message: `X has ${table.width} features, but ColumnTransformer is expecting ${s.nFeaturesIn} features as input.`,
      });
    }
    const blocks: Block[] = [];
    for (const e of s.entries) {
      if (!e.active) continue;
      const b = this.outputOf(table, s, e);
      if (b.cols !== e.stop - e.start) {
        throw new ValidationError({ code: 'invalid_input', estimator: this.className, param: 'X', expected: `transformer '${e.name}' to output ${e.stop - e.start} columns, as at fit`, received: `${b.cols} columns` });
      }
      blocks.push(b);
    }
    return this.assemble(blocks, table.rows);
  }

  /** The fitted transformers: `[name, fitted clone | 'drop' | 'passthrough', columns]`, the remainder last. */
  get transformers_(): ColumnTransformerEntry[] {
    const s = this.fitted('transformers_');
    return s.entries.map((e) => [e.name, e.transformer, s.featureNamesIn ? e.columns.map((c) => (s.featureNamesIn as string[])[c]) : e.columns.slice()] as ColumnTransformerEntry);
  }

  /** The fitted transformers by name (the remainder included when columns remained). */
  get namedTransformers_(): NamedTransformersOf<Entries> {
    const out: Record<string, ColumnTransformerTransformer> = {};
    for (const e of this.fitted('namedTransformers_').entries) out[e.name] = e.transformer;
    return out as NamedTransformersOf<Entries>;
  }

  /** Each transformer's output columns `[start, stop)`; `{ start: 0, stop: 0 }` for those without output. */
  get outputIndices_(): Record<
    string,
    {
      /** The first output column. */
      start: number;
      /** One past the last output column. */
      stop: number;
    }
  > {
    const s = this.fitted('outputIndices_');
    const out: Record<string, { start: number; stop: number }> = {};
    for (const e of s.entries) out[e.name] = e.active ? { start: e.start, stop: e.stop } : { start: 0, stop: 0 };
    for (const [n] of this.params.transformers) out[n] ??= { start: 0, stop: 0 };
    out.remainder ??= { start: 0, stop: 0 };
    return out;
  }

  /**
   * The output feature names: each transformer's `getFeatureNamesOut` of its input names (the
   * record keys, else `x0`, `x1`, …), prefixed `name__` with `verboseFeatureNamesOut`.
   * @param inputFeatures - names of the input columns, replacing those seen at fit.
   */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    const s = this.fitted('getFeatureNamesOut');
    let input: string[];
    if (inputFeatures !== undefined) {
      if (!Array.isArray(inputFeatures) || inputFeatures.length !== s.nFeaturesIn) {
        throw new ValidationError({ code: 'invalid_input', estimator: this.className, param: 'inputFeatures', expected: `an array of ${s.nFeaturesIn} names`, received: describeValue(inputFeatures) });
      }
      if (s.featureNamesIn && inputFeatures.some((n, j) => n !== (s.featureNamesIn as string[])[j])) {
        throw new ValidationError({ code: 'invalid_input', estimator: this.className, param: 'inputFeatures', expected: `the names seen at fit (${s.featureNamesIn.map((n) => `'${n}'`).join(', ')})`, received: inputFeatures.map((n) => `'${n}'`).join(', ') });
      }
      input = inputFeatures.map(String);
    } else input = s.featureNamesIn ? s.featureNamesIn.slice() : Array.from({ length: s.nFeaturesIn }, (_, j) => `x${j}`);
    const groups: Array<[string, string[]]> = [];
    for (const e of s.entries) {
      if (!e.active) continue;
      const names = e.columns.map((c) => input[c]);
      if (e.transformer === 'passthrough') {
        groups.push([e.name, names]);
        continue;
      }
      const t = e.transformer;
      if (!isFeatureNamer(t)) {
        throw new ValidationError({ code: 'unsupported', estimator: this.className, message: `Transformer '${e.name}' (${t === 'drop' ? "'drop'" : t.className}) does not provide getFeatureNamesOut.` });
      }
      groups.push([e.name, t.getFeatureNamesOut(names).map(String)]);
    }
    if (this.params.verboseFeatureNamesOut) return groups.flatMap(([n, f]) => f.map((x) => `${n}__${x}`));
    const all = groups.flatMap(([, f]) => f);
    const counts = new Map<string, number>();
    for (const n of all) counts.set(n, (counts.get(n) ?? 0) + 1);
    const dup = [...counts].filter(([, c]) => c > 1).map(([n]) => n).sort();
    if (dup.length) {
      throw new ValidationError({
        code: 'unsupported',
        estimator: this.className,
        message: `Output feature names: ${dup.slice(0, 5).map((n) => `'${n}'`).join(', ')}${dup.length > 5 ? ', ...' : ''} are not unique. Set verboseFeatureNamesOut to true to add prefixes to feature names.`,
      });
    }
    return all;
  }
}

registerEstimator(ColumnTransformer);
