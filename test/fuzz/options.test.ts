/**
 * Fuzz: hostile options for every registered estimator, through the constructor (setParams for
 * classes built by a maker) and through setParams on a fitted model. Each must be refused with a
 * ValidationError or accepted and then fit (or refuse at fit) within the contract (see
 * _harness.ts); setParams is atomic. Option values that set an output size stay small here (size
 * limits are their own issue, with their own tests).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { fuzzTargets, useFuzzHooks } from './_harness';
import { fuzzOptions, fuzzSetParams } from './_properties';

useFuzzHooks(beforeAll, afterAll);

describe('fuzz: hostile options', () => {
  for (const { name, ctx } of fuzzTargets()) {
    it(`${name}: construct and fit with hostile options`, () => fuzzOptions(name, ctx));
    it(`${name}: setParams is atomic on a fitted model`, () => fuzzSetParams(name, ctx));
  }
});
