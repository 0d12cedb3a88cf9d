/**
 * What each way of returning a transform's output costs (the table in docs/api-contract.md, "What
 * `transform` returns"): wrapping one flat buffer (typelearn's RowMajorMatrix, ml-matrix's
 * WrapperMatrix1D) against building a plain ml-matrix Matrix, with a whole StandardScaler
 * fit+transform for scale. Run: `npx tsx benchmarks/outputMatrix.ts`. typelearn only (no
 * scikit-learn side), so not part of `npm run bench`.
 */
import { Matrix, WrapperMatrix1D } from 'ml-matrix';
import { RowMajorMatrix } from '../src/core/data/index';
import { StandardScaler } from '../src/index';
import { rowViews } from './lib/rows';

function best(f: () => unknown, k = 5): number {
  let b = Infinity;
  for (let r = 0; r < k; r++) {
    const t = performance.now();
    f();
    b = Math.min(b, performance.now() - t);
  }
  return b;
}
for (const [n, d] of [[1_000_000, 20], [1_000_000, 50]]) {
  const X = new Float64Array(n * d);
  for (let k = 0; k < X.length; k++) X[k] = Math.sin(k) * (1 + (k % d));
  const flat = X.slice();
  const rows = rowViews(X, n, d);
  const res: Record<string, number> = {};
  res['wrap: RowMajorMatrix.fromFlat'] = best(() => RowMajorMatrix.fromFlat(flat, n, d));
  res['wrap: WrapperMatrix1D'] = best(() => new WrapperMatrix1D(flat, { rows: n }));
  res['wrap: plain Matrix(n, d) + set'] = best(() => {
    const m = new Matrix(n, d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) m.set(i, j, flat[i * d + j]);
    return m;
  }, 3);
  res['wrap: plain new Matrix(row views)'] = best(() => new Matrix(rowViews(flat, n, d)), 3);
  res['StandardScaler fit+transform (RowMajorMatrix out)'] = best(() => new StandardScaler().fitTransform(rows), 3);
  console.log(`n=${n} d=${d}`);
  for (const [k, v] of Object.entries(res)) console.log(`  ${k.padEnd(52)} ${v.toFixed(1)} ms`);
}
