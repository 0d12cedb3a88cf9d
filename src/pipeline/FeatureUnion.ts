import type { Matrix } from 'ml-matrix';
import { addNestedParams, BaseEstimator, getTags, isEstimator, oneToOneFeatureNames } from '../core/base';
import { fitTransformOn, isFeatureNamer, isTransformer, type Transformer } from '../core/capabilities';
import { ValidationError, describeValue } from '../core/errors';
import { nullable, record, num, type ParamSpec } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { EstimatorTags, MatrixLike, Records, Target } from '../core/types';
import { matrixFromFlat } from '../core/data/index';
import { emptyOutput, hstack, numericBlock, outputBlock, readTable, type Block, type Table } from './_table';
import { nFeaturesIn, featureNames, fittedSteps, numberArray, type StateSchema } from '../core/stateSchema';

/** A transformer of a {@link FeatureUnion}: an estimator with fit and transform, `'drop'` or `'passthrough'`. */
export type FeatureUnionTransformer = BaseEstimator | 'drop' | 'passthrough';

/** One named transformer. */
export type FeatureUnionEntry = [name: string, transformer: FeatureUnionTransformer];
/** An entry as the constructor takes it: a pair, readonly (`as const`) or not. */
export type FeatureUnionEntryLike = readonly [name: string, transformer: FeatureUnionTransformer];

/** The fitted transformers by name, each with its own type: what `namedTransformers_` returns. */
export type FeatureUnionNamedTransformersOf<Entries extends readonly FeatureUnionEntryLike[]> = { [E in Entries[number] as E[0]]: E[1] };

/** Options of {@link FeatureUnion}. */
export interface FeatureUnionOptions {
  /** The transformers, each fitted on the whole input; outputs are concatenated in this order. */
  transformerList: readonly FeatureUnionEntryLike[];
  /** A multiplier of each transformer's output, by name (1 for names left out); null for none. @defaultValue null */
  transformerWeights: Record<string, number> | null;
}

interface FeatureUnionState {
  nFeaturesIn: number;
  /** The column names seen at fit, when fitted on records. */
  featureNamesIn: string[] | null;
  /** Fitted clones (or the strings), in order. */
  fitted: FeatureUnionEntry[];
  /** The weight of each entry in force at fit. */
  weights: number[];
}

const RESERVED = new Set(['transformerList', 'transformerWeights']);

/** A transformer entry: a typelearn estimator with fit and transform. */
function isStep(v: unknown): v is BaseEstimator & Transformer {
  return isEstimator(v) && isTransformer(v);
}

const listSpec: ParamSpec = {
  description:
    "an array of [name, transformer | 'drop' | 'passthrough'] pairs with distinct names free of '__' (not 'transformerList' or 'transformerWeights'), transformers having fit and transform",
  check(v) {
    if (!Array.isArray(v)) return false;
    const names = new Set<string>();
    return v.every((entry) => {
      if (!Array.isArray(entry) || entry.length !== 2) return false;
      const [name, t] = entry as [unknown, unknown];
      if (typeof name !== 'string' || !name || name.includes('__') || names.has(name) || RESERVED.has(name)) return false;
      names.add(name);
      return t === 'drop' || t === 'passthrough' || isStep(t);
    });
  },
};

/**
 * Fits several transformers on the same input and concatenates their outputs side by side, as
 * scikit-learn's `FeatureUnion` (e.g. scaled features next to their missing-value indicators).
 * An entry may be `'drop'` (left out) or `'passthrough'` (the input as is; it must be numbers);
 * `transformerWeights` multiplies each output. Output feature names are `name__feature`.
 *
 * Fitted attributes: `transformerList_` (fitted clones; the configured transformers are never
 * fitted), `namedTransformers_`, `nFeaturesIn_`; and `getFeatureNamesOut()`.
 * @example
 * ```ts
 * import { FeatureUnion, StandardScaler, MissingIndicator } from 'typelearn';
 * const union = new FeatureUnion([
 *   ['scaled', new StandardScaler()],
 *   ['missing', new MissingIndicator()],
 * ]);
 * const Z = union.fitTransform([[1, 2], [NaN, 4], [3, 6]]);
 * console.log(Z.to2DArray().map((r) => r.map((v) => +v.toFixed(4)))); // [ [ -1, -1.2247, 0 ], [ NaN, 0, 1 ], [ 1, 1.2247, 0 ] ]
 * console.log(union.getFeatureNamesOut()); // [ 'scaled__x0', 'scaled__x1', 'missing__missingindicator_x0' ]
 * ```
 */
export class FeatureUnion<const Entries extends readonly FeatureUnionEntryLike[] = FeatureUnionEntry[]> extends BaseEstimator<FeatureUnionOptions, FeatureUnionState> {
  static override readonly className = 'FeatureUnion';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    featureNamesIn: featureNames(),
    fitted: fittedSteps('transformerList'),
    weights: numberArray({ length: (c) => (c.params.transformerList as unknown[]).length }),
  };
  static override readonly defaults: FeatureUnionOptions = { transformerList: [], transformerWeights: null };
  static override readonly paramSchema = { transformerList: listSpec, transformerWeights: nullable(record(num())) };
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'transformer' };

  /**
   * @param transformerList - `[name, transformer]` pairs, or one options object
   *   `{ transformerList, transformerWeights }`.
   * @param options - `transformerWeights`, with the first form.
   */
  constructor(transformerList?: Entries | Partial<FeatureUnionOptions>, options?: Partial<Omit<FeatureUnionOptions, 'transformerList'>>) {
    const all = (Array.isArray(transformerList) ? { ...options, transformerList } : transformerList) as Partial<FeatureUnionOptions> | undefined;
    if (all?.transformerList === undefined) {
      throw new ValidationError({ code: 'invalid_option', estimator: 'FeatureUnion', param: 'transformerList', expected: listSpec.description, received: 'undefined' });
    }
    super(all);
    const weights = this.params.transformerWeights;
    if (weights) {
      const names = new Set(this.params.transformerList.map(([n]) => n));
      const unknown = Object.keys(weights).filter((n) => !names.has(n));
      if (unknown.length) {
        throw new ValidationError({
          code: 'invalid_option',
          estimator: 'FeatureUnion',
          param: 'transformerWeights',
          expected: `weights of transformers in transformerList (${[...names].map((n) => `'${n}'`).join(', ')})`,
          received: `a weight for ${unknown.map((n) => `'${n}'`).join(', ')}`,
        });
      }
    }
  }

  /** The transformers as configured (never fitted in place; see {@link transformerList_}). */
  get transformerList(): FeatureUnionEntry[] {
    return this.params.transformerList.map(([n, t]) => [n, t] as FeatureUnionEntry);
  }

  /** Tags follow the transformers: NaN and records are accepted when every one accepts them. */
  instanceTags(): Partial<EstimatorTags> {
    const parts = this.params.transformerList.map(([, t]) => t).filter((t) => t !== 'drop');
    let allowNaN = true;
    let removesNaN = parts.length > 0;
    let acceptsRecords = parts.length > 0;
    let requiresY = false;
    let nonDeterministic = false;
    for (const p of parts) {
      if (p === 'passthrough') {
        removesNaN = false;
        continue;
      }
      const t = getTags(p);
      allowNaN &&= t.allowNaN;
      removesNaN &&= t.removesNaN;
      acceptsRecords &&= t.acceptsRecords;
      requiresY ||= t.requiresY;
      nonDeterministic ||= t.nonDeterministic;
    }
    return { estimatorType: 'transformer', allowNaN, removesNaN: removesNaN && allowNaN, acceptsRecords, requiresY, nonDeterministic };
  }

  protected override nestedEstimators(): Array<[string, BaseEstimator]> {
    return this.params.transformerList.filter((e): e is [string, BaseEstimator] => isEstimator(e[1]));
  }

  /** The options; with `deep`, also each transformer by name and its options as `name__option`. */
  override getParams(deep = true): FeatureUnionOptions & Record<string, unknown> {
    const w = this.params.transformerWeights;
    const out: Record<string, unknown> = { transformerList: this.transformerList, transformerWeights: w === null ? null : { ...w } };
    if (deep) {
      for (const [name, t] of this.params.transformerList) {
        out[name] = t;
        if (isEstimator(t)) addNestedParams(out, name, t);
      }
    }
    return out as FeatureUnionOptions & Record<string, unknown>;
  }

  protected override acceptsNestedReplacement(key: string, value: unknown): boolean {
    if (!this.params.transformerList.some(([n]) => n === key)) return false;
    if (value !== 'drop' && value !== 'passthrough' && !isStep(value)) {
      throw new ValidationError({ code: 'invalid_option', estimator: 'FeatureUnion', param: key, expected: "a transformer (with fit and transform), 'drop' or 'passthrough'", received: describeValue(value) });
    }
    return true;
  }

  protected override replaceNested(key: string, value: unknown): void {
    const transformerList = this.params.transformerList.map(([n, t]) => [n, n === key ? (value as FeatureUnionTransformer) : t] as FeatureUnionEntry);
    this.params = { ...this.params, transformerList };
  }

  private weightsNow(): number[] {
    const w = this.params.transformerWeights;
    return this.params.transformerList.map(([n]) => (w && Object.prototype.hasOwnProperty.call(w, n) ? w[n] : 1));
  }

  /** A transformer entry (the `transformerList` option guarantees fit and transform). */
  private transformer(est: BaseEstimator, name: string): BaseEstimator & Transformer {
    if (!isTransformer(est)) {
      throw new ValidationError({ code: 'unsupported', estimator: this.className, message: `Transformer '${name}' (${est.className}) has no transform.` });
    }
    return est;
  }

  /** The whole input as numbers, for 'passthrough'. */
  private passthrough(table: Table, name: string): Block {
    const keys = table.names ?? Array.from({ length: table.width }, (_, j) => j);
    return { data: numericBlock(table, keys, this.className, `'passthrough' (entry '${name}')`), m: null, cols: keys.length };
  }

  private assemble(blocks: Block[], weights: number[], rows: number): Matrix {
    if (blocks.length === 0) return emptyOutput(rows);
    if (blocks.length === 1 && weights[0] === 1 && blocks[0].m) return blocks[0].m;
    const { data, cols } = hstack(blocks, rows, weights);
    return matrixFromFlat(data, rows, cols);
  }

  /** Fits clones of the transformers on X and returns their outputs side by side. */
  fitTransform(X: MatrixLike | Records, y?: Target): Matrix {
    const table = readTable(X, this.className);
    const all = this.weightsNow();
    const fitted: FeatureUnionEntry[] = [];
    const blocks: Block[] = [];
    const weights: number[] = [];
    this.params.transformerList.forEach(([name, t], i) => {
      if (t === 'drop' || t === 'passthrough') {
        fitted.push([name, t]);
        if (t === 'passthrough') {
          blocks.push(this.passthrough(table, name));
          weights.push(all[i]);
        }
        return;
      }
      const est = this.transformer(t.clone(), name);
      blocks.push(outputBlock(fitTransformOn(est, X, y), table.rows, this.className, `transformer '${name}' (${est.className})`));
      weights.push(all[i]);
      fitted.push([name, est]);
    });
    const result = this.assemble(blocks, weights, table.rows);
    this.state = { nFeaturesIn: table.width, featureNamesIn: table.names ?? null, fitted, weights: all };
    return result;
  }

  /** Fits clones of the transformers on X. */
  fit(X: MatrixLike | Records, y?: Target): this {
    this.fitTransform(X, y);
    return this;
  }

  /** Transforms X with every fitted transformer and concatenates the outputs. */
  transform(X: MatrixLike | Records): Matrix {
    const s = this.fitted('transform');
    const table = readTable(X, this.className);
    if (s.featureNamesIn === null && table.width !== s.nFeaturesIn) {
      throw new ValidationError({
        code: 'feature_mismatch',
        estimator: this.className,
        param: 'X',
        expected: `${s.nFeaturesIn} features`,
        received: `${table.width} features`,
        message: `X has ${table.width} features, but FeatureUnion is expecting ${s.nFeaturesIn} features as input.`,
      });
    }
    const blocks: Block[] = [];
    const weights: number[] = [];
    s.fitted.forEach(([name, t], i) => {
      if (t === 'drop') return;
      if (t === 'passthrough') {
        const keys = s.featureNamesIn ?? Array.from({ length: s.nFeaturesIn }, (_, j) => j);
        blocks.push({ data: numericBlock(table, keys, this.className, `'passthrough' (entry '${name}')`), m: null, cols: keys.length });
      } else blocks.push(outputBlock(this.transformer(t, name).transform(X), table.rows, this.className, `transformer '${name}' (${t.className})`));
      weights.push(s.weights[i]);
    });
    return this.assemble(blocks, weights, table.rows);
  }

  /** The fitted transformers (clones of the configured ones). */
  get transformerList_(): FeatureUnionEntry[] {
    return this.fitted('transformerList_').fitted.map(([n, t]) => [n, t] as FeatureUnionEntry);
  }

  /** The fitted transformers by name. */
  get namedTransformers_(): FeatureUnionNamedTransformersOf<Entries> {
    const out: Record<string, FeatureUnionTransformer> = {};
    for (const [n, t] of this.fitted('namedTransformers_').fitted) out[n] = t;
    return out as FeatureUnionNamedTransformersOf<Entries>;
  }

  /**
   * The output feature names, `name__feature` for each transformer's `getFeatureNamesOut` (given
   * `inputFeatures`, else the record keys seen at fit, else the transformer's own names).
   */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    const s = this.fitted('getFeatureNamesOut');
    const input = inputFeatures ?? s.featureNamesIn ?? undefined;
    const out: string[] = [];
    for (const [name, t] of s.fitted) {
      if (t === 'drop') continue;
      let names: string[];
      if (t === 'passthrough') names = oneToOneFeatureNames(s.nFeaturesIn, input, undefined, this.className);
      else {
        if (!isFeatureNamer(t)) throw new ValidationError({ code: 'unsupported', estimator: this.className, message: `Transformer '${name}' (${t.className}) does not provide getFeatureNamesOut.` });
        names = t.getFeatureNamesOut(input);
      }
      for (const f of names) out.push(`${name}__${f}`);
    }
    return out;
  }
}

registerEstimator(FeatureUnion);
