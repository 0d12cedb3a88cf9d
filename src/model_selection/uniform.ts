import { registerEstimator } from '../core/serialization';
import type { RandomState } from '../core/random';
import { BaseDistribution, fail, finite } from './_distribution';

/**
 * The continuous uniform distribution on [loc, loc + scale), as `scipy.stats.uniform`.
 * @example
 * ```ts
 * import { RandomState, UniformDistribution } from 'typelearn';
 *
 * const d = new UniformDistribution({ loc: 2, scale: 3 });
 * const v = d.rvs(new RandomState(0));
 * console.log(v >= 2 && v < 5, JSON.stringify(d)); // true {"format":"typelearn","version":1,"className":"UniformDistribution","params":{"loc":2,"scale":3},"state":null}
 * ```
 */
export class UniformDistribution extends BaseDistribution {
  static override readonly className: string = 'UniformDistribution';
  constructor(options: { loc?: number; scale?: number } = {}) {
    const loc = finite('uniform', 'loc', options.loc ?? 0);
    const scale = finite('uniform', 'scale', options.scale ?? 1);
    if (scale <= 0) fail('uniform', 'scale', 'a number > 0', scale);
    super({ loc, scale });
  }
  /** One random value, drawn with `rng`. */
  rvs(rng: RandomState): number {
    return this.params.loc + this.params.scale * rng.random();
  }
}

registerEstimator(UniformDistribution);

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
