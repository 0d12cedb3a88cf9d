import { arrayOf, bool, int, nullable, num, union, randomStateSpec } from '../core/params';
import { checkSize } from '../core/sizes';
import { RandomState } from '../core/random';
import { toRows } from '../core/math/toRows';
import { permutation, permuteRowsAndColumns } from './_dense';
import { readOptions } from '../core/readOptions';
import { optionError } from './_options';

/** Options of {@link makeBlobs}. */
export interface MakeBlobsOptions {
  /**
   * The total number of samples, divided equally among the centres (the first ones get one more when
   * it does not divide), or the number of samples of each centre.
   * @defaultValue 100
   */
  nSamples: number | number[];
  /** The number of features (ignored when `centers` gives the centres themselves). @defaultValue 2 */
  nFeatures: number;
  /**
   * The number of centres, drawn uniformly in `centerBox`, or the centres themselves (one row each).
   * `null` means 3 centres, or one per entry of `nSamples` when it is an array.
   * @defaultValue null
   */
  centers: number | number[][] | null;
  /** The standard deviation of the clusters: one for all, or one per centre. @defaultValue 1 */
  clusterStd: number | number[];
  /** The bounds [min, max] of the random centres. @defaultValue [-10, 10] */
  centerBox: [number, number];
  /** Shuffle the samples (otherwise they come centre by centre). @defaultValue true */
  shuffle: boolean;
  /** Seed of the random numbers; `null` draws a fresh seed. @defaultValue null */
  randomState: number | null;
  /** Also return the centres. @defaultValue false */
  returnCenters: boolean;
}

/** What {@link makeBlobs} returns. */
export interface BlobsData {
  /** The samples. */
  X: number[][];
  /** The centre (cluster) of each sample, an integer index into the centres. */
  y: number[];
}

/** The same data as flat buffers: X row-major. Internal (benchmarks). */
export interface DenseBlobsData {
  X: Float64Array;
  y: Int32Array;
  centers: Float64Array;
  nSamples: number;
  nFeatures: number;
  nCenters: number;
}

const FN = 'makeBlobs';

const defaults: MakeBlobsOptions = {
  nSamples: 100,
  nFeatures: 2,
  centers: null,
  clusterStd: 1,
  centerBox: [-10, 10],
  shuffle: true,
  randomState: null,
  returnCenters: false,
};

const schema = {
  nSamples: union(int({ min: 1 }), arrayOf(int({ min: 0 }))),
  nFeatures: int({ min: 1 }),
  centers: nullable(union(int({ min: 1 }), arrayOf(arrayOf(num())))),
  clusterStd: union(num({ min: 0 }), arrayOf(num({ min: 0 }))),
  centerBox: arrayOf(num(), 2),
  shuffle: bool(),
  randomState: randomStateSpec,
  returnCenters: bool(),
};

/**
 * The generator behind {@link makeBlobs}, on flat buffers. Not part of the public API: benchmarks
 * use it.
 */
export function makeBlobsDense(options?: Partial<MakeBlobsOptions>): DenseBlobsData {
  const o = readOptions<MakeBlobsOptions>(FN, options, defaults, schema);
  const rng = new RandomState(o.randomState ?? undefined);
  const [lo, hi] = o.centerBox;
  if (!(lo <= hi)) optionError(FN, 'centerBox', '[min, max] with min ≤ max', o.centerBox);
  let nCenters: number;
  let d = o.nFeatures;
  let given: number[][] | null = null;
  if (Array.isArray(o.centers)) {
    given = o.centers;
    nCenters = given.length;
    if (nCenters === 0) optionError(FN, 'centers', 'a number of centres or a non-empty array of centres', o.centers);
    d = given[0].length;
    if (d === 0 || given.some((c) => c.length !== d)) optionError(FN, 'centers', 'rows of equal, non-zero length', o.centers);
  } else if (Array.isArray(o.nSamples)) {
    if (o.centers !== null) optionError(FN, 'centers', 'null or an array of centres when nSamples is an array', o.centers);
    nCenters = o.nSamples.length;
  } else {
    nCenters = o.centers ?? 3;
  }
  let counts: number[];
  if (Array.isArray(o.nSamples)) {
    if (o.nSamples.length !== nCenters) {
      optionError(FN, 'nSamples', `a number or an array with one count per centre (${nCenters})`, o.nSamples);
    }
    counts = o.nSamples.slice();
  } else {
    const total = o.nSamples;
    const base = Math.floor(total / nCenters);
    counts = Array.from({ length: nCenters }, (_, i) => base + (i < total % nCenters ? 1 : 0));
  }
  const n = counts.reduce((a, b) => a + b, 0);
  if (n === 0) optionError(FN, 'nSamples', 'at least one sample in total', o.nSamples);
  let stds: number[];
  if (Array.isArray(o.clusterStd)) {
    if (o.clusterStd.length !== nCenters) optionError(FN, 'clusterStd', `a number or an array with one value per centre (${nCenters})`, o.clusterStd);
    stds = o.clusterStd;
  } else {
    stds = new Array<number>(nCenters).fill(o.clusterStd);
  }
  checkSize(n * d, { estimator: FN, param: d >= n ? 'nFeatures' : 'nSamples', what: `elements of X (${n} samples × ${d} features)` });
  checkSize(nCenters * d, { estimator: FN, param: 'centers', what: `centre coordinates (${nCenters} centres × ${d} features)` });
  const centers = new Float64Array(nCenters * d);
  if (given) for (let k = 0; k < nCenters; k++) centers.set(given[k], k * d);
  else for (let i = 0; i < centers.length; i++) centers[i] = rng.uniform(lo, hi);

  const X = new Float64Array(n * d);
  const y = new Int32Array(n);
  let row = 0;
  for (let k = 0; k < nCenters; k++) {
    for (let s = 0; s < counts[k]; s++, row++) {
      y[row] = k;
      const off = row * d;
      for (let j = 0; j < d; j++) X[off + j] = rng.normal(centers[k * d + j], stds[k]);
    }
  }
  if (o.shuffle) {
    const perm = permutation(rng, n);
    const yShuffled = new Int32Array(n);
    for (let i = 0; i < n; i++) yShuffled[i] = y[perm[i]];
    return { X: permuteRowsAndColumns(X, n, d, perm), y: yShuffled, centers, nSamples: n, nFeatures: d, nCenters };
  }
  return { X, y, centers, nSamples: n, nFeatures: d, nCenters };
}

/**
 * Generates isotropic Gaussian blobs for clustering, as scikit-learn's `make_blobs`: `centers`
 * centres (3 by default) drawn uniformly in `centerBox` (or given), and around each a cloud of
 * normal samples with standard deviation `clusterStd`. `y` tells which centre each sample came
 * from. The numbers come from typelearn's own seeded generator, so they differ from
 * scikit-learn's for the same seed; the structure is the same.
 *
 * Options: `nSamples` (100, or one count per centre), `nFeatures` (2), `centers` (null),
 * `clusterStd` (1), `centerBox` ([-10, 10]), `shuffle` (true), `randomState` (null),
 * `returnCenters` (false: when true the centres are returned as `centers`).
 * @example
 * ```ts
 * import { makeBlobs } from 'typelearn';
 * const { X, y, centers } = makeBlobs({ nSamples: 10, centers: 3, nFeatures: 2, randomState: 0, returnCenters: true });
 * console.log(X.length, centers.length, [0, 1, 2].map((k) => y.filter((v) => v === k).length)); // 10 3 [ 4, 3, 3 ]
 * const fixed = makeBlobs({ nSamples: [2, 3], centers: [[0, 0], [5, 5]], clusterStd: 0, shuffle: false });
 * console.log(fixed.X, fixed.y); // [ [ 0, 0 ], [ 0, 0 ], [ 5, 5 ], [ 5, 5 ], [ 5, 5 ] ] [ 0, 0, 1, 1, 1 ]
 * ```
 */
export function makeBlobs(options: Partial<MakeBlobsOptions> & { returnCenters: true }): BlobsData & {
  /** The centre of each blob, one row per centre. */
  centers: number[][];
};
export function makeBlobs(options?: Partial<MakeBlobsOptions>): BlobsData & {
  /** The centre of each blob (with `returnCenters: true`). */
  centers?: number[][];
};
export function makeBlobs(options?: Partial<MakeBlobsOptions>): BlobsData & { centers?: number[][] } {
  const r = makeBlobsDense(options);
  const out: BlobsData & { centers?: number[][] } = { X: toRows(r.X, r.nSamples, r.nFeatures), y: Array.from(r.y) };
  if (options?.returnCenters === true) out.centers = toRows(r.centers, r.nCenters, r.nFeatures);
  return out;
}
