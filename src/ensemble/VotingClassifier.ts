import type { Matrix } from 'ml-matrix';
import type { BaseEstimator } from '../core/base';
import { ValidationError } from '../core/errors';
import { arrayOf, bool, nullable, num, oneOf } from '../core/params';
import { MembersEnsemble } from './_MembersEnsemble';
import { accuracyScore } from '../metrics/accuracyScore';
import { registerEstimator } from '../core/serialization';
import { fittedSteps, nFeaturesIn, type StateSchema } from '../core/stateSchema';
import type { EstimatorTags, Label, MatrixLike } from '../core/types';
import { toSampleWeight } from '../core/validation';
import { matrixFromFlat, toMatrix } from '../core/data/index';
import { LabelEncoder } from '../preprocessing/LabelEncoder';
import { answers, argmaxRows, asSteps, classIndices, classesOfMembers, firstRow, fitMember, memberProba, memberVotes } from './_members';
import {
  liveMembers,
  liveWeights,
  membersOptions,
  membersSpec,
  requireSomeMember,
  type NamedEstimator,
  type NamedEstimatorLike,
} from './_namedEstimators';

/** Options of {@link VotingClassifier}. */
export interface VotingClassifierOptions {
  /** The members, as `[name, estimator]` pairs; an estimator may be `'drop'` to leave it out. */
  estimators: NamedEstimator[];
  /**
   * `'hard'`: each member votes for its predicted class (weighted); `'soft'`: the class of largest
   * (weighted) mean probability, which needs members with `predictProba`. @defaultValue 'hard'
   */
  voting: 'hard' | 'soft';
  /** One weight per member (dropped ones included), or null for equal weights. @defaultValue null */
  weights: number[] | null;
  /**
   * With soft voting, `transform` returns the members' probabilities side by side (n × members·classes);
   * false: one n × classes matrix per member. @defaultValue true
   */
  flattenTransform: boolean;
}

interface VotingClassifierState {
  nFeaturesIn: number;
  classes: Label[];
  /** The fitted members (clones of the configured ones; `'drop'` kept by name). */
  fitted: NamedEstimator[];
}

const RESERVED = new Set(['estimators', 'voting', 'weights', 'flattenTransform']);
const NAME = 'VotingClassifier';

/**
 * Combines classifiers by majority vote (`voting: 'hard'`) or by their averaged class
 * probabilities (`'soft'`), as scikit-learn's `VotingClassifier`. `fit` fits a clone of each member
 * on the class indices of y (as scikit-learn's members see `le_.transform(y)`), with `sampleWeight`
 * when given (every member must take it). Weighted: `weights` multiplies each member's vote or
 * probabilities.
 *
 * Fitted attributes: `estimators_` (the fitted members, dropped ones left out),
 * `namedEstimators_`, `classes_`, `le_` (a LabelEncoder of the classes), `nFeaturesIn_`.
 * `transform` gives the members' probabilities (soft) or class indices (hard).
 * @example
 * ```ts
 * import { VotingClassifier, LogisticRegression, DecisionTreeClassifier } from 'typelearn';
 * const X = [[0, 0], [1, 1], [0, 1], [1, 0], [2, 2], [2, 1]];
 * const y = ['a', 'b', 'a', 'b', 'b', 'b'];
 * const vote = new VotingClassifier([
 *   ['lr', new LogisticRegression()],
 *   ['tree', new DecisionTreeClassifier({ maxDepth: 2, randomState: 0 })],
 * ], { voting: 'soft' }).fit(X, y);
 * console.log(vote.predict([[0, 0.2], [2, 2]])); // [ 'a', 'b' ]
 * console.log(Object.keys(vote.namedEstimators_)); // [ 'lr', 'tree' ]
 * ```
 */
export class VotingClassifier<L extends Label = Label, const M extends readonly NamedEstimatorLike[] = NamedEstimator[]> extends MembersEnsemble<VotingClassifierOptions, VotingClassifierState, M> {
  static override readonly className = NAME;
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    classes: classesOfMembers((s) => asSteps(s.fitted), true),
    fitted: fittedSteps('estimators'),
  };
  static override readonly defaults: VotingClassifierOptions = { estimators: [], voting: 'hard', weights: null, flattenTransform: true };
  static override readonly paramSchema = {
    estimators: membersSpec(RESERVED),
    voting: oneOf('hard', 'soft'),
    weights: nullable(arrayOf(num({ min: 0 }))),
    flattenTransform: bool(),
  };
  static override readonly tags: Partial<EstimatorTags> = { estimatorType: 'classifier', requiresY: true };

  /**
   * @param estimators - the `[name, estimator]` pairs, or one options object `{ estimators, … }`.
   * @param options - the other options, with the first form.
   */
  constructor(estimators?: M | Partial<VotingClassifierOptions>, options?: Partial<Omit<VotingClassifierOptions, 'estimators'>>) {
    super(membersOptions<VotingClassifierOptions>(NAME, estimators, options, RESERVED));
  }

  /** The class labels seen in `fit`, sorted as scikit-learn sorts them. */
  get classes_(): L[] {
    return this.fitted('classes_').classes.slice() as L[];
  }

  /** Mean accuracy on the given data (weighted by `sampleWeight` when given). */
  score(X: MatrixLike, y: ArrayLike<Label>, sampleWeight?: ArrayLike<number>): number {
    return accuracyScore(y, this.predict(X), { sampleWeight });
  }

  /**
   * Fits a clone of every member on X and the class indices of y.
   * @param sampleWeight - passed to every member's fit (each must take sample weights).
   */
  fit<T extends Label>(X: MatrixLike, y: ArrayLike<T>, sampleWeight?: ArrayLike<number>): VotingClassifier<T, M>;
  fit(X: MatrixLike, y: ArrayLike<Label>, sampleWeight?: ArrayLike<number>): this {
    const Xd = this.checkX(X, { reset: true });
    const n = Xd.rows;
    const { classes, codes: yi } = classIndices(NAME, y, n);
    const list = this.params.estimators;
    requireSomeMember(NAME, list);
    liveWeights(NAME, list, this.params.weights);
    const sw = sampleWeight === undefined ? undefined : toSampleWeight(sampleWeight, n, NAME);
    const Xm = toMatrix(Xd);
    const fitted: NamedEstimator[] = list.map(([name, est]) => {
      if (est === 'drop') return [name, est];
      const clone = est.clone();
      fitMember({ estimator: NAME, role: `estimator '${name}'` }, clone, Xm, yi, sw);
      if (this.params.voting === 'soft' && !answers(clone, 'predictProba', firstRow(Xd))) {
        throw new ValidationError({
          code: 'invalid_option',
          estimator: NAME,
          param: 'voting',
          message: `${NAME} with voting 'soft' needs predictProba from every estimator, but estimator '${name}' (${clone.className}) does not provide it. Use voting 'hard', or an estimator with probabilities (SVC with probability: true).`,
        });
      }
      return [name, clone];
    });
    this.state = { nFeaturesIn: Xd.cols, classes, fitted };
    return this;
  }

  /** The live fitted members with their weights. */
  private members(what: string): { s: VotingClassifierState; live: BaseEstimator[]; w: number[] } {
    const s = this.fitted(what);
    const live = liveMembers(s.fitted).map(([, e]) => e);
    const w = liveWeights(NAME, s.fitted, this.params.weights) ?? live.map(() => 1);
    return { s, live, w };
  }

  /** Each member's probabilities (n × K, in the classes' columns). */
  private probas(X: MatrixLike, what: string): { s: VotingClassifierState; P: Float64Array[]; w: number[]; n: number } {
    if (this.params.voting !== 'soft') {
      throw new ValidationError({ code: 'unsupported', estimator: NAME, message: `${NAME} has no ${what} when voting is 'hard'; use voting 'soft'.` });
    }
    const { s, live, w } = this.members(what);
    const Xm = toMatrix(this.checkX(X));
    const K = s.classes.length;
    const P = live.map((e, i) => {
      const p = memberProba(e, Xm, K);
      if (p === undefined) {
        const name = liveMembers(s.fitted)[i][0];
        throw new ValidationError({ code: 'unsupported', estimator: NAME, message: `${NAME} has no ${what}: estimator '${name}' (${e.className}) does not provide predictProba.` });
      }
      return p;
    });
    return { s, P, w, n: Xm.rows };
  }

  /** The weighted mean of the members' class probabilities (soft voting only), columns as `classes_`. */
  predictProba(X: MatrixLike): Matrix {
    const { s, P, w, n } = this.probas(X, 'predictProba');
    const K = s.classes.length;
    const out = new Float64Array(n * K);
    let total = 0;
    for (const v of w) total += v;
    P.forEach((p, m) => {
      for (let i = 0; i < out.length; i++) out[i] += w[m] * p[i];
    });
    for (let i = 0; i < out.length; i++) out[i] /= total;
    return matrixFromFlat(out, n, K);
  }

  /** The class of largest weighted vote (hard) or mean probability (soft); ties go to the first class. */
  predict(X: MatrixLike): L[];
  predict(X: MatrixLike): Label[] {
    const classes = this.fitted('predict').classes;
    if (this.params.voting === 'soft') {
      const P = this.predictProba(X);
      return Array.from(argmaxRows(Float64Array.from(P.to1DArray()), P.rows, P.columns), (k) => classes[k]);
    }
    const { live, w } = this.members('predict');
    const Xm = toMatrix(this.checkX(X));
    const n = Xm.rows;
    const K = classes.length;
    const votes = new Float64Array(n * K);
    live.forEach((e, m) => {
      const v = memberVotes(e, Xm, { estimator: NAME, role: 'estimator' }, K);
      for (let i = 0; i < n; i++) votes[i * K + v[i]] += w[m];
    });
    return Array.from(argmaxRows(votes, n, K), (k) => classes[k]);
  }

  /**
   * Soft voting: the members' probabilities, side by side (n × members·classes), or with
   * `flattenTransform: false` one n × classes matrix per member. Hard voting: each member's predicted
   * class index (n × members).
   */
  transform(X: MatrixLike): Matrix | Matrix[] {
    if (this.params.voting === 'soft') {
      const { s, P, n } = this.probas(X, 'transform');
      const K = s.classes.length;
      if (!this.params.flattenTransform) return P.map((p) => matrixFromFlat(p, n, K));
      const cols = P.length * K;
      const out = new Float64Array(n * cols);
      P.forEach((p, m) => {
        for (let i = 0; i < n; i++) for (let k = 0; k < K; k++) out[i * cols + m * K + k] = p[i * K + k];
      });
      return matrixFromFlat(out, n, cols);
    }
    const { s, live } = this.members('transform');
    const Xm = toMatrix(this.checkX(X));
    const n = Xm.rows;
    const out = new Float64Array(n * live.length);
    live.forEach((e, m) => {
      const v = memberVotes(e, Xm, { estimator: NAME, role: 'estimator' }, s.classes.length);
      for (let i = 0; i < n; i++) out[i * live.length + m] = v[i];
    });
    return matrixFromFlat(out, n, live.length);
  }

  /** A LabelEncoder fitted on the classes: it maps labels to the indices the members were fitted on. */
  get le_(): LabelEncoder {
    return new LabelEncoder().fit(this.fitted('le_').classes);
  }
}

registerEstimator(VotingClassifier);
