import { ValidationError, describeValue } from '../core/errors';
import { FORMAT, FORMAT_VERSION, RESTORE_STATE, registerEstimator, type SavedModel } from '../core/serialization';
import type { RandomState } from '../core/random';

/** A distribution a randomized search samples an option from. */
export interface Distribution {
  /** One random value. */
  rvs(rng: RandomState): number;
}

type DistParams = Record<string, number>;

function fail(fn: string, param: string, expected: string, v: unknown): never {
  throw new ValidationError({ code: 'invalid_option', estimator: fn, param, expected, received: describeValue(v) });
}

function finite(fn: string, param: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(fn, param, 'a finite number', v);
  return v as number;
}

/** Shared: stored parameters and a JSON form, so a search holding one can be saved. */
abstract class BaseDistribution implements Distribution {
  static readonly className: string = 'BaseDistribution';
  protected readonly params: DistParams;
  constructor(params: DistParams) {
    this.params = params;
  }
  abstract rvs(rng: RandomState): number;
  /** The JSON form (`loadModel` rebuilds it). */
  toJSON(): SavedModel {
    return { format: FORMAT, version: FORMAT_VERSION, className: (this.constructor as unknown as { className: string }).className, params: { ...this.params }, state: null };
  }
  [RESTORE_STATE](_state: unknown): void {
    /* stateless */
  }
}

/** The continuous uniform distribution on [loc, loc + scale), as `scipy.stats.uniform`. */
export class UniformDistribution extends BaseDistribution {
  static override readonly className: string = 'UniformDistribution';
  constructor(options: { loc?: number; scale?: number } = {}) {
    const loc = finite('uniform', 'loc', options.loc ?? 0);
    const scale = finite('uniform', 'scale', options.scale ?? 1);
    if (scale <= 0) fail('uniform', 'scale', 'a number > 0', scale);
    super({ loc, scale });
  }
  rvs(rng: RandomState): number {
    return this.params.loc + this.params.scale * rng.random();
  }
}

/** The log-uniform distribution on [a, b): exp of a uniform on [log a, log b), as `scipy.stats.loguniform`. */
export class LogUniformDistribution extends BaseDistribution {
  static override readonly className: string = 'LogUniformDistribution';
  constructor(options: { a?: number; b?: number } = {}) {
    const a = finite('loguniform', 'a', options.a);
    const b = finite('loguniform', 'b', options.b);
    if (a <= 0) fail('loguniform', 'a', 'a number > 0', a);
    if (b <= a) fail('loguniform', 'b', `a number > a (${a})`, b);
    super({ a, b });
  }
  rvs(rng: RandomState): number {
    const la = Math.log(this.params.a);
    return Math.exp(la + (Math.log(this.params.b) - la) * rng.random());
  }
}

/** The discrete uniform distribution on the integers low, …, high − 1, as `scipy.stats.randint`. */
export class RandIntDistribution extends BaseDistribution {
  static override readonly className: string = 'RandIntDistribution';
  constructor(options: { low?: number; high?: number } = {}) {
    const low = finite('randint', 'low', options.low);
    const high = finite('randint', 'high', options.high);
    if (!Number.isInteger(low)) fail('randint', 'low', 'an integer', low);
    if (!Number.isInteger(high) || high <= low) fail('randint', 'high', `an integer > low (${low})`, high);
    super({ low, high });
  }
  rvs(rng: RandomState): number {
    return this.params.low + rng.randint(this.params.high - this.params.low);
  }
}

registerEstimator(UniformDistribution);
registerEstimator(LogUniformDistribution);
registerEstimator(RandIntDistribution);

/**
 * The uniform distribution on [loc, loc + scale), as `scipy.stats.uniform(loc, scale)`, for
 * {@link RandomizedSearchCV} and {@link ParameterSampler}.
 * @example
 * ```ts
 * import { uniform, RandomState } from 'typelearn';
 * const v = uniform(2, 3).rvs(new RandomState(0));
 * console.log(v >= 2 && v < 5); // true
 * ```
 */
export function uniform(loc = 0, scale = 1): UniformDistribution {
  return new UniformDistribution({ loc, scale });
}

/**
 * The log-uniform ("reciprocal") distribution on [a, b), as `scipy.stats.loguniform(a, b)`: good for
 * options such as a regularisation strength spanning orders of magnitude.
 * @example
 * ```ts
 * import { loguniform, RandomState } from 'typelearn';
 * const v = loguniform(1e-3, 1e3).rvs(new RandomState(0));
 * console.log(v >= 1e-3 && v < 1e3); // true
 * ```
 */
export function loguniform(a: number, b: number): LogUniformDistribution {
  return new LogUniformDistribution({ a, b });
}

/**
 * The integers low, …, high − 1, equally likely, as `scipy.stats.randint(low, high)`.
 * @example
 * ```ts
 * import { randint, RandomState } from 'typelearn';
 * const v = randint(1, 4).rvs(new RandomState(0));
 * console.log([1, 2, 3].includes(v)); // true
 * ```
 */
export function randint(low: number, high: number): RandIntDistribution {
  return new RandIntDistribution({ low, high });
}

/** True for anything with an `rvs` method. */
export function isDistribution(v: unknown): v is Distribution {
  return v !== null && typeof v === 'object' && typeof (v as { rvs?: unknown }).rvs === 'function';
}
