import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationError } from '../../src/core/errors';
import { Pipeline } from '../../src/pipeline/Pipeline';
import { StandardScaler } from '../../src/preprocessing/StandardScaler';
import {
  ESTIMATOR_CHECK_NAMES,
  EstimatorCheckError,
  checkEstimator,
  describeEstimator,
  estimatorChecks,
  type CheckableClass,
} from '../../src/testing/index';
import * as broken from './broken';
import { ToyClassifier, ToyRegressor, ToyScaler } from './toys';

function failing(Class: CheckableClass, check: string): Error | undefined {
  const c = estimatorChecks(Class).find((x) => x.name === check);
  if (!c) throw new Error(`check '${check}' does not apply to ${Class.className}`);
  try {
    c.run();
  } catch (e) {
    return e as Error;
  }
  return undefined;
}

describe('correct toy estimators pass every check', () => {
  for (const Class of [ToyRegressor, ToyClassifier, ToyScaler]) {
    it(Class.className, () => {
      const report = checkEstimator(Class);
      expect(report.skipped).toEqual([]);
      expect(report.passed.length).toBeGreaterThan(20);
    });
  }

  it('chooses checks by kind', () => {
    const names = (C: CheckableClass) => estimatorChecks(C).map((c) => c.name);
    expect(names(ToyClassifier)).toContain('classifier_predict_proba');
    expect(names(ToyClassifier)).not.toContain('regressor_score_is_r2');
    expect(names(ToyRegressor)).toContain('regressor_score_is_r2');
    expect(names(ToyRegressor)).toContain('y_length_mismatch');
    expect(names(ToyScaler)).toContain('transformer_fit_transform');
    expect(names(ToyScaler)).not.toContain('y_length_mismatch');
    expect(names(ToyScaler)).not.toContain('classifier_classes');
  });
});

/** Each broken estimator and the check that must catch it (and a phrase its message must contain). */
const CASES: Array<[CheckableClass, string, RegExp]> = [
  [broken.DefaultsDiffer, 'default_construction', /must equal ToyRegressor|DefaultsDiffer\.defaults/],
  [broken.DropsUnknownOptions, 'unknown_option', /nothing was thrown/],
  [broken.ClampsOptions, 'invalid_option_values', /'shrink'/],
  [broken.NonAtomicSetParams, 'set_params_unknown_key', /must change nothing/],
  [broken.LeakyGetParams, 'params_round_trip', /must return a copy/],
  [broken.CloneReturnsThis, 'clone', /new object/],
  [broken.FitReturnsUndefined, 'fit_returns_this', /fit must return this/],
  [broken.GetterWithoutFitCheck, 'not_fitted_errors', /nCoef_/],
  [broken.AlwaysFitted, 'is_fitted', /false before fit/],
  [broken.NoFeatureCount, 'n_features_in', /nFeaturesIn_/],
  [broken.IgnoresFeatureCount, 'feature_mismatch', /5 features after fitting on 4/],
  [broken.AcceptsNaNSilently, 'nan_input', /NaN/],
  [broken.AcceptsInfinity, 'infinite_input', /Infinity/],
  [broken.AcceptsEmpty, 'empty_input', /empty X/],
  [broken.PadsRaggedRows, 'ragged_input', /ragged/],
  [broken.TruncatesY, 'y_length_mismatch', /samples in X/],
  [broken.MutatesX, 'no_input_mutation', /fit mutated its input/],
  [broken.TypedRowsDiffer, 'input_types', /Float64Array rows/],
  [broken.IgnoresRandomState, 'determinism', /different results/],
  [broken.ForgetsStateOnFailedFit, 'failed_fit_keeps_state', /failed fit/],
  [broken.SavesWrongClassName, 'save_load_unfitted', /instance of SavesWrongClassName/],
  [broken.SavesWrongClassName, 'save_load_fitted', /instance of SavesWrongClassName/],
  [broken.LosesPrecision, 'save_load_fitted', /bit for bit/],
  [broken.NotPlainJson, 'to_json_plain', /Float64Array/],
  [broken.UncheckedState, 'load_malformed_state', /accepted a saved UncheckedState with state\.nFeaturesIn removed\. Declare 'static readonly stateSchema'/],
  [broken.LooseStateSchema, 'load_malformed_state', /state\.coef truncated by one entry: tighten the rule of 'coef'/],
  [broken.ScoreIsNotR2, 'regressor_score_is_r2', /R²/],
  [broken.UnsortedClasses, 'classifier_classes', /sorted/],
  [broken.LabelsBecomeNumbers, 'classifier_string_labels', /classes_ must be/],
  [broken.AcceptsSingleClass, 'classifier_single_class', /single class/],
  [broken.ProbaColumnsReversed, 'classifier_predict_proba', /must follow classes_/],
  [broken.ProbaNotNormalized, 'classifier_predict_proba', /sum to 1/],
  [broken.FitTransformDiffers, 'transformer_fit_transform', /fitTransform\(X\) must equal/],
  [broken.TooManyFeatureNames, 'transformer_feature_names_out', /name every output column/],
];

describe('every check catches a broken estimator', () => {
  for (const [Class, check, pattern] of CASES) {
    it(`${check} catches ${Class.className}`, () => {
      const error = failing(Class, check);
      expect(error, `${check} passed on ${Class.className}`).toBeInstanceOf(Error);
      expect(error!.message).toContain(`${Class.className} failed check '${check}'`);
      expect(error!.message).toMatch(pattern);
    });
  }

  it('covers every check of the suite', () => {
    const covered = new Set(CASES.map(([, c]) => c));
    expect(ESTIMATOR_CHECK_NAMES.filter((n) => !covered.has(n))).toEqual([]);
  });

  it('a broken estimator passes the checks that are not about its defect', () => {
    // The defect is caught where it belongs, not everywhere.
    const report = (() => {
      try {
        return checkEstimator(broken.FitReturnsUndefined);
      } catch (e) {
        return e as EstimatorCheckError;
      }
    })();
    expect(report).toBeInstanceOf(EstimatorCheckError);
    const names = (report as EstimatorCheckError).failures.map((f) => f.name);
    expect(names).toContain('fit_returns_this');
    expect(names).not.toContain('clone');
    expect(names).not.toContain('unknown_option');
  });
});

describe('checkEstimator', () => {
  it('throws one error listing every failed check', () => {
    let error: unknown;
    try {
      checkEstimator(broken.ForgetsStateOnFailedFit);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EstimatorCheckError);
    const e = error as EstimatorCheckError;
    expect(e.estimator).toBe('ForgetsStateOnFailedFit');
    expect(e.failures.map((f) => f.name)).toContain('failed_fit_keeps_state');
    expect(e.message).toMatch(/^ForgetsStateOnFailedFit failed \d+ of \d+ contract checks:\n {2}- failed_fit_keeps_state: /m);
  });

  it('reports skipped checks and does not run them', () => {
    const report = checkEstimator(broken.IgnoresRandomState, { skip: ['determinism', 'input_types'] });
    expect(report.skipped).toEqual(['input_types', 'determinism']);
    expect(report.passed).not.toContain('determinism');
  });

  it('rejects an unknown check name in skip, with a hint', () => {
    expect(() => checkEstimator(ToyRegressor, { skip: ['determinsm'] })).toThrow(ValidationError);
    expect(() => checkEstimator(ToyRegressor, { skip: ['determinsm'] })).toThrow(/Did you mean 'determinism'/);
  });

  it('rejects something that is not an estimator class', () => {
    expect(() => checkEstimator({} as unknown as CheckableClass)).toThrow(ValidationError);
  });

  it('uses make() for classes whose constructor needs arguments', () => {
    expect(() => checkEstimator(Pipeline, { skip: ['nan_input'] })).toThrow(/default_construction/);
    const report = checkEstimator(Pipeline, {
      make: () => new Pipeline([['scale', new StandardScaler()], ['toy', new ToyRegressor({ shrink: 0.1 })]]),
      skip: ['nan_input'],
    });
    expect(report.passed).toContain('regressor_score_is_r2');
  });

  it('fails make() returning an instance of another class', () => {
    expect(() => checkEstimator(ToyRegressor, { make: () => new ToyScaler() })).toThrow(/must return an instance of ToyRegressor/);
  });
});

describe('describeEstimator', () => {
  function record(withSkip: boolean) {
    const log: string[] = [];
    const tests: Array<[string, () => void]> = [];
    const it = Object.assign((name: string, fn: () => void) => void tests.push([name, fn]), withSkip ? { skip: (name: string) => void log.push(`skip ${name}`) } : {});
    const describe = (name: string, fn: () => void) => {
      log.push(`describe ${name}`);
      fn();
    };
    return { log, tests, harness: { describe, it } };
  }

  it('registers one test per check inside a describe named after the class', () => {
    const { log, tests, harness } = record(true);
    describeEstimator(ToyScaler, harness, { skip: ['clone'] });
    expect(log).toEqual(['describe ToyScaler', 'skip clone']);
    expect(tests.map(([n]) => n)).toEqual(estimatorChecks(ToyScaler, { skip: ['clone'] }).map((c) => c.name));
    for (const [, fn] of tests) fn();
  });

  it('works with a harness without it.skip, and its tests fail for broken estimators', () => {
    const { log, tests, harness } = record(false);
    describeEstimator(broken.CloneReturnsThis, harness, { skip: ['determinism'] });
    expect(log).toEqual(['describe CloneReturnsThis']);
    const clone = tests.find(([n]) => n === 'clone')!;
    expect(() => clone[1]()).toThrow(/clone\(\) must return a new object/);
  });

  it('src/testing imports no test framework', () => {
    const dir = join(__dirname, '../../src/testing');
    for (const f of readdirSync(dir)) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/from ['"](vitest|jest|mocha|node:test)['"]/);
    }
  });
});
