/**
 * Loads a Node built-in module through a specifier that bundlers do not follow. The pool and its
 * worker run in browsers too, where a literal `import('node:fs')` makes esbuild, Vite and webpack
 * fail to resolve the module while building the page, although the browser never takes that path.
 */
export function nodeBuiltin<T>(name: 'fs' | 'url' | 'module' | 'worker_threads'): Promise<T> {
  const specifier = `node:${name}`;
  return import(/* webpackIgnore: true */ /* @vite-ignore */ specifier) as Promise<T>;
}
