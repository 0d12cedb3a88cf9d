import type { EstimatorTags } from '../core/types';
import type { CheckContext } from './_context';

/** A check as defined inside the suite: it runs against a lazily built context. */
export interface CheckDef {
  readonly name: string;
  /** Whether the check applies to an estimator with these tags (default: always). */
  applies?(tags: EstimatorTags): boolean;
  run(ctx: CheckContext): void;
}
