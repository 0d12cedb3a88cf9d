/**
 * The workloads of the parallel pages: a GridSearchCV and a RandomForestClassifier, fitted with
 * `fitAsync({ nJobs: 2 })` in the page (through the pool's Web Workers) and with `fit` in Node; the
 * encoded results must be equal bit for bit. Shipped datasets and computations free of the engine's
 * Math.exp/log (a linear-kernel SVC, trees), so Node and Chromium agree to the last bit.
 */
import { GridSearchCV, LogisticRegression, RandomForestClassifier, SVC, loadBreastCancer, loadIris, type TypelearnWarning } from 'typelearn';
import type { WorkerPool } from 'typelearn/parallel';
import { encode } from './encode';

const iris = loadIris();
const Xs = iris.data.map((r) => Array.from(r));
const ys = Array.from(iris.target);
const cancer = loadBreastCancer();
const Xf = cancer.data.map((r) => Array.from(r));
const yf = Array.from(cancer.target);

const grid = { C: [0.05, 1, 20], kernel: ['linear'] };
const search = (): GridSearchCV => new GridSearchCV(new SVC(), grid, { cv: 3 });
const forest = (): RandomForestClassifier => new RandomForestClassifier({ nEstimators: 24, oobScore: true, randomState: 7 });

/** What a search shows: every split's score, the ranks, the best candidate and its predictions. */
function searchResult(s: GridSearchCV): string {
  const r = s.cvResults_;
  return encode({ split0: r.split0_test_score, split1: r.split1_test_score, split2: r.split2_test_score, mean: r.mean_test_score, rank: r.rank_test_score, best: s.bestParams_ as Record<string, number>, predict: s.predict(Xs) });
}

/** What a forest shows: its probabilities, importances and out-of-bag score. */
function forestResult(f: RandomForestClassifier): string {
  return encode({ proba: f.predictProba(Xf), importances: f.featureImportances_, oob: f.oobScore_ });
}

/** The synchronous fits, in Node. */
export function runSync(): { search: string; forest: string } {
  return { search: searchResult(search().fit(Xs, ys)), forest: forestResult(forest().fit(Xf, yf)) };
}

/** The same fits with fitAsync in `pool` (2 workers). */
export async function runAsync(pool: WorkerPool): Promise<{ search: string; forest: string }> {
  const s = await search().fitAsync(Xs, ys, { pool });
  const f = await forest().fitAsync(Xf, yf, { pool });
  return { search: searchResult(s), forest: forestResult(f) };
}

/**
 * The pool's behaviour on bad input and warnings, as the Node tests check it: a fit that throws in
 * a worker rejects naming its parameter set (and the pool serves the next search); an abort rejects
 * with its reason; ConvergenceWarnings raised in the workers reach this thread's handler tagged.
 */
export async function runChecks(pool: WorkerPool, setHandler: (h: (w: TypelearnWarning) => void) => unknown): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const bad = new GridSearchCV(new LogisticRegression(), { C: [3] }, { cv: 3, errorScore: 'raise' });
  out.failure = await bad.fitAsync(Xs, ys.map(() => 0), { pool }).then(
    () => 'resolved',
    (e: Error) => `${e.name}: ${e.message}`,
  );
  const seen: string[] = [];
  setHandler((w) => void seen.push(`${w.name}|${JSON.stringify(w.origin?.params ?? null)}|${w.origin?.split ?? '-'}`));
  await new GridSearchCV(new LogisticRegression({ maxIter: 2 }), { C: [0.1, 10] }, { cv: 3, refit: false }).fitAsync(Xs, ys, { pool });
  out.warnings = seen.sort().join(' ');
  // Last: an abort terminates the pool it runs in.
  const ac = new AbortController();
  out.abort = await search().fitAsync(Xs, ys, { pool, signal: ac.signal, onProgress: () => ac.abort(new Error('stopped by the page')) }).then(
    () => 'resolved',
    (e: Error) => e.message,
  );
  return out;
}
