// Pieces the browser suite's scripts share (run.mjs, parallel.mjs, playground.mjs): a static file
// server for the built pages, and esbuild's settings for the Node side of a comparison.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/**
 * Serves the files under `dir` on a free localhost port: `/` is index.html; with `isolated`, the
 * COOP/COEP headers that make a page cross-origin isolated (SharedArrayBuffer available).
 * Resolves to `{ server, base }` (close the server when done).
 */
export async function serve(dir, { isolated = false } = {}) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream' };
    if (isolated) Object.assign(headers, { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
    res.writeHead(200, headers).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

/**
 * Bundles modules for Node as ES modules, leaving packages (typelearn among them) to Node's
 * resolver, so they load dist/ as a user's program would. `options` adds or overrides esbuild's.
 */
export function bundleForNode(options) {
  return build({ bundle: true, format: 'esm', platform: 'node', target: 'es2020', packages: 'external', logLevel: 'warning', ...options });
}
