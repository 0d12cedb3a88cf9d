/**
 * What every check needs to know about the estimator under test: how to make an instance, its
 * tags, the data that suits it, how to fit it, and which of the optional methods it supports.
 */
import { getTags } from '../core/base';
import type { ParamSpec } from '../core/params';
import type { EstimatorTags, Label } from '../core/types';
import { brief, fail, flatten, isUnsupported, type FlatOutput } from './_assert';
import { makeClassData, makeRegressionData, type ProblemData } from './_data';

/** The class of an estimator under test (any constructor with a `className`). */
export type CheckableClass = (new (...args: never[]) => object) & {
  /** The class's `static className`. */
  readonly className: string;
  /** Its options and their defaults. */
  readonly defaults?: object;
  /** Its option rules. */
  readonly paramSchema?: Readonly<Record<string, ParamSpec | undefined>>;
};

/** Options of {@link estimatorChecks}, {@link checkEstimator} and {@link describeEstimator}. */
export interface EstimatorCheckOptions {
  /** Builds an instance, for classes whose constructor needs arguments (e.g. a Pipeline's steps). */
  make?: () => object;
  /** Names of checks to skip (reported as skipped). */
  skip?: string[];
}

/** The public API an estimator is expected to have; other methods are looked up by name. */
export interface Est {
  getParams(deep?: boolean): Record<string, unknown>;
  setParams(update: Record<string, unknown>): unknown;
  clone(): Est;
  isFitted(): boolean;
  toJSON(): unknown;
  fit(...args: unknown[]): unknown;
}

/** Methods that take X alone and return an output depending on the fitted model. */
export const X_METHODS = ['predict', 'predictProba', 'predictLogProba', 'decisionFunction', 'transform'] as const;
export type XMethod = (typeof X_METHODS)[number];

/** Calls a method by name; fails clearly when it is missing. */
export function call(est: object, name: string, ...args: unknown[]): unknown {
  const m = (est as Record<string, unknown>)[name];
  if (typeof m !== 'function') fail(`${name} is not a method of ${brief(est)}`);
  return (m as (...a: unknown[]) => unknown).apply(est, args);
}

/** Whether the object has a method of that name. */
export function hasMethod(est: object, name: string): boolean {
  return typeof (est as Record<string, unknown>)[name] === 'function';
}

/**
 * The tags of the estimator under test: those of an instance (a pipeline's follow its steps), or
 * the class's when no instance can be made.
 */
export function tagsOf(Class: CheckableClass, options: EstimatorCheckOptions = {}): EstimatorTags {
  try {
    const est = options.make ? options.make() : new Class();
    if (est !== null && typeof est === 'object') return getTags(est);
  } catch {
    // construction is checked (and reported) by the default_construction check
  }
  return getTags(Class);
}

/** Everything a check needs about the estimator under test. */
export class CheckContext {
  readonly Class: CheckableClass;
  readonly className: string;
  readonly tags: EstimatorTags;
  /** Data suited to the estimator's kind (see {@link makeClassData}, {@link makeRegressionData}). */
  readonly data: ProblemData;
  private readonly maker?: () => object;
  private supportedCache?: Set<string>;

  constructor(Class: CheckableClass, options: EstimatorCheckOptions = {}, tags?: EstimatorTags) {
    this.Class = Class;
    this.className = Class.className;
    this.maker = options.make;
    this.tags = tags ?? tagsOf(Class, options);
    this.data = this.tags.estimatorType === 'regressor'
      ? makeRegressionData(0)
      : makeClassData(this.tags.binaryOnly ? 2 : 3, 0);
    if (!this.tags.requiresY && this.tags.estimatorType !== 'classifier' && this.tags.estimatorType !== 'regressor') {
      this.data = { X: this.data.X, Xtest: this.data.Xtest };
    }
  }

  /** Whether the instances come from the user's `make` rather than the bare constructor. */
  hasMaker(): boolean {
    return this.maker !== undefined;
  }

  /** A new, unfitted instance with the options under test. */
  make(): Est {
    const est = this.maker ? this.maker() : new this.Class();
    if (est === null || typeof est !== 'object') fail(`make() must return an estimator instance; got ${brief(est)}`);
    if (!(est instanceof this.Class)) fail(`make() must return an instance of ${this.className}; got ${brief(est)}`);
    for (const m of ['getParams', 'setParams', 'clone', 'isFitted', 'toJSON', 'fit']) {
      if (!hasMethod(est, m)) fail(`${this.className} has no ${m}() method (extend BaseEstimator or one of its subclasses)`);
    }
    return est as Est;
  }

  /** True for an instance of exactly the class under test (whose instances `make()` checks to have the estimator methods). */
  isOwnInstance(v: unknown): v is Est {
    return v !== null && typeof v === 'object' && v.constructor === this.Class;
  }

  /** Constructs the class directly with an options object. */
  construct(options: Record<string, unknown>): Est {
    // The class's constructor takes an options object; its declared type only says it builds objects.
    return Reflect.construct(this.Class, [options]) as Est;
  }

  /** The class's declared defaults (an empty object when it has none). */
  get defaults(): Record<string, unknown> {
    return (this.Class.defaults ?? {}) as Record<string, unknown>;
  }

  /** The class's option schema. */
  get schema(): Readonly<Record<string, ParamSpec | undefined>> {
    return this.Class.paramSchema ?? {};
  }

  /**
   * A new instance whose `randomState` options (its own and its nested estimators') that are unset
   * are fixed to 0, so that two such instances fit alike.
   */
  seeded(): Est {
    const est = this.make();
    const update: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(est.getParams(true))) {
      if ((k === 'randomState' || k.endsWith('__randomState')) && (v === null || v === undefined)) update[k] = 0;
    }
    if (Object.keys(update).length) est.setParams(update);
    return est;
  }

  /** Fits with the given data (y only when there is one) and returns what fit returned. */
  fit(est: Est, X: unknown = this.data.X, y: unknown = this.data.y): unknown {
    return y === undefined ? est.fit(X) : est.fit(X, y);
  }

  /** A seeded instance fitted on the standard data. */
  fitted(): Est {
    const est = this.seeded();
    this.fit(est);
    return est;
  }

  /**
   * The optional methods this estimator supports, found on a fitted instance: a method is
   * unsupported when absent or when it throws a ValidationError with code 'unsupported'.
   */
  supported(): Set<string> {
    if (this.supportedCache) return this.supportedCache;
    const est = this.fitted();
    const out = new Set<string>();
    const probe = (name: string, ...args: unknown[]) => {
      if (!hasMethod(est, name)) return undefined;
      try {
        const r = call(est, name, ...args);
        out.add(name);
        return r;
      } catch (e) {
        if (!isUnsupported(e)) out.add(name);
        return undefined;
      }
    };
    for (const m of X_METHODS) {
      const r = probe(m, this.data.Xtest);
      if (m === 'transform' && r !== undefined) probe('inverseTransform', r);
    }
    if (this.data.ytest !== undefined) probe('score', this.data.Xtest, this.data.ytest);
    probe('getFeatureNamesOut');
    this.supportedCache = out;
    return out;
  }

  /** The X-methods (predict, …, transform) this estimator supports. */
  xMethods(): XMethod[] {
    const s = this.supported();
    return X_METHODS.filter((m) => s.has(m));
  }

  /** Every supported output on X (and score, when there is a y), flattened, by method name. */
  outputs(est: Est, X: unknown = this.data.Xtest, y: Label[] | undefined = this.data.ytest): Record<string, FlatOutput> {
    const out: Record<string, FlatOutput> = {};
    for (const m of this.xMethods()) out[m] = flatten(call(est, m, X));
    if (y !== undefined && this.supported().has('score')) out.score = flatten(call(est, 'score', X, y));
    return out;
  }

  /** Whether the estimator's options include a random seed (its own or a nested one). */
  hasRandomState(): boolean {
    return Object.keys(this.make().getParams(true)).some((k) => k === 'randomState' || k.endsWith('__randomState'));
  }
}

/** Compares two `outputs()` records method by method; returns the first difference. */
export function outputsDifference(
  a: Record<string, FlatOutput>,
  b: Record<string, FlatOutput>,
  compare: (x: FlatOutput, y: FlatOutput) => string | undefined,
): string | undefined {
  const names = Object.keys(a);
  for (const m of names) {
    if (!b[m]) return `${m}: missing`;
    const d = compare(a[m], b[m]);
    if (d) return `${m}: ${d}`;
  }
  return undefined;
}
