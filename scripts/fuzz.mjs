// `npm run fuzz [-- vitest args]`: the fuzz suite (test/fuzz) with a random seed and a larger
// budget than CI's. The seed is printed first and with any failure, so a failure replays with
// FUZZ_SEED=<seed> (and FUZZ_ONLY=<class>, FUZZ_PATH=<path> from the failure report).
// Environment: FUZZ_SEED, FUZZ_RUNS (cases per class and property, default here 10000), FUZZ_MS
// (time per class and property, default here 3000), FUZZ_CASE_MS, FUZZ_ONLY.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const env = { ...process.env };
env.FUZZ_SEED ||= String(randomInt(0, 2 ** 31 - 1));
env.FUZZ_RUNS ||= '10000';
env.FUZZ_MS ||= '3000';
console.log(`fuzz: FUZZ_SEED=${env.FUZZ_SEED} FUZZ_RUNS=${env.FUZZ_RUNS} FUZZ_MS=${env.FUZZ_MS}${env.FUZZ_ONLY ? ` FUZZ_ONLY=${env.FUZZ_ONLY}` : ''}`);
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
// Each test is one property of one class: give it its budget plus room for setup and a slow case.
const timeout = String(Number(env.FUZZ_MS) + 2 * Number(env.FUZZ_CASE_MS || 10000) + 60000);
const r = spawnSync(npx, ['vitest', 'run', 'test/fuzz', `--testTimeout=${timeout}`, ...process.argv.slice(2)], { stdio: 'inherit', env });
if (r.status !== 0) console.log(`fuzz: failed with FUZZ_SEED=${env.FUZZ_SEED}; replay with FUZZ_SEED=${env.FUZZ_SEED} npm run fuzz (add FUZZ_ONLY / FUZZ_PATH from the report)`);
process.exit(r.status ?? 1);
