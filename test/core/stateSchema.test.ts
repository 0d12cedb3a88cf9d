/**
 * Load-time validation of fitted state (issue 13, section 1): every saved state is checked against
 * its class's `stateSchema` before the model is usable, and nesting limits are counted alike on
 * save and on load. Each example of the issue is a test here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/core/errors';
import { MAX_MODEL_DEPTH, loadModel, registeredEstimators } from '../../src/core/serialization';
import { checkState, float64Array, labels, nFeaturesIn, optional, perFeature, type StateSchema } from '../../src/core/stateSchema';
import { LinearRegression } from '../../src/linear_model/LinearRegression';
import { LogisticRegression } from '../../src/linear_model/LogisticRegression';
import { ColumnSelector } from '../../src/pipeline/ColumnSelector';
import { ColumnTransformer } from '../../src/pipeline/ColumnTransformer';
import { Pipeline } from '../../src/pipeline/Pipeline';
import { compilePattern } from '../../src/pipeline/_patternMatcher';
import { KNNImputer } from '../../src/preprocessing/KNNImputer';
import { LabelBinarizer } from '../../src/preprocessing/LabelBinarizer';
import { LabelEncoder } from '../../src/preprocessing/LabelEncoder';
import { SimpleImputer } from '../../src/preprocessing/SimpleImputer';
import { StandardScaler } from '../../src/preprocessing/StandardScaler';
import { ElasticNetCV, FeatureUnion, GridSearchCV, KBinsDiscretizer, MinMaxScaler, OneHotEncoder, OrdinalEncoder, PowerTransformer, QuantileTransformer, RFECV, Ridge, RidgeCV, RidgeClassifier, SGDClassifier, SGDRegressor, SelectFromModel } from '../../src/index';

type Saved = { className: string; params: Record<string, unknown>; state: Record<string, unknown> };

const save = (model: object): Saved => JSON.parse(JSON.stringify(model)) as Saved;

/** loadModel must refuse the model with an `invalid_model` ValidationError; returns its message. */
function refused(model: object): string {
  try {
    loadModel(model);
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).code).toBe('invalid_model');
    return (e as ValidationError).message;
  }
  throw new Error('loadModel accepted a malformed model');
}

const X = [[1, 2], [2, 1], [3, 5], [4, 3], [5, 8], [6, 5]];
const yr = [3, 4, 9, 8, 14, 12];
const yc = ['a', 'a', 'b', 'b', 'b', 'a'];

describe('LinearRegression state', () => {
  const lr = () => save(new LinearRegression().fit(X, yr));

  it('a coefficient removed is refused (not NaN predictions)', () => {
    const m = lr();
    (m.state.coef as { values: unknown[] }).values.pop();
    expect(refused(m)).toMatch(/LinearRegression.*'coef' must be a Float64Array of length nFeaturesIn/);
  });

  it('intercept = true is refused (not a shift by 1)', () => {
    const m = lr();
    m.state.intercept = true;
    expect(refused(m)).toMatch(/'intercept' must be a finite number\. Got true/);
  });

  it('state = {} is refused (not isFitted() true and a TypeError at predict)', () => {
    const m = lr();
    m.state = {};
    expect(refused(m)).toMatch(/has no 'nFeaturesIn'/);
  });

  it('an unknown state key is refused', () => {
    const m = lr();
    m.state.extra = 1;
    expect(refused(m)).toMatch(/'extra' must be absent/);
  });

  it('the untouched model loads and predicts bit for bit', () => {
    const model = new LinearRegression().fit(X, yr);
    expect(loadModel<LinearRegression>(JSON.stringify(model)).predict(X)).toEqual(model.predict(X));
  });
});

describe('LogisticRegression state', () => {
  const logit = () => save(new LogisticRegression().fit(X, yc));

  it("coef: 'x' is refused (not predictions of [0, 0, 0])", () => {
    const m = logit();
    m.state.coef = 'x';
    expect(refused(m)).toMatch(/'coef'/);
  });

  it("classes: ['b', 'a'] (not in scikit-learn's sorted order) is refused (not flipped predictions)", () => {
    const m = logit();
    m.state.classes = ['b', 'a'];
    expect(refused(m)).toMatch(/'classes' must be .*distinct labels of one type .*in sorted order/);
  });

  it("classes: ['__proto__', 7] is refused (labels of mixed types)", () => {
    const m = logit();
    m.state.classes = ['__proto__', 7];
    refused(m);
  });

  it('removing nFeaturesIn is refused (the width check cannot be turned off)', () => {
    const m = logit();
    delete m.state.nFeaturesIn;
    expect(refused(m)).toMatch(/no 'nFeaturesIn'/);
  });

  it('StandardScaler without nFeaturesIn is refused (no NaN for a 5-column X)', () => {
    const m = save(new StandardScaler().fit(X));
    delete m.state.nFeaturesIn;
    refused(m);
  });
});

describe('state schemas of the label classes (1-d, outside the 2-d contract suite)', () => {
  for (const make of [() => new LabelEncoder().fit(['x', 'y', 'x']), () => new LabelBinarizer().fit(['x', 'y', 'z'])]) {
    const name = make().constructor.name;
    it(`${name}: unsorted, mixed, missing or extra classes are refused`, () => {
      for (const classes of [['y', 'x'], ['x', 1], 'x', [], ['x', 'x']]) {
        const m = save(make());
        m.state.classes = classes;
        refused(m);
      }
      const m = save(make());
      m.state = {};
      refused(m);
      expect(loadModel<LabelEncoder>(save(make())).classes_).toEqual(make().classes_);
    });
  }
});

describe('consistency rules between state keys', () => {
  it('SimpleImputer: a kept feature with a NaN statistic is refused; an all-missing column left out loads', () => {
    const imp = new SimpleImputer().fit([[1, NaN], [3, NaN]]);
    expect(loadModel<SimpleImputer>(save(imp)).transform([[NaN, 5]]).to2DArray()).toEqual([[2]]);
    const m = save(imp);
    m.state.kept = [0, 1];
    refused(m);
    const m2 = save(imp);
    m2.state.kept = [];
    refused(m2);
  });

  it('KNNImputer: a fit cell flagged missing by a 0/1 mask must be exact (NaN cannot become 0)', () => {
    const m = save(new KNNImputer({ nNeighbors: 1 }).fit([[1, NaN], [3, 4]]));
    (m.state.fitMask as { values: unknown[] }).values[0] = { $num: 'NaN' };
    expect(refused(m)).toMatch(/Uint8Array holds exactly/);
  });

  it('a nested estimator must be fitted and of the configured class', () => {
    const m = save(new Pipeline([['scale', new StandardScaler()], ['lr', new LinearRegression()]]).fit(X, yr));
    const steps = m.state.fitted as Array<[string, Saved]>;
    steps[1][1] = save(new LinearRegression());
    refused(m);
  });

  it('a ColumnTransformer missing its remainder entry is refused', () => {
    const records = X.map(([a, b]) => ({ a, b }));
    const ct = new ColumnTransformer({ transformers: [['s', new StandardScaler(), ['a']]], remainder: 'passthrough' }).fit(records);
    const m = save(ct);
    (m.state.entries as unknown[]).pop();
    refused(m);
    expect(loadModel<ColumnTransformer>(save(ct)).transform(records).to2DArray()).toEqual(ct.transform(records).to2DArray());
  });
});

describe('every registered class declares its stateSchema', () => {
  it('built-in estimators (null for classes without fitted state)', () => {
    const missing = [...registeredEstimators()]
      .filter(([name]) => !/^(Serialization|Toy|Broken)/.test(name))
      .filter(([, C]) => (C as unknown as { stateSchema?: unknown }).stateSchema === undefined)
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('classes without fitted state refuse a saved state', () => {
    const m = save(new ColumnSelector({ dtypeInclude: 'number' })) as unknown as { state: unknown };
    m.state = { any: 1 };
    expect(refused(m)).toMatch(/ColumnSelector has no fitted state/);
  });
});

describe('checkState', () => {
  const schema: StateSchema = { nFeaturesIn: nFeaturesIn(), mean: perFeature(), classes: labels(), note: optional(float64Array()) };
  const ok = { nFeaturesIn: 2, mean: Float64Array.of(1, 2), classes: [0, 1] };

  it('accepts a valid state, with or without an optional key', () => {
    checkState('T', schema, ok);
    checkState('T', schema, { ...ok, note: Float64Array.of(1) });
  });

  it('names the class and the key in its error', () => {
    expect(() => checkState('T', schema, { ...ok, mean: [1, 2] })).toThrow(/Cannot load T: its fitted state's 'mean' must be a Float64Array of length nFeaturesIn of finite numbers\. Got an array of length 2\./);
    expect(() => checkState('T', schema, { ...ok, mean: Float64Array.of(1, NaN) })).toThrow(ValidationError);
    expect(() => checkState('T', schema, { ...ok, classes: [1, 0] })).toThrow(/sorted order/);
  });

  it('a rule tripping over another malformed key is a ValidationError, not a TypeError', () => {
    const s: StateSchema = { a: { description: 'x', check: (_v, { state }) => (state.b as number[]).length > 0 } };
    expect(() => checkState('T', s, { a: 1 })).toThrow(ValidationError);
  });
});

describe('nesting limits are counted alike on save and on load', () => {
  const nest = (depth: number) => {
    let model: Pipeline | LinearRegression = new LinearRegression();
    for (let k = 1; k < depth; k++) model = new Pipeline([[`p${k}`, model]]);
    return model;
  };

  it('a Pipeline nested 50 deep saves and loads, and predicts alike', () => {
    const model = nest(50).fit(X, yr);
    const again = loadModel<Pipeline>(JSON.stringify(model));
    expect(again.predict(X)).toEqual(model.predict(X));
  });

  it(`estimators nested ${MAX_MODEL_DEPTH} deep save and load; one more is refused when built and when loaded`, () => {
    const deepest = nest(MAX_MODEL_DEPTH);
    const json = JSON.stringify(deepest);
    expect(() => loadModel(json)).not.toThrow();
    expect(() => nest(MAX_MODEL_DEPTH + 1)).toThrow(ValidationError);
    // The same tree written by hand one level deeper is refused at load.
    const deeper = { format: 'typelearn', version: 1, className: 'Pipeline', params: { steps: [['top', JSON.parse(json)]], verbose: false }, state: null };
    refused(deeper);
  });
});

describe('ColumnSelector patterns run in linear time', () => {
  it('a catastrophic pattern read from a model answers at once on long names', () => {
    const saved = { format: 'typelearn', version: 1, className: 'ColumnSelector', params: { pattern: '^(a+)+$', dtypeInclude: null, dtypeExclude: null }, state: null };
    const sel = loadModel<ColumnSelector>(saved);
    const long = 'a'.repeat(27);
    const huge = 'a'.repeat(20000);
    expect(sel.select([{ [`${long}!`]: 1, [long]: 2, [`${huge}!`]: 3 }])).toEqual([long]);
  });

  it('patterns outside the linear-time subset are refused, from code and from JSON', () => {
    for (const pattern of ['(a)\\1', 'a(?=b)', '\\bword', '(?<n>a)']) {
      expect(() => new ColumnSelector({ pattern })).toThrow(ValidationError);
      refused({ format: 'typelearn', version: 1, className: 'ColumnSelector', params: { pattern, dtypeInclude: null, dtypeExclude: null }, state: null });
    }
  });

  it("agrees with RegExp's test on the supported subset", () => {
    const patterns = ['^num_', '_(id|key)$', '^(a+)+$', 'x{2,3}', '[a-c]+_\\d', '(?:ab)*c', '.', '^$', 'a?b', '[^a-z]', '\\w+\\s', 'a{2,}', '(a|)+b', '(a*)*b', '[\\d-]x', 'a{', '\\.', '[]a]', '[^]', 'A|^b|c$'];
    const chars = ['a', 'b', 'c', 'x', '_', '1', '-', ' ', '.', 'A', 'i', 'd', 'k', 'e', 'y', 'n', 'u', 'm', ']', '\n'];
    const names = fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map((a) => a.join(''));
    for (const p of patterns) {
      const ours = compilePattern(p);
      const re = new RegExp(p);
      fc.assert(fc.property(names, (s) => ours.test(s) === re.test(s)), { numRuns: 300, seed: 13 });
    }
  });
});

describe('schemas accept every configuration fit can produce (round trips beyond the defaults)', () => {
  const Xw = [[1, 2, 0.5], [2, 1, 1.5], [3, 5, 2], [4, 3, 0], [5, 8, 1], [6, 5, 3], [7, 1, 2], [8, 9, 1]];
  const y3 = [0, 1, 2, 0, 1, 2, 0, 1];
  const yr2 = Xw.map(([a, b]) => [a + b, a - b]);
  const cases: Array<[string, () => object]> = [
    ['Ridge lsqr, 2 targets', () => new Ridge({ solver: 'lsqr' }).fit(Xw, yr2)],
    ['RidgeCV alphaPerTarget + storeCvValues', () => new RidgeCV({ alphaPerTarget: true, storeCvValues: true }).fit(Xw, yr2)],
    ['RidgeClassifier lsqr, 3 classes', () => new RidgeClassifier({ solver: 'lsqr' }).fit(Xw, y3)],
    ['LogisticRegression ovr, 3 classes', () => new LogisticRegression({ multiClass: 'ovr' }).fit(Xw, y3)],
    ['LogisticRegression multinomial, 2 classes', () => new LogisticRegression({ multiClass: 'multinomial' }).fit(Xw, yc.concat(['a', 'b']))],
    ['SGDClassifier averaged, 3 classes', () => new SGDClassifier({ average: true, randomState: 0 }).fit(Xw, y3)],
    ['SGDRegressor averaged', () => new SGDRegressor({ average: 2, randomState: 0 }).fit(Xw, yr.concat([15, 17]))],
    ['ElasticNetCV over two l1Ratios', () => new ElasticNetCV({ l1Ratio: [0.2, 0.8], cv: 2 }).fit(Xw, yr.concat([15, 17]))],
    ['KBinsDiscretizer with a constant feature', () => new KBinsDiscretizer({ nBins: 2, encode: 'ordinal' }).fit(Xw.map((r) => [r[0], 1]))],
    ['SimpleImputer on strings', () => new SimpleImputer({ strategy: 'most_frequent' }).fit([['a', 'x'], [null, 'y'], ['a', null]])],
    ['SimpleImputer keepEmptyFeatures + addIndicator', () => new SimpleImputer({ keepEmptyFeatures: true, addIndicator: true }).fit([[1, NaN], [NaN, NaN]])],
    ['KNNImputer with an all-missing column', () => new KNNImputer({ nNeighbors: 1, addIndicator: true }).fit([[1, NaN], [NaN, NaN], [3, NaN]])],
    ['OneHotEncoder drop first, infrequent', () => new OneHotEncoder({ drop: 'first', minFrequency: 2, handleUnknown: 'infrequent_if_exist' }).fit([['a'], ['a'], ['b'], ['c'], ['a'], ['b']])],
    ['OrdinalEncoder with NaN', () => new OrdinalEncoder().fit([[1], [NaN], [2]])],
    ['PowerTransformer box-cox, no standardize', () => new PowerTransformer({ method: 'box-cox', standardize: false }).fit(Xw.map((r) => [r[0], r[1]]))],
    ['StandardScaler with an all-missing column', () => new StandardScaler().fit([[1, NaN], [2, NaN]])],
    ['MinMaxScaler partialFit', () => new MinMaxScaler().partialFit([[1, NaN]]).partialFit([[3, 4]])],
    ['QuantileTransformer normal', () => new QuantileTransformer({ nQuantiles: 4, outputDistribution: 'normal' }).fit(Xw)],
    ['SelectFromModel maxFeatures', () => new SelectFromModel({ estimator: new Ridge(), maxFeatures: 1, threshold: -Infinity }).fit(Xw, yr.concat([15, 17]))],
    ['RFECV', () => new RFECV({ estimator: new Ridge(), cv: 2 }).fit(Xw, yr.concat([15, 17]))],
    ['GridSearchCV without refit', () => new GridSearchCV(new Ridge(), { alpha: [0.1, 1] }, { cv: 2, refit: false }).fit(Xw, yr.concat([15, 17]))],
    ['FeatureUnion with drop and passthrough', () => new FeatureUnion([['a', new StandardScaler()], ['b', 'passthrough'], ['c', 'drop']], { transformerWeights: { a: 2 } }).fit(Xw)],
  ];
  for (const [name, make] of cases) {
    it(name, () => {
      const model = make();
      const json = JSON.stringify(model);
      const again = loadModel<typeof model>(json);
      expect(JSON.stringify(again)).toBe(json);
    });
  }
});
