import { describe, expect, it } from 'vitest';
import type { Matrix } from 'ml-matrix';
import { NotFittedError, RidgeClassifier, ValidationError, loadModel } from '../../src/index';
import type { Label } from '../../src/index';
import { expectClose } from '../helpers';
import { DATA, TARGETS, fx, scaleOf, weights } from './_ridgeData';

describe('RidgeClassifier matches scikit-learn (fixtures: make_ridge.py)', () => {
  for (const c of fx.ridgeClassifier) {
    it(`${c.name}: coefficients and decision values to 1e-8 relative, same predictions`, () => {
      const X = DATA[c.X];
      const y = TARGETS[c.y] as Label[];
      const m = new RidgeClassifier(c.params).fit(X, y, weights(c.sampleWeight));
      expect(m.classes_).toEqual(c.classes);
      expectClose(m.coef_, c.coef, 1e-8, 1e-8 * scaleOf(c.coef));
      expectClose(m.intercept_, c.intercept, 1e-8, 1e-8 * scaleOf(c.intercept));
      const dec = m.decisionFunction(X.slice(0, 15));
      expectClose(Array.isArray(dec) ? dec : (dec as Matrix).to2DArray(), c.decision, 1e-8, 1e-8 * scaleOf(c.decision));
      expect(m.predict(X)).toEqual(c.predict);
      expectClose(m.score(X, y), c.score, 1e-12);
    });
  }
});

describe('RidgeClassifier', () => {
  const X = [[0, 1], [1, 1], [2, 0], [3, 0], [4, 1], [5, 0]];
  const y = ['a', 'a', 'b', 'b', 'c', 'c'];

  it('multiclass: one column of ±1 targets per class, argmax of the scores', () => {
    const m = new RidgeClassifier({ alpha: 0.01 }).fit(X, y);
    expect(m.coef_.length).toBe(3);
    const dec = (m.decisionFunction(X) as Matrix).to2DArray();
    expect(m.predict(X)).toEqual(dec.map((r) => m.classes_[r.indexOf(Math.max(...r))]));
    expect(m.score(X, y)).toBeGreaterThan(0.6);
  });

  it('rejects a single class, unknown classWeight keys, bad alpha', () => {
    expect(() => new RidgeClassifier().fit(X, new Array(6).fill('a'))).toThrow(/at least 2 classes/);
    expect(() => new RidgeClassifier({ classWeight: { z: 2 } }).fit(X, y)).toThrow(/classWeight/);
    expect(() => new RidgeClassifier({ alpha: -0.5 })).toThrow(ValidationError);
    expect(() => new RidgeClassifier().predict(X)).toThrow(NotFittedError);
  });

  it('saves and loads bit for bit', () => {
    const m = new RidgeClassifier({ classWeight: 'balanced' }).fit(X, y);
    const again = loadModel<RidgeClassifier>(JSON.stringify(m));
    expect((again.decisionFunction(X) as Matrix).to2DArray()).toEqual((m.decisionFunction(X) as Matrix).to2DArray());
  });
});
