import type { Matrix } from 'ml-matrix';
import { BaseTransformer } from '../core/base';
import { ValidationError, describeValue } from '../core/errors';
import { arrayOf, bool, int, union } from '../core/params';
import { registerEstimator } from '../core/serialization';
import type { MatrixLike, Target } from '../core/types';
import { matrixFromFlat } from '../core/data/index';
import { MAX_ELEMENTS, checkSize, countCombinations } from '../core/sizes';
import { nFeaturesIn, listOf, indices, type StateContext, type StateSchema } from '../core/stateSchema';

/**
 * The number of output terms the loaded options give for nFeaturesIn features (for the state
 * rule), counted as fit counts them: undefined (no list matches) when fit would have refused the
 * size, so a saved degree of 2^31 is rejected after a few steps, not after 2^31 of them.
 */
function termCount({ state, params }: StateContext): number | undefined {
  const n = state.nFeaturesIn as number;
  const degree = params.degree as number | [number, number];
  const [lo, hi] = typeof degree === 'number' ? [0, degree] : degree;
  let count = params.includeBias ? 1 : 0;
  let entries = 0;
  for (let d = Math.max(1, lo); d <= hi; d++) {
    const c = countCombinations(n, d, !params.interactionOnly);
    // No terms of degree d means none of any higher degree either.
    if (c === 0) break;
    count += c;
    entries += c * d;
    if (entries > MAX_ELEMENTS) return undefined;
  }
  return count;
}

/** Options of {@link PolynomialFeatures}. */
export interface PolynomialFeaturesOptions {
  /** The largest degree, or `[minDegree, maxDegree]` (terms of degree 1 … minDegree − 1 left out). @defaultValue 2 */
  degree: number | [number, number];
  /** Only products of distinct features (x0·x1, never x0²). @defaultValue false */
  interactionOnly: boolean;
  /** Add the constant column 1 first. @defaultValue true */
  includeBias: boolean;
}

interface PolynomialFeaturesState {
  nFeaturesIn: number;
  /** The output terms: each the list of input features multiplied (empty for the bias). */
  terms: number[][];
}

/**
 * Appends the k-element combinations of 0..n-1 (with replacement: non-decreasing, else increasing)
 * to `out` in lexicographic order, iteratively (no recursion, so any k works).
 */
function pushCombinations(out: number[][], n: number, k: number, withReplacement: boolean): void {
  if (n === 0 || (!withReplacement && k > n)) return;
  const cur = new Array<number>(k);
  for (let i = 0; i < k; i++) cur[i] = withReplacement ? 0 : i;
  for (;;) {
    out.push(cur.slice());
    let i = k - 1;
    while (i >= 0 && cur[i] === (withReplacement ? n - 1 : n - k + i)) i--;
    if (i < 0) return;
    cur[i]++;
    for (let j = i + 1; j < k; j++) cur[j] = withReplacement ? cur[i] : cur[j - 1] + 1;
  }
}

/**
 * Generates polynomial and interaction features: every product of input features of degree up to
 * `degree`, in scikit-learn's order (the bias, then degree 1, 2, … each in lexicographic order of
 * the features multiplied), named as scikit-learn names them (`1`, `x0`, `x0^2`, `x0 x1`).
 * Missing values are rejected, as in scikit-learn.
 *
 * Fitted attributes: `powers_` (the exponent of each input feature in each output feature),
 * `nOutputFeatures_`, `nFeaturesIn_`.
 * @example
 * ```ts
 * import { PolynomialFeatures } from 'typelearn';
 * const poly = new PolynomialFeatures({ degree: 2 }).fit([[2, 3]]);
 * console.log(poly.getFeatureNamesOut()); // [ '1', 'x0', 'x1', 'x0^2', 'x0 x1', 'x1^2' ]
 * console.log(poly.transform([[2, 3]]).to2DArray()); // [ [ 1, 2, 3, 4, 6, 9 ] ]
 * const inter = new PolynomialFeatures({ degree: 3, interactionOnly: true, includeBias: false });
 * console.log(inter.fit([[1, 2, 3]]).getFeatureNamesOut(['a', 'b', 'c'])); // [ 'a', 'b', 'c', 'a b', 'a c', 'b c', 'a b c' ]
 * ```
 */
export class PolynomialFeatures extends BaseTransformer<PolynomialFeaturesOptions, PolynomialFeaturesState> {
  static override readonly className = 'PolynomialFeatures';
  /** The fitted state's rules, checked when a saved model is loaded. */
  static override readonly stateSchema: StateSchema = {
    nFeaturesIn: nFeaturesIn(),
    terms: listOf(indices({ below: 'nFeaturesIn', ascending: false }), { length: termCount }),
  };
  static override readonly defaults: PolynomialFeaturesOptions = { degree: 2, interactionOnly: false, includeBias: true };
  static override readonly paramSchema = { degree: union(int({ min: 0 }), arrayOf(int({ min: 0 }), 2)), interactionOnly: bool(), includeBias: bool() };

  /** Computes the output terms for the number of input features. */
  fit(X: MatrixLike, _y?: Target): this {
    const { rows, cols } = this.checkX(X, { reset: true });
    const { degree, interactionOnly, includeBias } = this.params;
    const [minDegree, maxDegree] = typeof degree === 'number' ? [0, degree] : degree;
    if (minDegree > maxDegree) {
      throw new ValidationError({ code: 'invalid_option', estimator: this.className, param: 'degree', expected: 'an integer >= 0 or [minDegree, maxDegree] with minDegree <= maxDegree', received: `[${degree.toString()}]` });
    }
    if (maxDegree === 0 && !includeBias) {
      throw new ValidationError({ code: 'invalid_option', estimator: this.className, param: 'degree', expected: 'a degree above 0 when includeBias is false (otherwise the output would be empty)', received: describeValue(degree) });
    }
    // Count the terms (and the exponents stored for them) before making any.
    let nTerms = includeBias ? 1 : 0;
    let nEntries = 0;
    for (let d = Math.max(1, minDegree); d <= maxDegree && nEntries <= MAX_ELEMENTS; d++) {
      const c = countCombinations(cols, d, !interactionOnly);
      if (c === 0) break;
      nTerms += c;
      nEntries += c * d;
    }
    checkSize(nEntries, { estimator: this.className, param: 'degree', what: `stored term factors (for ${cols} input features)` });
    checkSize(rows * nTerms, { estimator: this.className, param: 'degree', what: `output elements (${rows} rows × ${nTerms} output features)` });
    const terms: number[][] = includeBias ? [[]] : [];
    for (let d = Math.max(1, minDegree); d <= maxDegree && terms.length < nTerms; d++) pushCombinations(terms, cols, d, !interactionOnly);
    this.state = { nFeaturesIn: cols, terms };
    return this;
  }

  /** The product features of X. */
  transform(X: MatrixLike): Matrix {
    const { terms } = this.fitted('transform');
    const { data, rows, cols } = this.checkX(X);
    const m = terms.length;
    checkSize(rows * m, { estimator: this.className, param: 'X', input: true, what: `output elements (${rows} rows × ${m} output features)` });
    const out = new Float64Array(rows * m);
    for (let i = 0; i < rows; i++) {
      const off = i * cols;
      const o = i * m;
      for (let t = 0; t < m; t++) {
        const term = terms[t];
        let p = 1;
        for (let k = 0; k < term.length; k++) p *= data[off + term[k]];
        out[o + t] = p;
      }
    }
    return matrixFromFlat(out, rows, m);
  }

  /** Output feature names, e.g. `1`, `x0`, `x0^2`, `x0 x1` (input names replace `x0`, `x1`, … when given). */
  getFeatureNamesOut(inputFeatures?: string[]): string[] {
    const s = this.fitted('getFeatureNamesOut');
    if (inputFeatures !== undefined && (!Array.isArray(inputFeatures) || inputFeatures.length !== s.nFeaturesIn)) {
      throw new ValidationError({ code: 'invalid_input', estimator: this.className, param: 'inputFeatures', expected: `an array of ${s.nFeaturesIn} names`, received: describeValue(inputFeatures) });
    }
    const names = inputFeatures ? inputFeatures.map(String) : Array.from({ length: s.nFeaturesIn }, (_, i) => `x${i}`);
    return this.powers(s).map((row) => {
      const parts: string[] = [];
      row.forEach((e, j) => {
        if (e > 0) parts.push(e === 1 ? names[j] : `${names[j]}^${e}`);
      });
      return parts.length ? parts.join(' ') : '1';
    });
  }

  private powers(s: PolynomialFeaturesState): number[][] {
    return s.terms.map((term) => {
      const row = new Array<number>(s.nFeaturesIn).fill(0);
      for (const j of term) row[j]++;
      return row;
    });
  }

  /** The exponent of each input feature (columns) in each output feature (rows). */
  get powers_(): number[][] {
    return this.powers(this.fitted('powers_'));
  }

  /** The number of output features. */
  get nOutputFeatures_(): number {
    return this.fitted('nOutputFeatures_').terms.length;
  }
}

registerEstimator(PolynomialFeatures);
