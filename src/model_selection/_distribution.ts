import { ValidationError, describeValue } from '../core/errors';
import { FORMAT, FORMAT_VERSION, RESTORE_STATE, type SavedModel } from '../core/serialization';
import type { RandomState } from '../core/random';
import { refuseState } from '../core/stateSchema';

/** A distribution a randomized search samples an option from. */
export interface Distribution {
  /** One random value. */
  rvs(rng: RandomState): number;
}

export type DistParams = Record<string, number>;

export function fail(fn: string, param: string, expected: string, v: unknown): never {
  throw new ValidationError({ code: 'invalid_option', estimator: fn, param, expected, received: describeValue(v) });
}

export function finite(fn: string, param: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(fn, param, 'a finite number', v);
  return v as number;
}

/** Shared: stored parameters and a JSON form, so a search holding one can be saved. */
export abstract class BaseDistribution implements Distribution {
  static readonly className: string = 'BaseDistribution';
  /** No fitted state (see `core/stateSchema.ts`). */
  static readonly stateSchema = null;
  /** The distribution's parameters, e.g. `{ loc, scale }`; saved by `toJSON`. */
  protected readonly params: DistParams;
  constructor(params: DistParams) {
    this.params = params;
  }
  /** One random value, drawn with `rng`. */
  abstract rvs(rng: RandomState): number;
  /** The JSON form (`loadModel` rebuilds it). */
  toJSON(): SavedModel {
    return { format: FORMAT, version: FORMAT_VERSION, className: (this.constructor as typeof BaseDistribution).className, params: { ...this.params }, state: null };
  }
  /** A distribution has no fitted state; a saved one with state is malformed. */
  [RESTORE_STATE](state: unknown): void {
    refuseState((this.constructor as unknown as { className: string }).className, state);
  }
}

/** True for anything with an `rvs` method. */
export function isDistribution(v: unknown): v is Distribution {
  return v !== null && typeof v === 'object' && typeof (v as { rvs?: unknown }).rvs === 'function';
}
