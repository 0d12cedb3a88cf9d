/** The shape of a benchmark case: one entry of the registry in cases/index.ts. */

/** Data generated once per (case, size), in TypeScript, and handed to both sides. */
export interface BenchData {
  /** Row-major n × d. */
  X: Float64Array;
  /** Target (regression values or class labels as numbers), when the case has one. */
  y?: Float64Array;
  n: number;
  d: number;
  /**
   * Streaming cases: the rows to stream (the case size), when X holds only a pool of `n` rows that
   * the stream cycles through, so memory stays flat as the size grows.
   */
  streamRows?: number;
}

/** One timed step on the typelearn side, e.g. `fit` or `predict`. Steps run in order. */
export interface BenchStep {
  name: string;
  run: () => void;
  /**
   * Floating-point operations of one run (2 per multiply-add), for kernel micro-benchmarks: when
   * set, the harness also reports GFLOP/s of both sides.
   */
  flops?: number;
  /**
   * Units of work of one run (e.g. `{ count: 2, unit: 'epochs' }` for a 2-epoch fit): when set, the
   * harness also reports units per second of both sides in a throughput table.
   */
  rate?: { count: number; unit: string };
}

/** What a case's typelearn runner sets up for one data set. */
export interface TypelearnRun {
  /** The steps to time (each best of k, in order; later steps may use what earlier ones fitted). */
  steps: BenchStep[];
  /** After the steps: the output compared with scikit-learn's (transform output, predictions), flat. */
  output: () => Float64Array;
  /** After the steps: the quality metric (same definition as the Python runner's). */
  metric: () => number;
  /** Notes printed under the table, e.g. which baselines were skipped at this size and why. */
  notes?: string[];
}

export interface BenchCase {
  /** Shown in the table and matched by `--filter`. */
  name: string;
  /** Number of rows of each size run by default (`--quick` runs only the smallest). */
  sizes: number[];
  /** Further sizes run only with `--full` (too slow for the default run). */
  fullSizes?: number[];
  /** Number of features. */
  d: number;
  /** The quality metric's name, e.g. `R² (train)`. */
  metric: string;
  /** Repeats per size, when the default (by cell count) would take too long (slow fits such as SVC). */
  repeats?: (n: number) => number;
  /** Makes the data (seeded: the same on every run). */
  generate: (n: number, d: number, seed: number) => BenchData;
  /** Prepares the typelearn side on the data. */
  typelearn: (data: BenchData) => TypelearnRun;
  /** The name of the matching runner in benchmarks/sklearn_runner.py (its RUNNERS table). */
  sklearnRunner: string;
}
