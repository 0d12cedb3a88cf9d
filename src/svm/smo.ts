/**
 * Sequential minimal optimisation for the SVM duals, to libsvm's standard (Chang & Lin, "LIBSVM: a
 * library for support vector machines"; Fan, Chen & Lin, "Working set selection using second order
 * information for training SVM", JMLR 2005). Free of the estimator API.
 *
 * Solves   min_α ½ αᵀQα + pᵀα   subject to   yᵀα = Δ,  0 ≤ αᵢ ≤ Cᵢ,   y ∈ {−1, +1}ⁿ
 * (with `nu: true`, libsvm's ν variant with the two equality constraints Σ_{y=+1} αᵢ and
 * Σ_{y=−1} αᵢ fixed, which ν-SVC and ν-SVR need).
 *
 * - working set: the maximal violating i, then the j of the largest second-order decrease of the
 *   objective (WSS3);
 * - stop when the maximal violation m(α) − M(α) is below `tol`;
 * - shrinking: every min(n, 1000) iterations, variables stuck at a bound are moved out of the active
 *   set; when the active problem has converged (or nearly), the gradient is rebuilt from Ḡ (the
 *   gradient part due to variables at their upper bound) and the full problem is checked again;
 * - columns of Q come from a {@link QMatrix}, which keeps them in a bounded LRU cache.
 */
import type { QMatrix } from './qMatrix';

/** The problem, in the solver's terms. Arrays are copied, never modified. */
export interface SmoProblem {
  Q: QMatrix;
  /** Linear term p, length l. */
  p: Float64Array;
  /** Signs ±1, length l. */
  y: Int8Array;
  /** Feasible starting point (satisfying the equality constraints), length l. */
  alpha: Float64Array;
  /** Upper bound of each αᵢ (C × class weight × sample weight), length l. */
  C: Float64Array;
}

export interface SmoOptions {
  /** Stopping tolerance on the maximal violating pair. @defaultValue 1e-3 */
  tol?: number;
  /** Use the shrinking heuristic. @defaultValue true */
  shrinking?: boolean;
  /** Iteration limit; −1 for libsvm's own limit max(10⁷, 100·l). @defaultValue -1 */
  maxIter?: number;
  /** Solve the ν form (two equality constraints). @defaultValue false */
  nu?: boolean;
  /** Called every 1000 iterations and when the solver ends; what it throws ends the run. */
  onChunk?: () => void;
}

export interface SmoResult {
  /** The solution, in the problem's order. */
  alpha: Float64Array;
  /** The offset ρ (the decision function is Σ αᵢyᵢK(xᵢ, x) − ρ). */
  rho: number;
  /** For the ν form: r, the scale of the ν problem (libsvm's si.r); 0 otherwise. */
  r: number;
  /** The dual objective value. */
  obj: number;
  /** SMO iterations performed. */
  nIter: number;
  /** False when the iteration limit stopped the solver before `tol` was met. */
  converged: boolean;
}

const LOWER = 0;
const UPPER = 1;
const FREE = 2;
const TAU = 1e-12;

/** Runs SMO on the problem. */
export function smo(problem: SmoProblem, options: SmoOptions = {}): SmoResult {
  const solver = new Solver(problem, options);
  return solver.solve();
}

class Solver {
  private readonly l: number;
  private readonly Q: QMatrix;
  private readonly QD: Float64Array;
  private readonly p: Float64Array;
  private readonly y: Int8Array;
  private readonly C: Float64Array;
  private readonly alpha: Float64Array;
  private readonly status: Uint8Array;
  private readonly G: Float64Array;
  private readonly Gbar: Float64Array;
  private readonly activeSet: Int32Array;
  private activeSize: number;
  private unshrink = false;
  private readonly eps: number;
  private readonly shrinking: boolean;
  private readonly maxIter: number;
  private readonly nu: boolean;
  private readonly onChunk: (() => void) | undefined;

  constructor(pr: SmoProblem, o: SmoOptions) {
    const l = pr.p.length;
    this.l = l;
    this.Q = pr.Q;
    this.QD = pr.Q.diagonal;
    this.p = Float64Array.from(pr.p);
    this.y = Int8Array.from(pr.y);
    this.C = Float64Array.from(pr.C);
    this.alpha = Float64Array.from(pr.alpha);
    this.eps = o.tol ?? 1e-3;
    this.shrinking = o.shrinking ?? true;
    const mi = o.maxIter ?? -1;
    this.maxIter = mi < 0 ? Math.max(10_000_000, 100 * l) : mi;
    this.nu = o.nu ?? false;
    this.onChunk = o.onChunk;
    this.status = new Uint8Array(l);
    for (let i = 0; i < l; i++) this.updateStatus(i);
    this.activeSet = new Int32Array(l);
    for (let i = 0; i < l; i++) this.activeSet[i] = i;
    this.activeSize = l;
    this.G = new Float64Array(l);
    this.Gbar = new Float64Array(l);
  }

  private updateStatus(i: number): void {
    const a = this.alpha[i];
    this.status[i] = a >= this.C[i] ? UPPER : a <= 0 ? LOWER : FREE;
  }

  solve(): SmoResult {
    const { l, Q, QD, p, y, C, alpha, status, G, Gbar } = this;
    // The gradient G = Qα + p and Ḡ = Σ_{αⱼ = Cⱼ} Cⱼ Q_j.
    for (let i = 0; i < l; i++) G[i] = p[i];
    for (let i = 0; i < l; i++) {
      if (status[i] === LOWER) continue;
      const Qi = Q.column(i, l);
      const ai = alpha[i];
      for (let j = 0; j < l; j++) G[j] += ai * Qi[j];
      if (status[i] === UPPER) {
        const ci = C[i];
        for (let j = 0; j < l; j++) Gbar[j] += ci * Qi[j];
      }
    }

    let iter = 0;
    let counter = Math.min(l, 1000) + 1;
    const pair = new Int32Array(2);
    let converged = true;
    while (true) {
      if (iter >= this.maxIter) {
        converged = false;
        break;
      }
      if (--counter === 0) {
        counter = Math.min(l, 1000);
        if (this.shrinking) this.shrink();
      }
      if (this.selectWorkingSet(pair)) {
        // The active problem is optimal: rebuild the whole gradient and check the full problem.
        this.reconstructGradient();
        this.activeSize = l;
        if (this.selectWorkingSet(pair)) break;
        counter = 1; // shrink at the next iteration
      }
      iter++;
      if (iter % 1000 === 0 && this.onChunk !== undefined) this.onChunk();
      const i = pair[0];
      const j = pair[1];
      const n = this.activeSize;
      const Qi = Q.column(i, n);
      const Qj = Q.column(j, n);
      const Ci = C[i];
      const Cj = C[j];
      const oldAi = alpha[i];
      const oldAj = alpha[j];
      if (y[i] !== y[j]) {
        let quad = QD[i] + QD[j] + 2 * Qi[j];
        if (quad <= 0) quad = TAU;
        const delta = (-G[i] - G[j]) / quad;
        const diff = alpha[i] - alpha[j];
        alpha[i] += delta;
        alpha[j] += delta;
        if (diff > 0) {
          if (alpha[j] < 0) {
            alpha[j] = 0;
            alpha[i] = diff;
          }
        } else if (alpha[i] < 0) {
          alpha[i] = 0;
          alpha[j] = -diff;
        }
        if (diff > Ci - Cj) {
          if (alpha[i] > Ci) {
            alpha[i] = Ci;
            alpha[j] = Ci - diff;
          }
        } else if (alpha[j] > Cj) {
          alpha[j] = Cj;
          alpha[i] = Cj + diff;
        }
      } else {
        let quad = QD[i] + QD[j] - 2 * Qi[j];
        if (quad <= 0) quad = TAU;
        const delta = (G[i] - G[j]) / quad;
        const sum = alpha[i] + alpha[j];
        alpha[i] -= delta;
        alpha[j] += delta;
        if (sum > Ci) {
          if (alpha[i] > Ci) {
            alpha[i] = Ci;
            alpha[j] = sum - Ci;
          }
        } else if (alpha[j] < 0) {
          alpha[j] = 0;
          alpha[i] = sum;
        }
        if (sum > Cj) {
          if (alpha[j] > Cj) {
            alpha[j] = Cj;
            alpha[i] = sum - Cj;
          }
        } else if (alpha[i] < 0) {
          alpha[i] = 0;
          alpha[j] = sum;
        }
      }
      const dai = alpha[i] - oldAi;
      const daj = alpha[j] - oldAj;
      for (let k = 0; k < n; k++) G[k] += Qi[k] * dai + Qj[k] * daj;

      const wasUpperI = status[i] === UPPER;
      const wasUpperJ = status[j] === UPPER;
      this.updateStatus(i);
      this.updateStatus(j);
      if (wasUpperI !== (status[i] === UPPER)) this.updateGbar(i, wasUpperI ? -Ci : Ci);
      if (wasUpperJ !== (status[j] === UPPER)) this.updateGbar(j, wasUpperJ ? -Cj : Cj);
    }
    if (!converged && this.activeSize < l) {
      this.reconstructGradient();
      this.activeSize = l;
    }

    const { rho, r } = this.nu ? this.rhoNu() : { rho: this.rho(), r: 0 };
    let obj = 0;
    for (let i = 0; i < l; i++) obj += alpha[i] * (G[i] + p[i]);
    obj /= 2;
    const out = new Float64Array(l);
    for (let i = 0; i < l; i++) out[this.activeSet[i]] = alpha[i];
    this.onChunk?.();
    return { alpha: out, rho, r, obj, nIter: iter, converged };
  }

  private updateGbar(i: number, c: number): void {
    const { l, Gbar } = this;
    const Qi = this.Q.column(i, l);
    for (let k = 0; k < l; k++) Gbar[k] += c * Qi[k];
  }

  private swap(i: number, j: number): void {
    this.Q.swap(i, j);
    swapIn(this.y, i, j);
    swapIn(this.G, i, j);
    swapIn(this.status, i, j);
    swapIn(this.alpha, i, j);
    swapIn(this.p, i, j);
    swapIn(this.activeSet, i, j);
    swapIn(this.Gbar, i, j);
    swapIn(this.C, i, j);
  }

  /** Rebuilds G of the inactive variables from Ḡ and the free variables' columns. */
  private reconstructGradient(): void {
    const { l, activeSize: n, G, Gbar, p, alpha, status, Q } = this;
    if (n === l) return;
    for (let j = n; j < l; j++) G[j] = Gbar[j] + p[j];
    let nFree = 0;
    for (let j = 0; j < n; j++) if (status[j] === FREE) nFree++;
    if (nFree * l > 2 * n * (l - n)) {
      for (let i = n; i < l; i++) {
        const Qi = Q.column(i, n);
        let s = 0;
        for (let j = 0; j < n; j++) if (status[j] === FREE) s += alpha[j] * Qi[j];
        G[i] += s;
      }
    } else {
      for (let i = 0; i < n; i++) {
        if (status[i] !== FREE) continue;
        const Qi = Q.column(i, l);
        const ai = alpha[i];
        for (let j = n; j < l; j++) G[j] += ai * Qi[j];
      }
    }
  }

  /** Picks the working pair into out; returns true when the problem is optimal within tol. */
  private selectWorkingSet(out: Int32Array): boolean {
    return this.nu ? this.selectNu(out) : this.selectC(out);
  }

  private selectC(out: Int32Array): boolean {
    const { y, G, QD, status, activeSize: n } = this;
    let Gmax = -Infinity;
    let Gmax2 = -Infinity;
    let iMax = -1;
    let jMin = -1;
    let objMin = Infinity;
    for (let t = 0; t < n; t++) {
      if (y[t] === 1) {
        if (status[t] !== UPPER && -G[t] >= Gmax) {
          Gmax = -G[t];
          iMax = t;
        }
      } else if (status[t] !== LOWER && G[t] >= Gmax) {
        Gmax = G[t];
        iMax = t;
      }
    }
    // No variable can move up: the problem is optimal (libsvm finds no j in this case either).
    if (iMax === -1) return true;
    const Qi = this.Q.column(iMax, n);
    const yi = y[iMax];
    const QDi = QD[iMax];
    for (let j = 0; j < n; j++) {
      const yj = y[j];
      const sj = status[j];
      const Gj = G[j];
      if (yj === 1) {
        if (sj !== LOWER) {
          const gd = Gmax + Gj;
          if (Gj >= Gmax2) Gmax2 = Gj;
          if (gd > 0) {
            const quad = QDi + QD[j] - 2 * yi * Qi[j];
            const od = -(gd * gd) / (quad > 0 ? quad : TAU);
            if (od <= objMin) {
              jMin = j;
              objMin = od;
            }
          }
        }
      } else if (sj !== UPPER) {
        const gd = Gmax - Gj;
        if (-Gj >= Gmax2) Gmax2 = -Gj;
        if (gd > 0) {
          const quad = QDi + QD[j] + 2 * yi * Qi[j];
          const od = -(gd * gd) / (quad > 0 ? quad : TAU);
          if (od <= objMin) {
            jMin = j;
            objMin = od;
          }
        }
      }
    }
    if (Gmax + Gmax2 < this.eps || jMin === -1) return true;
    out[0] = iMax;
    out[1] = jMin;
    return false;
  }

  private selectNu(out: Int32Array): boolean {
    const { y, G, QD, status, activeSize: n } = this;
    let Gmaxp = -Infinity;
    let Gmaxp2 = -Infinity;
    let ip = -1;
    let Gmaxn = -Infinity;
    let Gmaxn2 = -Infinity;
    let iN = -1;
    let jMin = -1;
    let objMin = Infinity;
    for (let t = 0; t < n; t++) {
      if (y[t] === 1) {
        if (status[t] !== UPPER && -G[t] >= Gmaxp) {
          Gmaxp = -G[t];
          ip = t;
        }
      } else if (status[t] !== LOWER && G[t] >= Gmaxn) {
        Gmaxn = G[t];
        iN = t;
      }
    }
    const Qip = ip !== -1 ? this.Q.column(ip, n) : undefined;
    const Qin = iN !== -1 ? this.Q.column(iN, n) : undefined;
    for (let j = 0; j < n; j++) {
      if (y[j] === 1) {
        if (status[j] !== LOWER) {
          const gd = Gmaxp + G[j];
          if (G[j] >= Gmaxp2) Gmaxp2 = G[j];
          if (gd > 0 && Qip) {
            const quad = QD[ip] + QD[j] - 2 * Qip[j];
            const od = -(gd * gd) / (quad > 0 ? quad : TAU);
            if (od <= objMin) {
              jMin = j;
              objMin = od;
            }
          }
        }
      } else if (status[j] !== UPPER) {
        const gd = Gmaxn - G[j];
        if (-G[j] >= Gmaxn2) Gmaxn2 = -G[j];
        if (gd > 0 && Qin) {
          const quad = QD[iN] + QD[j] - 2 * Qin[j];
          const od = -(gd * gd) / (quad > 0 ? quad : TAU);
          if (od <= objMin) {
            jMin = j;
            objMin = od;
          }
        }
      }
    }
    if (Math.max(Gmaxp + Gmaxp2, Gmaxn + Gmaxn2) < this.eps || jMin === -1) return true;
    out[0] = y[jMin] === 1 ? ip : iN;
    out[1] = jMin;
    return false;
  }

  /** Moves variables that are stuck at a bound to the end of the active set. */
  private shrink(): void {
    const { y, G, status } = this;
    // g[0..3]: libsvm's Gmax1…Gmax4 (for the C form only the first two are used).
    let g1 = -Infinity;
    let g2 = -Infinity;
    let g3 = -Infinity;
    let g4 = -Infinity;
    const n0 = this.activeSize;
    if (this.nu) {
      for (let i = 0; i < n0; i++) {
        if (status[i] !== UPPER) {
          if (y[i] === 1) {
            if (-G[i] > g1) g1 = -G[i];
          } else if (-G[i] > g4) g4 = -G[i];
        }
        if (status[i] !== LOWER) {
          if (y[i] === 1) {
            if (G[i] > g2) g2 = G[i];
          } else if (G[i] > g3) g3 = G[i];
        }
      }
    } else {
      for (let i = 0; i < n0; i++) {
        if (y[i] === 1) {
          if (status[i] !== UPPER && -G[i] >= g1) g1 = -G[i];
          if (status[i] !== LOWER && G[i] >= g2) g2 = G[i];
        } else {
          if (status[i] !== UPPER && -G[i] >= g2) g2 = -G[i];
          if (status[i] !== LOWER && G[i] >= g1) g1 = G[i];
        }
      }
    }
    const gap = this.nu ? Math.max(g1 + g2, g3 + g4) : g1 + g2;
    if (!this.unshrink && gap <= this.eps * 10) {
      this.unshrink = true;
      this.reconstructGradient();
      this.activeSize = this.l;
    }
    const shrunk = (i: number): boolean => {
      const s = status[i];
      if (s === FREE) return false;
      if (this.nu) {
        if (s === UPPER) return y[i] === 1 ? -G[i] > g1 : -G[i] > g4;
        return y[i] === 1 ? G[i] > g2 : G[i] > g3;
      }
      if (s === UPPER) return y[i] === 1 ? -G[i] > g1 : -G[i] > g2;
      return y[i] === 1 ? G[i] > g2 : G[i] > g1;
    };
    for (let i = 0; i < this.activeSize; i++) {
      if (!shrunk(i)) continue;
      this.activeSize--;
      while (this.activeSize > i) {
        if (!shrunk(this.activeSize)) {
          this.swap(i, this.activeSize);
          break;
        }
        this.activeSize--;
      }
    }
  }

  /** ρ: the mean of yᵢGᵢ over free variables, or the middle of the feasible interval. */
  private rho(): number {
    const { y, G, status, activeSize: n } = this;
    let nFree = 0;
    let sumFree = 0;
    let ub = Infinity;
    let lb = -Infinity;
    for (let i = 0; i < n; i++) {
      const yG = y[i] * G[i];
      if (status[i] === UPPER) {
        if (y[i] === -1) ub = Math.min(ub, yG);
        else lb = Math.max(lb, yG);
      } else if (status[i] === LOWER) {
        if (y[i] === 1) ub = Math.min(ub, yG);
        else lb = Math.max(lb, yG);
      } else {
        nFree++;
        sumFree += yG;
      }
    }
    return nFree > 0 ? sumFree / nFree : (ub + lb) / 2;
  }

  /** The ν form's two offsets r₁ (y = +1) and r₂ (y = −1): ρ = (r₁ − r₂)/2, r = (r₁ + r₂)/2. */
  private rhoNu(): { rho: number; r: number } {
    const { y, G, status, activeSize: n } = this;
    const nFree = [0, 0];
    const sumFree = [0, 0];
    const ub = [Infinity, Infinity];
    const lb = [-Infinity, -Infinity];
    for (let i = 0; i < n; i++) {
      const k = y[i] === 1 ? 0 : 1;
      if (status[i] === UPPER) lb[k] = Math.max(lb[k], G[i]);
      else if (status[i] === LOWER) ub[k] = Math.min(ub[k], G[i]);
      else {
        nFree[k]++;
        sumFree[k] += G[i];
      }
    }
    const r1 = nFree[0] > 0 ? sumFree[0] / nFree[0] : (ub[0] + lb[0]) / 2;
    const r2 = nFree[1] > 0 ? sumFree[1] / nFree[1] : (ub[1] + lb[1]) / 2;
    return { rho: (r1 - r2) / 2, r: (r1 + r2) / 2 };
  }
}

function swapIn(a: { [k: number]: number }, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
