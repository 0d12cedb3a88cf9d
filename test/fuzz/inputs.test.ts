/**
 * Fuzz: hostile X and y (NaN, ±Infinity, huge and tiny finite values, ragged, empty, strings, null,
 * booleans, BigInt, typed arrays incl. BigInt64Array, Matrix) and hostile records, against every
 * registered estimator. The contract (see _harness.ts): only ValidationError / NotFittedError are
 * thrown, warnings go through the hook, inputs are never mutated, a failed refit leaves the
 * previous model's outputs identical, no built-in prototype is written, each case is bounded in
 * time.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { fuzzTargets, useFuzzHooks } from './_harness';
import { LABEL_CLASSES, fuzzFit, fuzzMethods, fuzzRecords } from './_properties';

useFuzzHooks(beforeAll, afterAll);

describe('fuzz: hostile inputs', () => {
  for (const { name, ctx } of fuzzTargets()) {
    it(`${name}: fit and refit on hostile X / y`, () => fuzzFit(name, ctx));
    if (LABEL_CLASSES.has(name)) continue;
    it(`${name}: predict / transform / score on hostile X`, () => fuzzMethods(name, ctx));
    it(`${name}: records (rows as objects)`, () => fuzzRecords(name, ctx));
  }
});
