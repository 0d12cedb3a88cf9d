import type { Matrix } from 'ml-matrix';
import { addNestedParams, BaseEstimator, getTags, isEstimator } from '../core/base';
import {
  fitTransformOn,
  hasClasses,
  hasDecisionFunction,
  hasPredictLogProba,
  isFeatureNamer,
  isFittable,
  isInverseTransformer,
  isPredictor,
  isProbaPredictor,
  isScorable,
  isTableTransformer,
  isTransformer,
  isIncremental,
  requireCapability,
  type ClassesOf,
  type DataInput,
  type PartialFitOptions,
  type PredictionOf,
  type TableTransformer,
  type Transformer,
} from '../core/capabilities';
import { ValidationError, VerboseMessage, describeValue, warn } from '../core/errors';
import { bool, type ParamSpec } from '../core/params';
import { loadModel, registerEstimator } from '../core/serialization';
import type { EstimatorTags, Label, MatrixLike, Records, Target } from '../core/types';
import { fittedSteps, type StateSchema } from '../core/stateSchema';

/** A step of a pipeline: an estimator, or `'passthrough'` to skip it. */
export type PipelineStepEstimator = BaseEstimator | 'passthrough';
/** A named step. */
export type PipelineStep = [name: string, estimator: PipelineStepEstimator];
/** A named step as the constructor takes it: a pair, readonly (`as const`) or not. */
export type PipelineStepLike = readonly [name: string, estimator: PipelineStepEstimator];

/** The estimator of the last step of `Steps` (any step's type when `Steps` is not a tuple). */
export type LastStepOf<Steps extends readonly PipelineStepLike[]> = Steps extends readonly [...unknown[], readonly [string, infer E]] ? E : Steps[number][1];

/** The steps by name, each with its own type: what {@link Pipeline.namedSteps} returns. */
export type NamedStepsOf<Steps extends readonly PipelineStepLike[]> = { [S in Steps[number] as S[0]]: S[1] };

/**
 * What a pipeline's `predict` returns: what its last step's `predict` returns, or `Y[]` once
 * fitted through the typed `fit` on labels `Y` when the last step is a classifier (has `classes_`).
 */
export type PipelinePrediction<Steps extends readonly PipelineStepLike[], Y extends Label | undefined> =
  LastStepOf<Steps> extends infer E
    ? [Y] extends [Label]
      ? E extends {
          /** The classes of a classifier's last step. */
          readonly classes_: readonly unknown[];
        }
        ? Y[]
        : PredictionOf<E>
      : PredictionOf<E>
    : never;

/** Options of {@link Pipeline}. */
export interface PipelineOptions {
  /** The steps, in order: every step but the last must transform. */
  steps: readonly PipelineStepLike[];
  /** Report each step's fit time through the warning hook's console. @defaultValue false */
  verbose: boolean;
}

interface PipelineState {
  /** Fitted clones of the steps; the `steps` option is never fitted in place. */
  fitted: PipelineStep[];
}

const RESERVED = new Set(['steps', 'verbose']);

/**
 * Whether step i hands the next step rows of values (`transformTable`) rather than a Matrix: when
 * it has `transformTable` (an imputer of string data) and the next step that is not
 * 'passthrough' takes records or rows (tag `acceptsRecords`, e.g. an encoder).
 */
function passesTable(est: BaseEstimator, steps: readonly PipelineStepLike[], i: number): est is BaseEstimator & TableTransformer {
  if (!isTableTransformer(est)) return false;
  const next = steps.slice(i + 1).find(([, e]) => e !== 'passthrough');
  return next !== undefined && getTags(next[1] as BaseEstimator).acceptsRecords;
}

const stepsSpec: ParamSpec = {
  description:
    "a non-empty array of [name, estimator | 'passthrough'] pairs with distinct names, free of '__', where every step but the last has fit and transform, and the last has fit",
  check(v) {
    if (!Array.isArray(v) || v.length === 0) return false;
    const names = new Set<string>();
    return v.every((step, i) => {
      if (!Array.isArray(step) || step.length !== 2) return false;
      const [name, est] = step as [unknown, unknown];
      if (typeof name !== 'string' || !name || name.includes('__') || names.has(name) || RESERVED.has(name)) return false;
      names.add(name);
      if (est === 'passthrough') return true;
      if (!isEstimator(est)) return false;
      return i < v.length - 1 ? isTransformer(est) : isFittable(est);
    });
  },
};

/**
 * Chains preprocessors and a final estimator into one estimator. `fit` fits clones of the steps in
 * turn (each transforming the data for the next, y reaching every step); the pipeline then exposes
 * whatever its last step can do (`predict`, `predictProba`, `decisionFunction`, `transform`,
 * `score`, `classes_`). It can be cross-validated, grid-searched (`'svc__C'`) and saved.
 *
 * @example
 * ```ts
 * import { Pipeline, StandardScaler, LinearRegression } from 'typelearn';
 * const pipe = new Pipeline([
 *   ['scale', new StandardScaler()],
 *   ['ols', new LinearRegression()],
 * ]).fit([[0, 1], [1, 3], [2, 2], [3, 5]], [1, 3, 5, 7]);
 * console.log(pipe.predict([[4, 4]]).map((v) => +v.toFixed(6))); // [ 9 ]
 * console.log(Object.keys(pipe.namedSteps)); // [ 'scale', 'ols' ]
 * ```
 */
export class Pipeline<const Steps extends readonly PipelineStepLike[] = PipelineStep[], Y extends Label | undefined = undefined> extends BaseEstimator<PipelineOptions, PipelineState> {
  static override readonly className = 'Pipeline';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = { fitted: fittedSteps('steps') };
  static override readonly defaults: PipelineOptions = { steps: [], verbose: false };
  static override readonly paramSchema = { steps: stepsSpec, verbose: bool() };
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'other' };

  /** @param steps - the steps as `[name, estimator]` pairs, or an options object `{ steps }`. */
  constructor(steps?: Steps | Partial<PipelineOptions>) {
    const options = (Array.isArray(steps) ? { steps } : steps) as Partial<PipelineOptions> | undefined;
    if (options?.steps === undefined) {
      throw new ValidationError({ code: 'invalid_option', estimator: 'Pipeline', param: 'steps', expected: stepsSpec.description, received: 'undefined' });
    }
    super(options);
  }

  /** The steps as configured (never fitted in place; see {@link namedSteps} for the fitted ones). */
  get steps(): PipelineStep[] {
    return this.params.steps.map(([n, e]) => [n, e] as PipelineStep);
  }

  /** The fitted steps (clones of the configured ones). */
  get steps_(): PipelineStep[] {
    return this.fitted('steps_').fitted.map(([n, e]) => [n, e] as PipelineStep);
  }

  /**
   * The steps by name: the fitted clones once the pipeline is fitted, the configured steps before.
   */
  get namedSteps(): NamedStepsOf<Steps> {
    const list = this.state ? this.state.fitted : this.params.steps;
    const out: Record<string, PipelineStepEstimator> = {};
    for (const [n, e] of list) out[n] = e;
    return out as NamedStepsOf<Steps>;
  }

  /**
   * Tags follow the steps: the last step's type; NaN is accepted when every step up to the first
   * that removes NaN (an imputer) accepts it; records when the first step takes them.
   */
  instanceTags(): Partial<EstimatorTags> {
    const steps = this.params.steps.filter(([, e]) => e !== 'passthrough').map(([, e]) => getTags(e as BaseEstimator));
    if (steps.length === 0) return { estimatorType: 'transformer' };
    let allowNaN = true;
    for (const t of steps) {
      if (!t.allowNaN) {
        allowNaN = false;
        break;
      }
      if (t.removesNaN) break;
    }
    const last = steps[steps.length - 1];
    return {
      estimatorType: last.estimatorType,
      requiresY: steps.some((t) => t.requiresY),
      allowNaN,
      removesNaN: steps.some((t) => t.removesNaN) && allowNaN,
      acceptsRecords: steps[0].acceptsRecords,
      nonDeterministic: steps.some((t) => t.nonDeterministic),
      binaryOnly: last.binaryOnly,
    };
  }

  protected override nestedEstimators(): Array<[string, BaseEstimator]> {
    return this.params.steps.filter((s): s is [string, BaseEstimator] => s[1] !== 'passthrough');
  }

  override getParams(deep = true): PipelineOptions & Record<string, unknown> {
    const out: Record<string, unknown> = { steps: this.steps, verbose: this.params.verbose };
    if (deep) {
      for (const [name, est] of this.params.steps) {
        out[name] = est;
        if (est !== 'passthrough') addNestedParams(out, name, est);
      }
    }
    return out as PipelineOptions & Record<string, unknown>;
  }

  protected override acceptsNestedReplacement(key: string, value: unknown): boolean {
    if (!this.params.steps.some(([n]) => n === key)) return false;
    if (value !== 'passthrough' && !isEstimator(value)) {
      throw new ValidationError({ code: 'invalid_option', estimator: 'Pipeline', param: key, expected: "an estimator or 'passthrough'", received: describeValue(value) });
    }
    return true;
  }

  protected override replaceNested(key: string, value: unknown): void {
    const steps = this.params.steps.map(([n, e]) => [n, n === key ? (value as PipelineStepEstimator) : e] as PipelineStep);
    if (!stepsSpec.check(steps)) {
      throw new ValidationError({ code: 'invalid_option', estimator: 'Pipeline', param: key, expected: stepsSpec.description, received: describeValue(value) });
    }
    this.params = { ...this.params, steps };
  }

  private lastStep(s: PipelineState): PipelineStepEstimator {
    return s.fitted[s.fitted.length - 1][1];
  }

  private unsupported(what: string): never {
    const last = this.params.steps[this.params.steps.length - 1][1];
    const name = last === 'passthrough' ? "'passthrough'" : last.className;
    throw new ValidationError({
      code: 'unsupported',
      estimator: 'Pipeline',
      message: `This Pipeline has no ${what}: its last step (${name}) does not implement it.`,
    });
  }

  /**
   * A step that must transform (every step but the last: the `steps` option guarantees it, so
   * this throws only for a step replaced behind the option's back).
   */
  private transformer(est: BaseEstimator, name: string): BaseEstimator & Transformer {
    if (!isTransformer(est)) {
      throw new ValidationError({ code: 'unsupported', estimator: 'Pipeline', message: `Step '${name}' (${est.className}) has no transform, so it cannot come before another step.` });
    }
    return est;
  }

  /** Fits every step but the last with fitTransform and returns the transformed data. */
  private fitTransformHead(X: DataInput, y: Target | undefined, fitted: PipelineStep[]): DataInput {
    let Xt = X;
    const steps = this.params.steps;
    for (let i = 0; i < steps.length - 1; i++) {
      const [name, est] = steps[i];
      if (est === 'passthrough') {
        fitted.push([name, est]);
        continue;
      }
      const clone = this.transformer(est.clone(), name);
      const start = Date.now();
      Xt = passesTable(clone, steps, i) ? clone.fit(Xt, y).transformTable(Xt) : fitTransformOn(clone, Xt, y);
      this.log(name, i, start);
      fitted.push([name, clone]);
    }
    return Xt;
  }

  private log(name: string, i: number, start: number): void {
    if (this.params.verbose) warn(new VerboseMessage(`[Pipeline] (step ${i + 1} of ${this.params.steps.length}) Processing ${name}, total=${((Date.now() - start) / 1000).toFixed(1)}s`, this.className));
  }

  /** Fits all steps on clones; the previous fitted state stays intact if any step throws. */
  fit<T extends Label>(X: MatrixLike | Records, y: ArrayLike<T>): Pipeline<Steps, T>;
  fit(X: MatrixLike | Records, y?: Target): this;
  fit(X: MatrixLike | Records, y?: Target): this {
    const fitted: PipelineStep[] = [];
    const Xt = this.fitTransformHead(X, y, fitted);
    const [name, est] = this.params.steps[this.params.steps.length - 1];
    if (est === 'passthrough') fitted.push([name, est]);
    else {
      const clone = est.clone();
      if (!isFittable(clone)) this.unsupported('fit');
      const start = Date.now();
      clone.fit(Xt, y);
      this.log(name, this.params.steps.length - 1, start);
      fitted.push([name, clone]);
    }
    this.state = { fitted };
    return this;
  }

  /**
   * Learns from one more batch when every step has `partialFit` (scalers, encoders with declared
   * categories, SGD, naive Bayes, MLP): each transformer's `partialFit` on the batch, then its
   * `transform` for the next step, then the last step's `partialFit`, which receives `options`
   * (`classes` on the first call for a classifier, `sampleWeight`). The first call starts from
   * clones of the steps; later calls (or a call after `fit`) continue from the fitted ones. A step
   * without `partialFit` is a ValidationError naming it, before anything is learnt; a step that
   * throws leaves every step as it was before the batch.
   */
  partialFit(X: DataInput, y?: Target, options: PartialFitOptions = {}): this {
    const steps = this.params.steps;
    steps.forEach(([name, est]) => {
      if (est !== 'passthrough' && !isIncremental(est)) {
        throw new ValidationError({
          code: 'unsupported',
          estimator: 'Pipeline',
          param: name,
          message: `Pipeline.partialFit needs partialFit on every step: step '${name}' (${est.className}) does not implement it.`,
        });
      }
    });
    const prev = this.state;
    const fitted: PipelineStep[] = prev ? prev.fitted : steps.map(([n, e]) => [n, e === 'passthrough' ? e : e.clone()]);
    // The fitted steps learn in place; their saved form restores them if a later step throws.
    const saved = prev?.fitted.map(([n, e]) => [n, e === 'passthrough' ? e : e.toJSON()] as const);
    try {
      let Xt: DataInput = X;
      for (let i = 0; i < fitted.length; i++) {
        const [name, est] = fitted[i];
        if (est === 'passthrough') continue;
        const inc = requireCapability(est, isIncremental, 'partialFit', { estimator: 'Pipeline', role: `step '${name}'` });
        const start = Date.now();
        if (i === fitted.length - 1) inc.partialFit(Xt, y, options);
        else {
          inc.partialFit(Xt, y);
          Xt = passesTable(est, fitted, i) ? est.transformTable(Xt) : this.transformer(est, name).transform(Xt);
        }
        this.log(name, i, start);
      }
    } catch (e) {
      if (saved) this.state = { fitted: saved.map(([n, m]) => [n, m === 'passthrough' ? m : (loadModel(m) as BaseEstimator)]) };
      throw e;
    }
    this.state = { fitted };
    return this;
  }

  /** Fits all steps and returns the last step's transform of X. */
  fitTransform(X: MatrixLike | Records, y?: Target): Matrix {
    const fitted: PipelineStep[] = [];
    const Xt = this.fitTransformHead(X, y, fitted);
    const [name, est] = this.params.steps[this.params.steps.length - 1];
    let out: Matrix;
    if (est === 'passthrough') {
      fitted.push([name, est]);
      out = Xt as Matrix;
    } else {
      const clone = est.clone();
      if (!isTransformer(clone)) this.unsupported('transform');
      out = fitTransformOn(clone, Xt, y);
      fitted.push([name, clone]);
    }
    this.state = { fitted };
    return out;
  }

  /** Runs X through every fitted step but the last. */
  private transformHead(X: DataInput, s: PipelineState): DataInput {
    let Xt = X;
    for (let i = 0; i < s.fitted.length - 1; i++) {
      const [name, est] = s.fitted[i];
      if (est !== 'passthrough') Xt = passesTable(est, s.fitted, i) ? est.transformTable(Xt) : this.transformer(est, name).transform(Xt);
    }
    return Xt;
  }

  /**
   * The fitted last step when it has the capability `has` tests for (else an 'unsupported'
   * error naming `what`), with X run through the steps before it.
   */
  private last<N extends BaseEstimator>(what: string, has: (e: BaseEstimator) => e is N, X: DataInput): [N, DataInput] {
    const s = this.fitted(what);
    const last = this.lastStep(s);
    if (last === 'passthrough' || !has(last)) this.unsupported(what);
    return [last, this.transformHead(X, s)];
  }

  /** Transforms X through all steps, then predicts with the last. */
  predict(X: MatrixLike | Records): PipelinePrediction<Steps, Y>;
  predict(X: MatrixLike | Records): Label[] | number[] {
    const [last, Xt] = this.last('predict', isPredictor, X);
    // A multi-output regressor (Ridge on 2-d y) predicts rows; the declared type keeps the common case.
    return last.predict(Xt) as Label[] | number[];
  }

  /** Class probabilities from the last step (columns follow `classes_`). */
  predictProba(X: MatrixLike | Records): Matrix {
    const [last, Xt] = this.last('predictProba', isProbaPredictor, X);
    return last.predictProba(Xt);
  }

  /** Log class probabilities from the last step. */
  predictLogProba(X: MatrixLike | Records): Matrix {
    const [last, Xt] = this.last('predictLogProba', hasPredictLogProba, X);
    return last.predictLogProba(Xt);
  }

  /** Decision function of the last step. */
  decisionFunction(X: MatrixLike | Records): number[] | Matrix {
    const [last, Xt] = this.last('decisionFunction', hasDecisionFunction, X);
    return last.decisionFunction(Xt);
  }

  /** The last step's score (accuracy or R² by default) on the transformed X. */
  score(X: MatrixLike | Records, y: Target, sampleWeight?: ArrayLike<number>): number {
    const [last, Xt] = this.last('score', isScorable, X);
    return sampleWeight === undefined ? last.score(Xt, y) : last.score(Xt, y, sampleWeight);
  }

  /** Transforms X through every step (all must be transformers). */
  transform(X: MatrixLike | Records): Matrix {
    const s = this.fitted('transform');
    const last = this.lastStep(s);
    if (last === 'passthrough') return this.transformHead(X, s) as Matrix;
    if (!isTransformer(last)) this.unsupported('transform');
    return last.transform(this.transformHead(X, s));
  }

  /** Maps data back through every step's inverseTransform, last step first. */
  inverseTransform(X: MatrixLike): Matrix {
    const s = this.fitted('inverseTransform');
    let Xt: DataInput = X;
    for (let i = s.fitted.length - 1; i >= 0; i--) {
      const est = s.fitted[i][1];
      if (est === 'passthrough') continue;
      if (!isInverseTransformer(est)) {
        throw new ValidationError({ code: 'unsupported', estimator: 'Pipeline', message: `This Pipeline has no inverseTransform: step '${s.fitted[i][0]}' does not implement it.` });
      }
      Xt = est.inverseTransform(Xt);
    }
    // An encoder first in the pipeline gives rows of categories; the declared type keeps the common case.
    return Xt as Matrix;
  }

  /** The class labels of the last step. */
  get classes_(): [Y] extends [Label] ? Y[] : ClassesOf<LastStepOf<Steps>> {
    const last = this.lastStep(this.fitted('classes_'));
    if (last === 'passthrough' || !hasClasses(last)) this.unsupported('classes_');
    return last.classes_ as [Y] extends [Label] ? Y[] : ClassesOf<LastStepOf<Steps>>;
  }

  /** The number of features the first step was fitted on. */
  override get nFeaturesIn_(): number {
    const first = this.fitted('nFeaturesIn_').fitted.find(([, e]) => e !== 'passthrough');
    if (!first) this.unsupported('nFeaturesIn_');
    return (first[1] as BaseEstimator).nFeaturesIn_;
  }

  /** Output feature names, passed through every step's getFeatureNamesOut. */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    const s = this.fitted('getFeatureNamesOut');
    let names = inputFeatures;
    for (const [name, est] of s.fitted) {
      if (est === 'passthrough') continue;
      if (!isFeatureNamer(est)) {
        throw new ValidationError({ code: 'unsupported', estimator: 'Pipeline', message: `Step '${name}' does not provide getFeatureNamesOut.` });
      }
      names = est.getFeatureNamesOut(names);
    }
    if (!names) throw new ValidationError({ code: 'unsupported', estimator: 'Pipeline', message: 'This Pipeline has no steps that name features.' });
    return names;
  }
}

registerEstimator(Pipeline);

/**
 * Builds a {@link Pipeline} naming each step after its class in lower case (`standardscaler`,
 * `svc`), with `-1`, `-2`, … appended to names that repeat, as scikit-learn's `make_pipeline`.
 * @example
 * ```ts
 * import { makePipeline, StandardScaler, LinearRegression } from 'typelearn';
 * const pipe = makePipeline(new StandardScaler(), new LinearRegression());
 * console.log(pipe.steps.map(([name]) => name)); // [ 'standardscaler', 'linearregression' ]
 * ```
 */
export function makePipeline<const E extends ReadonlyArray<BaseEstimator | 'passthrough'>>(...estimators: E): Pipeline<{ -readonly [K in keyof E]: [name: string, estimator: E[K]] }> {
  return new Pipeline(nameEstimators(estimators)) as Pipeline<{ -readonly [K in keyof E]: [name: string, estimator: E[K]] }>;
}

/**
 * Names estimators by lower-cased class name, suffixing repeats, as scikit-learn's
 * `_name_estimators`; a string (`'passthrough'`, `'drop'`) is named by itself.
 */
export function nameEstimators<T extends BaseEstimator | string>(estimators: readonly T[]): Array<[string, T]> {
  const names = estimators.map((e) => (typeof e === 'string' ? e : isEstimator(e) ? e.className : 'step').toLowerCase());
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  const seen = new Map<string, number>();
  return estimators.map((e, i): [string, T] => {
    const n = names[i];
    if ((counts.get(n) ?? 0) > 1) {
      const k = (seen.get(n) ?? 0) + 1;
      seen.set(n, k);
      return [`${n}-${k}`, e];
    }
    return [n, e];
  });
}
