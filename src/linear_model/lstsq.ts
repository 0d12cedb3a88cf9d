/**
 * A dense least-squares solver that does not square the problem, free of the estimator API:
 * min ‖A x − b‖ with the minimum-norm x when A (n × d, any shape) is rank-deficient, as LAPACK's
 * gelsd (which scikit-learn calls through scipy) returns.
 *
 * Method: Householder QR with column pivoting (LAPACK's dgeqp3 strategy, with its safeguarded
 * downdating of the partial column norms) reduces A P = Q R, R upper trapezoidal r × d with
 * r ≤ min(n, d); Qᵀb gives c. When R is square and its diagonal shows it comfortably non-singular,
 * back substitution solves R z = c. Otherwise R's singular value decomposition, by one-sided
 * (Hestenes) Jacobi rotations on the columns of Rᵀ, gives z = R⁺ c with singular values at or below
 * `rcond × σmax` dropped (R of at most {@link JACOBI_MAX_RANK} rows); larger R go through the
 * complete orthogonal decomposition R = [T 0] Wᵀ after cutting the rank where |R_kk| ≤
 * rcond·|R_00| (gelsy). Either way, since P only permutes, x = P z is the minimum-norm solution of
 * the original problem. Jacobi on a column-pivoted triangular factor computes the singular values to
 * high relative accuracy (Demmel & Veselić), and QR of A (not AᵀA) keeps the error at κ(A) ε
 * instead of κ(A)² ε.
 *
 * Cost: 2nd² − ⅔d³ for the QR (tall) or 2dn² − ⅔n³ (wide), plus about 6 sweeps of r²d/2 rotations
 * when the SVD is needed. Storage is column-major inside so each reflector runs over contiguous
 * memory.
 */

const EPS = Number.EPSILON;

/**
 * Up to this many rows of R the pseudo-inverse comes from a Jacobi SVD (r²d per sweep, a handful
 * of sweeps); above it from the complete orthogonal decomposition (LAPACK's gelsy: the rank read
 * off R's pivoted diagonal, r²(d − r) once), since Jacobi on a large, nearly singular R converges
 * slowly (measured: 140 s for a centred 1000 × 1000 against 2 s).
 */
export const JACOBI_MAX_RANK = 64;

export interface LstsqResult {
  /** The solution, length d. */
  x: Float64Array;
  /** The numerical rank: singular values above `rcond × σmax`. */
  rank: number;
}

/**
 * Solves min ‖A x − b‖ in the minimum-norm sense. `A` is row-major n × d (not modified), `b`
 * length n (not modified). `rcond` is the relative singular-value cut-off.
 */
export function lstsq(A: Float64Array, n: number, d: number, b: Float64Array, rcond: number, jacobiMaxRank = JACOBI_MAX_RANK): LstsqResult {
  const x = new Float64Array(d);
  if (n === 0 || d === 0) return { x, rank: 0 };
  // Column-major copy: column j is M[j*n .. j*n + n).
  const M = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const off = i * d;
    for (let j = 0; j < d; j++) M[j * n + i] = A[off + j];
  }
  const c = Float64Array.from(b);
  const perm = new Int32Array(d);
  for (let j = 0; j < d; j++) perm[j] = j;
  const r = householderQrcp(M, n, d, c, perm);
  if (r === 0) return { x, rank: 0 };
  // R is r × d in the top rows of the permuted columns of M: R[i][j] = M[j*n + i], i ≤ j.
  let z: Float64Array;
  let rank: number;
  const r00 = Math.abs(M[0]);
  const rLast = Math.abs(M[(r - 1) * n + (r - 1)]);
  if (r === d && rLast > 1e-7 * r00) {
    // Clearly full column rank (QRCP's |R_kk| track the singular values within modest factors):
    // back substitution is backward stable.
    z = new Float64Array(d);
    for (let i = d - 1; i >= 0; i--) {
      let s = c[i];
      for (let j = i + 1; j < d; j++) s -= M[j * n + i] * z[j];
      z[i] = s / M[i * n + i];
    }
    rank = d;
  } else if (r <= jacobiMaxRank) {
    ({ z, rank } = jacobiPseudoSolve(M, n, r, d, c, rcond));
  } else {
    ({ z, rank } = completeOrthogonalSolve(M, n, r, d, c, rcond));
  }
  for (let j = 0; j < d; j++) x[perm[j]] = z[j];
  return { x, rank };
}

/** Euclidean norm of v[from, to) with scaling against overflow and underflow. */
function norm2(v: Float64Array, from: number, to: number): number {
  let scale = 0;
  for (let i = from; i < to; i++) {
    const a = Math.abs(v[i]);
    if (a > scale) scale = a;
  }
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = from; i < to; i++) {
    const t = v[i] / scale;
    s += t * t;
  }
  return scale * Math.sqrt(s);
}

/**
 * Householder QR with column pivoting, in place on the column-major n × d matrix M; the same
 * reflectors are applied to c. Returns the number of reflectors applied (steps stop early when the
 * remaining columns are exactly zero).
 */
function householderQrcp(M: Float64Array, n: number, d: number, c: Float64Array, perm: Int32Array): number {
  const kMax = Math.min(n, d);
  const vn1 = new Float64Array(d);
  const vn2 = new Float64Array(d);
  for (let j = 0; j < d; j++) vn2[j] = vn1[j] = norm2(M, j * n, j * n + n);
  const tol3z = Math.sqrt(EPS);
  let k = 0;
  for (; k < kMax; k++) {
    // Pivot: the remaining column of largest partial norm.
    let p = k;
    for (let j = k + 1; j < d; j++) if (vn1[j] > vn1[p]) p = j;
    if (!(vn1[p] > 0)) break;
    if (p !== k) {
      const op = p * n;
      const ok = k * n;
      for (let i = 0; i < n; i++) {
        const t = M[op + i];
        M[op + i] = M[ok + i];
        M[ok + i] = t;
      }
      const tp = perm[p];
      perm[p] = perm[k];
      perm[k] = tp;
      vn1[p] = vn1[k];
      vn2[p] = vn2[k];
    }
    // Reflector H = I − τ v vᵀ (v₀ = 1) that maps M[k.., k] to (β, 0, …, 0).
    const ok = k * n;
    const alpha = M[ok + k];
    const xnorm = norm2(M, ok + k + 1, ok + n);
    if (xnorm === 0) {
      // Nothing below the diagonal: H = I.
      updateNorms(M, n, d, k, vn1, vn2, tol3z);
      continue;
    }
    const mag = Math.hypot(alpha, xnorm);
    const beta = alpha >= 0 ? -mag : mag;
    const tau = (beta - alpha) / beta;
    const scale = 1 / (alpha - beta);
    for (let i = k + 1; i < n; i++) M[ok + i] *= scale;
    M[ok + k] = beta;
    // Apply H to the remaining columns and to c.
    for (let j = k + 1; j < d; j++) {
      const oj = j * n;
      let w = M[oj + k];
      for (let i = k + 1; i < n; i++) w += M[ok + i] * M[oj + i];
      w *= tau;
      if (w === 0) continue;
      M[oj + k] -= w;
      for (let i = k + 1; i < n; i++) M[oj + i] -= w * M[ok + i];
    }
    let w = c[k];
    for (let i = k + 1; i < n; i++) w += M[ok + i] * c[i];
    w *= tau;
    c[k] -= w;
    for (let i = k + 1; i < n; i++) c[i] -= w * M[ok + i];
    updateNorms(M, n, d, k, vn1, vn2, tol3z);
  }
  return k;
}

/** Downdates the partial norms of columns k+1.. after step k (LAPACK's dlaqp2 safeguard). */
function updateNorms(M: Float64Array, n: number, d: number, k: number, vn1: Float64Array, vn2: Float64Array, tol3z: number): void {
  for (let j = k + 1; j < d; j++) {
    if (vn1[j] === 0) continue;
    const ratio = Math.abs(M[j * n + k]) / vn1[j];
    let temp = 1 - ratio * ratio;
    if (temp < 0) temp = 0;
    const q = vn1[j] / vn2[j];
    if (temp * q * q <= tol3z) {
      vn1[j] = k + 1 < n ? norm2(M, j * n + k + 1, j * n + n) : 0;
      vn2[j] = vn1[j];
    } else {
      vn1[j] *= Math.sqrt(temp);
    }
  }
}

/**
 * z = R⁺ c for the r × d upper-trapezoidal R held in M (column-major, leading dimension n), by
 * one-sided Jacobi on the r columns of Rᵀ (each of length d).
 */
function jacobiPseudoSolve(M: Float64Array, n: number, r: number, d: number, c: Float64Array, rcond: number): { z: Float64Array; rank: number } {
  // G holds Rᵀ column by column: column i (length d) is row i of R.
  const G = new Float64Array(r * d);
  for (let i = 0; i < r; i++) for (let j = i; j < d; j++) G[i * d + j] = M[j * n + i];
  // V accumulates the rotations (r × r, column q at V[q*r ..]).
  const V = new Float64Array(r * r);
  for (let q = 0; q < r; q++) V[q * r + q] = 1;
  const sq = new Float64Array(r);
  for (let q = 0; q < r; q++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += G[q * d + j] * G[q * d + j];
    sq[q] = s;
  }
  const tol = EPS * Math.max(1, Math.sqrt(d));
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < r - 1; p++) {
      for (let q = p + 1; q < r; q++) {
        const a = sq[p];
        const bq = sq[q];
        if (a === 0 || bq === 0) continue;
        const op = p * d;
        const oq = q * d;
        let g = 0;
        for (let j = 0; j < d; j++) g += G[op + j] * G[oq + j];
        if (Math.abs(g) <= tol * Math.sqrt(a) * Math.sqrt(bq)) continue;
        rotated = true;
        const zeta = (bq - a) / (2 * g);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const cs = 1 / Math.sqrt(1 + t * t);
        const sn = cs * t;
        let na = 0;
        let nb = 0;
        for (let j = 0; j < d; j++) {
          const u = G[op + j];
          const v = G[oq + j];
          const nu = cs * u - sn * v;
          const nv = sn * u + cs * v;
          G[op + j] = nu;
          G[oq + j] = nv;
          na += nu * nu;
          nb += nv * nv;
        }
        sq[p] = na;
        sq[q] = nb;
        const vp = p * r;
        const vq = q * r;
        for (let i = 0; i < r; i++) {
          const u = V[vp + i];
          const v = V[vq + i];
          V[vp + i] = cs * u - sn * v;
          V[vq + i] = sn * u + cs * v;
        }
      }
    }
    if (!rotated) break;
  }
  // Rᵀ V = G (columns σ_q u_q), so R = V Σ Uᵀ and R⁺ c = Σ_q g_q (v_qᵀ c) / σ_q².
  let smax = 0;
  const sigma = new Float64Array(r);
  for (let q = 0; q < r; q++) {
    sigma[q] = norm2(G, q * d, q * d + d);
    if (sigma[q] > smax) smax = sigma[q];
  }
  const cut = rcond * smax;
  const z = new Float64Array(d);
  let rank = 0;
  for (let q = 0; q < r; q++) {
    const s = sigma[q];
    if (!(s > cut) || s === 0) continue;
    rank++;
    let vc = 0;
    for (let i = 0; i < r; i++) vc += V[q * r + i] * c[i];
    const f = vc / s / s;
    const oq = q * d;
    for (let j = 0; j < d; j++) z[j] += G[oq + j] * f;
  }
  return { z, rank };
}

/**
 * z = R⁺ c for the r × d upper-trapezoidal R in M (column-major, leading dimension n) by the
 * complete orthogonal decomposition: the rank k is the number of pivots |R_ii| > rcond·|R_00|;
 * Householder reflections from the right (LAPACK's dtzrzf) turn [R11 R12] (k × d) into [T 0], so
 * R = [T 0] Wᵀ and the minimum-norm solution is W [T⁻¹ c₁; 0]. M is overwritten.
 */
function completeOrthogonalSolve(M: Float64Array, n: number, r: number, d: number, c: Float64Array, rcond: number): { z: Float64Array; rank: number } {
  const r00 = Math.abs(M[0]);
  let k = 0;
  while (k < r && Math.abs(M[k * n + k]) > rcond * r00) k++;
  const z = new Float64Array(d);
  if (k === 0) return { z, rank: 0 };
  const m = d - k;
  // Reflector i acts on entries {i} ∪ {k, …, d−1}: v = (1, V[i][0..m)), with τ[i].
  const V = new Float64Array(k * m);
  const tau = new Float64Array(k);
  if (m > 0) {
    for (let i = k - 1; i >= 0; i--) {
      const alpha = M[i * n + i];
      let scale = 0;
      for (let l = 0; l < m; l++) scale = Math.max(scale, Math.abs(M[(k + l) * n + i]));
      if (scale === 0) continue;
      let ss = 0;
      for (let l = 0; l < m; l++) {
        const t = M[(k + l) * n + i] / scale;
        ss += t * t;
      }
      const xnorm = scale * Math.sqrt(ss);
      const mag = Math.hypot(alpha, xnorm);
      const beta = alpha >= 0 ? -mag : mag;
      tau[i] = (beta - alpha) / beta;
      const f = 1 / (alpha - beta);
      const vi = i * m;
      for (let l = 0; l < m; l++) {
        V[vi + l] = M[(k + l) * n + i] * f;
        M[(k + l) * n + i] = 0;
      }
      M[i * n + i] = beta;
      // Rows above: row_j ← row_j H_i, on columns i and k.. only.
      for (let j = 0; j < i; j++) {
        let w = M[i * n + j];
        for (let l = 0; l < m; l++) w += V[vi + l] * M[(k + l) * n + j];
        w *= tau[i];
        if (w === 0) continue;
        M[i * n + j] -= w;
        for (let l = 0; l < m; l++) M[(k + l) * n + j] -= w * V[vi + l];
      }
    }
  }
  // T u = c₁ (T upper triangular k × k, in the first k columns).
  for (let i = k - 1; i >= 0; i--) {
    let s = c[i];
    for (let j = i + 1; j < k; j++) s -= M[j * n + i] * z[j];
    z[i] = s / M[i * n + i];
  }
  // z = W [u; 0] = H_{k−1} ⋯ H₀ [u; 0]: apply H₀ first.
  if (m > 0) {
    for (let i = 0; i < k; i++) {
      if (tau[i] === 0) continue;
      const vi = i * m;
      let w = z[i];
      for (let l = 0; l < m; l++) w += V[vi + l] * z[k + l];
      w *= tau[i];
      z[i] -= w;
      for (let l = 0; l < m; l++) z[k + l] -= w * V[vi + l];
    }
  }
  return { z, rank: k };
}
