import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  loadBreastCancer,
  loadDiabetes,
  loadDigits,
  loadIris,
  loadWine,
  makeBlobs,
  makeClassification,
  makeRegression,
} from '../src/datasets/index';
import { makeRegressionDense } from '../src/datasets/makeRegression';
import { hypercubeVertices } from '../src/datasets/makeClassification';
import { LinearRegression } from '../src/linear_model/index';
import { RandomState, ValidationError } from '../src/core/index';

const root = join(__dirname, '..');
const dataDir = join(root, 'data', 'datasets');
const meta = JSON.parse(readFileSync(join(dataDir, 'datasets.json'), 'utf8')) as Record<string, { n_samples: number; n_features: number; target_names?: string[] }>;
const sklearnNames = JSON.parse(readFileSync(join(dataDir, 'feature_names.json'), 'utf8')) as Record<string, string[]>;

function readCsv(name: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(join(dataDir, `${name}.csv`), 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

function expectThrowsValidation(fn: () => unknown, param?: string): ValidationError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ValidationError);
  const err = caught as ValidationError;
  if (param !== undefined) expect(err.param).toBe(param);
  return err;
}

const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
const std = (a: number[]) => {
  const m = mean(a);
  return Math.sqrt(a.reduce((s, v) => s + (v - m) ** 2, 0) / a.length);
};
const column = (X: number[][], j: number) => X.map((r) => r[j]);

const loaders = {
  iris: loadIris,
  wine: loadWine,
  breast_cancer: loadBreastCancer,
  digits: () => loadDigits(),
  diabetes: () => loadDiabetes({ scaled: false }),
} as const;

describe('toy data set loaders', () => {
  for (const [name, load] of Object.entries(loaders)) {
    it(`${name}: every value equals the CSV's, bit for bit`, () => {
      const { header, rows } = readCsv(name);
      const ds = load();
      expect(ds.data.length).toBe(meta[name].n_samples);
      expect(ds.target.length).toBe(meta[name].n_samples);
      expect(header.length - 1).toBe(meta[name].n_features);
      let compared = 0;
      for (let i = 0; i < rows.length; i++) {
        expect(ds.data[i].length).toBe(header.length - 1);
        for (let j = 0; j < header.length - 1; j++) {
          if (!Object.is(ds.data[i][j], Number(rows[i][j]))) {
            throw new Error(`${name}[${i}][${j}]: got ${ds.data[i][j]}, CSV has ${rows[i][j]}`);
          }
          compared++;
        }
        expect(Object.is(ds.target[i], Number(rows[i][header.length - 1]))).toBe(true);
      }
      expect(compared).toBe(meta[name].n_samples * meta[name].n_features);
    });

    it(`${name}: feature names as scikit-learn's, class names as datasets.json`, () => {
      const ds = load();
      expect(ds.featureNames).toEqual(sklearnNames[name]);
      if (meta[name].target_names) expect((ds as { targetNames?: string[] }).targetNames).toEqual(meta[name].target_names);
      else expect('targetNames' in ds).toBe(false);
    });

    it(`${name}: every call returns fresh arrays`, () => {
      const a = load();
      const snapshot = JSON.stringify(load());
      a.data[0][0] = -12345;
      a.data.pop();
      a.target[0] = 99;
      a.featureNames[0] = 'changed';
      if ('targetNames' in a) (a as { targetNames: string[] }).targetNames[0] = 'changed';
      const b = load();
      expect(b.data).not.toBe(a.data);
      expect(JSON.stringify(b)).toBe(snapshot);
    });
  }

  it('iris has 50 samples of each class', () => {
    const { target } = loadIris();
    expect([0, 1, 2].map((c) => target.filter((t) => t === c).length)).toEqual([50, 50, 50]);
  });

  it('loadDigits keeps the first nClass classes', () => {
    const all = loadDigits();
    const two = loadDigits({ nClass: 2 });
    const expected = all.target.filter((t) => t < 2).length;
    expect(two.data.length).toBe(expected);
    expect(two.target.every((t) => t === 0 || t === 1)).toBe(true);
    expect(two.targetNames).toEqual(['0', '1']);
    const firstOne = all.target.indexOf(1);
    expect(two.data[two.target.indexOf(1)]).toEqual(all.data[firstOne]);
    expectThrowsValidation(() => loadDigits({ nClass: 11 }), 'nClass');
    expectThrowsValidation(() => loadDigits({ nClass: 0 }), 'nClass');
  });

  it('loadDiabetes scales as scikit-learn does by default (fixture from load_diabetes())', () => {
    const fx = JSON.parse(readFileSync(join(root, 'test/fixtures/datasets/diabetes_scaled.json'), 'utf8')) as { data: number[][]; target: number[] };
    const { data, target } = loadDiabetes();
    expect(target).toEqual(fx.target);
    let worst = 0;
    for (let i = 0; i < data.length; i++) for (let j = 0; j < 10; j++) worst = Math.max(worst, Math.abs(data[i][j] - fx.data[i][j]));
    expect(worst).toBeLessThan(1e-15);
    for (let j = 0; j < 10; j++) {
      const c = column(data, j);
      expect(Math.abs(mean(c))).toBeLessThan(1e-16);
      expect(Math.sqrt(c.reduce((s, v) => s + v * v, 0))).toBeCloseTo(1, 12);
    }
  });

  it('loader options are checked', () => {
    const e = expectThrowsValidation(() => loadDiabetes({ scaled: 'yes' as unknown as boolean }), 'scaled');
    expect(e.message).toContain('loadDiabetes');
    const u = expectThrowsValidation(() => loadDiabetes({ scale: true } as unknown as { scaled: boolean }), 'scale');
    expect(u.code).toBe('unknown_option');
  });

  it('the shipped data modules stay small', () => {
    const dir = join(root, 'src/datasets/data');
    const sizes = Object.fromEntries(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).size]));
    expect(sizes['digits.ts']).toBeLessThan(90_000);
    expect(Object.values(sizes).reduce((a, b) => a + b, 0)).toBeLessThan(200_000);
  });
});

describe('makeClassification', () => {
  it('has the requested shape, balanced classes and integer labels', () => {
    const { X, y } = makeClassification({ nSamples: 301, nFeatures: 7, nInformative: 3, nRedundant: 1, nClasses: 3, flipY: 0, randomState: 3 });
    expect(X.length).toBe(301);
    expect(X.every((r) => r.length === 7)).toBe(true);
    // 301 samples over 6 clusters: 50 each, the remainder dealt to the first cluster (class 0).
    expect([0, 1, 2].map((c) => y.filter((v) => v === c).length)).toEqual([101, 100, 100]);
  });

  it('follows class weights, completing a list of nClasses - 1', () => {
    // As scikit-learn: 1 - 0.9 is 0.09999999999999998, so each class-1 cluster gets 49 samples and
    // the two left over go to the first clusters (np.bincount(make_classification(1000,
    // weights=[0.9], flip_y=0)[1]) is [901, 99]).
    const { y } = makeClassification({ nSamples: 1000, weights: [0.9], flipY: 0, randomState: 0 });
    expect(y.filter((v) => v === 0).length).toBe(901);
    expect(y.filter((v) => v === 1).length).toBe(99);
    const w = makeClassification({ nSamples: 1000, nClasses: 3, nInformative: 3, weights: [0.5, 0.3, 0.2], flipY: 0, randomState: 0 }).y;
    expect([0, 1, 2].map((c) => w.filter((v) => v === c).length)).toEqual([500, 300, 200]);
  });

  it('without shuffling, lays out informative, redundant, repeated and noise features in order', () => {
    const opts = { nSamples: 4000, nFeatures: 8, nInformative: 3, nRedundant: 2, nRepeated: 1, nClasses: 2, nClustersPerClass: 1, flipY: 0, shuffle: false, randomState: 7 };
    const { X, y } = makeClassification(opts);
    const informative = X.map((r) => r.slice(0, 3));
    // Redundant columns are exact linear combinations of the informative ones.
    for (const j of [3, 4]) {
      const lr = new LinearRegression({ fitIntercept: false }).fit(informative, column(X, j));
      expect(lr.score(informative, column(X, j))).toBeGreaterThan(1 - 1e-12);
    }
    // The repeated column is a copy of one of the first five.
    const rep = column(X, 5);
    expect([0, 1, 2, 3, 4].some((j) => X.every((r, i) => r[j] === rep[i]))).toBe(true);
    // Noise columns explain nothing: near-zero R² and standard normal spread.
    const noise = X.map((r) => r.slice(6));
    const lrNoise = new LinearRegression().fit(noise, y);
    expect(lrNoise.score(noise, y)).toBeLessThan(0.01);
    expect(std(column(X, 7))).toBeGreaterThan(0.9);
    expect(std(column(X, 7))).toBeLessThan(1.1);
    // Each class sits around its own hypercube vertex (±classSep in each informative feature).
    const signs = [0, 1].map((c) => [0, 1, 2].map((j) => Math.sign(mean(X.filter((_, i) => y[i] === c).map((r) => r[j])))));
    expect(signs[0]).not.toEqual(signs[1]);
    for (let c = 0; c < 2; c++) {
      for (let j = 0; j < 3; j++) {
        expect(Math.abs(mean(X.filter((_, i) => y[i] === c).map((r) => r[j])))).toBeCloseTo(1, 0);
      }
    }
  });

  it('separates classes farther with a larger classSep', () => {
    const accuracy = (classSep: number) => {
      const { X, y } = makeClassification({ nSamples: 2000, nFeatures: 2, nInformative: 2, nRedundant: 0, nClustersPerClass: 1, classSep, flipY: 0, randomState: 11 });
      const lr = new LinearRegression().fit(X, y);
      return lr.score(X, y);
    };
    expect(accuracy(4)).toBeGreaterThan(accuracy(0.2) + 0.3);
  });

  it('shifts, then scales each feature', () => {
    const base = { nSamples: 50, nFeatures: 4, flipY: 0, shuffle: false, randomState: 5 };
    const plain = makeClassification(base).X;
    const scale = [1, 2, 3, 4];
    const scaled = makeClassification({ ...base, shift: 1.5, scale }).X;
    for (let i = 0; i < 50; i++) for (let j = 0; j < 4; j++) expect(scaled[i][j]).toBe((plain[i][j] + 1.5) * scale[j]);
    const random = makeClassification({ ...base, nSamples: 2000, shift: null, scale: null }).X;
    const spreads = [0, 1, 2, 3].map((j) => std(column(random, j)));
    expect(Math.max(...spreads)).toBeGreaterThan(2);
  });

  it('flips about flipY of the labels', () => {
    // Unshuffled, both draws share the random stream up to the flips.
    const clean = makeClassification({ nSamples: 5000, flipY: 0, shuffle: false, randomState: 2 }).y;
    const flipped = makeClassification({ nSamples: 5000, flipY: 0.4, shuffle: false, randomState: 2 }).y;
    const changed = clean.filter((v, i) => v !== flipped[i]).length / 5000;
    // Half the flipped labels land on their own class again.
    expect(changed).toBeGreaterThan(0.15);
    expect(changed).toBeLessThan(0.25);
  });

  it('with hypercube false, shrinks the centres inside the hypercube', () => {
    const opts = { nSamples: 6000, nFeatures: 2, nInformative: 2, nRedundant: 0, nClustersPerClass: 1, classSep: 3, flipY: 0, shuffle: false, randomState: 12 };
    const classMeans = (hypercube: boolean) => {
      const { X, y } = makeClassification({ ...opts, hypercube });
      return [0, 1].flatMap((c) => [0, 1].map((j) => Math.abs(mean(X.filter((_, i) => y[i] === c).map((r) => r[j])))));
    };
    classMeans(true).forEach((m) => expect(m).toBeCloseTo(3, 0));
    const shrunk = classMeans(false);
    expect(shrunk.every((m) => m < 3.1)).toBe(true);
    expect(Math.min(...shrunk)).toBeLessThan(2.5);
  });

  it('has the requested shape and labels for any valid counts (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 2 }),
        fc.nat(),
        (nSamples, nInformative, nRedundant, nRepeated, nUseless, nClasses, nClustersPerClass, seed) => {
          fc.pre(nClasses * nClustersPerClass <= 2 ** nInformative);
          const nFeatures = nInformative + nRedundant + nRepeated + nUseless;
          const { X, y } = makeClassification({ nSamples, nFeatures, nInformative, nRedundant, nRepeated, nClasses, nClustersPerClass, randomState: seed });
          expect(X.length).toBe(nSamples);
          expect(X.every((r) => r.length === nFeatures && r.every(Number.isFinite))).toBe(true);
          expect(y.every((v) => Number.isInteger(v) && v >= 0 && v < nClasses)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is deterministic under randomState', () => {
    const a = makeClassification({ randomState: 42 });
    expect(makeClassification({ randomState: 42 })).toEqual(a);
    expect(makeClassification({ randomState: 43 })).not.toEqual(a);
  });

  it('rejects impossible options, as scikit-learn does', () => {
    expectThrowsValidation(() => makeClassification({ nFeatures: 4, nInformative: 2, nRedundant: 2, nRepeated: 1 }), 'nFeatures');
    expectThrowsValidation(() => makeClassification({ nInformative: 2, nClasses: 3, nClustersPerClass: 2 }), 'nInformative');
    expectThrowsValidation(() => makeClassification({ nClasses: 3, nInformative: 3, weights: [0.5] }), 'weights');
    expectThrowsValidation(() => makeClassification({ weights: [1.2] }), 'weights');
    expectThrowsValidation(() => makeClassification({ nFeatures: 3, nInformative: 2, nRedundant: 0, shift: [1, 2] }), 'shift');
    expectThrowsValidation(() => makeClassification({ flipY: 2 }), 'flipY');
    expectThrowsValidation(() => makeClassification({ nSamples: 0 }), 'nSamples');
    const e = expectThrowsValidation(() => makeClassification({ nSample: 10 } as unknown as { nSamples: number }), 'nSample');
    expect(e.message).toContain("Did you mean 'nSamples'");
  });

  it('picks distinct hypercube vertices, also beyond 30 dimensions', () => {
    for (const [samples, dims] of [[4, 2], [8, 3], [10, 34]]) {
      const v = hypercubeVertices(samples, dims, new RandomState(1));
      const keys = new Set<string>();
      for (let i = 0; i < samples; i++) keys.add(Array.from(v.subarray(i * dims + dims - Math.min(dims, 30), (i + 1) * dims)).join(''));
      expect(keys.size).toBe(samples);
      expect(Array.from(v).every((b) => b === 0 || b === 1)).toBe(true);
    }
  });
});

describe('makeRegression', () => {
  it('y = X·coef + bias exactly when noise is 0', () => {
    const { X, y, coef } = makeRegression({ nSamples: 200, nFeatures: 12, nInformative: 4, bias: 2.5, coef: true, randomState: 9 });
    expect(X.length).toBe(200);
    expect(coef.length).toBe(12);
    expect(coef.filter((c) => c !== 0).length).toBe(4);
    expect(coef.every((c) => c >= 0 && c < 100)).toBe(true);
    for (let i = 0; i < 200; i++) {
      let s = 0;
      for (let j = 0; j < 12; j++) s += X[i][j] * coef[j];
      expect(y[i]).toBe(s + 2.5);
    }
  });

  it('puts the informative features first without shuffling', () => {
    const { coef } = makeRegression({ nFeatures: 10, nInformative: 3, shuffle: false, coef: true, randomState: 1 });
    expect(coef.slice(0, 3).every((c) => c > 0)).toBe(true);
    expect(coef.slice(3).every((c) => c === 0)).toBe(true);
  });

  it('draws X standard normal and adds noise of the given spread', () => {
    const { X, y, coef } = makeRegression({ nSamples: 20000, nFeatures: 3, nInformative: 3, noise: 2, coef: true, randomState: 4 });
    const all = X.flat();
    expect(Math.abs(mean(all))).toBeLessThan(0.02);
    expect(std(all)).toBeCloseTo(1, 1);
    const residual = y.map((v, i) => v - X[i].reduce((s, x, j) => s + x * coef[j], 0));
    expect(std(residual)).toBeGreaterThan(1.9);
    expect(std(residual)).toBeLessThan(2.1);
    const lr = new LinearRegression().fit(X, y);
    lr.coef_.forEach((c, j) => expect(Math.abs(c - coef[j])).toBeLessThan(0.1));
  });

  it('returns coef only when asked, and the dense path gives the same numbers', () => {
    const r = makeRegression({ nSamples: 30, nFeatures: 4, randomState: 8 });
    expect('coef' in r).toBe(false);
    const d = makeRegressionDense({ nSamples: 30, nFeatures: 4, randomState: 8 });
    expect(Array.from(d.X)).toEqual(r.X.flat());
    expect(Array.from(d.y)).toEqual(r.y);
  });

  it('caps nInformative at nFeatures and checks its options', () => {
    const { coef } = makeRegression({ nFeatures: 3, nInformative: 10, coef: true, randomState: 0 });
    expect(coef.every((c) => c > 0)).toBe(true);
    expectThrowsValidation(() => makeRegression({ nTargets: 2 }), 'nTargets');
    expectThrowsValidation(() => makeRegression({ noise: -1 }), 'noise');
    expectThrowsValidation(() => makeRegression({ nSamples: 1.5 }), 'nSamples');
    expectThrowsValidation(() => makeRegression({ effectiveRank: 5 } as unknown as { nSamples: number }), 'effectiveRank');
  });
});

describe('makeBlobs', () => {
  it('places centres inside centerBox and samples around them', () => {
    const { X, y, centers } = makeBlobs({ nSamples: 3000, nFeatures: 3, centers: 4, clusterStd: 0.5, centerBox: [-5, 2], returnCenters: true, randomState: 6 });
    expect(X.length).toBe(3000);
    expect(centers.length).toBe(4);
    expect(centers.flat().every((v) => v >= -5 && v < 2)).toBe(true);
    for (let k = 0; k < 4; k++) {
      const members = X.filter((_, i) => y[i] === k);
      expect(members.length).toBe(750);
      for (let j = 0; j < 3; j++) {
        expect(Math.abs(mean(column(members, j)) - centers[k][j])).toBeLessThan(0.06);
        expect(std(column(members, j))).toBeCloseTo(0.5, 1);
      }
    }
  });

  it('deals the remainder to the first centres and defaults to 3 centres', () => {
    const { y, centers } = makeBlobs({ nSamples: 11, returnCenters: true, randomState: 0 });
    expect(centers.length).toBe(3);
    expect([0, 1, 2].map((k) => y.filter((v) => v === k).length)).toEqual([4, 4, 3]);
  });

  it('takes per-centre counts, given centres and per-centre spreads', () => {
    const { X, y } = makeBlobs({ nSamples: [5, 0, 2], centers: [[1, 1, 1], [2, 2, 2], [3, 3, 3]], clusterStd: [0, 1, 0], shuffle: false });
    expect(y).toEqual([0, 0, 0, 0, 0, 2, 2]);
    expect(X[0]).toEqual([1, 1, 1]);
    expect(X[6]).toEqual([3, 3, 3]);
    const r = makeBlobs({ nSamples: [3, 4], nFeatures: 5, randomState: 1, returnCenters: true });
    expect(r.centers.length).toBe(2);
    expect(r.X[0].length).toBe(5);
    expect('centers' in makeBlobs({ randomState: 1 })).toBe(false);
  });

  it('shuffles samples, deterministically under randomState', () => {
    const a = makeBlobs({ nSamples: 60, randomState: 3 });
    expect(a.y.slice(0, 20).every((v) => v === 0)).toBe(false);
    expect(makeBlobs({ nSamples: 60, randomState: 3 })).toEqual(a);
  });

  it('rejects inconsistent options, as scikit-learn does', () => {
    expectThrowsValidation(() => makeBlobs({ nSamples: [2, 3], centers: [[0, 0]] }), 'nSamples');
    expectThrowsValidation(() => makeBlobs({ nSamples: [2, 3], centers: 2 }), 'centers');
    expectThrowsValidation(() => makeBlobs({ centers: 2, clusterStd: [1, 2, 3] }), 'clusterStd');
    expectThrowsValidation(() => makeBlobs({ centers: [[0, 0], [1]] }), 'centers');
    expectThrowsValidation(() => makeBlobs({ centerBox: [3, 1] }), 'centerBox');
    expectThrowsValidation(() => makeBlobs({ clusterStd: -1 }), 'clusterStd');
  });
});
