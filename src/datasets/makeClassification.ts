import { arrayOf, bool, int, nullable, num, union, randomStateSpec } from '../core/params';
import { checkSize } from '../core/sizes';
import { RandomState } from '../core/random';
import { toRows } from '../core/math/toRows';
import { fillStandardNormal, permutation, permuteRowsAndColumns } from './_dense';
import { readOptions } from '../core/readOptions';
import { optionError } from './_options';

/** Options of {@link makeClassification}. */
export interface MakeClassificationOptions {
  /** The number of samples. @defaultValue 100 */
  nSamples: number;
  /** The total number of features: informative, redundant, repeated, then useless noise. @defaultValue 20 */
  nFeatures: number;
  /** The number of informative features, on which the classes' clusters are placed. @defaultValue 2 */
  nInformative: number;
  /** The number of redundant features: random linear combinations of the informative ones. @defaultValue 2 */
  nRedundant: number;
  /** The number of duplicated features, copied at random from the informative and redundant ones. @defaultValue 0 */
  nRepeated: number;
  /** The number of classes. @defaultValue 2 */
  nClasses: number;
  /** The number of Gaussian clusters per class. @defaultValue 2 */
  nClustersPerClass: number;
  /**
   * The share of samples in each class (length nClasses, or nClasses − 1 and the last is 1 minus
   * their sum); `null` for balanced classes. Label noise (`flipY`) can change the final shares.
   * @defaultValue null
   */
  weights: number[] | null;
  /** The share of samples whose class is replaced by a random one. @defaultValue 0.01 */
  flipY: number;
  /** Half the side of the hypercube whose vertices are the clusters' centres. @defaultValue 1 */
  classSep: number;
  /** Centres on the vertices of a hypercube (true) or of a random polytope (false). @defaultValue true */
  hypercube: boolean;
  /** Added to every feature (one number, or one per feature); `null` draws it from [−classSep, classSep]. @defaultValue 0 */
  shift: number | number[] | null;
  /** Multiplies every feature after the shift (one number, or one per feature); `null` draws it from [1, 101). @defaultValue 1 */
  scale: number | number[] | null;
  /** Shuffle the samples and the features. @defaultValue true */
  shuffle: boolean;
  /** Seed of the random numbers; `null` draws a fresh seed. @defaultValue null */
  randomState: number | null;
}

/** What {@link makeClassification} returns. */
export interface ClassificationData {
  /** The samples, nSamples rows of nFeatures. */
  X: number[][];
  /** The class of each sample, an integer in 0..nClasses − 1. */
  y: number[];
}

/** The same data as flat buffers: X row-major, nSamples × nFeatures. Internal (benchmarks). */
export interface DenseClassificationData {
  X: Float64Array;
  y: Int32Array;
  nSamples: number;
  nFeatures: number;
}

const FN = 'makeClassification';

const defaults: MakeClassificationOptions = {
  nSamples: 100,
  nFeatures: 20,
  nInformative: 2,
  nRedundant: 2,
  nRepeated: 0,
  nClasses: 2,
  nClustersPerClass: 2,
  weights: null,
  flipY: 0.01,
  classSep: 1,
  hypercube: true,
  shift: 0,
  scale: 1,
  shuffle: true,
  randomState: null,
};

const perFeature = union(num(), arrayOf(num()));
const schema = {
  nSamples: int({ min: 1 }),
  nFeatures: int({ min: 1 }),
  nInformative: int({ min: 1 }),
  nRedundant: int({ min: 0 }),
  nRepeated: int({ min: 0 }),
  nClasses: int({ min: 1 }),
  nClustersPerClass: int({ min: 1 }),
  weights: nullable(arrayOf(num({ min: 0 }))),
  flipY: num({ min: 0, max: 1 }),
  classSep: num(),
  hypercube: bool(),
  shift: nullable(perFeature),
  scale: nullable(perFeature),
  shuffle: bool(),
  randomState: randomStateSpec,
};

/**
 * `samples` distinct vertices of the unit hypercube in `dims` dimensions, in random order, as a
 * samples × dims array of 0/1 (scikit-learn's `_generate_hypercube`).
 */
export function hypercubeVertices(samples: number, dims: number, rng: RandomState): Uint8Array {
  const out = new Uint8Array(samples * dims);
  // Beyond 30 dimensions the leading ones are plain random bits; the last 30 keep vertices distinct.
  const extra = Math.max(0, dims - 30);
  const low = dims - extra;
  for (let i = 0; i < samples; i++) for (let c = 0; c < extra; c++) out[i * dims + c] = rng.randint(2);
  const space = 2 ** low;
  const chosen: number[] = [];
  if (space <= 4 * samples) {
    const all = new Array<number>(space);
    for (let v = 0; v < space; v++) all[v] = v;
    for (let i = 0; i < samples; i++) {
      const j = i + rng.randint(space - i);
      const t = all[i];
      all[i] = all[j];
      all[j] = t;
      chosen.push(all[i]);
    }
  } else {
    const seen = new Set<number>();
    while (chosen.length < samples) {
      const v = rng.randint(space);
      if (!seen.has(v)) {
        seen.add(v);
        chosen.push(v);
      }
    }
  }
  for (let i = 0; i < samples; i++) {
    for (let c = 0; c < low; c++) out[i * dims + extra + c] = Math.floor(chosen[i] / 2 ** (low - 1 - c)) % 2;
  }
  return out;
}

function perFeatureValues(name: 'shift' | 'scale', value: number | number[], d: number): Float64Array {
  if (typeof value === 'number') return new Float64Array(d).fill(value);
  if (value.length !== d) optionError(FN, name, `a number or an array of nFeatures (${d}) numbers`, value);
  return Float64Array.from(value);
}

function checkCounts(o: MakeClassificationOptions): number[] {
  if (o.nInformative + o.nRedundant + o.nRepeated > o.nFeatures) {
    optionError(
      FN,
      'nFeatures',
      `at least nInformative + nRedundant + nRepeated = ${o.nInformative + o.nRedundant + o.nRepeated}`,
      o.nFeatures,
    );
  }
  const nClusters = o.nClasses * o.nClustersPerClass;
  if (o.nInformative < Math.log2(nClusters)) {
    optionError(
      FN,
      'nInformative',
      `large enough that nClasses (${o.nClasses}) × nClustersPerClass (${o.nClustersPerClass}) = ${nClusters} ≤ 2 ** nInformative`,
      o.nInformative,
    );
  }
  let weights: number[];
  if (o.weights === null) {
    weights = new Array<number>(o.nClasses).fill(1 / o.nClasses);
  } else if (o.weights.length === o.nClasses) {
    weights = o.weights.slice();
  } else if (o.weights.length === o.nClasses - 1) {
    weights = [...o.weights, 1 - o.weights.reduce((a, b) => a + b, 0)];
  } else {
    return optionError(FN, 'weights', `null or an array of nClasses (${o.nClasses}) or nClasses − 1 numbers`, o.weights);
  }
  if (weights.some((w) => !(w >= 0))) optionError(FN, 'weights', 'shares in [0, 1] whose sum is at most 1', o.weights);
  return weights;
}

/**
 * The generator behind {@link makeClassification}, on flat buffers. Not part of the public API:
 * benchmarks use it.
 */
export function makeClassificationDense(options?: Partial<MakeClassificationOptions>): DenseClassificationData {
  const o = readOptions<MakeClassificationOptions>(FN, options, defaults, schema);
  const weights = checkCounts(o);
  const n = o.nSamples;
  const d = o.nFeatures;
  const nInf = o.nInformative;
  const nRed = o.nRedundant;
  const nRep = o.nRepeated;
  const nClusters = o.nClasses * o.nClustersPerClass;
  const shiftOption = o.shift === null ? null : perFeatureValues('shift', o.shift, d);
  const scaleOption = o.scale === null ? null : perFeatureValues('scale', o.scale, d);
  checkSize(n * d, { estimator: FN, param: d >= n ? 'nFeatures' : 'nSamples', what: `elements of X (${n} samples × ${d} features)` });
  checkSize(nClusters * nInf * nInf, { estimator: FN, param: 'nInformative', what: `covariance entries (${nClusters} clusters × ${nInf}² informative features)` });
  const rng = new RandomState(o.randomState ?? undefined);

  // Samples per cluster: by class weight, the remainder dealt round-robin.
  const perCluster = new Array<number>(nClusters);
  let assigned = 0;
  for (let k = 0; k < nClusters; k++) {
    perCluster[k] = Math.floor((n * weights[k % o.nClasses]) / o.nClustersPerClass);
    assigned += perCluster[k];
  }
  for (let i = 0; i < n - assigned; i++) perCluster[i % nClusters]++;

  // Cluster centres on hypercube vertices at ±classSep, optionally shrunk into a random polytope.
  const vertices = hypercubeVertices(nClusters, nInf, rng);
  const centroids = new Float64Array(nClusters * nInf);
  for (let i = 0; i < centroids.length; i++) centroids[i] = vertices[i] * 2 * o.classSep - o.classSep;
  if (!o.hypercube) {
    for (let k = 0; k < nClusters; k++) {
      const u = rng.random();
      for (let j = 0; j < nInf; j++) centroids[k * nInf + j] *= u;
    }
    for (let j = 0; j < nInf; j++) {
      const u = rng.random();
      for (let k = 0; k < nClusters; k++) centroids[k * nInf + j] *= u;
    }
  }

  const X = new Float64Array(n * d);
  const y = new Int32Array(n);
  // Informative features: each cluster is a standard normal cloud times a random matrix A
  // (random covariance), moved to its centre.
  const z = new Float64Array(nInf);
  const A = new Float64Array(nInf * nInf);
  let row = 0;
  for (let k = 0; k < nClusters; k++) {
    for (let i = 0; i < A.length; i++) A[i] = 2 * rng.random() - 1;
    const label = k % o.nClasses;
    for (let s = 0; s < perCluster[k]; s++, row++) {
      y[row] = label;
      fillStandardNormal(rng, z);
      const off = row * d;
      for (let j = 0; j < nInf; j++) {
        let v = centroids[k * nInf + j];
        for (let t = 0; t < nInf; t++) v += z[t] * A[t * nInf + j];
        X[off + j] = v;
      }
    }
  }
  // Redundant features: random linear combinations of the informative ones.
  if (nRed > 0) {
    const B = new Float64Array(nInf * nRed);
    for (let i = 0; i < B.length; i++) B[i] = 2 * rng.random() - 1;
    for (let i = 0; i < n; i++) {
      const off = i * d;
      for (let r = 0; r < nRed; r++) {
        let v = 0;
        for (let t = 0; t < nInf; t++) v += X[off + t] * B[t * nRed + r];
        X[off + nInf + r] = v;
      }
    }
  }
  // Repeated features: copies of informative or redundant ones.
  if (nRep > 0) {
    const m = nInf + nRed;
    const source = new Int32Array(nRep);
    for (let r = 0; r < nRep; r++) source[r] = Math.floor((m - 1) * rng.random() + 0.5);
    for (let i = 0; i < n; i++) {
      const off = i * d;
      for (let r = 0; r < nRep; r++) X[off + m + r] = X[off + source[r]];
    }
  }
  // Useless features: pure noise.
  const used = nInf + nRed + nRep;
  if (used < d) for (let i = 0; i < n; i++) fillStandardNormal(rng, X, i * d + used, (i + 1) * d);
  // Label noise.
  for (let i = 0; i < n; i++) if (rng.random() < o.flipY) y[i] = rng.randint(o.nClasses);
  // Shift, then scale.
  const shift = shiftOption ?? Float64Array.from({ length: d }, () => (2 * rng.random() - 1) * o.classSep);
  const scale = scaleOption ?? Float64Array.from({ length: d }, () => 1 + 100 * rng.random());
  for (let i = 0; i < n; i++) {
    const off = i * d;
    for (let j = 0; j < d; j++) X[off + j] = (X[off + j] + shift[j]) * scale[j];
  }
  if (!o.shuffle) return { X, y, nSamples: n, nFeatures: d };
  const rows = permutation(rng, n);
  const cols = permutation(rng, d);
  const yShuffled = new Int32Array(n);
  for (let i = 0; i < n; i++) yShuffled[i] = y[rows[i]];
  return { X: permuteRowsAndColumns(X, n, d, rows, cols), y: yShuffled, nSamples: n, nFeatures: d };
}

/**
 * Generates a random n-class classification problem, as scikit-learn's `make_classification` (the
 * algorithm of Guyon's "Madelon" data set): each class is made of `nClustersPerClass` Gaussian
 * clusters centred on vertices of a hypercube of side 2·classSep in the `nInformative` informative
 * features, with a random covariance each; then come `nRedundant` random linear combinations of the
 * informative features, `nRepeated` copies of some of them, and standard normal noise features for
 * the rest. `flipY` of the labels are then replaced at random, every feature is shifted and scaled,
 * and the samples and features are shuffled. Without shuffling the columns come in that order
 * (informative, redundant, repeated, noise). The numbers come from typelearn's own seeded generator,
 * so they differ from scikit-learn's for the same seed; the structure is the same.
 *
 * Options (defaults as scikit-learn's): `nSamples` (100), `nFeatures` (20), `nInformative` (2),
 * `nRedundant` (2), `nRepeated` (0), `nClasses` (2), `nClustersPerClass` (2), `weights` (null),
 * `flipY` (0.01), `classSep` (1), `hypercube` (true), `shift` (0), `scale` (1), `shuffle` (true),
 * `randomState` (null). nInformative + nRedundant + nRepeated must not exceed nFeatures, and
 * nClasses × nClustersPerClass must not exceed 2 ** nInformative.
 * @example
 * ```ts
 * import { makeClassification } from 'typelearn';
 * const { X, y } = makeClassification({ nSamples: 200, nFeatures: 6, nInformative: 3, nClasses: 3, flipY: 0, randomState: 1 });
 * console.log(X.length, X[0].length); // 200 6
 * console.log([0, 1, 2].map((c) => y.filter((v) => v === c).length)); // [ 67, 67, 66 ]
 * ```
 */
export function makeClassification(options?: Partial<MakeClassificationOptions>): ClassificationData {
  const r = makeClassificationDense(options);
  return { X: toRows(r.X, r.nSamples, r.nFeatures), y: Array.from(r.y) };
}
