import { registerEstimator } from '../core/serialization';
import type { RandomState } from '../core/random';
import { BaseDistribution, fail, finite } from './_distribution';

/**
 * The discrete uniform distribution on the integers low, …, high − 1, as `scipy.stats.randint`.
 * @example
 * ```ts
 * import { RandIntDistribution, RandomState } from 'typelearn';
 *
 * const rng = new RandomState(0);
 * const d = new RandIntDistribution({ low: 1, high: 4 });
 * const draws = Array.from({ length: 20 }, () => d.rvs(rng));
 * console.log(draws.every((v) => Number.isInteger(v) && v >= 1 && v < 4)); // true
 * ```
 */
export class RandIntDistribution extends BaseDistribution {
  static override readonly className: string = 'RandIntDistribution';
  constructor(options: { low?: number; high?: number } = {}) {
    const low = finite('randint', 'low', options.low);
    const high = finite('randint', 'high', options.high);
    if (!Number.isInteger(low)) fail('randint', 'low', 'an integer', low);
    if (!Number.isInteger(high) || high <= low) fail('randint', 'high', `an integer > low (${low})`, high);
    super({ low, high });
  }
  /** One random value, drawn with `rng`. */
  rvs(rng: RandomState): number {
    return this.params.low + rng.randint(this.params.high - this.params.low);
  }
}

registerEstimator(RandIntDistribution);

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
