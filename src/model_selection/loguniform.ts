import { registerEstimator } from '../core/serialization';
import type { RandomState } from '../core/random';
import { BaseDistribution, fail, finite } from './_distribution';

/**
 * The log-uniform distribution on [a, b): exp of a uniform on [log a, log b), as `scipy.stats.loguniform`.
 * @example
 * ```ts
 * import { LogUniformDistribution, RandomState } from 'typelearn';
 *
 * const v = new LogUniformDistribution({ a: 1e-3, b: 1e3 }).rvs(new RandomState(0));
 * console.log(v >= 1e-3 && v < 1e3); // true
 * ```
 */
export class LogUniformDistribution extends BaseDistribution {
  static override readonly className: string = 'LogUniformDistribution';
  constructor(options: { a?: number; b?: number } = {}) {
    const a = finite('loguniform', 'a', options.a);
    const b = finite('loguniform', 'b', options.b);
    if (a <= 0) fail('loguniform', 'a', 'a number > 0', a);
    if (b <= a) fail('loguniform', 'b', `a number > a (${a})`, b);
    super({ a, b });
  }
  /** One random value, drawn with `rng`. */
  rvs(rng: RandomState): number {
    const la = Math.log(this.params.a);
    return Math.exp(la + (Math.log(this.params.b) - la) * rng.random());
  }
}

registerEstimator(LogUniformDistribution);

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
