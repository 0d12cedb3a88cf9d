import { describe, expect, it } from 'vitest';
import { KFold, Ridge, RidgeCV, ValidationError, crossValScore, loadModel } from '../../src/index';
import { expectClose } from '../helpers';
import { DATA, TARGETS, fx, scaleOf, weights } from './_ridgeData';

describe('RidgeCV matches scikit-learn (fixtures: make_ridge.py)', () => {
  for (const c of fx.ridgeCV) {
    it(`${c.name}: alpha_ identical, bestScore_ and coefficients to 1e-8 relative`, () => {
      const X = DATA[c.X];
      const y = TARGETS[c.y] as number[] | number[][];
      const m = new RidgeCV(c.params).fit(X, y, weights(c.sampleWeight));
      expect(m.alpha_).toEqual(c.alpha);
      expectClose(m.bestScore_, c.bestScore, 1e-8);
      expectClose(m.coef_, c.coef, 1e-8, 1e-8 * scaleOf(c.coef));
      expectClose(m.intercept_, c.intercept, 1e-8, 1e-8 * scaleOf(c.intercept));
    });
  }
});

describe('RidgeCV', () => {
  const X = DATA.diabetes_scaled.slice(0, 60);
  const y = (TARGETS.diabetes as number[]).slice(0, 60);
  const alphas = [0.01, 0.1, 1, 10];

  it('leave-one-out errors equal refitting Ridge without each sample (1e-9), in both decompositions', () => {
    for (const [Xs, ys] of [[X, y], [X.slice(0, 8), y.slice(0, 8)]] as const) {
      const m = new RidgeCV({ alphas, storeCvValues: true }).fit(Xs, ys);
      const cvValues = m.cvValues_ as number[][];
      alphas.forEach((alpha, a) => {
        for (const i of [0, 3, 7]) {
          const keep = Xs.map((_, j) => j).filter((j) => j !== i);
          const r = new Ridge({ alpha }).fit(keep.map((j) => Xs[j]), keep.map((j) => ys[j]));
          const err = ys[i] - (r.predict([Xs[i]]) as number[])[0];
          expectClose(cvValues[i][a], err * err, 1e-9, 1e-9);
        }
      });
    }
  });

  it('with cv: the alpha of the best mean crossValScore, refitted as Ridge', () => {
    const m = new RidgeCV({ alphas, cv: 3 }).fit(X, y);
    const means = alphas.map((alpha) => {
      const s = crossValScore(new Ridge({ alpha }), X, y, { cv: new KFold({ nSplits: 3 }) });
      return s.reduce((a, b) => a + b, 0) / s.length;
    });
    const best = means.indexOf(Math.max(...means));
    expect(m.alpha_).toBe(alphas[best]);
    expectClose(m.bestScore_, means[best], 1e-12);
    expectClose(m.coef_, new Ridge({ alpha: alphas[best] }).fit(X, y).coef_, 1e-10, 1e-12);
  });

  it('rejects bad alphas and options that need cv: null', () => {
    expect(() => new RidgeCV({ alphas: [] })).toThrow(ValidationError);
    expect(() => new RidgeCV({ alphas: [1, 0] })).toThrow(/'alphas' option of RidgeCV/);
    expect(() => new RidgeCV({ cv: 1 })).toThrow(ValidationError);
    expect(() => new RidgeCV({ cv: 3, storeCvValues: true }).fit(X, y)).toThrow(/storeCvValues/);
    expect(() => new RidgeCV({ cv: 3, alphaPerTarget: true }).fit(X, y)).toThrow(/alphaPerTarget/);
    expect(() => new RidgeCV({ scoring: 'nope' }).fit(X, y)).toThrow(ValidationError);
    expect(() => new RidgeCV().fit(X, y).cvValues_).toThrow(/storeCvValues/);
  });

  it('handles a constant target and collinear X', () => {
    const m = new RidgeCV().fit(X, new Array(60).fill(2));
    expectClose(m.coef_, new Array(10).fill(0), 0, 1e-12);
    expectClose(m.intercept_, 2, 1e-12);
    const Xc = DATA.diabetes_collinear;
    const c = new RidgeCV({ alphas }).fit(Xc, TARGETS.diabetes as number[]);
    expect((c.coef_ as number[]).every(Number.isFinite)).toBe(true);
  });

  it('saves and loads bit for bit', () => {
    const m = new RidgeCV({ alphas, storeCvValues: true }).fit(X, y);
    const again = loadModel<RidgeCV>(JSON.stringify(m));
    expect(again.predict(X)).toEqual(m.predict(X));
    expect(again.alpha_).toBe(m.alpha_);
    expect(again.cvValues_).toEqual(m.cvValues_);
  });
});
