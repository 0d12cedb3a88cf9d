import { isScorable } from '../core/capabilities';
import { ValidationError, describeValue } from '../core/errors';
import type { Label } from '../core/types';
import type { ParamSpec } from '../core/params';
import { getScorer, getScorerNames, type ScorableEstimator, type Scorer } from '../metrics/scorer';
import type { Indexable } from './_indexing';

/** A scorer applied to a fitted estimator; y may be absent for unsupervised estimators. */
export type ResolvedScorer = (estimator: object, X: Indexable, y: ArrayLike<Label> | ArrayLike<number> | undefined) => number;

/** What a `scoring` option accepts. */
export type ScoringInput = string | Scorer | string[] | Record<string, Scorer | string> | null | undefined;

/** The scorers by name, and whether several were asked for (the result keys then carry the names). */
export interface ResolvedScoring {
  scorers: Map<string, ResolvedScorer>;
  multimetric: boolean;
}

export const SCORING_DESCRIPTION = "null (the estimator's score method), a scorer name, a scorer function, an array of scorer names or an object of named scorers";

/** The estimator's own `score`, used when `scoring` is null. */
function defaultScorer(fn: string): ResolvedScorer {
  return (est, X, y) => {
    if (!isScorable(est)) {
      throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'scoring', expected: 'a scorer when the estimator has no score method', received: 'null' });
    }
    return y === undefined ? est.score(X) : est.score(X, y);
  };
}

function wrap(s: Scorer): ResolvedScorer {
  return (est, X, y) => s(est as ScorableEstimator, X, y as ArrayLike<Label>);
}

function one(fn: string, s: unknown): Scorer {
  if (typeof s !== 'string' && typeof s !== 'function') {
    throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'scoring', expected: 'a scorer name or a scorer function', received: describeValue(s) });
  }
  try {
    return getScorer(s as string | Scorer);
  } catch (e) {
    if (e instanceof ValidationError) {
      throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'scoring', expected: e.expected, received: e.received });
    }
    throw e;
  }
}

/**
 * Resolves `scoring` as scikit-learn's `check_scoring`/`_check_multimetric_scoring`: null → the
 * estimator's `score` (named `'score'`), a name or function → one scorer, an array of names or an
 * object of scorers → several, by name. Unknown names throw before anything is fitted.
 */
export function resolveScoring(fn: string, scoring: ScoringInput, estimator: object): ResolvedScoring {
  if (scoring === null || scoring === undefined) {
    if (!isScorable(estimator)) {
      throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'scoring', expected: "a scorer (the estimator has no score method, so scoring cannot be null)", received: 'null' });
    }
    return { scorers: new Map([['score', defaultScorer(fn)]]), multimetric: false };
  }
  if (typeof scoring === 'string' || typeof scoring === 'function') {
    return { scorers: new Map([['score', wrap(one(fn, scoring))]]), multimetric: false };
  }
  const entries: Array<[string, unknown]> = Array.isArray(scoring) ? scoring.map((s) => [s, s] as [string, unknown]) : typeof scoring === 'object' ? Object.entries(scoring) : [];
  if (entries.length === 0 || (Array.isArray(scoring) && new Set(scoring).size !== scoring.length)) {
    throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'scoring', expected: 'a non-empty list of distinct scorer names or a non-empty object of scorers', received: describeValue(scoring) });
  }
  const scorers = new Map<string, ResolvedScorer>();
  for (const [name, s] of entries) {
    if (typeof name !== 'string') {
      throw new ValidationError({ code: 'invalid_option', estimator: fn, param: 'scoring', expected: 'scorer names (strings)', received: describeValue(name) });
    }
    scorers.set(name, wrap(one(fn, s)));
  }
  return { scorers, multimetric: true };
}

function knownName(s: unknown): boolean {
  return typeof s === 'string' && getScorerNames().includes(s);
}

function namesList(): string {
  return getScorerNames().map((n) => `'${n}'`).join(', ');
}

/**
 * The rule of a `scoring` option that takes several metrics (the searches, crossValidate): the
 * shapes {@link isScoringInput} accepts, every name a registered scorer, so that a typo fails at
 * construction, naming the class the user called.
 */
export const scoringSpec: ParamSpec = {
  get description() {
    return `${SCORING_DESCRIPTION}, where a name is one of ${namesList()}`;
  },
  check: (v) => {
    if (!isScoringInput(v)) return false;
    if (typeof v === 'string') return knownName(v);
    if (Array.isArray(v)) return v.every(knownName);
    if (v !== null && typeof v === 'object') return Object.values(v).every((s) => typeof s === 'function' || knownName(s));
    return true;
  },
};

/** The rule of a `scoring` option that takes one metric: null, a registered scorer name or a function. */
export const singleScoringSpec: ParamSpec = {
  get description() {
    return `null (the estimator's score method), a scorer function or a scorer name (one of ${namesList()})`;
  },
  check: (v) => v === null || typeof v === 'function' || knownName(v),
};

/** True for a valid `scoring` value (its names are checked later, against the registry). */
export function isScoringInput(v: unknown): boolean {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'function') return true;
  if (Array.isArray(v)) return v.every((s) => typeof s === 'string');
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.values(v as Record<string, unknown>).every((s) => typeof s === 'string' || typeof s === 'function');
  }
  return false;
}
