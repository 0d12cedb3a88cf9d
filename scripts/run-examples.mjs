// Runs every program in examples/ against the built package (dist/, resolved through the package's
// own "exports" map by the import of 'typelearn'), failing on the first that exits non-zero.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
if (!existsSync(join(root, 'dist', 'index.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
// Programs are the files directly in examples/; folders are not run here (examples/playground is a
// web app: `npm run playground`, tested in the browser suite).
const files = readdirSync(join(root, 'examples'), { withFileTypes: true })
  .filter((e) => e.isFile() && /\.(ts|mjs|cjs|js)$/.test(e.name))
  .map((e) => e.name)
  .sort();
let failed = 0;
for (const f of files) {
  const started = Date.now();
  const args = f.endsWith('.ts') ? ['--import', 'tsx', join('examples', f)] : [join('examples', f)];
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status === 0) console.log(`ok   ${f} (${secs}s)`);
  else {
    failed++;
    console.log(`FAIL ${f} (exit ${r.status})\n${r.stdout}\n${r.stderr}`);
  }
}
console.log(`examples: ${files.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
