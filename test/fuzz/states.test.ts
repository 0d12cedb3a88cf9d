/**
 * Fuzz: saved models (toJSON of a fitted estimator, as parsed JSON) with a key dropped, a value
 * replaced by something hostile, an array truncated or extended, NaN put in, then `loadModel`.
 * Loading must succeed or throw a ValidationError, write no prototype and stay in bounds.
 *
 * What a loaded-but-mutated model then does (its methods keep the contract) is checked only for
 * classes that declare a `static stateSchema` (load-time validation of fitted state, issue 13 §1):
 * loadModel does not validate the others' state yet. When every class declares one, the
 * condition goes.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { fuzzTargets, useFuzzHooks } from './_harness';
import { fuzzState } from './_properties';

useFuzzHooks(beforeAll, afterAll);

describe('fuzz: mutated saved models', () => {
  for (const { name, Class, ctx } of fuzzTargets()) {
    // A declared schema (an object, or null for a class without fitted state); the base class may declare the field undefined.
    const validatesState = (Class as { stateSchema?: unknown }).stateSchema !== undefined;
    it(`${name}: loadModel of a mutated saved state${validatesState ? '' : ' (load only: no stateSchema yet)'}`, () => fuzzState(name, ctx, validatesState));
  }
});
