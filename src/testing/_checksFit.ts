/** Checks of the fitting life cycle: fit returns this, not-fitted errors, isFitted, nFeaturesIn_. */
import { assert, brief, expectNotFitted, expectOk, fail, isNotFittedError, isUnsupported } from './_assert';
import type { CheckDef } from './_check';
import { call, type Est } from './_context';

/** The names of the getters ending in `_` along the instance's prototype chain (fitted attributes). */
export function fittedGetters(est: object): string[] {
  const names = new Set<string>();
  for (let p = Object.getPrototypeOf(est); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(p))) {
      if (typeof d.get === 'function' && k.endsWith('_')) names.add(k);
    }
  }
  return [...names].sort();
}

function read(est: Est, name: string): unknown {
  return Reflect.get(est, name) as unknown;
}

const fitReturnsThis: CheckDef = {
  name: 'fit_returns_this',
  run(ctx) {
    const est = ctx.seeded();
    const r = ctx.fit(est);
    assert(r === est, `fit must return this (for chaining: new ${ctx.className}().fit(X, y).predict(X)); it returned ${brief(r)}`);
  },
};

const notFittedErrors: CheckDef = {
  name: 'not_fitted_errors',
  run(ctx) {
    const supported = ctx.supported();
    const { Xtest, ytest } = ctx.data;
    const est = ctx.make();
    for (const m of ctx.xMethods()) expectNotFitted(() => call(est, m, Xtest), `${m}(X)`);
    if (supported.has('score')) expectNotFitted(() => call(est, 'score', Xtest, ytest), 'score(X, y)');
    if (supported.has('inverseTransform')) expectNotFitted(() => call(est, 'inverseTransform', Xtest), 'inverseTransform(X)');
    if (supported.has('getFeatureNamesOut')) expectNotFitted(() => call(est, 'getFeatureNamesOut'), 'getFeatureNamesOut()');
    const getters = fittedGetters(est);
    for (const g of getters) expectNotFitted(() => read(est, g), `reading ${g}`);
    const fitted = ctx.fitted();
    for (const g of getters) {
      try {
        read(fitted, g);
      } catch (e) {
        if (isNotFittedError(e)) fail(`reading ${g} after fit threw NotFittedError: ${(e as Error).message}`);
        if (!isUnsupported(e)) fail(`reading ${g} after fit threw ${(e as Error).name}: ${(e as Error).message}`);
      }
    }
  },
};

const isFittedCheck: CheckDef = {
  name: 'is_fitted',
  run(ctx) {
    const est = ctx.seeded();
    assert(est.isFitted() === false, `isFitted() must be false before fit; got ${brief(est.isFitted())}`);
    ctx.fit(est);
    assert(est.isFitted() === true, `isFitted() must be true after fit; got ${brief(est.isFitted())}`);
  },
};

const nFeaturesIn: CheckDef = {
  name: 'n_features_in',
  run(ctx) {
    const est = ctx.fitted();
    const n = expectOk(() => read(est, 'nFeaturesIn_'), 'reading nFeaturesIn_ after fit (every estimator records the number of features it was fitted on)');
    const expected = ctx.data.X[0].length;
    assert(n === expected, `nFeaturesIn_ must be ${expected} after fitting on ${expected} features; got ${brief(n)}`);
  },
};

/** The fitting life-cycle checks. */
export const fitChecks: CheckDef[] = [fitReturnsThis, notFittedErrors, isFittedCheck, nFeaturesIn];
