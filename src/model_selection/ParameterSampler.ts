import { TypelearnWarning, ValidationError, describeValue, warn } from '../core/errors';
import { randomStateSpec } from '../core/params';
import { checkRandomState, type RandomState } from '../core/random';
import { MAX_COUNT, checkSize } from '../core/sizes';
import { isDistribution, type Distribution } from './_distribution';
import { ParameterGrid, type ParamGridDict, type ParamSet } from './ParameterGrid';

/** One set of distributions: option name → an array of values (picked uniformly) or a distribution. */
export type ParamDistributionsDict = Record<string, readonly unknown[] | Distribution>;
/** A set of distributions or a list of them (each draw first picks one set at random). */
export type ParamDistributionsInput = ParamDistributionsDict | readonly ParamDistributionsDict[];

/** Validates distributions and returns them as a list; throws naming `fn` and `param`. */
export function checkParamDistributions(d: unknown, fn: string, param = 'paramDistributions'): ParamDistributionsDict[] {
  const fail = (expected: string, received: string): never => {
    throw new ValidationError({ code: 'invalid_option', estimator: fn, param, expected, received });
  };
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isObj(d) && !Array.isArray(d)) fail('an object of option → array of values or distribution, or an array of such objects', describeValue(d));
  const list = (Array.isArray(d) ? d : [d]) as unknown[];
  if (list.length === 0) fail('a non-empty array of distribution sets', 'an empty array');
  list.forEach((g, i) => {
    if (!isObj(g)) fail('objects of option → array of values or distribution', `${describeValue(g)} at index ${i}`);
    for (const [key, v] of Object.entries(g as Record<string, unknown>)) {
      if (key === '__proto__') fail("option names (a '__proto__' key, as JSON.parse makes, names no option and would replace the prototype of every candidate)", `'__proto__' in set ${i}`);
      if (isDistribution(v)) continue;
      if (!Array.isArray(v)) fail(`an array of values or a distribution (an object with rvs) for '${key}'`, describeValue(v));
      if ((v as unknown[]).length === 0) fail(`a non-empty array of values for '${key}'`, 'an empty array');
    }
  });
  return list as ParamDistributionsDict[];
}

/** `k` distinct integers from [0, n) in random order (a partial Fisher–Yates shuffle). */
function sampleWithoutReplacement(n: number, k: number, rng: RandomState): number[] {
  const swapped = new Map<number, number>();
  const out: number[] = [];
  for (let i = 0; i < k; i++) {
    const j = i + rng.randint(n - i);
    const vi = swapped.get(i) ?? i;
    const vj = swapped.get(j) ?? j;
    out.push(vj);
    swapped.set(j, vi);
  }
  return out;
}

/**
 * Random candidates for a randomized search, as scikit-learn's `ParameterSampler`: when every
 * option is given as an array, `nIter` distinct candidates of the grid (all of them, with a warning,
 * if the grid is smaller); otherwise each draw picks a set of distributions, then for each option (in
 * sorted order) a value of its array or a draw of its distribution. The same `randomState` gives the
 * same candidates.
 * @example
 * ```ts
 * import { ParameterSampler, uniform } from 'typelearn';
 * const s = new ParameterSampler({ alpha: uniform(0, 1), kernel: ['rbf', 'linear'] }, 3, { randomState: 0 });
 * const c = s.toArray();
 * console.log(c.length, Object.keys(c[0])); // 3 [ 'alpha', 'kernel' ]
 * ```
 */
export class ParameterSampler implements Iterable<ParamSet> {
  /** The distributions (or lists of values) of each option, as a list of dictionaries. */
  readonly paramDistributions: ParamDistributionsDict[];
  /** How many candidates to draw. */
  readonly nIter: number;
  /** The seed; null draws a fresh one each time the sampler is iterated. */
  readonly randomState: number | null;

  constructor(paramDistributions: ParamDistributionsInput, nIter: number, options: { randomState?: number | null } = {}) {
    this.paramDistributions = checkParamDistributions(paramDistributions, 'ParameterSampler');
    if (typeof nIter !== 'number' || !Number.isInteger(nIter) || nIter < 1) {
      throw new ValidationError({ code: 'invalid_option', estimator: 'ParameterSampler', param: 'nIter', expected: 'an integer ≥ 1', received: describeValue(nIter) });
    }
    const seed = options.randomState ?? null;
    if (!randomStateSpec.check(seed)) {
      throw new ValidationError({ code: 'invalid_option', estimator: 'ParameterSampler', param: 'randomState', expected: randomStateSpec.description, received: describeValue(seed) });
    }
    this.nIter = nIter;
    this.randomState = seed;
  }

  private allLists(): boolean {
    return this.paramDistributions.every((d) => Object.values(d).every((v) => !isDistribution(v)));
  }

  /** The number of candidates drawn. */
  get length(): number {
    if (this.allLists()) return Math.min(this.nIter, new ParameterGrid(this.paramDistributions as ParamGridDict[]).length);
    return this.nIter;
  }

  /** Draws the candidates, one at a time. */
  *[Symbol.iterator](): Iterator<ParamSet> {
    const rng = checkRandomState(this.randomState);
    if (this.allLists()) {
      const grid = new ParameterGrid(this.paramDistributions as ParamGridDict[]);
      const size = grid.length;
      let nIter = this.nIter;
      if (size < nIter) {
        warn(new TypelearnWarning(`The total space of parameters ${size} is smaller than nIter=${nIter}. Running ${size} iterations. For exhaustive searches, use GridSearchCV.`, 'ParameterSampler'));
        nIter = size;
      }
      for (const i of sampleWithoutReplacement(size, nIter, rng)) yield grid.at(i);
      return;
    }
    for (let it = 0; it < this.nIter; it++) {
      const dist = this.paramDistributions[rng.randint(this.paramDistributions.length)];
      const out: ParamSet = {};
      for (const k of Object.keys(dist).sort()) {
        const v = dist[k];
        out[k] = isDistribution(v) ? v.rvs(rng) : v[rng.randint(v.length)];
      }
      yield out;
    }
  }

  /** All candidates, in order. */
  toArray(): ParamSet[] {
    checkSize(this.length, { estimator: 'ParameterSampler', param: 'nIter', limit: MAX_COUNT, what: 'candidates' });
    return [...this];
  }
}
