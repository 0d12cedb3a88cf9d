/**
 * Checks of construction and options: defaults, unknown and invalid options, getParams/setParams,
 * clone.
 */
import { assert, brief, expectOk, expectValidationError, fail, firstDifference } from './_assert';
import type { CheckDef } from './_check';
import type { CheckContext, Est } from './_context';

/** An option name no estimator has. */
const UNKNOWN = 'notARealOption';

/** Values tried as invalid options: those the option's rule rejects must be refused. */
const PROBES: readonly unknown[] = [NaN, -1, -1e9, 1e9, 0, 0.5, 1.5, 'not_a_valid_value', '', null, true, false, {}, [], [[0]], () => 0];

function isEstimatorLike(v: unknown): v is Est {
  return v !== null && typeof v === 'object' && typeof (v as Est).getParams === 'function' && typeof (v as Est).toJSON === 'function';
}

/** Options with nested estimators replaced by `{ className, params }`, for comparing two sets of options. */
export function normalizeParams(v: unknown, depth = 0): unknown {
  if (depth > 50) return v;
  if (isEstimatorLike(v)) {
    const C = v.constructor as { className?: unknown };
    return { $estimator: C.className, params: normalizeParams(v.getParams(false), depth + 1) };
  }
  if (Array.isArray(v)) return v.map((x) => normalizeParams(x, depth + 1));
  if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = normalizeParams(x, depth + 1);
    return out;
  }
  return v;
}

/** Fails with `what` when two sets of options differ. */
export function expectSameParams(a: unknown, b: unknown, what: string): void {
  const d = firstDifference(normalizeParams(a), normalizeParams(b));
  if (d) fail(`${what}: ${d}`);
}

function typeOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** Whether the class's rules (its schema, else the type of the default) reject `value` for `name`. */
function rejects(ctx: CheckContext, name: string, value: unknown): boolean | undefined {
  const rule = ctx.schema[name];
  if (rule) return !rule.check(value);
  const def = ctx.defaults[name];
  if (def === null || def === undefined) return undefined;
  return typeOf(def) !== typeOf(value);
}

/** A valid value for option `name` that differs from `current`, if one is easily found. */
function alternativeValue(ctx: CheckContext, base: Record<string, unknown>, name: string, current: unknown): { value: unknown } | undefined {
  const candidates: unknown[] = [];
  if (typeof current === 'boolean') candidates.push(!current);
  if (typeof current === 'number' && Number.isFinite(current)) candidates.push(current + 1, current * 2, current / 2, current - 1);
  candidates.push(1, 2, 0.5, 0, 3, 10, 'auto', true, false, null);
  for (const c of candidates) {
    if (Object.is(c, current) || rejects(ctx, name, c) !== false) continue;
    try {
      ctx.construct({ ...base, [name]: c });
      return { value: c };
    } catch {
      // not valid after all (a constraint the schema cannot express); try the next one
    }
  }
  return undefined;
}

const defaultConstruction: CheckDef = {
  name: 'default_construction',
  run(ctx) {
    const C = ctx.Class;
    assert(
      Object.prototype.hasOwnProperty.call(C, 'className') && typeof C.className === 'string' && C.className.length > 0,
      `${C.className ?? 'the class'} must declare its own 'static readonly className' (minifiers rename classes, so constructor.name cannot be used)`,
    );
    assert(C.defaults !== null && typeof C.defaults === 'object', `${ctx.className} must declare 'static readonly defaults' (every option and its default value)`);
    const est = expectOk(() => ctx.make(), ctx.hasMaker() ? 'make()' : `new ${ctx.className}()`);
    const params = est.getParams(false);
    if (ctx.hasMaker()) {
      const d = firstDifference(Object.keys(params).sort(), Object.keys(ctx.defaults).sort());
      if (d) fail(`getParams(false) must list exactly the options in ${ctx.className}.defaults: ${d}`);
    } else {
      expectSameParams(params, ctx.defaults, `new ${ctx.className}().getParams(false) must equal ${ctx.className}.defaults`);
    }
    assert(!est.isFitted(), `a new ${ctx.className} must not be fitted (isFitted() returned true)`);
  },
};

const unknownOption: CheckDef = {
  name: 'unknown_option',
  run(ctx) {
    const base = ctx.make().getParams(false);
    const e = expectValidationError(() => ctx.construct({ ...base, [UNKNOWN]: 1 }), `new ${ctx.className}({ ${UNKNOWN}: 1 })`, 'unknown_option');
    assert(e.message.includes(UNKNOWN), `the unknown-option error must name the option '${UNKNOWN}'; its message was: ${e.message}`);
  },
};

const invalidOptionValues: CheckDef = {
  name: 'invalid_option_values',
  run(ctx) {
    const base = ctx.make().getParams(false);
    for (const name of Object.keys(ctx.defaults)) {
      for (const bad of PROBES) {
        if (rejects(ctx, name, bad) !== true) continue;
        const what = `${ctx.className} option '${name}' = ${brief(bad)}`;
        const e = expectValidationError(() => ctx.construct({ ...base, [name]: bad }), `new ${ctx.className}(...) with ${what}`, 'invalid_option');
        assert(e.message.includes(name), `the error for ${what} must name the option; its message was: ${e.message}`);
        const est = ctx.make();
        const before = est.getParams(false);
        expectValidationError(() => est.setParams({ [name]: bad }), `setParams with ${what}`, 'invalid_option');
        expectSameParams(est.getParams(false), before, `a rejected setParams({ ${name}: ${brief(bad)} }) must change nothing`);
      }
    }
  },
};

const setParamsUnknownKey: CheckDef = {
  name: 'set_params_unknown_key',
  run(ctx) {
    const est = ctx.make();
    const before = est.getParams(false);
    const update: Record<string, unknown> = {};
    // A valid change listed first, so that applying keys one by one would leave it applied.
    for (const name of Object.keys(ctx.defaults)) {
      const alt = alternativeValue(ctx, before, name, before[name]);
      if (alt) {
        update[name] = alt.value;
        break;
      }
    }
    update[UNKNOWN] = 1;
    expectValidationError(() => est.setParams(update), `setParams(${JSON.stringify(Object.keys(update))})`, 'unknown_option');
    expectSameParams(est.getParams(false), before, 'setParams with an unknown key must change nothing (validate everything before applying anything)');
    const deepKey = Object.keys(est.getParams(true)).find((k) => k.includes('__'));
    if (deepKey) {
      const head = deepKey.slice(0, deepKey.indexOf('__'));
      const nestedBefore = normalizeParams(est.getParams(true));
      expectValidationError(() => est.setParams({ [`${head}__${UNKNOWN}`]: 1 }), `setParams({ '${head}__${UNKNOWN}': 1 })`, 'unknown_option');
      const d = firstDifference(normalizeParams(est.getParams(true)), nestedBefore);
      if (d) fail(`a rejected nested setParams must change nothing: ${d}`);
    }
  },
};

const paramsRoundTrip: CheckDef = {
  name: 'params_round_trip',
  run(ctx) {
    const est = ctx.make();
    const p = est.getParams(false);
    const deep = est.getParams(true);
    for (const k of Object.keys(p)) assert(k in deep, `getParams(true) must include every key of getParams(false); '${k}' is missing`);
    // getParams returns a copy: changing it changes nothing.
    const snapshot = normalizeParams(p);
    (p as Record<string, unknown>)[UNKNOWN] = 1;
    for (const k of Object.keys(ctx.defaults)) (p as Record<string, unknown>)[k] = Symbol('overwritten');
    const d0 = firstDifference(normalizeParams(est.getParams(false)), snapshot);
    if (d0) fail(`getParams must return a copy (changing the returned object changed the estimator): ${d0}`);
    const p2 = est.getParams(false);
    const back = est.setParams(p2);
    assert(back === est, `setParams must return this; got ${brief(back)}`);
    expectSameParams(est.getParams(false), snapshot, 'setParams(getParams(false)) must leave the options unchanged');
    const rebuilt = expectOk(() => ctx.construct(est.getParams(false)), `new ${ctx.className}(getParams(false))`);
    expectSameParams(rebuilt.getParams(false), snapshot, `new ${ctx.className}(getParams(false)) must have the same options`);
    for (const name of Object.keys(ctx.defaults)) {
      const alt = alternativeValue(ctx, p2, name, p2[name]);
      if (!alt) continue;
      const e2 = ctx.make();
      e2.setParams({ [name]: alt.value });
      const got = e2.getParams(false)[name];
      const d = firstDifference(normalizeParams(got), normalizeParams(alt.value));
      if (d) fail(`after setParams({ ${name}: ${brief(alt.value)} }), getParams(false).${name} is ${brief(got)}`);
    }
  },
};

function collectEstimators(v: unknown, out: Set<unknown>, depth = 0): Set<unknown> {
  if (depth > 50) return out;
  if (isEstimatorLike(v)) {
    out.add(v);
    collectEstimators(v.getParams(false), out, depth + 1);
  } else if (Array.isArray(v)) for (const x of v) collectEstimators(x, out, depth + 1);
  else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) for (const x of Object.values(v)) collectEstimators(x, out, depth + 1);
  return out;
}

const cloneCheck: CheckDef = {
  name: 'clone',
  run(ctx) {
    const est = ctx.fitted();
    const c = est.clone();
    assert(c !== est, 'clone() must return a new object, not this');
    assert(c !== null && typeof c === 'object' && c.constructor === est.constructor, `clone() must return an instance of ${ctx.className}; got ${brief(c)}`);
    expectSameParams(c.getParams(false), est.getParams(false), 'clone() must have equal options');
    assert(!c.isFitted(), 'clone() must return an unfitted copy (isFitted() was true)');
    assert(est.isFitted(), 'clone() must not unfit the original');
    const mine = collectEstimators(est.getParams(false), new Set());
    for (const sub of collectEstimators(c.getParams(false), new Set())) {
      assert(!mine.has(sub), `clone() must clone nested estimators too; ${brief(sub)} is shared with the original`);
    }
  },
};

/** The construction and options checks. */
export const paramsChecks: CheckDef[] = [defaultConstruction, unknownOption, invalidOptionValues, setParamsUnknownKey, paramsRoundTrip, cloneCheck];
