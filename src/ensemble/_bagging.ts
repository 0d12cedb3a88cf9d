/**
 * What BaggingClassifier and BaggingRegressor share: their options, drawing each member's features
 * and samples from its seed (scikit-learn's `_generate_bagging_indices`), fitting the members (on
 * the drawn rows, or on every row with the draw counts as sample weights when the member's `fit`
 * takes weights, as scikit-learn does), warm start, the out-of-bag rows, and the fitted state's rules.
 */
import { ProgressReporter, type FitControl } from '../core/fitControl';
import type { Matrix } from 'ml-matrix';
import { isEstimator, type BaseEstimator } from '../core/base';
import { acceptsSampleWeight, isPredictor } from '../core/capabilities';
import { TypelearnWarning, ValidationError, warn } from '../core/errors';
import { bool, int, num, nullable, randomStateSpec, union, type ParamSpec } from '../core/params';
import { RandomState, checkRandomState } from '../core/random';
import { fittedEstimator, listOf, matrixRows, numberArray, refine, type StateSpec } from '../core/stateSchema';
import { takeColumns, takeRows, toMatrix, type RowMajor } from '../core/data/index';
import { fitMember, seedRandomStates } from './_members';

/** Options both bagging ensembles take. */
export interface BaggingOptions {
  /** The estimator each member is a clone of; null: a decision tree of the ensemble's kind. @defaultValue null */
  estimator: BaseEstimator | null;
  /** The number of members. @defaultValue 10 */
  nEstimators: number;
  /**
   * The samples drawn for each member: a fraction in (0, 1] of the rows (1, the default, draws as
   * many as there are), or a count ≥ 2. (JavaScript cannot tell 1 from 1.0, so 1 is the fraction.)
   * @defaultValue 1
   */
  maxSamples: number;
  /** The features drawn for each member: a fraction in (0, 1] (at least one feature), or a count ≥ 2. @defaultValue 1 */
  maxFeatures: number;
  /** Draw samples with replacement. @defaultValue true */
  bootstrap: boolean;
  /** Draw features with replacement. @defaultValue false */
  bootstrapFeatures: boolean;
  /** Score the ensemble on the out-of-bag samples (`oobScore_`); needs `bootstrap`. @defaultValue false */
  oobScore: boolean;
  /** A refit on the same data keeps the fitted members and adds new ones up to `nEstimators`. @defaultValue false */
  warmStart: boolean;
  /** Seed of the draws and of the members' own `randomState`s; null draws a fresh seed. @defaultValue null */
  randomState: number | null;
}

const fraction = num({ min: 0, max: 1, minInclusive: false });
const count = int({ min: 2 });
const drawSpec: ParamSpec = union(fraction, count);

export const baggingDefaults: BaggingOptions = {
  estimator: null,
  nEstimators: 10,
  maxSamples: 1,
  maxFeatures: 1,
  bootstrap: true,
  bootstrapFeatures: false,
  oobScore: false,
  warmStart: false,
  randomState: null,
};

export const baggingSchema: Record<keyof BaggingOptions, ParamSpec> = {
  estimator: nullable({ description: 'a typelearn estimator with fit and predict', check: (v) => isEstimator(v) && isPredictor(v) }),
  nEstimators: int({ min: 1 }),
  maxSamples: drawSpec,
  maxFeatures: drawSpec,
  bootstrap: bool(),
  bootstrapFeatures: bool(),
  oobScore: bool(),
  warmStart: bool(),
  randomState: randomStateSpec,
};

/** The members and how they were drawn: the part of the state both bagging ensembles share. */
export interface BaggingCore {
  nFeaturesIn: number;
  nSamples: number;
  /** Samples drawn per member (resolved from `maxSamples`). */
  maxSamples: number;
  /** Features drawn per member (resolved from `maxFeatures`). */
  maxFeatures: number;
  bootstrap: boolean;
  bootstrapFeatures: boolean;
  /** Each member's seed: its draws and its `randomState`s come from it. */
  seeds: number[];
  estimators: BaseEstimator[];
  /** The features of each member, in the order it sees them. */
  features: number[][];
}

/** `k` distinct integers of [0, n), ascending (a partial Fisher–Yates shuffle). */
function withoutReplacement(rng: RandomState, n: number, k: number): number[] {
  const pool = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + rng.randint(n - i);
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return Array.from(pool.subarray(0, k)).sort((a, b) => a - b);
}

function draw(rng: RandomState, replace: boolean, n: number, k: number): number[] {
  if (!replace) return withoutReplacement(rng, n, k);
  return Array.from({ length: k }, () => rng.randint(n));
}

/** A member's features, then its samples, drawn from its seed (the same at fit and afterwards). */
export function drawIndices(core: Omit<BaggingCore, 'seeds' | 'estimators' | 'features'>, seed: number): { features: number[]; samples: number[] } {
  const rng = new RandomState(seed);
  const features = draw(rng, core.bootstrapFeatures, core.nFeaturesIn, core.maxFeatures);
  const samples = draw(rng, core.bootstrap, core.nSamples, core.maxSamples);
  return { features, samples };
}

/** A count from a `maxSamples` / `maxFeatures` value (fraction or count), checked against the total. */
function resolveDraw(owner: string, param: string, v: number, total: number, what: string): number {
  // A fraction of the features draws at least one (scikit-learn's max(1, int(f · d))); of the samples, it may draw none.
  const k = count.check(v) ? v : param === 'maxFeatures' ? Math.max(1, Math.floor(v * total)) : Math.floor(v * total);
  if (k > total) {
    throw new ValidationError({ code: 'invalid_option', estimator: owner, param, expected: `at most the number of ${what} (${total})`, received: `${v}` });
  }
  if (k < 1) {
    throw new ValidationError({ code: 'invalid_option', estimator: owner, param, expected: `a fraction drawing at least one of the ${total} ${what}`, received: `${v} (0 ${what})` });
  }
  return k;
}

/** What fitting a bagging ensemble needs besides the options. */
export interface BaggingFit {
  owner: string;
  p: BaggingOptions;
  X: RowMajor;
  /** The target the members see (class indices for a classifier). */
  y: ArrayLike<number>;
  sampleWeight?: Float64Array;
  /** The estimator to clone (the option, or the default tree). */
  base: BaseEstimator;
  /** The previous fit, kept and extended with `warmStart`. */
  previous?: BaggingCore;
  /** Progress (unit `'estimator'`, per new member) and cancellation. */
  control?: FitControl;
}

/** Whether rows i of 0..n-1 were in the bag of a member drawn `samples`. */
export function inBag(samples: readonly number[], n: number): Uint8Array {
  const mask = new Uint8Array(n);
  for (const i of samples) mask[i] = 1;
  return mask;
}

/** The columns of X a member sees, as a Matrix (X itself when it sees all of them in order). */
export function memberInput(X: RowMajor, features: readonly number[], Xm?: Matrix): Matrix {
  const identity = features.length === X.cols && features.every((f, j) => f === j);
  if (identity) return Xm ?? toMatrix(X);
  return toMatrix(takeColumns(X, features));
}

/**
 * Fits the members, as scikit-learn's `BaseBagging._fit`: one seed per member from `randomState`,
 * each member a clone of the estimator with its `randomState`s drawn from its seed, fitted on its
 * drawn features and, when its `fit` takes sample weights, on every row weighted by how often the
 * row was drawn (times `sampleWeight`), else on the drawn rows. With `warmStart`, the members of
 * the previous fit are kept (the seeds continue the same stream) and only new ones are fitted.
 * Returns undefined when a warm start has nothing to add (a warning says so).
 */
export function fitBagging(f: BaggingFit): BaggingCore | undefined {
  const { owner, p, X, y, sampleWeight: sw } = f;
  const n = X.rows;
  const d = X.cols;
  if (p.oobScore && !p.bootstrap) {
    throw new ValidationError({ code: 'invalid_option', estimator: owner, param: 'oobScore', expected: 'false when bootstrap is false (out-of-bag samples need bootstrap)', received: 'true' });
  }
  if (p.oobScore && p.warmStart) {
    throw new ValidationError({ code: 'invalid_option', estimator: owner, param: 'oobScore', expected: 'false when warmStart is true (scikit-learn computes no out-of-bag estimate then)', received: 'true' });
  }
  const drawn = {
    nFeaturesIn: d,
    nSamples: n,
    maxSamples: resolveDraw(owner, 'maxSamples', p.maxSamples, n, 'samples'),
    maxFeatures: resolveDraw(owner, 'maxFeatures', p.maxFeatures, d, 'features'),
    bootstrap: p.bootstrap,
    bootstrapFeatures: p.bootstrapFeatures,
  };
  if (!acceptsSampleWeight(f.base) && sw !== undefined) {
    throw new ValidationError({ code: 'unsupported', estimator: owner, param: 'sampleWeight', message: `${owner} was given sampleWeight, but its estimator (${f.base.className}) does not take sample weights in fit.` });
  }
  let prev = p.warmStart ? f.previous : undefined;
  if (prev) {
    const same = (Object.keys(drawn) as Array<keyof typeof drawn>).every((k) => drawn[k] === prev![k]);
    if (!same) {
      throw new ValidationError({
        code: 'invalid_input',
        estimator: owner,
        param: 'X',
        message: `${owner} with warmStart adds members to the previous fit, so X must have as many rows and features, and maxSamples, maxFeatures, bootstrap and bootstrapFeatures must draw as before (set warmStart: false to fit anew).`,
      });
    }
    if (p.nEstimators < prev.estimators.length) {
      throw new ValidationError({ code: 'invalid_option', estimator: owner, param: 'nEstimators', expected: `at least the ${prev.estimators.length} members already fitted (warmStart)`, received: `${p.nEstimators}` });
    }
    if (p.nEstimators === prev.estimators.length) {
      warn(new TypelearnWarning(`${owner}: warm-start fitting without increasing nEstimators does not fit new members.`));
      return undefined;
    }
  } else prev = undefined;
  const rng = checkRandomState(p.randomState, owner);
  const seeds = Array.from({ length: p.nEstimators }, () => rng.seed());
  const kept = prev?.estimators.length ?? 0;
  if (prev) seeds.splice(0, kept, ...prev.seeds);
  const estimators = prev ? prev.estimators.slice() : [];
  const features = prev ? prev.features.map((r) => r.slice()) : [];
  const Xm = toMatrix(X);
  const progress = new ProgressReporter(f.control ?? {}, 'estimator', p.nEstimators - kept);
  for (let i = kept; i < p.nEstimators; i++) {
    const member = f.base.clone();
    seedRandomStates(member, seeds[i] >>> 1);
    const { features: feats, samples } = drawIndices(drawn, seeds[i]);
    const role = { estimator: owner, role: 'estimator' };
    if (acceptsSampleWeight(member)) {
      const w = new Float64Array(n);
      for (const r of samples) w[r] = p.bootstrap ? w[r] + 1 : 1;
      if (sw) for (let r = 0; r < n; r++) w[r] *= sw[r];
      fitMember(role, member, memberInput(X, feats, Xm), y, w);
    } else {
      const rows = takeRows(X, samples);
      const yRows = samples.map((r) => y[r]);
      fitMember(role, member, memberInput(rows, feats), yRows);
    }
    estimators.push(member);
    features.push(feats);
    progress.step(i - kept + 1);
  }
  return { ...drawn, seeds, estimators, features };
}

/**
 * The rules of {@link BaggingCore}'s keys (after `nFeaturesIn` and, for a classifier, `classes`);
 * `defaultMember` names the members' class when the `estimator` option is null.
 */
export function baggingRules(defaultMember: string): Record<string, StateSpec> {
  const members = (c: { state: Readonly<Record<string, unknown>> }) => (c.state.seeds as unknown[]).length;
  return {
    nSamples: int({ min: 1 }),
    maxSamples: refine(int({ min: 1 }), 'at most nSamples', (v: number, { state }) => v <= (state.nSamples as number)),
    maxFeatures: refine(int({ min: 1 }), 'at most nFeaturesIn', (v: number, { state }) => v <= (state.nFeaturesIn as number)),
    bootstrap: bool(),
    bootstrapFeatures: bool(),
    seeds: refine(numberArray({ integer: true, min: 0, max: 4294967295, anyLength: true }), 'of at least one seed', (v: number[]) => v.length >= 1),
    estimators: refine(
      listOf(fittedEstimator({ nFeaturesIn: (c) => c.state.maxFeatures as number }), { length: members }),
      'of the estimator option’s class',
      (v: Array<{ className: string }>, { params }) => {
        const option = params.estimator as { className?: unknown } | null;
        return v.every((e) => e.className === (option === null ? defaultMember : option.className));
      },
    ),
    features: refine(matrixRows({ rows: members, cols: (c) => c.state.maxFeatures as number, integer: true, min: 0 }), 'of feature indices below nFeaturesIn', (v: number[][], { state }) =>
      v.every((row) => row.every((j) => j < (state.nFeaturesIn as number))),
    ),
  };
}


/** An out-of-bag attribute, or (for a model fitted without `oobScore`) a ValidationError saying so. */
export function oobValue<T>(owner: string, v: T | null, attribute: string): T {
  if (v === null) {
    throw new ValidationError({ code: 'unsupported', estimator: owner, param: 'oobScore', message: `${owner} has no ${attribute}: it was fitted without oobScore: true.` });
  }
  return v;
}
