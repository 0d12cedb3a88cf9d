/** OneHotEncoder and OrdinalEncoder against scikit-learn 1.2.1 (fixtures from make_encoders.py). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Matrix } from 'ml-matrix';
import { OneHotEncoder, OrdinalEncoder, ValidationError, loadModel, setWarningHandler } from '../../src/index';
import type { Category, OneHotEncoderOptions } from '../../src/index';
import { fixture } from '../helpers';

type Cell = number | string | boolean | null | { none: true };
interface OheCase {
  categories: Cell[][];
  drop_idx: Array<number | null> | null;
  infrequent: Array<Cell[] | null> | null;
  names: string[];
  width: number;
  hot: number[][];
  inverse: Cell[][];
  options?: Record<string, unknown>;
}
interface Fixture {
  penguins: {
    sub_rows: number[];
    onehot_ignore: OheCase;
    onehot_first: OheCase;
    onehot_if_binary: OheCase;
    onehot_drop_array: OheCase;
    onehot_first_ignore: OheCase;
    ordinal: { categories: Cell[][]; transform: Cell[][]; inverse: Cell[][] };
    ordinal_unknown: { transform: Cell[][]; inverse: Cell[][] };
  };
  none_nan: { onehot_categories: Cell[]; onehot_names: string[]; onehot_transform: number[][]; ordinal_transform: Cell[][] };
  iris: Derived;
  wine: Derived;
}
interface Derived {
  X: Array<Array<number | string>>;
  test: Array<Array<number | string>>;
  cases: Record<string, OheCase> & { ordinal_nan_unknown: { transform: Cell[][]; inverse: Cell[][] } };
}

const F = fixture<Fixture>('preprocessing/encoders.json');

/** Fixture cells back to typelearn values: null → NaN, { none: true } → null (scikit-learn's None). */
function cell(v: Cell): Category {
  if (v === null) return NaN;
  if (typeof v === 'object') return null;
  return v;
}
const cells = (rows: Cell[][]): Category[][] => rows.map((r) => r.map(cell));

const COLS = ['Species', 'Island', 'Sex', 'Flipper Length (mm)'];
const raw = JSON.parse(readFileSync(join(__dirname, '../../node_modules/vega-datasets/data/penguins.json'), 'utf8')) as Array<Record<string, unknown>>;
const penguins = raw.map((r) => Object.fromEntries(COLS.map((k) => [k, r[k]])));
const sub = F.penguins.sub_rows.map((i) => penguins[i]);
const unseen = [
  { Species: 'Adelie', Island: 'Atlantis', Sex: 'MALE', 'Flipper Length (mm)': 181 },
  { Species: 'Dodo', Island: 'Dream', Sex: 'OTHER', 'Flipper Length (mm)': 999 },
];

/** scikit-learn names categories of float columns `181.0`; typelearn has no float/int distinction and writes `181`. */
const intNames = (names: string[]) => names.map((n) => n.replace(/_(-?\d+)\.0$/, '_$1'));

function hotOf(T: Matrix): number[][] {
  return T.to2DArray().map((r) => {
    r.forEach((v) => expect(v === 0 || v === 1).toBe(true));
    return r.flatMap((v, k) => (v === 1 ? [k] : []));
  });
}

function expectOhe(enc: OneHotEncoder, c: OheCase, Xt: unknown, numericNames = false): void {
  expect(enc.categories_).toEqual(c.categories.map((l) => l.map(cell)));
  expect(enc.dropIdx_).toEqual(c.drop_idx);
  if (c.infrequent) expect(enc.infrequentCategories_).toEqual(c.infrequent.map((l) => (l ? l.map(cell) : null)));
  expect(enc.getFeatureNamesOut()).toEqual(numericNames ? intNames(c.names) : c.names);
  const T = enc.transform(Xt as Array<Record<string, unknown>>);
  expect(T.columns).toBe(c.width);
  expect(hotOf(T)).toEqual(c.hot);
  expect(enc.inverseTransform(T)).toEqual(cells(c.inverse));
}

function quietly<T>(f: () => T): T {
  const prev = setWarningHandler(() => undefined);
  try {
    return f();
  } finally {
    setWarningHandler(prev);
  }
}

describe('OneHotEncoder vs scikit-learn 1.2.1 on penguins records (exact)', () => {
  it("handleUnknown 'ignore': categories (None last), names, transform of seen and unseen rows, inverse", () => {
    const enc = new OneHotEncoder({ handleUnknown: 'ignore' }).fit(penguins);
    expect(enc.featureNamesIn_).toEqual(COLS);
    expectOhe(enc, F.penguins.onehot_ignore, [...sub, ...unseen], true);
  });
  it("drop 'first'", () => {
    expectOhe(new OneHotEncoder({ drop: 'first' }).fit(penguins), F.penguins.onehot_first, sub, true);
  });
  it("drop 'if_binary'", () => {
    const rows = (rs: typeof penguins) => rs.map((r) => ({ Island: r.Island, Sex: r.Sex, Bin: r.Species === 'Adelie' ? 'yes' : 'no' }));
    expectOhe(new OneHotEncoder({ drop: 'if_binary' }).fit(rows(penguins)), F.penguins.onehot_if_binary, rows(sub));
  });
  it('drop one given category per feature', () => {
    expectOhe(new OneHotEncoder({ drop: ['Adelie', 'Dream', 'FEMALE', 181] }).fit(penguins), F.penguins.onehot_drop_array, sub, true);
  });
  it("drop 'first' with handleUnknown 'ignore' warns about unknown categories and encodes them as zeros", () => {
    const seen: string[] = [];
    const prev = setWarningHandler((w) => seen.push(w.message));
    try {
      expectOhe(new OneHotEncoder({ drop: 'first', handleUnknown: 'ignore' }).fit(penguins), F.penguins.onehot_first_ignore, [...sub, ...unseen], true);
    } finally {
      setWarningHandler(prev);
    }
    expect(seen.some((m) => m.includes('Found unknown categories in columns [0, 1, 2, 3]'))).toBe(true);
  });
});

describe('None and NaN in one string column, as scikit-learn 1.2.1 (exact)', () => {
  const X = [['a'], [null], [NaN], ['b'], [undefined]];
  it('OneHotEncoder: two missing categories, None before nan, both last', () => {
    const enc = new OneHotEncoder().fit(X);
    expect(enc.categories_).toEqual([F.none_nan.onehot_categories.map(cell)]);
    expect(enc.getFeatureNamesOut()).toEqual(F.none_nan.onehot_names);
    expect(enc.transform(X).to2DArray()).toEqual(F.none_nan.onehot_transform);
  });
  it('OrdinalEncoder: None gets a code, NaN is encodedMissingValue', () => {
    expect(new OrdinalEncoder().fit(X).transform(X).to2DArray()).toEqual(cells(F.none_nan.ordinal_transform));
  });
});

for (const name of ['iris', 'wine'] as const) {
  describe(`OneHotEncoder infrequent categories on ${name}-derived columns vs scikit-learn 1.2.1 (exact)`, () => {
    const d = F[name];
    for (const [key, c] of Object.entries(d.cases)) {
      if (key === 'ordinal_nan_unknown') continue;
      const oc = c as OheCase;
      it(key, () => {
        const o = oc.options as Record<string, unknown>;
        const options: Partial<OneHotEncoderOptions> = {
          minFrequency: (o.min_frequency as number | undefined) ?? null,
          maxCategories: (o.max_categories as number | undefined) ?? null,
          drop: (o.drop as OneHotEncoderOptions['drop'] | undefined) ?? null,
          handleUnknown: o.handle_unknown as OneHotEncoderOptions['handleUnknown'],
        };
        const enc = new OneHotEncoder(options).fit(d.X);
        quietly(() => expectOhe(enc, oc, d.test));
      });
    }
    it("OrdinalEncoder with unknownValue NaN: transform and inverse", () => {
      const enc = new OrdinalEncoder({ handleUnknown: 'use_encoded_value', unknownValue: NaN }).fit(d.X);
      const T = enc.transform(d.test);
      expect(T.to2DArray()).toEqual(cells(d.cases.ordinal_nan_unknown.transform));
      expect(enc.inverseTransform(T)).toEqual(cells(d.cases.ordinal_nan_unknown.inverse));
    });
  });
}

describe('OrdinalEncoder vs scikit-learn 1.2.1 on penguins records (exact)', () => {
  it('categories, codes (NaN for the missing flipper length), inverse', () => {
    const enc = new OrdinalEncoder().fit(penguins);
    expect(enc.categories_).toEqual(cells(F.penguins.ordinal.categories));
    const T = enc.transform(sub);
    expect(T.to2DArray()).toEqual(cells(F.penguins.ordinal.transform));
    expect(enc.inverseTransform(T)).toEqual(cells(F.penguins.ordinal.inverse));
    expect(enc.getFeatureNamesOut()).toEqual(COLS);
  });
  it("unknownValue -1 and encodedMissingValue -2", () => {
    const enc = new OrdinalEncoder({ handleUnknown: 'use_encoded_value', unknownValue: -1, encodedMissingValue: -2 }).fit(penguins);
    const T = enc.transform([...sub, ...unseen]);
    expect(T.to2DArray()).toEqual(cells(F.penguins.ordinal_unknown.transform));
    expect(enc.inverseTransform(T)).toEqual(cells(F.penguins.ordinal_unknown.inverse));
  });
});

describe('encoders: bad input is a ValidationError and nothing is mutated', () => {
  const rows = [['a', 1], ['b', 2], ['a', 3]];
  const frozen = JSON.stringify(rows);
  it("unseen category with handleUnknown 'error' names the column and the category", () => {
    const enc = new OneHotEncoder().fit(penguins);
    expect(() => enc.transform(unseen)).toThrow(ValidationError);
    expect(() => enc.transform(unseen)).toThrow(/unknown categories \['Dodo'\] in 'Species' \(column 0\) during transform/);
    const ord = new OrdinalEncoder().fit(rows);
    expect(() => ord.transform([['c', 1]])).toThrow(/unknown categories \['c'\] in column 0/);
  });
  it('a column mixing numbers and strings', () => {
    expect(() => new OneHotEncoder().fit([['a'], [1]])).toThrow(ValidationError);
    expect(() => new OrdinalEncoder().fit([{ c: 'x' }, { c: 2 }])).toThrow(/values of one type in 'c' \(column 0\)/);
  });
  it('categories given for the wrong number of columns, unsorted numeric categories, data outside given categories', () => {
    expect(() => new OneHotEncoder({ categories: [['a', 'b']] }).fit(rows)).toThrow(/one list of categories per feature \(2\)/);
    expect(() => new OneHotEncoder({ categories: [['a', 'b'], [3, 1, 2]] }).fit(rows)).toThrow(/unsorted categories/);
    expect(() => new OneHotEncoder({ categories: [['a'], [1, 2, 3]] }).fit(rows)).toThrow(/unknown categories \['b'\] in column 0 during fit/);
    const enc = new OneHotEncoder({ categories: [['b', 'a', 'z'], [1, 2, 3]] }).fit(rows);
    expect(enc.getFeatureNamesOut()).toEqual(['x0_b', 'x0_a', 'x0_z', 'x1_1', 'x1_2', 'x1_3']);
  });
  it('inverseTransform on the wrong width', () => {
    const enc = new OneHotEncoder().fit(rows);
    expect(() => enc.inverseTransform([[1, 0, 0]])).toThrow(ValidationError);
    const ord = new OrdinalEncoder().fit(rows);
    expect(() => ord.inverseTransform([[0, 0, 0]])).toThrow(ValidationError);
    expect(() => ord.inverseTransform([[5, 0]])).toThrow(/codes in \[0, 1\]/);
  });
  it('invalid options and option combinations', () => {
    expect(() => new OneHotEncoder({ handleUnknown: 'warn' as never })).toThrow(ValidationError);
    expect(() => new OneHotEncoder({ minFrequency: 0 })).toThrow(ValidationError);
    expect(() => new OrdinalEncoder({ unknownValue: 0.5 })).toThrow(ValidationError);
    expect(() => new OrdinalEncoder({ handleUnknown: 'use_encoded_value' }).fit(rows)).toThrow(/unknownValue/);
    expect(() => new OrdinalEncoder({ unknownValue: -1 }).fit(rows)).toThrow(/unknownValue/);
    expect(() => new OrdinalEncoder({ handleUnknown: 'use_encoded_value', unknownValue: 1 }).fit(rows)).toThrow(/no known category uses/);
    expect(() => new OrdinalEncoder({ encodedMissingValue: 0 }).fit([[1], [NaN]])).toThrow(/encodedMissingValue/);
    expect(() => new OneHotEncoder({ drop: ['a'] }).fit(rows)).toThrow(/one category per feature/);
    expect(() => new OneHotEncoder({ drop: ['q', 1] }).fit(rows)).toThrow(/'q' in column 0/);
    expect(() => new OneHotEncoder({ minFrequency: 2, drop: ['b', 1] }).fit(rows)).toThrow(/infrequent/);
  });
  it('a failed fit keeps the fitted model, and the input is never mutated', () => {
    const enc = new OneHotEncoder().fit(rows);
    const before = enc.transform(rows).to2DArray();
    expect(() => enc.fit([['a', 'x'], [1, 2]])).toThrow(ValidationError);
    expect(enc.transform(rows).to2DArray()).toEqual(before);
    expect(JSON.stringify(rows)).toBe(frozen);
  });
  it('all-zero rows cannot be inverted without drop or handleUnknown ignore', () => {
    const enc = new OneHotEncoder().fit(rows);
    expect(() => enc.inverseTransform([[0, 0, 1, 0, 0]])).toThrow(/cannot be inverted/);
  });
});

describe('encoders: save and load, records, string ordering', () => {
  it('a loaded OneHotEncoder transforms bit for bit (NaN and None categories survive JSON)', () => {
    const enc = new OneHotEncoder({ handleUnknown: 'ignore', minFrequency: 5 }).fit(penguins);
    const again = loadModel<OneHotEncoder>(JSON.stringify(enc));
    expect(again.transform(sub).to2DArray()).toEqual(enc.transform(sub).to2DArray());
    expect(again.categories_).toEqual(enc.categories_);
  });
  it('strings sort by code point, as numpy does (not by UTF-16 unit)', () => {
    const enc = new OneHotEncoder().fit([['\u{1F600}'], ['\uFF5E'], ['B'], ['a']]);
    expect(enc.categories_).toEqual([['B', 'a', '\uFF5E', '\u{1F600}']]);
  });
  it('booleans are categories False < True; a matrix is read as numbers', () => {
    expect(new OneHotEncoder().fit([[true], [false]]).getFeatureNamesOut()).toEqual(['x0_False', 'x0_True']);
    const enc = new OrdinalEncoder().fit(new Matrix([[3, 1], [2, NaN]]));
    expect(enc.categories_).toEqual([[2, 3], [1, NaN]]);
  });
});
