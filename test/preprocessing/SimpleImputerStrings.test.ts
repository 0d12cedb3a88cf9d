/** SimpleImputer on string (categorical) data, against scikit-learn 1.2.1, and in a Pipeline before an encoder. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OneHotEncoder, OrdinalEncoder, Pipeline, SimpleImputer, StandardScaler, ValidationError, loadModel } from '../../src/index';
import { fixture } from '../helpers';

type Cell = string | number | null;
interface Imputer {
  rows: number[];
  most_frequent_statistics: Cell[];
  most_frequent: Cell[][];
  constant: Cell[][];
  constant_q: Cell[][];
}
const F = fixture<{ imputer: Imputer }>('preprocessing/encoders.json').imputer;
const raw = JSON.parse(readFileSync(join(__dirname, '../../node_modules/vega-datasets/data/penguins.json'), 'utf8')) as Array<Record<string, unknown>>;
const COLS = ['Island', 'Sex', 'Flipper Length (mm)'];
const records = raw.map((r) => Object.fromEntries(COLS.map((k) => [k, r[k]])));
const missing = F.rows.map((i) => records[i]);

describe('SimpleImputer on string records vs scikit-learn 1.2.1 (exact)', () => {
  it("'most_frequent': statistics (strings and a number) and transformTable", () => {
    const imp = new SimpleImputer({ strategy: 'most_frequent' }).fit(records);
    expect(imp.statistics_).toEqual(F.most_frequent_statistics);
    expect(imp.featureNamesIn_).toEqual(COLS);
    expect(imp.transformTable(missing)).toEqual(F.most_frequent);
    expect(imp.getFeatureNamesOut()).toEqual(COLS);
  });
  it("'constant': 'missing_value' by default for string columns, or the given fillValue", () => {
    const two = (rs: typeof records) => rs.map((r) => [r.Island, r.Sex]);
    expect(new SimpleImputer({ strategy: 'constant' }).fit(two(records)).transformTable(two(missing))).toEqual(F.constant);
    expect(new SimpleImputer({ strategy: 'constant', fillValue: '?' }).fit(two(records)).transformTable(two(missing))).toEqual(F.constant_q);
  });
});

describe('SimpleImputer on strings: design rules', () => {
  const rows = [['a', 'x'], [null, 'y'], ['a', null], ['b', 'y']];
  it("transform says to use transformTable or an encoder after it (code 'unsupported')", () => {
    const imp = new SimpleImputer({ strategy: 'most_frequent' }).fit(rows);
    expect(() => imp.transform(rows)).toThrow(/use transformTable\(X\)/);
    try {
      imp.transform(rows);
    } catch (e) {
      expect((e as ValidationError).code).toBe('unsupported');
    }
    expect(() => imp.fitTransform(rows)).toThrow(ValidationError);
  });
  it("mean/median on strings, mixed columns and the wrong width are ValidationErrors; input is not mutated", () => {
    expect(() => new SimpleImputer().fit(rows)).toThrow(/'most_frequent' or 'constant' for non-numeric data/);
    expect(() => new SimpleImputer({ strategy: 'most_frequent' }).fit([['a'], [1]])).toThrow(ValidationError);
    const imp = new SimpleImputer({ strategy: 'most_frequent' }).fit(rows);
    expect(() => imp.transformTable([['a']])).toThrow(/expecting 2 features/);
    expect(rows).toEqual([['a', 'x'], [null, 'y'], ['a', null], ['b', 'y']]);
  });
  it('numeric records keep the numeric path and give a Matrix', () => {
    const imp = new SimpleImputer().fit([{ a: 1, b: 2 }, { a: null, b: 4 }, { a: 3, b: NaN }]);
    expect(imp.transform([{ a: null, b: null }]).to2DArray()).toEqual([[2, 3]]);
    expect(imp.statistics_).toEqual([2, 3]);
  });
  it('addIndicator appends 0/1 columns after the imputed strings; save/load keeps it all', () => {
    const imp = new SimpleImputer({ strategy: 'most_frequent', addIndicator: true }).fit(rows);
    expect(imp.transformTable([[null, 'x']])).toEqual([['a', 'x', 1, 0]]);
    expect(imp.getFeatureNamesOut()).toEqual(['x0', 'x1', 'missingindicator_x0', 'missingindicator_x1']);
    expect(loadModel<SimpleImputer>(JSON.stringify(imp)).transformTable([[null, null]])).toEqual([['a', 'y', 1, 1]]);
  });
});

describe('Pipeline: imputer of strings, then an encoder', () => {
  it('[SimpleImputer most_frequent, OneHotEncoder] works on string records: fit, transform, fitTransform, names', () => {
    const pipe = new Pipeline([
      ['impute', new SimpleImputer({ strategy: 'most_frequent' })],
      ['onehot', new OneHotEncoder()],
    ]);
    const two = records.map((r) => ({ Island: r.Island, Sex: r.Sex }));
    const T = pipe.fitTransform(two);
    // Sex: '.', 'FEMALE', 'MALE' (the nulls became 'MALE', the most frequent): no None column.
    expect(pipe.getFeatureNamesOut()).toEqual(['Island_Biscoe', 'Island_Dream', 'Island_Torgersen', 'Sex_.', 'Sex_FEMALE', 'Sex_MALE']);
    expect(T.to2DArray()).toEqual(pipe.transform(two).to2DArray());
    expect(pipe.transform([{ Island: 'Dream', Sex: null }]).to2DArray()).toEqual([[0, 1, 0, 0, 0, 1]]);
    const again = loadModel<Pipeline>(JSON.stringify(pipe));
    expect(again.transform(two.slice(0, 20)).to2DArray()).toEqual(T.to2DArray().slice(0, 20));
  });
  it('an imputer before a numeric step keeps the Matrix path', () => {
    const pipe = new Pipeline([['impute', new SimpleImputer()], ['scale', new StandardScaler()]]).fit([[1], [NaN], [3]]);
    expect(pipe.transform([[NaN]]).to2DArray()).toEqual([[0]]);
  });
  it('the imputer as last step on strings says to use transformTable', () => {
    const pipe = new Pipeline([['enc', new OrdinalEncoder()], ['impute', new SimpleImputer({ strategy: 'most_frequent' })]]);
    expect(pipe.fit([{ c: 'a' }, { c: 'b' }]).transform([{ c: 'a' }]).to2DArray()).toEqual([[0]]);
    const strings = new Pipeline([['impute', new SimpleImputer({ strategy: 'most_frequent' })]]).fit([{ c: 'a' }, { c: null }]);
    expect(() => strings.transform([{ c: 'a' }])).toThrow(/transformTable/);
  });
});
