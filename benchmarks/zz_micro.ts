import { rowDot } from '/work/wt/svm/src/svm/kernel';
const n = 2000, d = 20;
const X = new Float64Array(n * d); for (let i = 0; i < X.length; i++) X[i] = Math.sin(i * 1.7);
const sq = new Float64Array(n); for (let i = 0; i < n; i++) sq[i] = rowDot(X, i * d, X, i * d, d);
const out = new Float32Array(n);
const idx = new Int32Array(n); for (let i = 0; i < n; i++) idx[i] = i;
function run(label: string, f: (i: number) => void) {
  for (let rep = 0; rep < 3; rep++) { const t0 = performance.now(); for (let i = 0; i < n; i++) f(i); const dt = performance.now() - t0; if (rep === 2) console.log(label, (dt * 1e6 / (n * n)).toFixed(1), 'ns/eval'); }
}
run('dot only', (i) => { const a = i * d; for (let t = 0; t < n; t++) out[t] = rowDot(X, a, X, idx[t] * d, d); });
run('exp only', (i) => { for (let t = 0; t < n; t++) out[t] = Math.exp(-0.05 * (sq[i] + sq[t])); });
run('rbf', (i) => { const a = i * d; const s = sq[i]; for (let t = 0; t < n; t++) { const r = idx[t]; out[t] = Math.exp(-0.05 * (s + sq[r] - 2 * rowDot(X, a, X, r * d, d))); } });
run('rbf inline', (i) => {
  const a = i * d; const s = sq[i]; const d4 = d - (d % 4);
  for (let t = 0; t < n; t++) {
    const r = idx[t]; const b = r * d;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, k = 0;
    for (; k < d4; k += 4) { s0 += X[a + k] * X[b + k]; s1 += X[a + k + 1] * X[b + k + 1]; s2 += X[a + k + 2] * X[b + k + 2]; s3 += X[a + k + 3] * X[b + k + 3]; }
    for (; k < d; k++) s0 += X[a + k] * X[b + k];
    out[t] = Math.exp(-0.05 * (s + sq[r] - 2 * (s0 + s1 + (s2 + s3))));
  }
});
const tmp = new Float64Array(n);
run('rbf two-pass', (i) => {
  const a = i * d; const s = sq[i];
  for (let t = 0; t < n; t++) tmp[t] = rowDot(X, a, X, idx[t] * d, d);
  for (let t = 0; t < n; t++) out[t] = Math.exp(-0.05 * (s + sq[idx[t]] - 2 * tmp[t]));
});
run('rbf dot only again', (i) => { const a = i * d; for (let t = 0; t < n; t++) out[t] = rowDot(X, a, X, idx[t] * d, d); });
