/** The custom estimator of API.md ("Extending"), with nFeaturesIn recorded, used as a user would. */
import { describe, expect, it } from 'vitest';
import { BaseRegressor, Pipeline, StandardScaler, checkArray, checkXy, loadModel, registerEstimator, stateRules } from '../../src/index';
import type { MatrixLike } from '../../src/index';
import { EstimatorCheckError, checkEstimator } from '../../src/testing/index';

class ShrunkMeanRegressor extends BaseRegressor<{ shrink: number }, { mean: number; nFeaturesIn: number }> {
  static override readonly className: string = 'ShrunkMeanRegressor';
  static override readonly defaults = { shrink: 0 };
  fit(X: MatrixLike, y: ArrayLike<number>) {
    const [Xm, yv] = checkXy(X, y, { estimator: 'ShrunkMeanRegressor' });
    let s = 0;
    for (const v of yv) s += v;
    this.state = { mean: ((1 - this.params.shrink) * s) / yv.length, nFeaturesIn: Xm.columns };
    return this;
  }
  predict(X: MatrixLike) {
    const s = this.fitted('predict');
    const n = checkArray(X, { estimator: 'ShrunkMeanRegressor', nFeatures: s.nFeaturesIn }).rows;
    return new Array<number>(n).fill(s.mean);
  }
}
registerEstimator(ShrunkMeanRegressor);

/** The same estimator with its fitted state declared, as docs/custom-estimators.md shows. */
class CheckedShrunkMean extends ShrunkMeanRegressor {
  static override readonly className = 'CheckedShrunkMean';
  static override readonly stateSchema = { mean: stateRules.numberValue(), nFeaturesIn: stateRules.nFeaturesIn() };
}
registerEstimator(CheckedShrunkMean);

describe('a custom estimator (API.md)', () => {
  const X = [[1, 10], [2, 20], [3, 30], [4, 40]];
  const y = [1, 2, 3, 6];

  it('fits, predicts and validates its options', () => {
    const m = new ShrunkMeanRegressor({ shrink: 0.5 }).fit(X, y);
    expect(m.predict([[0, 0]])).toEqual([1.5]);
    expect(m.nFeaturesIn_).toBe(2);
    expect(() => m.predict([[0]])).toThrow('X has 1 features, but ShrunkMeanRegressor is expecting 2 features as input.');
    expect(() => new ShrunkMeanRegressor({ shrink: 'a' as unknown as number })).toThrow("The 'shrink' option of ShrunkMeanRegressor must be a value of type number. Got 'a'.");
    // residuals 0.5, 0.5, 1.5, 4.5 around 1.5; deviations 2, 1, 0, 3 around the mean 3
    expect(m.score(X, y)).toBeCloseTo(1 - (0.25 + 0.25 + 2.25 + 20.25) / 14, 12);
  });

  it('works inside a Pipeline, with nested options', () => {
    const pipe = new Pipeline([['scale', new StandardScaler()], ['mean', new ShrunkMeanRegressor()]]);
    pipe.setParams({ mean__shrink: 0.25 });
    pipe.fit(X, y);
    expect(pipe.predict([[9, 9]])).toEqual([2.25]);
    expect(pipe.getParams().mean__shrink).toBe(0.25);
  });

  it('round-trips through loadModel, alone and in a Pipeline', () => {
    const m = new ShrunkMeanRegressor({ shrink: 0.1 }).fit(X, y);
    const back = loadModel<ShrunkMeanRegressor>(JSON.stringify(m));
    expect(back).toBeInstanceOf(ShrunkMeanRegressor);
    expect(back.getParams()).toEqual({ shrink: 0.1 });
    expect(back.predict([[1, 1]])).toEqual(m.predict([[1, 1]]));
    const pipe = new Pipeline([['scale', new StandardScaler()], ['mean', new ShrunkMeanRegressor({ shrink: 0.1 })]]).fit(X, y);
    const pipeBack = loadModel<Pipeline>(JSON.stringify(pipe));
    expect(pipeBack.predict([[5, 5]])).toEqual(pipe.predict([[5, 5]]));
    expect(pipeBack.getParams().mean).toBeInstanceOf(ShrunkMeanRegressor);
  });

  it('passes the public contract suite once it declares a stateSchema', () => {
    const report = checkEstimator(CheckedShrunkMean);
    expect(report.passed).toContain('save_load_fitted');
    expect(report.passed).toContain('feature_mismatch');
    expect(report.passed).toContain('load_malformed_state');
  });

  it('without a stateSchema, fails only load_malformed_state, saying what to declare', () => {
    let error: unknown;
    try {
      checkEstimator(ShrunkMeanRegressor);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EstimatorCheckError);
    const failures = (error as EstimatorCheckError).failures;
    expect(failures.map((f) => f.name)).toEqual(['load_malformed_state']);
    expect(String((failures[0].error as Error).message)).toMatch(/Declare 'static readonly stateSchema'/);
    const m = JSON.parse(JSON.stringify(new CheckedShrunkMean().fit(X, y)));
    m.state.mean = 'x';
    expect(() => loadModel(m)).toThrow("Cannot load CheckedShrunkMean: its fitted state's 'mean' must be a finite number. Got 'x'.");
  });
});
