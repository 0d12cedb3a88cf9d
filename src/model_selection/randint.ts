import { registerEstimator } from '../core/serialization';
import type { RandomState } from '../core/random';
import { BaseDistribution, fail, finite } from './_distribution';

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
