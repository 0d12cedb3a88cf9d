/**
 * The fuzz suite's properties, one function per property, each run for one estimator class (the
 * test files loop over the registry; harness.test.ts runs them on deliberately broken estimators to
 * show that each can fail). The contract they hold is described in _harness.ts.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { RidgeCV, getTags, loadModel } from '../../src/index';
import type { CheckContext, Est } from '../../src/testing/_context';
import { call, hasMethod } from '../../src/testing/_context';
import {
  FUZZ,
  expectNoPrototypeWrites,
  expectUnchanged,
  guarded,
  hostileOptionValue,
  hostileRecords,
  hostileWeights,
  hostileX,
  hostileY,
  isFiniteTable,
  mutateSaved,
  nonFiniteIn,
  outputsOf,
  runProperty,
  snapshot,
  stateMutation,
} from './_harness';

/** Classes that take 1-d labels (`fit(y)`) instead of X, as scikit-learn's label transformers. */
export const LABEL_CLASSES = new Set(['LabelEncoder', 'LabelBinarizer']);
const LABELS = ['b', 'a', 'c', 'a', 'b', 'c', 'a'];

/**
 * The finite-output check: after a fit on finite X (of any magnitude) and a numeric target no
 * larger than this, outputs on the same rows must be finite. (Targets near 1e308 can make correct
 * predictions overflow on their way: x·w terms beyond the range that cancel in exact arithmetic.)
 */
const MAX_TARGET = 1e250;

/**
 * Classes whose outputs on finite but huge data are known to overflow to NaN / Infinity today,
 * each with the reason; the finite-output check skips them until their fix lands (issue 13 §4).
 */
const KNOWN_NONFINITE = new Map<string, string>([
  ['RidgeClassifier', 'decisionFunction on values near 1e200 still overflows to NaN (open: issue 13 §4)'],
  ['PolynomialFeatures', 'x² of a finite x near 1e200 is beyond the double range: Infinity, as in scikit-learn (open question, issue 13 §4)'],
]);

function fitWith(name: string, ctx: CheckContext, est: Est, X: unknown, y: unknown, sampleWeight?: unknown): unknown {
  if (LABEL_CLASSES.has(name)) return est.fit(X);
  if (ctx.data.y === undefined) return est.fit(X);
  return sampleWeight === undefined ? est.fit(X, y) : est.fit(X, y, sampleWeight);
}

function freshFitted(name: string, ctx: CheckContext): Est {
  const est = ctx.seeded();
  fitWith(name, ctx, est, LABEL_CLASSES.has(name) ? LABELS : ctx.data.X, ctx.data.y);
  return est;
}

function outputs(name: string, ctx: CheckContext, est: Est): unknown {
  return LABEL_CLASSES.has(name) ? snapshot(call(est, 'transform', LABELS)) : outputsOf(ctx, est);
}

/** fit and refit on hostile X / y: contract errors only, inputs unchanged, a failed refit harmless. */
export function fuzzFit(name: string, ctx: CheckContext): void {
  const labelsOnly = LABEL_CLASSES.has(name);
  const X0 = ctx.data.X;
  const y0 = ctx.data.y;
  let est = freshFitted(name, ctx);
  let before = outputs(name, ctx, est);
  // sampleWeight (a third argument of fit) only where fit takes one.
  const weighted = !labelsOnly && y0 !== undefined && est.fit.length >= 3;
  const arb = labelsOnly
    ? fc.tuple(hostileY(LABELS, LABELS.length), fc.constant(undefined), fc.constant(undefined))
    : fc.tuple(hostileX(X0), hostileY(y0, X0.length), weighted ? hostileWeights(X0.length) : fc.constant(undefined));
  runProperty(name, 'fit', arb, ([X, y, w]) => {
    const sx = snapshot(X);
    const sy = snapshot(y);
    const sw = snapshot(w);
    const r = guarded(`${name}.fit`, () => fitWith(name, ctx, est, X, y, w));
    expectUnchanged(`${name}.fit (X)`, sx, X);
    expectUnchanged(`${name}.fit (y)`, sy, y);
    expectUnchanged(`${name}.fit (sampleWeight)`, sw, w);
    expectNoPrototypeWrites(`${name}.fit`);
    if (!r.ok) {
      const after = outputs(name, ctx, est);
      if (!isDeepStrictEqual(after, before)) throw new Error(`${name}: a failed refit (${r.error.message}) changed the fitted model's outputs`);
      return;
    }
    // A target holding NaN, ±Infinity or null is refused by every supervised estimator.
    if (y0 !== undefined && Array.isArray(y) && y.some((v) => v === null || (typeof v === 'number' && !Number.isFinite(v)))) {
      throw new Error(`${name}.fit accepted a target holding NaN, ±Infinity or null`);
    }
    // It fitted: its methods on the same rows keep the contract too, and on finite data (and a
    // finite numeric target) they return finite numbers: no silent NaN.
    if (!labelsOnly) {
      const finite = isFiniteTable(X) && (y0 === undefined || (Array.isArray(y) && !y.some((v) => typeof v === 'number' && !(Math.abs(v) <= MAX_TARGET))));
      for (const m of ctx.xMethods()) {
        const out = guarded(`${name}.${m} after a hostile fit`, () => call(est, m, X));
        if (finite && out.ok && (FUZZ.strict || !KNOWN_NONFINITE.has(name))) {
          const bad = nonFiniteIn(out.value);
          if (bad !== undefined) throw new Error(`${name}.${m} returned ${bad} after fitting finite data`);
        }
      }
      expectUnchanged(`${name} methods (X)`, sx, X);
    }
    // The next case starts from a model fitted on the standard data (and its outputs).
    est = freshFitted(name, ctx);
    before = outputs(name, ctx, est);
  });
}

/** predict / transform / inverseTransform / score on hostile X and y, on a fitted model. */
export function fuzzMethods(name: string, ctx: CheckContext): void {
  const est = freshFitted(name, ctx);
  const before = outputs(name, ctx, est);
  const methods = [...ctx.xMethods(), ...(hasMethod(est, 'inverseTransform') ? ['inverseTransform'] : [])];
  const scored = ctx.data.y !== undefined && ctx.supported().has('score');
  runProperty(name, 'methods', fc.tuple(hostileX(ctx.data.Xtest), hostileY(ctx.data.ytest, ctx.data.Xtest.length)), ([X, y]) => {
    const sx = snapshot(X);
    const sy = snapshot(y);
    for (const m of methods) guarded(`${name}.${m}`, () => call(est, m, X));
    if (scored) guarded(`${name}.score`, () => call(est, 'score', X, y));
    expectUnchanged(`${name} methods (X)`, sx, X);
    expectUnchanged(`${name}.score (y)`, sy, y);
    expectNoPrototypeWrites(`${name} methods`);
  });
  if (!isDeepStrictEqual(outputs(name, ctx, est), before)) throw new Error(`${name}: calling methods on hostile X changed the fitted model`);
}

/** Records (rows as objects, `__proto__` as an own key among them) given to fit and the methods. */
export function fuzzRecords(name: string, ctx: CheckContext): void {
  const acceptsRecords = getTags(ctx.make()).acceptsRecords;
  const y0 = ctx.data.y;
  runProperty(name, 'records', hostileRecords(), (records) => {
    const est = ctx.seeded();
    const s = snapshot(records);
    const y = y0 === undefined ? undefined : Array.from({ length: (records as unknown[]).length }, (_, i) => y0[i % y0.length]);
    const r = guarded(`${name}.fit(records)`, () => fitWith(name, ctx, est, records, y));
    if (r.ok && acceptsRecords) {
      for (const m of ctx.xMethods()) guarded(`${name}.${m}(records)`, () => call(est, m, records));
    }
    expectUnchanged(`${name}.fit(records)`, s, records);
    expectNoPrototypeWrites(`${name}.fit(records)`);
  });
}

/** Options whose value sets a count of models, iterations or outputs: kept below 2^31 here. */
const SIZE_OPTIONS = /^(n[A-Z]|max(Iter|Depth|LeafNodes|Bins|Categories|Features)|degree|k$|nIter|cv$|nAlphas|nSplits|nNeighbors|nQuantiles|subsample)/;

/**
 * Updates of one to three keys: hostile values, and values near the default (often valid), so that
 * a valid key next to an invalid one is common (which is what tests atomicity).
 */
function hostileUpdate(defaults: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  // `verbose` prints progress by design (scikit-learn's verbose), which the console check would flag.
  const keys = Object.keys(defaults).filter((k) => k !== 'verbose');
  const value = (key: string) => {
    const hostile = SIZE_OPTIONS.test(key) ? hostileOptionValue.filter((v) => !(typeof v === 'number' && v > 1000)) : hostileOptionValue;
    const d = defaults[key];
    const near: unknown[] = typeof d === 'number' ? [d * 2, d + 1, d / 2] : typeof d === 'boolean' ? [!d] : [d];
    return fc.oneof({ weight: 2, arbitrary: hostile }, { weight: 1, arbitrary: fc.constantFrom(...near) });
  };
  return fc.array(fc.constantFrom(...keys, 'bogusOption', '__proto__', 'constructor'), { minLength: 1, maxLength: 3 }).chain((ks) =>
    fc.tuple(...ks.map((k) => value(k))).map((vs) => {
      const o: Record<string, unknown> = {};
      ks.forEach((k, i) => Object.defineProperty(o, k, { value: vs[i], enumerable: true, writable: true, configurable: true }));
      return o;
    }),
  );
}

function fitStandard(name: string, ctx: CheckContext, est: Est): unknown {
  return LABEL_CLASSES.has(name) ? est.fit(LABELS) : ctx.fit(est);
}

/**
 * Hostile options through the constructor (or setParams, for classes built by a maker: pipelines,
 * searches, wrappers), then fit and the methods: contract errors only, the options object unchanged.
 */
export function fuzzOptions(name: string, ctx: CheckContext): void {
  const update = hostileUpdate(ctx.make().getParams(false));
  runProperty(name, 'options', update, (opts) => {
    const s = snapshot(opts);
    const r = ctx.hasMaker()
      ? guarded(`${name}.setParams`, () => {
          const est = ctx.make();
          est.setParams(opts);
          return est;
        })
      : guarded(`new ${name}`, () => ctx.construct(opts));
    if (r.ok) {
      const est = r.value;
      expectOptionsCopied(name, est, opts);
      const f = guarded(`${name}.fit`, () => fitStandard(name, ctx, est));
      if (f.ok && !LABEL_CLASSES.has(name)) for (const m of ctx.xMethods()) guarded(`${name}.${m}`, () => call(est, m, ctx.data.Xtest));
    }
    expectUnchanged(`${name} options`, s, opts);
    expectNoPrototypeWrites(`${name} options`);
  });
}

/**
 * Whether the library copies options on the way in and out yet (issue 13 §4, the bounds branch):
 * probed once on RidgeCV's `alphas`. Until it does, the aliasing check below would fail for every
 * class with an array or object option (19 of them, found by this suite), so it runs only once
 * the copying exists, then for every class (`FUZZ_STRICT=1` runs it regardless).
 */
const OPTIONS_COPIED = ((): boolean => {
  const alphas = [0.1, 1];
  const est = new RidgeCV({ alphas });
  alphas.push(-5);
  (est.getParams(false).alphas as number[]).push(-6);
  return (est.getParams(false).alphas as number[]).length === 2;
})();

/**
 * Options are copied on the way in and out: pushing onto an array (or adding a key to an object)
 * that was passed in, or that getParams returned, changes nothing.
 */
function expectOptionsCopied(name: string, est: Est, passed: Record<string, unknown>): void {
  if (!FUZZ.strict && !OPTIONS_COPIED) return;
  const before = snapshot(est.getParams(false));
  const vandalise = (v: unknown) => {
    if (Array.isArray(v)) v.push(-5);
    else if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) (v as Record<string, unknown>).vandal = -5;
  };
  const inner = structuredCloneable(passed) ? structuredClone(passed) : undefined;
  for (const v of Object.values(passed)) vandalise(v);
  for (const v of Object.values(est.getParams(false))) vandalise(v);
  let after: unknown;
  try {
    after = snapshot(est.getParams(false));
  } catch (e) {
    after = `getParams threw ${(e as Error).name}`;
  }
  if (inner !== undefined) Object.assign(passed, inner);
  if (!isDeepStrictEqual(before, after)) throw new Error(`${name} keeps an option array or object by reference: changing it after construction (or getParams' copy) changed the options`);
}

function structuredCloneable(v: unknown): boolean {
  try {
    structuredClone(v);
    return true;
  } catch {
    return false;
  }
}

/** setParams with hostile updates on a fitted model: a refused update changes no option. */
export function fuzzSetParams(name: string, ctx: CheckContext): void {
  const est = ctx.seeded();
  fitStandard(name, ctx, est);
  const defaults = ctx.make().getParams(false);
  runProperty(name, 'setParams', hostileUpdate(defaults), (opts) => {
    const before = snapshot(est.getParams(false));
    const r = guarded(`${name}.setParams`, () => est.setParams(opts));
    if (!r.ok && !isDeepStrictEqual(before, snapshot(est.getParams(false)))) {
      throw new Error(`${name}.setParams refused (${r.error.message}) but changed options`);
    }
    if (r.ok) guarded(`${name}.setParams back`, () => est.setParams(defaults));
    expectNoPrototypeWrites(`${name}.setParams`);
  });
}

/**
 * A fitted model's saved JSON, mutated, then loadModel: a ValidationError or a model. What a
 * loaded-but-mutated model then does is checked only when `checkLoaded` (see states.test.ts).
 */
export function fuzzState(name: string, ctx: CheckContext, checkLoaded: boolean): void {
  const est = ctx.seeded();
  fitStandard(name, ctx, est);
  const saved = JSON.stringify(est);
  runProperty(name, 'state', stateMutation, (mutations) => {
    const json = JSON.parse(saved) as Record<string, unknown>;
    mutateSaved(json, mutations);
    const text = JSON.stringify(json);
    const r = guarded(`loadModel(${name})`, () => loadModel<Est>(text));
    expectNoPrototypeWrites(`loadModel(${name})`);
    if (!r.ok || !(checkLoaded || FUZZ.strict) || LABEL_CLASSES.has(name)) return;
    const loaded = r.value;
    for (const m of ctx.xMethods()) guarded(`${name}.${m} after loading a mutated state`, () => call(loaded, m, ctx.data.Xtest));
  });
}
