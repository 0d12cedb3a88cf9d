/**
 * Dense numeric kernels on flat row-major `Float64Array`s (element (i, j) of a rows × cols matrix
 * at `data[i * cols + j]`), written for the pure-JavaScript ceiling: register tiling (4 × 4 or
 * four-row accumulator blocks), cache blocking over rows, no allocation inside the loops. Each
 * kernel is its own file with its own tests against a naive reference; `npm run bench -- --filter
 * kernel` prints their GFLOP/s beside numpy's. `gemmF32` is `gemm` over `Float32Array`s, generated
 * from gemm.ts by scripts/gen-float32.mjs.
 */
export { dot } from './dot';
export { axpy } from './axpy';
export { gemv } from './gemv';
export { gemvT } from './gemvT';
export { gemm } from './gemm';
export { gemmF32 } from './gemmF32';
export { syrk } from './syrk';
export { linearPredict } from './linearPredict';
export { logSumExpRows } from './logSumExpRows';
