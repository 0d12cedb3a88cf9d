/**
 * Warnings across the worker boundary: a worker collects the warnings a task emits as plain records
 * and sends them with its reply; the calling thread rebuilds each as its own class (so
 * `instanceof ConvergenceWarning` and `code` hold) and hands it to its warning handler.
 */
import { ConvergenceWarning, TypelearnWarning, VerboseMessage, setWarningHandler, type WarningOrigin } from '../core/errors';
import { FitFailedWarning } from '../model_selection/FitFailedWarning';
import { UndefinedMetricWarning } from '../metrics/UndefinedMetricWarning';

/** A warning as it crosses from a worker: its class name, code, message and estimator. */
export interface WarningRecord {
  name: string;
  code: string;
  message: string;
  estimator?: string;
}

const CLASSES: Record<string, new (message: string, estimator?: string) => TypelearnWarning> = {
  ConvergenceWarning,
  VerboseMessage,
  FitFailedWarning,
  UndefinedMetricWarning,
};

/** Runs `task` with this thread's warnings collected (not handled); restores the handler after. */
export function collectWarnings<T>(task: () => T, into: WarningRecord[]): T {
  const previous = setWarningHandler((w) => {
    into.push({ name: w.name, code: w.code, message: w.message, estimator: w.estimator });
  });
  try {
    return task();
  } finally {
    setWarningHandler(previous);
  }
}

/**
 * The warning a record describes, as its own class when typelearn has it (a user's own warning
 * class becomes a TypelearnWarning with the same name and code).
 */
export function rebuildWarning(r: WarningRecord): TypelearnWarning {
  const Ctor = CLASSES[r.name];
  if (Ctor) {
    const w = new Ctor(r.message, r.estimator);
    if (w.code === r.code) return w;
  }
  const w = new TypelearnWarning(r.message, r.estimator);
  w.name = r.name;
  Object.defineProperty(w, 'code', { value: r.code, enumerable: true });
  return w;
}

/** Tags a rebuilt warning with where it came from, in `origin` and at the end of its message. */
export function tagWarning(w: TypelearnWarning, origin: WarningOrigin, where: string): TypelearnWarning {
  w.origin = origin;
  w.message = `${w.message} (in a worker: ${where})`;
  return w;
}
