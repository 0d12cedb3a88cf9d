/**
 * Dense matrix kernels of the multi-layer perceptron, over flat row-major `Float64Array`s: the
 * three products a dense layer needs (forward X·W, weight gradient Aᵀ·D, backward D·Wᵀ), each
 * blocked for cache (a panel of W's rows is reused by four rows of the left operand at once) and
 * writing into a caller's buffer, so the training loop allocates nothing. Free of the estimator API.
 */

/** Rows of the right operand held in one panel (128 rows of a 128-wide layer = 128 KiB). */
const K_BLOCK = 128;

/**
 * C = A·B (+ C when `accumulate`), A m × k, B k × n, C m × n, all row-major.
 * Loop order i-k-j with four rows of A per pass, so each loaded row of B serves four rows of C.
 */
export function gemmNN(A: Float64Array, B: Float64Array, C: Float64Array, m: number, k: number, n: number, accumulate = false): void {
  if (!accumulate) C.fill(0, 0, m * n);
  for (let p0 = 0; p0 < k; p0 += K_BLOCK) {
    const p1 = Math.min(k, p0 + K_BLOCK);
    let i = 0;
    for (; i + 3 < m; i += 4) {
      const a0 = i * k;
      const a1 = a0 + k;
      const a2 = a1 + k;
      const a3 = a2 + k;
      const c0 = i * n;
      const c1 = c0 + n;
      const c2 = c1 + n;
      const c3 = c2 + n;
      for (let p = p0; p < p1; p++) {
        const v0 = A[a0 + p];
        const v1 = A[a1 + p];
        const v2 = A[a2 + p];
        const v3 = A[a3 + p];
        if (v0 === 0 && v1 === 0 && v2 === 0 && v3 === 0) continue;
        const b = p * n;
        for (let j = 0; j < n; j++) {
          const bv = B[b + j];
          C[c0 + j] += v0 * bv;
          C[c1 + j] += v1 * bv;
          C[c2 + j] += v2 * bv;
          C[c3 + j] += v3 * bv;
        }
      }
    }
    for (; i < m; i++) {
      const a0 = i * k;
      const c0 = i * n;
      for (let p = p0; p < p1; p++) {
        const v0 = A[a0 + p];
        if (v0 === 0) continue;
        const b = p * n;
        for (let j = 0; j < n; j++) C[c0 + j] += v0 * B[b + j];
      }
    }
  }
}

/**
 * C = Aᵀ·B (+ C when `accumulate`), A m × k, B m × n, C k × n: the weight gradient of a layer
 * (A its input activations, B its deltas). Four rows of A and B per pass over C.
 */
export function gemmTN(A: Float64Array, B: Float64Array, C: Float64Array, m: number, k: number, n: number, accumulate = false): void {
  if (!accumulate) C.fill(0, 0, k * n);
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const a0 = i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    const a3 = a2 + k;
    const b0 = i * n;
    const b1 = b0 + n;
    const b2 = b1 + n;
    const b3 = b2 + n;
    for (let p = 0; p < k; p++) {
      const v0 = A[a0 + p];
      const v1 = A[a1 + p];
      const v2 = A[a2 + p];
      const v3 = A[a3 + p];
      if (v0 === 0 && v1 === 0 && v2 === 0 && v3 === 0) continue;
      const c = p * n;
      for (let j = 0; j < n; j++) {
        C[c + j] += v0 * B[b0 + j] + v1 * B[b1 + j] + v2 * B[b2 + j] + v3 * B[b3 + j];
      }
    }
  }
  for (; i < m; i++) {
    const a0 = i * k;
    const b0 = i * n;
    for (let p = 0; p < k; p++) {
      const v0 = A[a0 + p];
      if (v0 === 0) continue;
      const c = p * n;
      for (let j = 0; j < n; j++) C[c + j] += v0 * B[b0 + j];
    }
  }
}

/**
 * C = A·Bᵀ, A m × n, B k × n, C m × k: the deltas sent back through a layer (A the deltas, B its
 * weights). Each entry is a dot product of two contiguous rows; two rows of A by two rows of B at once.
 */
export function gemmNT(A: Float64Array, B: Float64Array, C: Float64Array, m: number, n: number, k: number): void {
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const a0 = i * n;
    const a1 = a0 + n;
    const c0 = i * k;
    const c1 = c0 + k;
    let p = 0;
    for (; p + 1 < k; p += 2) {
      const b0 = p * n;
      const b1 = b0 + n;
      let s00 = 0;
      let s01 = 0;
      let s10 = 0;
      let s11 = 0;
      for (let j = 0; j < n; j++) {
        const x0 = A[a0 + j];
        const x1 = A[a1 + j];
        const y0 = B[b0 + j];
        const y1 = B[b1 + j];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s10 += x1 * y0;
        s11 += x1 * y1;
      }
      C[c0 + p] = s00;
      C[c0 + p + 1] = s01;
      C[c1 + p] = s10;
      C[c1 + p + 1] = s11;
    }
    for (; p < k; p++) {
      const b0 = p * n;
      let s0 = 0;
      let s1 = 0;
      for (let j = 0; j < n; j++) {
        s0 += A[a0 + j] * B[b0 + j];
        s1 += A[a1 + j] * B[b0 + j];
      }
      C[c0 + p] = s0;
      C[c1 + p] = s1;
    }
  }
  for (; i < m; i++) {
    const a0 = i * n;
    const c0 = i * k;
    for (let p = 0; p < k; p++) {
      const b0 = p * n;
      let s = 0;
      for (let j = 0; j < n; j++) s += A[a0 + j] * B[b0 + j];
      C[c0 + p] = s;
    }
  }
}
