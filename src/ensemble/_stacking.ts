/**
 * What StackingClassifier and StackingRegressor share: fitting the members on all the data and
 * collecting their out-of-fold outputs (through `outOfFold`, the machinery of `crossValPredict`),
 * assembling the final estimator's input (scikit-learn's `_concatenate_predictions`), and the
 * fitted state with its rules.
 */
import type { Matrix } from 'ml-matrix';
import { isEstimator, type BaseEstimator } from '../core/base';
import { hasDecisionFunction, isPredictor, isProbaPredictor, requireCapability } from '../core/capabilities';
import { ValidationError } from '../core/errors';
import { MAX_ELEMENTS, checkSize } from '../core/sizes';
import { bool, fittedEstimator, fittedSteps, listOf, nFeaturesIn, numberArray, oneOf, refine, type StateSchema, type StateSpec } from '../core/stateSchema';
import { flatOf, matrixFromFlat, toMatrix, type RowMajor } from '../core/data/index';
import { CV_DESCRIPTION, checkCv, isCvInput, type CvInput } from '../model_selection/checkCv';
import { estimatorSpec } from '../model_selection/BaseSearchCV';
import type { ParamSpec } from '../core/params';
import { outOfFold, type CrossValPredictMethod } from '../model_selection/crossValPredict';
import { answers, firstRow, fitMember } from './_members';
import { liveMembers, type NamedEstimator } from './_namedEstimators';

/** How the members' outputs feed the final estimator (scikit-learn's `stack_method`). */
export type StackMethod = 'auto' | 'predict_proba' | 'decision_function' | 'predict';
/** The method resolved for one member. */
export type ResolvedStackMethod = Exclude<StackMethod, 'auto'>;

/** The fitted state of a stacking ensemble. */
export interface StackingState {
  nFeaturesIn: number;
  /** The fitted members, on all the data (`'drop'` kept by name). */
  fitted: NamedEstimator[];
  /** The method of each member that is not dropped. */
  stackMethod: ResolvedStackMethod[];
  /** How many columns each live member gives the final estimator. */
  nFeatureOuts: number[];
  /** Whether X was appended to the members' outputs. */
  passthrough: boolean;
  /** The final estimator, fitted on the members' out-of-fold outputs. */
  finalEstimator: BaseEstimator;
}

/**
 * The rules of {@link StackingState} (after `nFeaturesIn` and, for a classifier, `classes`);
 * `defaultFinal` names the final estimator's class when the option is null.
 */
export function stackingRules(defaultFinal: string): Record<string, StateSpec> {
  const live = (params: Readonly<Record<string, unknown>>) => (params.estimators as NamedEstimator[]).filter(([, e]) => e !== 'drop').length;
  return {
    fitted: fittedSteps('estimators'),
    stackMethod: listOf(oneOf('predict_proba', 'decision_function', 'predict'), { length: (c) => live(c.params) }),
    nFeatureOuts: numberArray({ integer: true, min: 1, length: (c) => live(c.params) }),
    passthrough: bool(),
    finalEstimator: refine(fittedEstimator(), 'of the finalEstimator option’s class, fitted on the members’ outputs (and X with passthrough)', (v: { nFeaturesIn_: number; className: string }, { state, params }) => {
      const option = params.finalEstimator as { className?: unknown } | null;
      if (v.className !== (option === null ? defaultFinal : option.className)) return false;
      let width = (state.nFeatureOuts as number[]).reduce((a, b) => a + b, 0);
      if (state.passthrough === true) width += state.nFeaturesIn as number;
      let seen: number | undefined;
      try {
        seen = v.nFeaturesIn_;
      } catch {
        seen = undefined;
      }
      return seen === undefined || seen === width;
    }),
  };
}

/** The state schema of a stacking regressor (a classifier adds `classes` after `nFeaturesIn`). */
export const stackingSchema: StateSchema = { nFeaturesIn: nFeaturesIn(), ...stackingRules('RidgeCV') };

/** The method scikit-learn's `_method_name` picks for a fitted member. */
function resolveMethod(owner: string, name: string, est: BaseEstimator, method: StackMethod, row: Matrix): ResolvedStackMethod {
  if (method === 'auto') {
    if (answers(est, 'predictProba', row)) return 'predict_proba';
    if (answers(est, 'decisionFunction', row)) return 'decision_function';
    return 'predict';
  }
  const ok = method === 'predict' ? isPredictor(est) : answers(est, method === 'predict_proba' ? 'predictProba' : 'decisionFunction', row);
  if (!ok) {
    throw new ValidationError({
      code: 'invalid_option',
      estimator: owner,
      param: 'stackMethod',
      message: `${owner}: estimator '${name}' (${est.className}) does not implement the method ${method} (stackMethod '${method}').`,
    });
  }
  return method;
}

/** What the two stacking classes hand to {@link fitStacking}. */
export interface StackingFit {
  owner: string;
  list: readonly NamedEstimator[];
  X: RowMajor;
  /** The target the members and the final estimator see (class indices for a classifier). */
  y: number[];
  sampleWeight?: Float64Array;
  cv: CvInput;
  stackMethod: StackMethod;
  passthrough: boolean;
  finalEstimator: BaseEstimator;
  /** Number of classes (0 for a regressor): with 2, probabilities keep their second column only. */
  nClasses: number;
}

/** One member's output as columns (n × k), flattened; probabilities of two classes keep the second column. */
function block(out: { data: Float64Array; cols: number }, method: ResolvedStackMethod, nClasses: number, n: number): { data: Float64Array; cols: number } {
  if (method === 'predict_proba' && nClasses === 2 && out.cols === 2) {
    const data = new Float64Array(n);
    for (let i = 0; i < n; i++) data[i] = out.data[i * 2 + 1];
    return { data, cols: 1 };
  }
  return out;
}

/** The members' blocks side by side, then X itself with passthrough. */
function concatenate(owner: string, blocks: Array<{ data: Float64Array; cols: number }>, X: RowMajor, passthrough: boolean): Matrix {
  const n = X.rows;
  const parts = passthrough ? [...blocks, { data: X.data, cols: X.cols }] : blocks;
  const width = parts.reduce((a, b) => a + b.cols, 0);
  checkSize(n * width, { estimator: owner, param: 'estimators', limit: MAX_ELEMENTS, what: 'elements of the final estimator’s input' });
  const out = new Float64Array(n * width);
  let off = 0;
  for (const p of parts) {
    for (let i = 0; i < n; i++) for (let k = 0; k < p.cols; k++) out[i * width + off + k] = p.data[i * p.cols + k];
    off += p.cols;
  }
  return matrixFromFlat(out, n, width);
}

/** A fitted member's output on X, as a flat n × k block. */
function memberOutput(owner: string, est: BaseEstimator, method: ResolvedStackMethod, X: Matrix): { data: Float64Array; cols: number } {
  const who = { estimator: owner, role: 'estimator' };
  let out: number[] | Matrix;
  if (method === 'predict') out = requireCapability(est, isPredictor, 'predict', who).predict(X) as number[];
  else if (method === 'predict_proba') out = requireCapability(est, isProbaPredictor, 'predictProba', who).predictProba(X);
  else out = requireCapability(est, hasDecisionFunction, 'decisionFunction', who).decisionFunction(X);
  if (Array.isArray(out)) return { data: Float64Array.from(out), cols: 1 };
  return { data: flatOf(out)?.slice() ?? Float64Array.from(out.to1DArray()), cols: out.columns };
}

/**
 * Fits a stacking ensemble as scikit-learn's `_BaseStacking.fit`: a clone of each member on all the
 * data, the method of each, their out-of-fold outputs over the same splits (made once from `cv`),
 * and the final estimator on those outputs (and X with passthrough).
 */
export function fitStacking(f: StackingFit): StackingState {
  const { owner, list, X, y, sampleWeight: sw } = f;
  const Xm = toMatrix(X);
  const row = firstRow(X);
  const fitted: NamedEstimator[] = [];
  const stackMethod: ResolvedStackMethod[] = [];
  for (const [name, est] of list) {
    if (est === 'drop') {
      fitted.push([name, est]);
      continue;
    }
    const clone = est.clone();
    fitMember({ estimator: owner, role: `estimator '${name}'` }, clone, Xm, y, sw);
    fitted.push([name, clone]);
    stackMethod.push(resolveMethod(owner, name, clone, f.stackMethod, row));
  }
  const splits = checkCv(f.cv, Xm, y, f.nClasses > 0, owner);
  const blocks = liveMembers(list).map(([name, est], m) => {
    const out = outOfFold(owner, est, Xm, y, splits, stackMethod[m] as CrossValPredictMethod, sw);
    if (out.kind === 'values') return block({ data: Float64Array.from(out.values as number[]), cols: 1 }, stackMethod[m], f.nClasses, X.rows);
    if (!(out.cols >= 1)) throw new ValidationError({ code: 'invalid_input', estimator: owner, message: `${owner}: estimator '${name}' gave no output columns.` });
    return block(out, stackMethod[m], f.nClasses, X.rows);
  });
  const meta = concatenate(owner, blocks, X, f.passthrough);
  const finalEstimator = f.finalEstimator.clone();
  fitMember({ estimator: owner, role: 'finalEstimator' }, finalEstimator, meta, y, sw);
  return { nFeaturesIn: X.cols, fitted, stackMethod, nFeatureOuts: blocks.map((b) => b.cols), passthrough: f.passthrough, finalEstimator };
}

/** The final estimator's input for new data: the fitted members' outputs (and X with passthrough). */
export function stackingTransform(owner: string, s: StackingState, X: RowMajor, nClasses: number): Matrix {
  const Xm = toMatrix(X);
  const blocks = liveMembers(s.fitted).map(([, est], m) => block(memberOutput(owner, est, s.stackMethod[m], Xm), s.stackMethod[m], nClasses, X.rows));
  return concatenate(owner, blocks, X, s.passthrough);
}

/** scikit-learn's `get_feature_names_out`: `<class>_<name>` (or `<class>_<name><k>`), then X's names with passthrough. */
export function stackingFeatureNames(owner: string, s: StackingState, inputFeatures: string[] | undefined): string[] {
  const prefix = owner.toLowerCase();
  const out: string[] = [];
  liveMembers(s.fitted).forEach(([name], m) => {
    const k = s.nFeatureOuts[m];
    if (k === 1) out.push(`${prefix}_${name}`);
    else for (let j = 0; j < k; j++) out.push(`${prefix}_${name}${j}`);
  });
  if (s.passthrough) {
    const names = inputFeatures ?? Array.from({ length: s.nFeaturesIn }, (_, j) => `x${j}`);
    if (names.length !== s.nFeaturesIn) {
      throw new ValidationError({ code: 'invalid_input', estimator: owner, param: 'inputFeatures', expected: `${s.nFeaturesIn} names`, received: `${names.length}` });
    }
    out.push(...names.map(String));
  }
  return out;
}

/** The rule of a `finalEstimator` option: null or a typelearn estimator with fit. */
export const finalEstimatorSpec: ParamSpec = { description: 'null or a typelearn estimator (with fit)', check: (v) => v === null || estimatorSpec.check(v) };
/** The rule of a stacking `cv` option. */
export const stackingCvSpec: ParamSpec = { description: CV_DESCRIPTION, check: isCvInput };

/** The live members, and the final estimator when one is set. */
export function stackingMembers(p: { estimators: NamedEstimator[]; finalEstimator: BaseEstimator | null; passthrough: boolean }): BaseEstimator[] {
  const live = liveMembers(p.estimators).map(([, e]) => e);
  return p.passthrough && p.finalEstimator ? [...live, p.finalEstimator] : live;
}

/** The nested estimators of a stacking ensemble: the live members by name, and `finalEstimator`. */
export function stackingNested(p: { estimators: NamedEstimator[]; finalEstimator: BaseEstimator | null }): Array<[string, BaseEstimator]> {
  const out = liveMembers(p.estimators);
  if (isEstimator(p.finalEstimator)) out.push(['finalEstimator', p.finalEstimator]);
  return out;
}
