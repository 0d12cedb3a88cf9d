/**
 * The base of the ensembles over a list of named members (VotingClassifier / VotingRegressor,
 * StackingClassifier / StackingRegressor): the configured and fitted members by name, the
 * `name__option` keys, replacing or dropping a member through `setParams`, and tags that follow
 * the members. The subclasses add `fit`, their predictions and `score` (accuracy or R², as
 * `BaseClassifier` / `BaseRegressor` do).
 */
import { BaseEstimator } from '../core/base';
import type { EstimatorTags } from '../core/types';
import { membersTags } from './_members';
import { isMemberReplacement, liveMembers, membersByName, replaceMember, type NamedEstimator, type NamedEstimatorLike, type NamedMembersOf } from './_namedEstimators';

/** The option every such ensemble has. */
export interface MembersOptions {
  /** The members, as `[name, estimator]` pairs; an estimator may be `'drop'` to leave it out. */
  estimators: NamedEstimator[];
}

/** The part of the fitted state every such ensemble has. */
export interface MembersState {
  nFeaturesIn: number;
  /** The fitted members (clones of the configured ones; `'drop'` kept by name). */
  fitted: NamedEstimator[];
}

export abstract class MembersEnsemble<P extends MembersOptions, S extends MembersState, M extends readonly NamedEstimatorLike[] = NamedEstimator[]> extends BaseEstimator<P, S> {
  /** The members as configured (never fitted in place; see {@link estimators_}). */
  get estimators(): NamedEstimator[] {
    return this.params.estimators.map(([n, e]) => [n, e] as NamedEstimator);
  }

  /** The members as configured, by name (`'drop'` for the dropped ones). */
  get namedEstimators(): NamedMembersOf<M> {
    return membersByName(this.params.estimators) as NamedMembersOf<M>;
  }

  /** The estimators whose tags the ensemble's follow (the live members; stacking adds its final estimator). */
  protected tagMembers(): BaseEstimator[] {
    return liveMembers(this.params.estimators).map(([, e]) => e);
  }

  /** NaN accepted when every member accepts it; results vary between fits when a member's do. */
  instanceTags(): Partial<EstimatorTags> {
    return membersTags(this.tagMembers());
  }

  protected override nestedEstimators(): Array<[string, BaseEstimator]> {
    return liveMembers(this.params.estimators);
  }

  /** The options; with `deep`, also each member by name and the nested options as `name__option`. */
  override getParams(deep = true): P & Record<string, unknown> {
    const out: Record<string, unknown> = { ...(super.getParams(deep) as Record<string, unknown>), estimators: this.estimators };
    if (deep) for (const [name, est] of this.params.estimators) out[name] = est;
    return out as P & Record<string, unknown>;
  }

  protected override acceptsNestedReplacement(key: string, value: unknown): boolean {
    return isMemberReplacement(this.className, this.params.estimators, key, value);
  }

  protected override replaceNested(key: string, value: unknown): void {
    this.params = { ...this.params, estimators: replaceMember(this.params.estimators, key, value) };
  }

  /** The fitted members (clones of the configured ones), dropped ones left out. */
  get estimators_(): BaseEstimator[] {
    return liveMembers(this.fitted('estimators_').fitted).map(([, e]) => e);
  }

  /** The fitted members by name (`'drop'` for the dropped ones). */
  get namedEstimators_(): NamedMembersOf<M> {
    return membersByName(this.fitted('namedEstimators_').fitted) as NamedMembersOf<M>;
  }
}
