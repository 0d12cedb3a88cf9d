import { RandomState } from '../../src/core/random';
import { axpy, dot, gemm, gemmF32, gemv, gemvT, linearPredict, logSumExpRows, syrk } from '../../src/core/kernels/index';
import type { BenchCase, BenchData, BenchStep } from '../types';

/**
 * Micro-benchmarks of the numeric kernels (src/core/kernels) beside numpy on the same shapes (one
 * BLAS thread). Each step declares its floating-point operations (2 per multiply-add), and the
 * harness prints GFLOP/s for both sides in a second table. The metric is the sum of the output.
 */

/** Uniform [−1, 1) data, seeded; y is a second vector of n values. */
function uniform(n: number, d: number, seed: number): BenchData {
  const r = new RandomState(seed);
  const X = new Float64Array(n * d);
  for (let i = 0; i < X.length; i++) X[i] = 2 * r.random() - 1;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = 2 * r.random() - 1;
  return { X, y, n, d };
}

const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

/** A kernel case: `make` returns the step(s) and the output buffer once the data exist. */
function kernelCase(name: string, runner: string, make: (data: BenchData) => { steps: BenchStep[]; output: () => Float64Array }): BenchCase {
  return {
    name: `kernel ${name}`,
    sizes: [10_000, 100_000],
    d: 50,
    metric: 'sum of output',
    generate: uniform,
    typelearn(data) {
      const run = make(data);
      return { steps: run.steps, output: run.output, metric: () => sum(run.output()) };
    },
    sklearnRunner: runner,
  };
}

/** The classes of the multi-output kernels (softmax scores, their gradients). */
const K = 10;

/** A fixed K × d coefficient block (row k = 0.01 · (k + 1) · (j − d/2) / d). */
function coefBlock(t: number, d: number): Float64Array {
  const W = new Float64Array(t * d);
  for (let k = 0; k < t; k++) for (let j = 0; j < d; j++) W[k * d + j] = (0.01 * (k + 1) * (j - d / 2)) / d;
  return W;
}

export const kernelDot = kernelCase('dot (x·x, n·d values)', 'kernel_dot', ({ X }) => {
  const out = new Float64Array(1);
  return { steps: [{ name: 'dot', flops: 2 * X.length, run: () => { out[0] = dot(X.length, X, 0, X, 0); } }], output: () => out };
});

export const kernelAxpy = kernelCase('axpy (y += a·x, n·d values)', 'kernel_axpy', ({ X }) => {
  const y = new Float64Array(X.length);
  return {
    steps: [{ name: 'axpy', flops: 2 * X.length, run: () => axpy(X.length, 1e-3, X, 0, y, 0) }],
    output: () => {
      y.fill(0);
      axpy(X.length, 1e-3, X, 0, y, 0);
      return y.subarray(0, 1000);
    },
  };
});

export const kernelGemv = kernelCase('gemv (X v and Xᵀ r)', 'kernel_gemv', ({ X, y, n, d }) => {
  const v = coefBlock(1, d);
  const r = y as Float64Array;
  const Xv = new Float64Array(n);
  const Xtr = new Float64Array(d);
  return {
    steps: [
      { name: 'X v', flops: 2 * n * d, run: () => gemv(X, n, d, v, Xv) },
      { name: 'Xᵀ r', flops: 2 * n * d, run: () => gemvT(X, n, d, r, Xtr) },
    ],
    output: () => {
      const o = new Float64Array(n + d);
      o.set(Xv);
      o.set(Xtr, n);
      return o;
    },
  };
});

export const kernelGemm = kernelCase(`gemm (X W, Rᵀ X; ${K} outputs)`, 'kernel_gemm', ({ X, n, d }) => {
  const W = coefBlock(K, d); // used as d × K (NN) and its rows as R's source
  const R = new Float64Array(n * K);
  for (let i = 0; i < n * K; i++) R[i] = X[(i * 7) % X.length];
  const XW = new Float64Array(n * K);
  const RtX = new Float64Array(K * d);
  return {
    steps: [
      { name: 'X W (NN)', flops: 2 * n * d * K, run: () => gemm(X, W, XW, n, K, d) },
      { name: 'Rᵀ X (TN)', flops: 2 * n * d * K, run: () => gemm(R, X, RtX, K, d, n, true, false) },
    ],
    output: () => {
      const o = new Float64Array(n * K + K * d);
      o.set(XW);
      o.set(RtX, n * K);
      return o;
    },
  };
});

export const kernelGemmF32 = kernelCase(`gemmF32 (X W, Rᵀ X over Float32Array; ${K} outputs)`, 'kernel_gemm_f32', ({ X, n, d }) => {
  // The same products as the gemm case on the data rounded to float32 (numpy: float32 arrays).
  const X32 = Float32Array.from(X);
  const W = Float32Array.from(coefBlock(K, d));
  const R = new Float32Array(n * K);
  for (let i = 0; i < n * K; i++) R[i] = X32[(i * 7) % X32.length];
  const XW = new Float32Array(n * K);
  const RtX = new Float32Array(K * d);
  return {
    steps: [
      { name: 'X W (NN)', flops: 2 * n * d * K, run: () => gemmF32(X32, W, XW, n, K, d) },
      { name: 'Rᵀ X (TN)', flops: 2 * n * d * K, run: () => gemmF32(R, X32, RtX, K, d, n, true, false) },
    ],
    output: () => {
      const o = new Float64Array(n * K + K * d);
      o.set(XW);
      o.set(RtX, n * K);
      return o;
    },
  };
});

export const kernelSyrk = kernelCase('syrk (XᵀX)', 'kernel_syrk', ({ X, n, d }) => {
  const G = new Float64Array(d * d);
  // Counted as numpy's syrk does the work: the upper triangle, d(d+1)/2 dot products of length n.
  return { steps: [{ name: 'XᵀX', flops: n * d * (d + 1), run: () => syrk(X, n, d, G) }], output: () => G };
});

export const kernelLinearPredict = kernelCase('linearPredict (X w + b, checked finite)', 'kernel_linear_predict', ({ X, n, d }) => {
  const w = coefBlock(1, d);
  const b = Float64Array.of(0.5);
  const out = new Float64Array(n);
  return {
    steps: [
      {
        name: 'X w + b',
        flops: 2 * n * d,
        run: () => {
          if (linearPredict(X, n, d, w, b, out) !== -1) throw new Error('non-finite data');
        },
      },
    ],
    output: () => out,
  };
});

export const kernelLogSumExp = kernelCase(`logSumExpRows (n × ${K})`, 'kernel_logsumexp', ({ X, n }) => {
  const Z = X.subarray(0, n * K);
  const out = new Float64Array(n);
  return { steps: [{ name: 'logsumexp', run: () => logSumExpRows(Z, n, K, out) }], output: () => out };
});

export const kernelCases: BenchCase[] = [kernelDot, kernelAxpy, kernelGemv, kernelGemm, kernelGemmF32, kernelSyrk, kernelLinearPredict, kernelLogSumExp];
