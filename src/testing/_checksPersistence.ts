/** Checks of saving and loading: toJSON is plain JSON, loadModel gives back an identical model. */
import { loadModel } from '../core/serialization';
import { assert, brief, exactDifference, expectOk, fail, firstDifference } from './_assert';
import type { CheckDef } from './_check';
import { outputsDifference, type CheckContext, type Est } from './_context';
import { expectSameParams } from './_checksParams';

/** Where `v` holds something JSON cannot carry unchanged (a typed array, NaN, -0, undefined, a class instance…). */
function nonJsonAt(v: unknown, path: string, depth = 0): string | undefined {
  if (depth > 1000) return `${path}: nested more than 1000 deep`;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return undefined;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? undefined : `${path}: ${brief(v)}`;
  if (Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== Array.prototype) return `${path}: an array subclass`;
    for (let i = 0; i < v.length; i++) {
      const d = nonJsonAt(v[i], `${path}[${i}]`, depth + 1);
      if (d) return d;
    }
    return undefined;
  }
  if (typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    for (const [k, x] of Object.entries(v)) {
      const d = nonJsonAt(x, `${path}.${k}`, depth + 1);
      if (d) return d;
    }
    return undefined;
  }
  return `${path}: ${brief(v)}`;
}

function expectPlainJson(est: Est, ctx: CheckContext, when: string): void {
  const x = est.toJSON();
  const bad = nonJsonAt(x, 'toJSON()');
  if (bad) fail(`toJSON() of a ${when} ${ctx.className} must be plain JSON data; found ${bad}`);
  const again = JSON.parse(JSON.stringify(x)) as unknown;
  const d = firstDifference(again, x);
  if (d) fail(`JSON.parse(JSON.stringify(toJSON())) differs from toJSON() for a ${when} model: ${d}`);
  const head = x as { format?: unknown; version?: unknown; className?: unknown };
  assert(head.format === 'typelearn', `toJSON().format must be 'typelearn'; got ${brief(head.format)}`);
  assert(typeof head.version === 'number', `toJSON().version must be a number; got ${brief(head.version)}`);
  assert(head.className === ctx.className, `toJSON().className must be '${ctx.className}'; got ${brief(head.className)}`);
}

function expectRoundTrip(est: Est, ctx: CheckContext, when: string): void {
  const json = expectOk(() => JSON.stringify(est), `JSON.stringify of a ${when} model`);
  const loaded = expectOk(() => loadModel<Est>(json), `loadModel(JSON.stringify(model)) of a ${when} model`);
  assert(
    loaded !== null && typeof loaded === 'object' && loaded.constructor === ctx.Class,
    `loadModel must rebuild an instance of ${ctx.className}; got ${brief(loaded)}`,
  );
  expectSameParams(loaded.getParams(false), est.getParams(false), `the loaded ${when} model must have the same options`);
  assert(loaded.isFitted() === est.isFitted(), `the loaded model's isFitted() is ${loaded.isFitted()}, the saved one's ${est.isFitted()}`);
  if (est.isFitted()) {
    const d = outputsDifference(ctx.outputs(est), expectOk(() => ctx.outputs(loaded), 'using the loaded model'), exactDifference);
    if (d) fail(`the loaded model must predict bit for bit what the saved one did: ${d}`);
  }
  const json2 = JSON.stringify(loaded);
  if (json2 !== json) {
    const d = firstDifference(JSON.parse(json2), JSON.parse(json));
    fail(`saving the loaded model must give the same JSON again: ${d ?? 'the strings differ'}`);
  }
}

const saveLoadUnfitted: CheckDef = {
  name: 'save_load_unfitted',
  run(ctx) {
    expectRoundTrip(ctx.make(), ctx, 'unfitted');
  },
};

const saveLoadFitted: CheckDef = {
  name: 'save_load_fitted',
  run(ctx) {
    expectRoundTrip(ctx.fitted(), ctx, 'fitted');
  },
};

const toJsonPlain: CheckDef = {
  name: 'to_json_plain',
  run(ctx) {
    expectPlainJson(ctx.make(), ctx, 'unfitted');
    expectPlainJson(ctx.fitted(), ctx, 'fitted');
  },
};

/** The save/load checks. */
export const persistenceChecks: CheckDef[] = [toJsonPlain, saveLoadUnfitted, saveLoadFitted];
