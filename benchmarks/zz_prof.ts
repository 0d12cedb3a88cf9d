import { SVC } from '/work/wt/svm/src/index';
import { makeClassificationDense } from '/work/wt/svm/src/datasets/makeClassification';
const n = Number(process.argv[2] ?? 5000), d = 20;
const r = makeClassificationDense({ nSamples: n, nFeatures: d, nInformative: 10, nRedundant: 5, nClasses: 2, flipY: 0.05, randomState: 0 });
const rows = Array.from({ length: n }, (_, i) => r.X.subarray(i * d, (i + 1) * d));
const y = Array.from(r.y);
for (let rep = 0; rep < 3; rep++) {
  const t0 = performance.now();
  const m = new SVC().fit(rows, y);
  console.log('fit', (performance.now() - t0).toFixed(0), 'ms nSV', m.nSupport_, 'iter', m.nIter_);
}
