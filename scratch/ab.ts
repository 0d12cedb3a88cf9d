// A/B of typelearn before (main's snapshot in /tmp/data-before) and after (this branch), in one
// process, alternating, best of R: robust to the shared machine's load drifting between runs.
import { cases as afterCases } from '../benchmarks/cases/index';
import { cases as beforeCases } from '/tmp/data-before/benchmarks/cases/index';

const names = (process.argv[2] ?? 'StandardScaler,OneHotEncoder,ColumnTransformer').split(',');
const sizes = (process.argv[3] ?? '100000,1000000').split(',').map(Number);
const R = Number(process.argv[4] ?? 7);
for (const name of names) {
  const a = afterCases.find((c) => c.name.startsWith(name))!;
  const b = beforeCases.find((c) => c.name.startsWith(name))!;
  for (const n of sizes) {
    const data = b.generate(n, b.d, 0);
    const runs = { before: b.typelearn(data), after: a.typelearn(data) };
    const best: Record<string, Record<string, number>> = { before: {}, after: {} };
    for (let r = 0; r < R; r++) {
      for (const side of (r % 2 ? ['after', 'before'] : ['before', 'after']) as Array<'before' | 'after'>) {
        for (const step of runs[side].steps) {
          const t = performance.now();
          step.run();
          const dt = performance.now() - t;
          best[side][step.name] = Math.min(best[side][step.name] ?? Infinity, dt);
        }
      }
    }
    for (const step of Object.keys(best.before)) {
      const x = best.before[step];
      const y = best.after[step];
      console.log(`${name} ${step} n=${n} d=${b.d}: before ${x.toFixed(1)} ms, after ${y.toFixed(1)} ms, after/before ${(y / x).toFixed(3)}`);
    }
  }
}
