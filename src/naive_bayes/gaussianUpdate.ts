/**
 * The per-class streaming update of Gaussian naive Bayes (scikit-learn's
 * `GaussianNB._update_mean_variance`, after Chan, Golub and LeVeque): merges one batch's per-class
 * (weighted) means and population variances into running ones, in place. `theta` and `variance`
 * are flat `K × d`, `count` has K entries; rows of X (flat `rows × d`) belong to class `codes[i]`.
 * A class absent from the batch, or whose weights sum to (nearly) zero, keeps its statistics.
 */
export function gaussianUpdate(
  X: Float64Array,
  rows: number,
  d: number,
  codes: Int32Array,
  K: number,
  w: Float64Array | undefined,
  theta: Float64Array,
  variance: Float64Array,
  count: Float64Array,
): void {
  const n = new Float64Array(K);
  const sum = new Float64Array(K * d);
  for (let i = 0; i < rows; i++) {
    const k = codes[i];
    const wi = w === undefined ? 1 : w[i];
    n[k] += wi;
    const o = i * d;
    const ko = k * d;
    if (w === undefined) for (let j = 0; j < d; j++) sum[ko + j] += X[o + j];
    else for (let j = 0; j < d; j++) sum[ko + j] += wi * X[o + j];
  }
  const seen = new Uint8Array(K);
  for (let i = 0; i < rows; i++) seen[codes[i]] = 1;
  const mean = new Float64Array(K * d);
  for (let k = 0; k < K; k++) for (let j = 0; j < d; j++) mean[k * d + j] = sum[k * d + j] / n[k];
  const ss = new Float64Array(K * d);
  for (let i = 0; i < rows; i++) {
    const k = codes[i];
    const wi = w === undefined ? 1 : w[i];
    const o = i * d;
    const ko = k * d;
    for (let j = 0; j < d; j++) {
      const r = X[o + j] - mean[ko + j];
      ss[ko + j] += wi * r * r;
    }
  }
  for (let k = 0; k < K; k++) {
    if (!seen[k]) continue;
    const nNew = n[k];
    const nPast = count[k];
    count[k] = nPast + nNew;
    // np.isclose(n_new, 0): the batch carries no weight for this class.
    if (w !== undefined && Math.abs(nNew) <= 1e-8) continue;
    const ko = k * d;
    if (nPast === 0) {
      for (let j = 0; j < d; j++) {
        theta[ko + j] = mean[ko + j];
        variance[ko + j] = ss[ko + j] / nNew;
      }
      continue;
    }
    const nTotal = nPast + nNew;
    for (let j = 0; j < d; j++) {
      const mu = theta[ko + j];
      const newMu = mean[ko + j];
      const delta = mu - newMu;
      theta[ko + j] = (nNew * newMu + nPast * mu) / nTotal;
      const totalSsd = nPast * variance[ko + j] + ss[ko + j] + ((nNew * nPast) / nTotal) * delta * delta;
      variance[ko + j] = totalSsd / nTotal;
    }
  }
}
