/**
 * The contract suite run over every registered estimator. Classes whose constructor needs
 * arguments get a `make` entry in OPTIONS; classes registered only for save/load (no `fit`: splitters, distributions) are not estimators and are left out; a registered class that needs arguments and has no entry
 * fails with a message saying so.
 */
import { describe, it, expect } from 'vitest';
import '../src/index';
import {
  GridSearchCV,
  LinearRegression,
  LogisticRegression,
  Pipeline,
  RandomizedSearchCV,
  SelectKBest,
  SimpleImputer,
  StandardScaler,
  loguniform,
  registeredEstimators,
} from '../src/index';
import { describeEstimator } from '../src/testing/index';
import type { CheckableClass, EstimatorCheckOptions } from '../src/testing/index';

/**
 * How to build the classes whose constructor needs arguments, and checks a class may skip (with
 * the reason). Add a line here when you register such a class.
 */
const OPTIONS: Record<string, EstimatorCheckOptions> = {
  Pipeline: {
    make: () => new Pipeline([['impute', new SimpleImputer()], ['scale', new StandardScaler()], ['ols', new LinearRegression()]]),
  },
  GridSearchCV: {
    make: () => new GridSearchCV(new LinearRegression(), { fitIntercept: [true, false] }, { cv: 3 }),
  },
  RandomizedSearchCV: {
    make: () => new RandomizedSearchCV(new LogisticRegression(), { C: loguniform(0.01, 10) }, { nIter: 3, cv: 3, randomState: 0 }),
  },
  // k defaults to 10, and k greater than the number of features (4 here) throws, as in scikit-learn.
  SelectKBest: { make: () => new SelectKBest({ k: 2 }) },
};

/** Registered for save/load but not estimators (no `fit`): splitters, distributions. */
function isEstimatorClass(Class: unknown): boolean {
  return typeof (Class as { prototype?: { fit?: unknown } }).prototype?.fit === 'function';
}

function needsArguments(Class: CheckableClass): string | undefined {
  try {
    new (Class as unknown as new () => object)();
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

const classes = [...registeredEstimators().entries()].filter(([, C]) => isEstimatorClass(C)).sort(([a], [b]) => (a < b ? -1 : 1));

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
