/** Checks of saving and loading: toJSON is plain JSON, loadModel gives back an identical model. */
import { loadModel } from '../core/serialization';
import type { StateSpec } from '../core/stateSchema';
import { assert, brief, exactDifference, expectOk, fail, firstDifference, isValidationError } from './_assert';
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
  const loaded: unknown = expectOk(() => loadModel(json), `loadModel(JSON.stringify(model)) of a ${when} model`);
  assert(ctx.isOwnInstance(loaded), `loadModel must rebuild an instance of ${ctx.className}; got ${brief(loaded)}`);
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

/** One malformed variant of a saved state: what was done, and the state it gives. */
interface Mutation {
  key: string;
  what: string;
  /** The schema flag that makes this mutation legitimate (then the check does not expect an error). */
  legitimateIf: 'optional' | 'allowString' | 'anyLength' | 'anyRowLength' | 'allowNaN';
  state: Record<string, unknown>;
}

const NAN = { $num: 'NaN' };

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The numbers of an encoded value, as an array to edit: a plain array, or a typed array's `values`. */
function numericArray(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v.length > 0 && v.every((x) => typeof x === 'number' || (isObject(x) && '$num' in x)) ? v : undefined;
  if (isObject(v) && typeof v.$typed === 'string' && Array.isArray(v.values) && v.values.length > 0) return v.values;
  return undefined;
}

/** A copy of an encoded array value with `edit` applied to its items (a typed array's `values`). */
function editArray(v: unknown, edit: (items: unknown[]) => unknown[]): unknown {
  if (Array.isArray(v)) return edit(v.slice());
  if (isObject(v) && Array.isArray(v.values)) return { ...v, values: edit(v.values.slice()) };
  return undefined;
}

/**
 * The malformed variants of a saved (encoded) state: each key dropped, set to a string, its array
 * truncated (and its first row, for an array of rows), and NaN put into each numeric array (and
 * each number). Variants equal to the original state are left out.
 */
function stateMutations(state: Record<string, unknown>): Mutation[] {
  const out: Mutation[] = [];
  const original = JSON.stringify(state);
  const add = (what: string, legitimateIf: Mutation['legitimateIf'], key: string, value: unknown) => {
    const next = { ...state, [key]: value };
    if (JSON.stringify(next) !== original) out.push({ key, what, legitimateIf, state: next });
  };
  for (const [key, v] of Object.entries(state)) {
    const rest = { ...state };
    delete rest[key];
    out.push({ key, what: `state.${key} removed`, legitimateIf: 'optional', state: rest });
    add(`state.${key} set to a string`, 'allowString', key, 'malformed');
    const isModel = isObject(v) && v.format === 'typelearn';
    if (isModel) continue;
    const items = Array.isArray(v) ? v : isObject(v) && Array.isArray(v.values) ? v.values : undefined;
    if (items && items.length > 0) {
      add(`state.${key} truncated by one entry`, 'anyLength', key, editArray(v, (a) => a.slice(0, -1)));
      const first = items[0];
      if (numericArray(first) && (numericArray(first) as unknown[]).length > 0) {
        add(`state.${key}[0] truncated by one entry`, 'anyRowLength', key, editArray(v, (a) => [editArray(a[0], (r) => r.slice(0, -1)), ...a.slice(1)]));
      }
    }
    if (typeof v === 'number' || (isObject(v) && '$num' in v)) add(`state.${key} set to NaN`, 'allowNaN', key, NAN);
    else if (numericArray(v)) add(`state.${key}[0] set to NaN`, 'allowNaN', key, editArray(v, (a) => [NAN, ...a.slice(1)]));
    else if (items && items.length > 0 && numericArray(items[0])) {
      add(`state.${key}[0][0] set to NaN`, 'allowNaN', key, editArray(v, (a) => [editArray(a[0], (r) => [NAN, ...r.slice(1)]), ...a.slice(1)]));
    }
  }
  return out;
}

/**
 * A fitted model whose saved state is malformed must be refused by `loadModel` with a
 * ValidationError, never load and then predict garbage or throw a TypeError. The variants a class's
 * `stateSchema` declares legitimate (an `optional` key, an `anyLength` array, `allowNaN`,
 * `allowString`) are not expected to fail.
 */
const loadMalformedState: CheckDef = {
  name: 'load_malformed_state',
  run(ctx) {
    const saved = JSON.parse(JSON.stringify(ctx.fitted())) as Record<string, unknown>;
    const state = saved.state;
    if (!isObject(state)) return fail(`toJSON().state of a fitted ${ctx.className} must be an object; got ${brief(state)}`);
    const schema = (ctx.Class as { stateSchema?: Readonly<Record<string, StateSpec>> | null }).stateSchema ?? undefined;
    for (const m of stateMutations(state)) {
      const key = m.key;
      if (schema?.[key]?.[m.legitimateIf]) continue;
      const model = { ...saved, state: m.state };
      let loaded = false;
      try {
        loadModel(model);
        loaded = true;
      } catch (e) {
        if (!isValidationError(e)) fail(`loadModel of a saved ${ctx.className} with ${m.what} must throw a ValidationError; it threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
      }
      if (loaded) {
        fail(
          schema === undefined
            ? `loadModel accepted a saved ${ctx.className} with ${m.what}. Declare 'static readonly stateSchema' (the rules of each state key, see docs/custom-estimators.md) so that malformed saved models are refused`
            : `loadModel accepted a saved ${ctx.className} with ${m.what}: tighten the rule of '${key}' in its stateSchema, or mark the change legitimate (${m.legitimateIf})`,
        );
      }
    }
  },
};

/** The save/load checks. */
export const persistenceChecks: CheckDef[] = [toJsonPlain, saveLoadUnfitted, saveLoadFitted, loadMalformedState];
