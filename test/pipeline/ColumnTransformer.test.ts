import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import {
  ColumnSelector,
  ColumnTransformer,
  LogisticRegression,
  NotFittedError,
  Pipeline,
  SimpleImputer,
  StandardScaler,
  ValidationError,
  getTags,
  loadModel,
  makeColumnSelector,
  makeColumnTransformer,
} from '../../src/index';
import type { BaseEstimator, RecordRows } from '../../src/index';
import { expectClose, fixture, nanify } from '../helpers';
import { KeepFirst, LocalOneHot, Spy, vega } from './_local';
import { ColumnTable } from '../../src/core/tabular';

type Cells = (number | null)[][];
interface Fixture {
  penguins_numeric: { output: Cells; feature_names_out: string[]; output_indices: Record<string, [number, number]>; remainder_columns: string[] };
  cars_passthrough: { output: Cells; feature_names_out: string[]; output_indices: Record<string, [number, number]> };
  cars_selectors: {
    names: string[];
    columns: string[][];
    output: Cells;
    feature_names_out: string[];
    number_columns: string[];
    object_columns: string[];
    non_number_pattern: string[];
  };
  cars_array: { output: Cells; feature_names_out: string[] };
  penguins_model: {
    train: number[];
    test: number[];
    transformed_test: Cells;
    feature_names_out: string[];
    classes: string[];
    proba_test: Cells;
    predict_test: string[];
  };
}
const fx = fixture<Fixture>('pipeline/column_transformer.json');
const penguins = vega('penguins.json');
const cars = vega('cars.json');
const NUM = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];
const NUMERIC_CARS = ['Miles_per_Gallon', 'Cylinders', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration'];

const numPipe = (strategy: 'mean' | 'median') =>
  new Pipeline([
    ['impute', new SimpleImputer({ strategy })],
    ['scale', new StandardScaler()],
  ]);
const rows = (m: Matrix) => m.to2DArray();
const indices = (o: Record<string, { start: number; stop: number }>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, [v.start, v.stop]]));

function penguinsNumeric(): ColumnTransformer {
  return new ColumnTransformer([
    ['num', numPipe('median'), NUM],
    ['island', new LocalOneHot(), ['Island']],
  ]);
}

function catchError(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ValidationError);
    return e as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('ColumnTransformer against scikit-learn 1.2.1 (values to 1e-9, names exact)', () => {
  it('penguins records: imputed and scaled numbers, one-hot Island, the rest dropped', () => {
    const ct = penguinsNumeric();
    const Z = ct.fitTransform(penguins);
    expectClose(rows(Z), nanify(fx.penguins_numeric.output), 1e-9, 1e-9);
    expect(ct.getFeatureNamesOut()).toEqual(fx.penguins_numeric.feature_names_out);
    expect(indices(ct.outputIndices_)).toEqual(fx.penguins_numeric.output_indices);
    const last = ct.transformers_[ct.transformers_.length - 1];
    expect(last[0]).toBe('remainder');
    expect(last[1]).toBe('drop');
    expect(last[2]).toEqual(fx.penguins_numeric.remainder_columns);
    expect(ct.featureNamesIn_).toEqual(Object.keys(penguins[0]));
    expect(ct.nFeaturesIn_).toBe(7);
    expectClose(rows(ct.transform(penguins)), nanify(fx.penguins_numeric.output), 1e-9, 1e-9);
  });

  it('cars records: remainder passthrough keeps NaN, a drop entry, feature names prefixed remainder__', () => {
    const ct = new ColumnTransformer(
      [
        ['num', numPipe('mean'), ['Horsepower', 'Displacement']],
        ['origin', new LocalOneHot(), ['Origin']],
        ['text', 'drop', ['Name', 'Year']],
      ],
      { remainder: 'passthrough' },
    );
    expectClose(rows(ct.fitTransform(cars)), nanify(fx.cars_passthrough.output), 1e-9, 1e-9);
    expect(ct.getFeatureNamesOut()).toEqual(fx.cars_passthrough.feature_names_out);
    expect(indices(ct.outputIndices_)).toEqual(fx.cars_passthrough.output_indices);
    expect(ct.namedTransformers_.text).toBe('drop');
    expect(ct.namedTransformers_.remainder).toBe('passthrough');
  });

  it('makeColumnTransformer with column selectors and verboseFeatureNamesOut false', () => {
    const f = fx.cars_selectors;
    const ct = makeColumnTransformer(
      [new StandardScaler(), makeColumnSelector({ dtypeInclude: 'number', pattern: '^(?:Miles|Horse|Disp)' })],
      [new SimpleImputer({ strategy: 'median' }), makeColumnSelector({ pattern: '^(?:Weight|Accel)' })],
      { remainder: 'drop', verboseFeatureNamesOut: false },
    );
    expect(ct.transformers.map(([n]) => n)).toEqual(f.names);
    expectClose(rows(ct.fitTransform(cars)), nanify(f.output), 1e-9, 1e-9);
    expect(ct.getFeatureNamesOut()).toEqual(f.feature_names_out);
    expect(ct.transformers_.slice(0, 2).map(([, , c]) => c)).toEqual(f.columns);
    expect(makeColumnSelector({ dtypeInclude: 'number' }).select(cars)).toEqual(f.number_columns);
    expect(makeColumnSelector({ dtypeInclude: 'string' }).select(cars)).toEqual(f.object_columns);
    expect(makeColumnSelector({ pattern: 'a', dtypeExclude: ['number'] }).select(cars)).toEqual(f.non_number_pattern);
  });

  it('rows of numbers: integer (also negative) and boolean-mask columns, passthrough remainder, x0… names', () => {
    const A = cars.map((r) => NUMERIC_CARS.map((k) => r[k] as number | null));
    const ct = new ColumnTransformer(
      [
        ['scale', new StandardScaler(), [1, -2]],
        ['impute', new SimpleImputer({ strategy: 'median' }), [true, false, false, true, false, false]],
      ],
      { remainder: 'passthrough' },
    );
    expectClose(rows(ct.fitTransform(A)), nanify(fx.cars_array.output), 1e-9, 1e-9);
    expect(ct.getFeatureNamesOut()).toEqual(fx.cars_array.feature_names_out);
    expect(() => ct.featureNamesIn_).toThrow(/not fitted on records/);
    expect(ct.transformers_.map(([, , c]) => c)).toEqual([[1, 4], [0, 3], [2, 5]]);
    expectClose(rows(ct.transform(new Matrix(A.map((r) => r.map((v) => v ?? NaN))))), nanify(fx.cars_array.output), 1e-9, 1e-9);
  });
});

describe('ColumnTransformer input handling', () => {
  it('transform selects by name: key order and extra keys do not matter, dropped columns may be absent', () => {
    const ct = penguinsNumeric().fit(penguins);
    const reordered = penguins.map((r) => {
      const out: Record<string, unknown> = { extra: 'x' };
      for (const k of Object.keys(r).reverse()) if (k !== 'Species' && k !== 'Sex') out[k] = r[k];
      return out;
    });
    expect(rows(ct.transform(reordered))).toEqual(rows(ct.transform(penguins)));
  });

  it('records missing a used column: ValidationError naming it, at fit and at transform', () => {
    const e1 = catchError(() => new ColumnTransformer([['num', new StandardScaler(), ['Beak Width']]]).fit(penguins));
    expect(e1.message).toContain("'Beak Width'");
    const ct = penguinsNumeric().fit(penguins);
    const noIsland = penguins.map(({ Island: _island, ...rest }) => rest);
    const e2 = catchError(() => ct.transform(noIsland));
    expect(e2.message).toContain("'Island'");
    expect(e2.estimator).toBe('ColumnTransformer');
  });

  it('a column named only in later records is read; its absent cells are missing', () => {
    const recs: RecordRows = [{ a: 1 }, { a: 2, b: 4 }, { a: 3, b: 8 }];
    const ct = new ColumnTransformer([['b', new SimpleImputer(), ['b']]], { remainder: 'passthrough' });
    expect(rows(ct.fitTransform(recs))).toEqual([[6, 1], [4, 2], [8, 3]]);
    expect(ct.featureNamesIn_).toEqual(['a', 'b']);
  });

  it('a string in a column given to a numeric transformer: ValidationError naming the column, the row and the transformer', () => {
    const ct = new ColumnTransformer([['num', new StandardScaler(), ['Beak Length (mm)', 'Island']]]);
    const e = catchError(() => ct.fit(penguins));
    expect(e.message).toContain("'Island'");
    expect(e.message).toContain("transformer 'num' (StandardScaler)");
    expect(e.received).toBe("'Torgersen' at row 0");
    const pass = new ColumnTransformer([], { remainder: 'passthrough' });
    expect(catchError(() => pass.fit([[1, 'a']])).message).toContain('remainder');
  });

  it('Infinity and booleans are refused (the one cell rule), null is NaN', () => {
    const ct = new ColumnTransformer([], { remainder: 'passthrough' });
    expect(rows(ct.fitTransform([{ a: 1, b: null }, { a: 0, b: 2 }]))).toEqual([[1, NaN], [0, 2]]);
    expect(catchError(() => ct.fit([{ a: true, b: null }, { a: false, b: 2 }])).received).toBe('true at row 0');
    expect(catchError(() => ct.fit([[1], [Infinity]])).message).toContain('Infinity');
  });

  it('records fitted, arrays given (and the other way round): clear errors; feature count checked for arrays', () => {
    const ct = penguinsNumeric().fit(penguins);
    expect(catchError(() => ct.transform([[1, 2, 3, 4, 5, 6, 7]])).message).toContain('fitted on records');
    const byIndex = new ColumnTransformer([['s', new StandardScaler(), [0]]]).fit([[1, 2], [3, 4]]);
    const e = catchError(() => byIndex.transform([[1, 2, 3]]));
    expect(e.code).toBe('feature_mismatch');
    expect(rows(byIndex.transform([{ p: 1, q: 0 }, { p: 3, q: 0 }]))).toEqual([[-1], [1]]);
    expect(catchError(() => new ColumnTransformer([['s', new StandardScaler(), ['a']]]).fit([[1, 2]])).message).toContain('records');
  });

  it('bad column specs: mask of the wrong length, index out of range, pattern on rows', () => {
    expect(catchError(() => new ColumnTransformer([['s', new StandardScaler(), [true]]]).fit([[1, 2]])).message).toContain('mask of length 2');
    expect(catchError(() => new ColumnTransformer([['s', new StandardScaler(), [2]]]).fit([[1, 2]])).message).toContain('index 2');
    expect(catchError(() => new ColumnTransformer([['s', new StandardScaler(), makeColumnSelector({ pattern: 'a' })]]).fit([[1, 2]])).message).toContain('records');
    expect(() => new ColumnTransformer([['s', new StandardScaler(), [1.5]]])).toThrow(ValidationError);
    expect(() => new ColumnTransformer([['s', new StandardScaler(), [0, 'a'] as unknown as number[]]])).toThrow(ValidationError);
    expect(() => new ColumnTransformer([['a__b', new StandardScaler(), [0]]])).toThrow(ValidationError);
    expect(() => new ColumnTransformer([['remainder', new StandardScaler(), [0]]])).toThrow(ValidationError);
    expect(() => new ColumnTransformer([['s', 'keep' as unknown as 'drop', [0]]])).toThrow(ValidationError);
    expect(() => new ColumnTransformer([], { remainder: 'keep' as unknown as 'drop' })).toThrow(ValidationError);
    expect(() => new ColumnTransformer(undefined)).toThrow(ValidationError);
  });

  it('numeric transformers get a matrix of numbers; acceptsRecords transformers get named columns or rows of values', () => {
    const numeric = new Spy();
    const tabular = new Spy({ tabular: true });
    const ct = new ColumnTransformer([
      ['n', numeric, ['Body Mass (g)']],
      ['t', tabular, ['Sex', 'Island']],
    ]).fit(penguins.slice(0, 4));
    const [n, t] = [ct.namedTransformers_.n as Spy, ct.namedTransformers_.t as Spy];
    expect(numeric.seen).toEqual([]);
    expect((n.seen[0] as Matrix).to2DArray()).toEqual([[3750], [3800], [3250], [NaN]]);
    const seen = t.seen[0] as ColumnTable;
    expect(seen).toBeInstanceOf(ColumnTable);
    expect(seen.names).toEqual(['Sex', 'Island']);
    expect(seen.columns).toEqual([
      ['MALE', 'FEMALE', 'FEMALE', null],
      ['Torgersen', 'Torgersen', 'Torgersen', 'Torgersen'],
    ]);
    const byRows = new ColumnTransformer([['t', new Spy({ tabular: true }), [2, 0]]]).fit([
      ['a', 1, 'x'],
      ['b', 2, null],
    ]);
    expect((byRows.namedTransformers_.t as Spy).seen[0]).toEqual([
      ['x', 'a'],
      [null, 'b'],
    ]);
    expect(ct.getFeatureNamesOut()).toEqual(['n__spy(Body Mass (g))', 't__spy(Sex,Island)']);
  });

  it('a transformer given no columns is not fitted and produces nothing; all dropped gives n x 0', () => {
    const ct = new ColumnTransformer([
      ['none', new StandardScaler(), []],
      ['s', new StandardScaler(), [0]],
    ]);
    const Z = ct.fitTransform([[1, 5], [3, 6]]);
    expect(rows(Z)).toEqual([[-1], [1]]);
    expect((ct.namedTransformers_.none as BaseEstimator).isFitted()).toBe(false);
    expect(ct.outputIndices_.none).toEqual({ start: 0, stop: 0 });
    const empty = new ColumnTransformer([['d', 'drop', [0, 1]]]).fitTransform([[1, 2], [3, 4]]);
    expect([empty.rows, empty.columns]).toEqual([2, 0]);
    expect(new ColumnTransformer([['d', 'drop', [0, 1]]]).fit([[1, 2]]).getFeatureNamesOut()).toEqual([]);
  });

  it('verboseFeatureNamesOut false refuses duplicate names; getFeatureNamesOut checks inputFeatures', () => {
    const ct = new ColumnTransformer(
      [
        ['a', new StandardScaler(), [0]],
        ['b', new SimpleImputer(), [0]],
      ],
      { verboseFeatureNamesOut: false },
    ).fit([[1], [2]]);
    expect(catchError(() => ct.getFeatureNamesOut()).message).toContain("'x0'");
    ct.setParams({ verboseFeatureNamesOut: true });
    expect(ct.getFeatureNamesOut(['age'])).toEqual(['a__age', 'b__age']);
    expect(() => ct.getFeatureNamesOut(['a', 'b'])).toThrow(ValidationError);
    expect(() => penguinsNumeric().fit(penguins).getFeatureNamesOut(NUM.concat(['a', 'b', 'c']))).toThrow(ValidationError);
  });

  it('not fitted: transform and fitted attributes throw NotFittedError', () => {
    const ct = penguinsNumeric();
    expect(() => ct.transform(penguins)).toThrow(NotFittedError);
    expect(() => ct.transformers_).toThrow(NotFittedError);
    expect(() => ct.getFeatureNamesOut()).toThrow(NotFittedError);
  });

  it('inputs are not mutated', () => {
    const copy = JSON.parse(JSON.stringify(cars)) as RecordRows;
    penguinsNumeric().fit(penguins);
    new ColumnTransformer([['n', numPipe('mean'), ['Horsepower']]], { remainder: 'drop' }).fitTransform(copy);
    expect(copy).toEqual(JSON.parse(JSON.stringify(cars)));
  });
});

describe('ColumnTransformer options, clones and persistence', () => {
  it('fits clones: the configured transformers stay unfitted', () => {
    const scale = new StandardScaler();
    const ct = new ColumnTransformer([['s', scale, [0]]], { remainder: new StandardScaler() }).fit([[1, 2], [3, 6]]);
    expect(scale.isFitted()).toBe(false);
    expect(ct.namedTransformers_.s).not.toBe(scale);
    expect((ct.namedTransformers_.remainder as BaseEstimator).isFitted()).toBe(true);
    expect(rows(ct.transform([[1, 2], [3, 6]]))).toEqual([[-1, -1], [1, 1]]);
    expect(ct.getFeatureNamesOut()).toEqual(['s__x0', 'remainder__x1']);
  });

  it('getParams/setParams reach nested options (name__option, remainder__option) and replace transformers by name', () => {
    const ct = new ColumnTransformer([['num', numPipe('mean'), ['a']], ['other', new StandardScaler(), ['b']]], { remainder: new StandardScaler() });
    const p = ct.getParams();
    expect(p.num__impute__strategy).toBe('mean');
    expect(p.other__withMean).toBe(true);
    expect(p.remainder__withStd).toBe(true);
    ct.setParams({ num__impute__strategy: 'median', remainder__withStd: false, other: 'drop' });
    expect(ct.getParams().num__impute__strategy).toBe('median');
    expect(ct.getParams().remainder__withStd).toBe(false);
    expect(ct.transformers[1][1]).toBe('drop');
    expect(() => ct.setParams({ num: 42 })).toThrow(ValidationError);
    expect(() => ct.setParams({ num__impute__nope: 1 })).toThrow(ValidationError);
    expect(() => ct.setParams({ missing__x: 1 })).toThrow(ValidationError);
    // a rejected update changes nothing
    expect(() => ct.setParams({ num__impute__strategy: 'mean', other__withMean: 'yes' })).toThrow(ValidationError);
    expect(ct.getParams().num__impute__strategy).toBe('median');
  });

  it('the options-object form rebuilds an equal transformer (clone, loadModel)', () => {
    const ct = new ColumnTransformer({ transformers: [['s', new StandardScaler(), [0]]], remainder: 'passthrough', verboseFeatureNamesOut: false });
    const c = ct.clone();
    expect(c.getParams(false).remainder).toBe('passthrough');
    expect(c.transformers[0][1]).not.toBe(ct.transformers[0][1]);
  });

  it('saves and loads (selectors and nested pipelines included) with identical output', () => {
    const ct = new ColumnTransformer(
      [
        ['num', numPipe('median'), makeColumnSelector({ dtypeInclude: 'number' })],
        ['cat', new LocalOneHot(), makeColumnSelector({ pattern: '^(Island|Sex)$' })],
      ],
      { remainder: 'drop' },
    ).fit(penguins);
    const json = JSON.stringify(ct);
    const again = loadModel<ColumnTransformer>(json);
    expect(rows(again.transform(penguins))).toEqual(rows(ct.transform(penguins)));
    expect(again.getFeatureNamesOut()).toEqual(ct.getFeatureNamesOut());
    expect(again.transformers[0][2]).toBeInstanceOf(ColumnSelector);
    expect(JSON.stringify(loadModel(JSON.stringify(again.clone())))).toBe(JSON.stringify(ct.clone()));
  });

  it('tags: accepts records; NaN follows the transformers', () => {
    expect(getTags(new ColumnTransformer([['s', new StandardScaler(), [0]]])).acceptsRecords).toBe(true);
    expect(getTags(new ColumnTransformer([['s', new StandardScaler(), [0]]])).allowNaN).toBe(true);
    expect(getTags(new ColumnTransformer([['s', new KeepFirst(), [0]]])).allowNaN).toBe(false);
    const imputed = getTags(new ColumnTransformer([['s', new SimpleImputer(), [0]]]));
    expect(imputed.removesNaN).toBe(true);
    expect(getTags(new ColumnTransformer([['s', new SimpleImputer(), [0]]], { remainder: 'passthrough' })).removesNaN).toBe(false);
  });
});

describe('makeColumnTransformer and makeColumnSelector', () => {
  it('names like make_column_transformer: lower-cased class names, repeats numbered, strings by themselves', () => {
    const ct = makeColumnTransformer([new StandardScaler(), ['a']], ['passthrough', ['b']], [new StandardScaler(), ['c']], ['drop', ['d']]);
    expect(ct.transformers.map(([n]) => n)).toEqual(['standardscaler-1', 'passthrough', 'standardscaler-2', 'drop']);
    expect(ct.getParams(false).remainder).toBe('drop');
    expect(() => makeColumnTransformer([new StandardScaler()] as unknown as [StandardScaler, string[]])).toThrow(ValidationError);
  });

  it('selector options are validated; a selector picks kinds on rows of values too', () => {
    expect(() => makeColumnSelector({ pattern: '(' })).toThrow(ValidationError);
    expect(() => makeColumnSelector({ dtypeInclude: 'float' as 'number' })).toThrow(ValidationError);
    expect(() => makeColumnSelector({ nope: 1 } as unknown as { pattern: string })).toThrow(ValidationError);
    expect(makeColumnSelector({ dtypeInclude: ['string', 'boolean'] }).select([[1, 'a', true], [null, 'b', false]])).toEqual([1, 2]);
    expect(String(makeColumnSelector({ dtypeInclude: 'number' }))).toBe("ColumnSelector({ dtypeInclude: ['number'] })");
  });
});

describe('Pipeline end to end on records', () => {
  it('Pipeline.setParams replaces a step by name (the replacement is no longer overwritten)', () => {
    const pipe = new Pipeline([['pre', penguinsNumeric()], ['clf', new LogisticRegression()]]);
    pipe.setParams({ pre: 'passthrough', clf__C: 2 });
    expect(pipe.steps[0][1]).toBe('passthrough');
    expect(pipe.getParams().clf__C).toBe(2);
  });

  it('a Pipeline starting with a ColumnTransformer takes records, and its feature names come through the steps', () => {
    const pipe = new Pipeline([
      ['pre', penguinsNumeric()],
      ['first', new KeepFirst({ k: 5 })],
      ['clf', new LogisticRegression()],
    ]);
    expect(getTags(pipe).acceptsRecords).toBe(true);
    const y = penguins.map((r) => r.Species as string);
    pipe.fit(penguins, y);
    expect(pipe.predict(penguins.slice(0, 3))).toEqual(['Adelie', 'Adelie', 'Adelie']);
    expect(pipe.score(penguins, y)).toBeGreaterThan(0.9);
    const names = new Pipeline([
      ['pre', penguinsNumeric()],
      ['first', new KeepFirst({ k: 5 })],
    ])
      .fit(penguins)
      .getFeatureNamesOut();
    expect(names).toEqual(fx.penguins_numeric.feature_names_out.slice(0, 5));
  });
});

function penguinsModel(cat: BaseEstimator): { model: Pipeline; Xtest: RecordRows } {
  const f = fx.penguins_model;
  const X = penguins.map(({ Species: _s, ...rest }) => rest);
  const y = penguins.map((r) => r.Species as string);
  const model = new Pipeline([
    [
      'pre',
      new ColumnTransformer([
        ['num', numPipe('median'), NUM],
        ['cat', cat, ['Island', 'Sex']],
      ]),
    ],
    ['clf', new LogisticRegression()],
  ]).fit(
    f.train.map((i) => X[i]),
    f.train.map((i) => y[i]),
  );
  return { model, Xtest: f.test.map((i) => X[i]) };
}

function checkPenguinsModel(model: Pipeline, Xtest: RecordRows): void {
  const f = fx.penguins_model;
  const pre = model.namedSteps.pre as ColumnTransformer;
  expectClose(rows(pre.transform(Xtest)), nanify(f.transformed_test), 1e-9, 1e-9);
  expect(pre.getFeatureNamesOut()).toEqual(f.feature_names_out);
  expect(model.classes_).toEqual(f.classes);
  expectClose(rows(model.predictProba(Xtest)), f.proba_test, 0, 1e-4);
  expect(model.predict(Xtest)).toEqual(f.predict_test);
}

describe('penguins: records → ColumnTransformer → LogisticRegression against scikit-learn (transform 1e-9, probabilities 1e-4)', () => {
  it('with the test-local most-frequent + one-hot encoder (unknown sex "." in the test rows encodes as zeros)', () => {
    const { model, Xtest } = penguinsModel(new LocalOneHot());
    checkPenguinsModel(model, Xtest);
  });
});

const lib = (await import('../../src/index')) as Record<string, unknown>;
const hasOneHot = 'OneHotEncoder' in lib;

describe.skipIf(!hasOneHot)('penguins with SimpleImputer(most_frequent) + OneHotEncoder(handleUnknown ignore) against scikit-learn', () => {
  it('transformed output (1e-9), feature names, probabilities (1e-4) and predictions', () => {
    type Ctor = new (o: Record<string, unknown>) => BaseEstimator;
    const OneHotEncoder = lib.OneHotEncoder as Ctor;
    const cat = new Pipeline([
      ['impute', new SimpleImputer({ strategy: 'most_frequent' })],
      ['onehot', new OneHotEncoder({ handleUnknown: 'ignore' })],
    ]);
    const { model, Xtest } = penguinsModel(cat);
    checkPenguinsModel(model, Xtest);
  });
});
