import { cpus, loadavg } from 'node:os';

/** One timed call: wall and process CPU seconds (main thread and workers), and its result as text. */
interface Timed {
  wall: number;
  cpu: number;
  result: string;
}

async function timed(run: () => Promise<string>): Promise<Timed> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await run();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6, result };
}

/**
 * Times `run(1)`, `run(2)` cold and `run(2)` warm, interleaved for `rounds` rounds so all three see
 * the same load, and prints wall and CPU time, the speedups and CPU ratios over nJobs 1, whether the
 * three results (the text `run` returns) are equal, and the load average. Cold: no pool kept from an
 * earlier call (`terminateKept` first), so the call starts its workers, each loading the library and
 * compiling its hot code. Warm: the next call with nJobs 2, in the pool the cold one kept.
 */
export async function compareJobs(title: string, rounds: number, run: (nJobs: number) => Promise<string>, terminateKept: () => Promise<void>): Promise<void> {
  const f2 = (v: number): string => v.toFixed(2);
  console.log(`${title}; ${cpus().length} cores; load average before: ${loadavg().map(f2).join(' ')}`);
  for (let k = 0; k < rounds; k++) {
    const one = await timed(() => run(1));
    await terminateKept();
    const cold = await timed(() => run(2));
    const warm = await timed(() => run(2));
    const same = one.result === cold.result && one.result === warm.result;
    const versus = (label: string, t: Timed): string => `nJobs 2 ${label} ${f2(t.wall)} s (${f2(t.cpu)} s CPU) speedup ${f2(one.wall / t.wall)}x CPU ratio ${f2(t.cpu / one.cpu)}`;
    console.log(`round ${k + 1}: nJobs 1 ${f2(one.wall)} s (${f2(one.cpu)} s CPU) | ${versus('cold', cold)} | ${versus('warm', warm)} | same results: ${same} | load ${f2(loadavg()[0])}`);
  }
  await terminateKept();
}
