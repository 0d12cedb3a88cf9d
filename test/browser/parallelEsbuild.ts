/** The parallel page as esbuild bundles it: the worker script is its own entry point, `typelearn/parallel/worker` → typelearn-worker.js. */
import { runPage } from './parallelPage';

void runPage(new URL('./typelearn-worker.js', import.meta.url));
