/**
 * The contract suite run over every registered estimator. Classes whose constructor needs
 * arguments get a `make` entry in OPTIONS; classes registered only for save/load (no `fit`: splitters, distributions) are not estimators and are left out; a registered class that needs arguments and has no entry
 * fails with a message saying so.
 */
import { describe, it, expect } from 'vitest';
import { describeEstimator } from '../src/testing/index';
import type { CheckableClass } from '../src/testing/index';
import { OPTIONS, classes, needsArguments } from './_registry';

describe('registry', () => {
  it('has the built-in estimators', () => {
    expect(classes.map(([n]) => n)).toEqual(expect.arrayContaining(['LinearRegression', 'Pipeline', 'StandardScaler']));
  });
  for (const [name, Class] of classes) {
    const options = OPTIONS[name];
    if (!options?.make) {
      const problem = needsArguments(Class as unknown as CheckableClass);
      if (problem !== undefined) {
        it(`${name} can be constructed`, () => {
          throw new Error(
            `${name} is registered but \`new ${name}()\` throws (${problem}). Add an entry for it to OPTIONS in test/registry.test.ts with a make() that builds an instance.`,
          );
        });
        continue;
      }
    }
    describeEstimator(Class as unknown as CheckableClass, { describe, it }, options);
  }
});
