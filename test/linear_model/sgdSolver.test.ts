/** The SGD solver and its losses, alone (no estimator API). */
import { describe, expect, it } from 'vitest';
import { RandomState } from '../../src/core/random';
import { rowMajor } from '../../src/core/data/index';
import { plainSGD, type SGDModel, type SGDSettings } from '../../src/linear_model/sgd';
import { CLASSIFICATION_LOSSES, makeSGDLoss } from '../../src/linear_model/sgdLosses';
import { expectClose, fixture } from '../helpers';

function problem(n: number, d: number, seed: number, classification: boolean) {
  const rng = new RandomState(seed);
  const X = new Float64Array(n * d);
  for (let i = 0; i < X.length; i++) X[i] = rng.normal();
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0.3;
    for (let j = 0; j < d; j++) s += X[i * d + j] * (j % 3 === 0 ? 1 : -0.5);
    y[i] = classification ? (s + 0.5 * rng.normal() > 0 ? 1 : -1) : s + 0.1 * rng.normal();
  }
  const sampleWeight = new Float64Array(n);
  for (let i = 0; i < n; i++) sampleWeight[i] = 0.5 + rng.random();
  return { X, n, d, y, sampleWeight };
}

/** A problem as flat arrays (as the reference implementation reads it). */
interface Flat {
  X: Float64Array;
  n: number;
  d: number;
  y: Float64Array;
  sampleWeight: Float64Array;
}

/** Runs the solver on a flat problem. */
function run(p: Flat, init: SGDModel, s: SGDSettings) {
  return plainSGD({ X: rowMajor(p.X, p.n, p.d), y: p.y, sampleWeight: p.sampleWeight }, init, s);
}

function settings(over: Partial<SGDSettings>): SGDSettings {
  return {
    loss: makeSGDLoss('hinge'),
    penalty: 'l2',
    alpha: 1e-3,
    l1Ratio: 0.15,
    learningRate: 'optimal',
    eta0: 0,
    powerT: 0.5,
    maxIter: 4,
    tol: null,
    nIterNoChange: 5,
    fitIntercept: true,
    shuffle: null,
    weightPos: 1,
    weightNeg: 1,
    t: 1,
    average: 0,
    validationMask: null,
    validationScore: null,
    ...over,
  };
}

/**
 * The textbook algorithm, written plainly (weights updated in full at every step, running mean kept
 * explicitly, L1 clipping as Tsuruoka et al. describe it), to check the O(1) tricks of the solver.
 */
function naiveSGD(data: ReturnType<typeof problem>, s: SGDSettings) {
  const { X, n, d, y, sampleWeight } = data;
  const w = new Float64Array(d);
  const q = new Float64Array(d);
  const avg = new Float64Array(d);
  let b = 0;
  let avgB = 0;
  let u = 0;
  let t = s.t;
  const l1Ratio = s.penalty === 'l1' ? 1 : s.penalty === 'l2' ? 0 : s.penalty === null ? 0 : s.l1Ratio;
  const typw = Math.sqrt(1 / Math.sqrt(s.alpha));
  const t0 = 1 / ((typw / Math.max(1, s.loss.dloss(-typw, 1))) * s.alpha);
  for (let e = 0; e < s.maxIter; e++) {
    for (let i = 0; i < n; i++) {
      let p = b;
      for (let j = 0; j < d; j++) p += w[j] * X[i * d + j];
      const eta = s.learningRate === 'optimal' ? 1 / (s.alpha * (t0 + t - 1)) : s.learningRate === 'invscaling' ? s.eta0 / Math.pow(t, s.powerT) : s.eta0;
      const update = -eta * s.loss.dloss(p, y[i]) * sampleWeight[i] * (y[i] > 0 ? s.weightPos : s.weightNeg);
      if (s.penalty === 'l2' || s.penalty === 'elasticnet') for (let j = 0; j < d; j++) w[j] *= Math.max(0, 1 - (1 - l1Ratio) * eta * s.alpha);
      for (let j = 0; j < d; j++) w[j] += update * X[i * d + j];
      if (s.fitIntercept) b += update;
      if (s.average > 0 && s.average <= t) {
        const k = t - s.average + 1;
        for (let j = 0; j < d; j++) avg[j] += (w[j] - avg[j]) / k;
        avgB += (b - avgB) / k;
      }
      if (s.penalty === 'l1' || s.penalty === 'elasticnet') {
        u += l1Ratio * eta * s.alpha;
        for (let j = 0; j < d; j++) {
          const z = w[j];
          if (z > 0) w[j] = Math.max(0, z - (u + q[j]));
          else if (z < 0) w[j] = Math.min(0, z + (u - q[j]));
          q[j] += w[j] - z;
        }
      }
      t++;
    }
  }
  return { w, b, avg, avgB };
}

describe('SGD losses', () => {
  it('dloss is the derivative of loss (central differences, to 1e-5) away from the kinks', () => {
    const ps = [-2.3, -0.7, 0.35, 1.6, 3.1];
    for (const name of CLASSIFICATION_LOSSES) {
      const loss = makeSGDLoss(name, 0.1);
      for (const y of [-1, 1, 0.4]) {
        for (const p of ps) {
          const h = 1e-6;
          const numeric = (loss.loss(p + h, y) - loss.loss(p - h, y)) / (2 * h);
          expect(Math.abs(loss.dloss(p, y) - numeric), `${name} at p=${p}, y=${y}`).toBeLessThan(1e-5);
        }
      }
    }
  });

  it('takes the values of their definitions', () => {
    expect(makeSGDLoss('hinge').loss(0.5, 1)).toBe(0.5);
    expect(makeSGDLoss('perceptron').loss(0.5, -1)).toBe(0.5);
    expect(makeSGDLoss('perceptron').loss(0.5, 1)).toBe(0);
    expect(makeSGDLoss('squared_hinge').loss(-1, 1)).toBe(4);
    expect(makeSGDLoss('modified_huber').loss(-3, 1)).toBe(12);
    expect(makeSGDLoss('log_loss').loss(0, 1)).toBeCloseTo(Math.LN2, 15);
    expect(makeSGDLoss('log_loss').loss(-40, 1)).toBe(40);
    expect(makeSGDLoss('huber', 1).loss(3, 0)).toBe(2.5);
    expect(makeSGDLoss('epsilon_insensitive', 0.5).loss(2, 0)).toBe(1.5);
    expect(makeSGDLoss('squared_epsilon_insensitive', 0.5).loss(2, 0)).toBe(2.25);
    expect(makeSGDLoss('squared_error').loss(3, 1)).toBe(2);
  });
});

describe('plainSGD', () => {
  const cls = problem(60, 5, 1, true);
  const reg = problem(60, 5, 2, false);
  const cases: Array<[string, ReturnType<typeof problem>, Partial<SGDSettings>]> = [
    ['hinge, l2, optimal', cls, {}],
    ['log_loss, l1, optimal', cls, { loss: makeSGDLoss('log_loss'), penalty: 'l1', alpha: 0.01 }],
    ['modified_huber, elasticnet, class weights', cls, { loss: makeSGDLoss('modified_huber'), penalty: 'elasticnet', l1Ratio: 0.4, alpha: 0.01, weightPos: 2, weightNeg: 0.5 }],
    ['squared_error, l2, invscaling, averaged from step 1', reg, { loss: makeSGDLoss('squared_error'), learningRate: 'invscaling', eta0: 0.02, powerT: 0.25, average: 1 }],
    ['huber, l2, constant, averaged from step 30', reg, { loss: makeSGDLoss('huber', 0.5), penalty: 'l2', alpha: 0.02, learningRate: 'constant', eta0: 0.01, average: 30 }],
    ['hinge, strong l2 (wscale rescaled below 1e-9)', cls, { alpha: 0.5, learningRate: 'constant', eta0: 0.5 }],
  ];
  // Averaging with an L1 part is left out here: scikit-learn truncates after updating the average, so
  // its average also moves with the truncation; the fixtures (SGDClassifier/SGDRegressor tests) check that.
  for (const [name, data, over] of cases) {
    it(`${name}: equals the plain textbook updates (to 1e-10)`, () => {
      const s = settings(over);
      const res = run(data, { coef: new Float64Array(data.d), intercept: 0, averageCoef: null, averageIntercept: 0 }, s);
      const ref = naiveSGD(data, s);
      expect(res.nIter).toBe(s.maxIter);
      expectClose(res.coef, ref.w, 1e-10, 1e-12);
      expectClose(res.intercept, ref.b, 1e-10, 1e-12);
      if (s.average > 0) {
        expectClose(res.averageCoef, ref.avg, 1e-9, 1e-12);
        expectClose(res.averageIntercept, ref.avgB, 1e-10, 1e-12);
      } else expect(res.averageCoef).toBeNull();
    });
  }

  it('does not modify the initial model and continues from it', () => {
    const s = settings({ maxIter: 2 });
    const init = { coef: new Float64Array(cls.d), intercept: 0, averageCoef: null, averageIntercept: 0 };
    const a = run(cls, init, s);
    expect(Array.from(init.coef)).toEqual(new Array(cls.d).fill(0));
    const b = run(cls, a, { ...s, t: 1 + 2 * cls.n });
    const whole = run(cls, init, { ...s, maxIter: 4 });
    expectClose(b.coef, whole.coef, 1e-12);
  });

  it('stops on the training loss: nIterNoChange epochs without improving by tol·n', () => {
    const res = run(cls, { coef: new Float64Array(cls.d), intercept: 0, averageCoef: null, averageIntercept: 0 }, settings({ maxIter: 1000, tol: 1e-3 }));
    expect(res.nIter).toBeGreaterThan(5);
    expect(res.nIter).toBeLessThan(1000);
  });

  it('skips the samples of the validation mask and stops on the validation score', () => {
    const mask = new Uint8Array(cls.n);
    for (let i = 0; i < cls.n; i += 5) mask[i] = 1;
    const scores: number[] = [];
    const res = run(
      cls,
      { coef: new Float64Array(cls.d), intercept: 0, averageCoef: null, averageIntercept: 0 },
      settings({ maxIter: 50, tol: 1e-3, validationMask: mask, validationScore: () => scores.push(0.5) && 0.5 }),
    );
    // A constant score never improves: stop after nIterNoChange + 1 epochs (the first sets the best).
    expect(res.nIter).toBe(6);
    expect(scores.length).toBe(6);
    const masked = { ...cls, n: cls.n };
    const keep = [...Array(cls.n).keys()].filter((i) => !mask[i]);
    const sub = {
      X: Float64Array.from(keep.flatMap((i) => Array.from(masked.X.subarray(i * cls.d, (i + 1) * cls.d)))),
      n: keep.length,
      d: cls.d,
      y: Float64Array.from(keep.map((i) => cls.y[i])),
      sampleWeight: Float64Array.from(keep.map((i) => cls.sampleWeight[i])),
    };
    const withMask = run(cls, { coef: new Float64Array(cls.d), intercept: 0, averageCoef: null, averageIntercept: 0 }, settings({ validationMask: mask }));
    const onSubset = run(sub, { coef: new Float64Array(cls.d), intercept: 0, averageCoef: null, averageIntercept: 0 }, settings({}));
    expectClose(withMask.coef, onSubset.coef, 1e-12);
  });

  it("'adaptive' divides η by 5 when the rule fires instead of stopping, so it runs longer than 'constant'", () => {
    const init = { coef: new Float64Array(reg.d), intercept: 0, averageCoef: null, averageIntercept: 0 };
    const base = { loss: makeSGDLoss('squared_error'), maxIter: 1000, tol: 1e-3, eta0: 0.05 };
    const constant = run(reg, init, settings({ ...base, learningRate: 'constant' }));
    const adaptive = run(reg, init, settings({ ...base, learningRate: 'adaptive' }));
    expect(adaptive.nIter).toBeGreaterThan(constant.nIter);
  });

  it('shuffles with the given generator: same seed, same result; other seed, other result', () => {
    const init = { coef: new Float64Array(cls.d), intercept: 0, averageCoef: null, averageIntercept: 0 };
    const a = run(cls, init, settings({ shuffle: new RandomState(3) }));
    const b = run(cls, init, settings({ shuffle: new RandomState(3) }));
    const c = run(cls, init, settings({ shuffle: new RandomState(4) }));
    expect(Array.from(a.coef)).toEqual(Array.from(b.coef));
    expect(Array.from(a.coef)).not.toEqual(Array.from(c.coef));
  });

  it('reports divergence instead of returning non-finite weights', () => {
    const big = { ...reg, X: reg.X.map((v) => v * 1e200) };
    const res = run(big, { coef: new Float64Array(reg.d), intercept: 0, averageCoef: null, averageIntercept: 0 }, settings({ loss: makeSGDLoss('squared_error'), penalty: null, learningRate: 'constant', eta0: 1 }));
    expect(res.divergedAt).toBe(1);
  });

  it("one epoch equals scikit-learn's _plain_sgd exactly (1e-10; fixture make_sgd.py, hinge)", () => {
    const f = fixture<{ data: Record<string, { X: number[][]; y: number[] }>; exact: Array<{ name: string; coef: number[][]; intercept: number[] }> }>('linear_model/sgd.json');
    const { X, y } = f.data.bc;
    const c = f.exact.find((e) => e.name === 'hinge_constant_1epoch')!;
    const d = X[0].length;
    const res = run(
      { X: Float64Array.from(X.flat()), n: X.length, d, y: Float64Array.from(y, (v) => (v === 1 ? 1 : -1)), sampleWeight: new Float64Array(X.length).fill(1) },
      { coef: new Float64Array(d), intercept: 0, averageCoef: null, averageIntercept: 0 },
      settings({ penalty: null, learningRate: 'constant', eta0: 0.01, maxIter: 1 }),
    );
    expectClose(res.coef, c.coef[0], 0, 1e-10);
    expectClose(res.intercept, c.intercept[0], 0, 1e-10);
  });
});
