/** The parallel page as Vite bundles it: Vite builds the worker script and hands its URL to `?worker&url`. */
import workerUrl from 'typelearn/parallel/worker?worker&url';
import { runPage } from './parallelPage';

void runPage(workerUrl);
