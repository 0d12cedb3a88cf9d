/**
 * What the ensembles over a list of named estimators (VotingClassifier / VotingRegressor,
 * StackingClassifier / StackingRegressor) share: the `estimators` option of `[name, estimator |
 * 'drop']` pairs, its validation with errors naming the problem, the nested `name__option` keys,
 * replacing a member by name in `setParams`, and the fitted counterpart of the list.
 */
import { isEstimator, type BaseEstimator } from '../core/base';
import { isPredictor } from '../core/capabilities';
import { ValidationError, describeValue } from '../core/errors';
import type { ParamSpec } from '../core/params';

/** A member of a heterogeneous ensemble: an estimator, or `'drop'` to leave it out. */
export type EnsembleMember = BaseEstimator | 'drop';
/** A named member. */
export type NamedEstimator = [name: string, estimator: EnsembleMember];
/** A member as the constructors take it: a pair, readonly (`as const`) or not. */
export type NamedEstimatorLike = readonly [name: string, estimator: EnsembleMember];
/** The members by name, each with its own type: what `namedEstimators` returns. */
export type NamedMembersOf<M extends readonly NamedEstimatorLike[]> = { [E in M[number] as E[0]]: E[1] };

/** Why `value` is not a valid `estimators` option (undefined when it is). */
function problemOf(value: unknown, reserved: ReadonlySet<string>): { expected: string; received: string } | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    return { expected: "a non-empty array of [name, estimator | 'drop'] pairs", received: Array.isArray(value) ? 'an empty array' : describeValue(value) };
  }
  const seen = new Set<string>();
  for (let i = 0; i < value.length; i++) {
    const pair: unknown = value[i];
    if (!Array.isArray(pair) || pair.length !== 2) return { expected: "[name, estimator | 'drop'] pairs", received: `entry ${i}: ${describeValue(pair)}` };
    const [name, est] = pair as [unknown, unknown];
    if (typeof name !== 'string' || name === '') return { expected: 'names that are non-empty strings', received: `entry ${i}: name ${describeValue(name)}` };
    if (name.includes('__')) return { expected: "names free of '__'", received: `'${name}'` };
    if (reserved.has(name)) return { expected: `names other than the options (${[...reserved].join(', ')})`, received: `'${name}'` };
    if (seen.has(name)) return { expected: 'distinct names', received: `'${name}' twice` };
    seen.add(name);
    if (est !== 'drop' && !(isEstimator(est) && isPredictor(est))) {
      return { expected: "estimators with fit and predict, or 'drop'", received: `'${name}': ${describeValue(est)}` };
    }
  }
  return undefined;
}

/** The `estimators` option's rule (its description says what each pair must be). */
export function membersSpec(reserved: ReadonlySet<string>): ParamSpec {
  return {
    description: "a non-empty array of [name, estimator | 'drop'] pairs with distinct names free of '__', each estimator having fit and predict",
    check: (v) => problemOf(v, reserved) === undefined,
  };
}

/** Throws a ValidationError saying exactly what is wrong with an `estimators` option. */
export function requireMembers(owner: string, value: unknown, reserved: ReadonlySet<string>): void {
  const problem = problemOf(value, reserved);
  if (problem) throw new ValidationError({ code: 'invalid_option', estimator: owner, param: 'estimators', ...problem });
}

/** The estimators of the list (the `'drop'` entries left out), by name. */
export function liveMembers(list: readonly NamedEstimator[]): Array<[string, BaseEstimator]> {
  return list.filter((e): e is [string, BaseEstimator] => e[1] !== 'drop');
}

/** Whether `setParams({ [key]: value })` replaces a member (throws for a value that cannot be one). */
export function isMemberReplacement(owner: string, list: readonly NamedEstimator[], key: string, value: unknown): boolean {
  if (!list.some(([n]) => n === key)) return false;
  if (value !== 'drop' && !(isEstimator(value) && isPredictor(value))) {
    throw new ValidationError({ code: 'invalid_option', estimator: owner, param: key, expected: "an estimator with fit and predict, or 'drop'", received: describeValue(value) });
  }
  return true;
}

/** The list with the member `key` replaced. */
export function replaceMember(list: readonly NamedEstimator[], key: string, value: unknown): NamedEstimator[] {
  return list.map(([n, e]) => [n, n === key ? (value as EnsembleMember) : e] as NamedEstimator);
}

/** Throws unless at least one member is not dropped (scikit-learn checks this at fit). */
export function requireSomeMember(owner: string, list: readonly NamedEstimator[]): void {
  if (liveMembers(list).length === 0) {
    throw new ValidationError({
      code: 'invalid_option',
      estimator: owner,
      param: 'estimators',
      expected: "at least one estimator that is not 'drop'",
      received: `all ${list.length} dropped`,
      message: `${owner}: all estimators are dropped ('drop'); at least one is required.`,
    });
  }
}

/** The fitted members by name (`'drop'` for the dropped ones). */
export function membersByName(list: readonly NamedEstimator[]): Record<string, EnsembleMember> {
  const out: Record<string, EnsembleMember> = {};
  for (const [n, e] of list) out[n] = e;
  return out;
}

/**
 * The options object of an ensemble built as `new X(estimators, options)` or `new X({ estimators,
 * … })` (the second form is how `clone` and `loadModel` rebuild it), with the `estimators` option
 * checked first so that its error says exactly what is wrong.
 */
export function membersOptions<O extends { estimators: NamedEstimator[] }>(
  owner: string,
  first: readonly NamedEstimatorLike[] | Partial<O> | undefined,
  options: Partial<Omit<O, 'estimators'>> | undefined,
  reserved: ReadonlySet<string>,
): Partial<O> {
  const all = (Array.isArray(first) ? { ...options, estimators: first } : first) as Partial<O> | undefined;
  requireMembers(owner, all?.estimators, reserved);
  return all as Partial<O>;
}

/**
 * The weights of the members that are not dropped (scikit-learn's `_weights_not_none`), or null for
 * equal weights; `weights` has one entry per member, dropped ones included.
 */
export function liveWeights(owner: string, list: readonly NamedEstimator[], weights: readonly number[] | null): number[] | null {
  if (weights === null) return null;
  if (weights.length !== list.length) {
    throw new ValidationError({
      code: 'invalid_option',
      estimator: owner,
      param: 'weights',
      expected: `one weight per estimator (${list.length})`,
      received: `${weights.length} weights`,
      message: `${owner}: the number of weights must equal the number of estimators; got ${weights.length} weights, ${list.length} estimators.`,
    });
  }
  const live = weights.filter((_, i) => list[i][1] !== 'drop');
  if (!(live.reduce((a, b) => a + b, 0) > 0)) {
    throw new ValidationError({
      code: 'invalid_option',
      estimator: owner,
      param: 'weights',
      expected: 'weights of the estimators that are not dropped with a positive sum',
      received: `[${weights.join(', ')}]`,
    });
  }
  return live;
}
