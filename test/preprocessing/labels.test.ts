/** LabelEncoder and LabelBinarizer against scikit-learn 1.2.1, plus the contract checks the 2-d suite skips for them. */
import { describe, expect, it } from 'vitest';
import { LabelBinarizer, LabelEncoder, NotFittedError, ValidationError, loadModel } from '../../src/index';
import { fixture } from '../helpers';

interface Labels {
  species: string[];
  le_classes: string[];
  le_transform: number[];
  lb_transform: number[][];
  lb_inverse: string[];
  lb2_transform: number[][];
  lb2_inverse: string[];
  lb2_inverse_t06: string[];
}
const F = fixture<{ labels: Labels }>('preprocessing/encoders.json').labels;
const allSpecies = ['Adelie', 'Gentoo', 'Chinstrap', 'Adelie'];

describe('LabelEncoder vs scikit-learn 1.2.1 (exact)', () => {
  it('classes_, transform and inverseTransform on penguin species', () => {
    const le = new LabelEncoder().fit(F.species.concat(allSpecies));
    expect(le.classes_).toEqual(F.le_classes);
    expect(le.transform(F.species)).toEqual(F.le_transform);
    expect(le.inverseTransform(F.le_transform)).toEqual(F.species);
    expect(new LabelEncoder().fitTransform([10, 2, 33, 2])).toEqual([1, 0, 2, 0]);
  });
  it('unseen labels and bad codes are ValidationErrors; nothing is mutated', () => {
    const y = ['b', 'a'];
    const le = new LabelEncoder().fit(y);
    expect(() => le.transform(['a', 'zz'])).toThrow(/previously unseen labels \['zz'\]/);
    expect(() => le.inverseTransform([0, 2])).toThrow(ValidationError);
    expect(() => le.inverseTransform([0.5])).toThrow(ValidationError);
    expect(() => new LabelEncoder().fit(['a', 1])).toThrow(ValidationError);
    expect(y).toEqual(['b', 'a']);
  });
  it('not fitted, clone, save and load', () => {
    const le = new LabelEncoder();
    expect(() => le.classes_).toThrow(NotFittedError);
    expect(() => le.transform(['a'])).toThrow(NotFittedError);
    le.fit(['x', 'y']);
    expect(le.clone().isFitted()).toBe(false);
    const again = loadModel<LabelEncoder>(JSON.stringify(le));
    expect(again.transform(['y', 'x'])).toEqual([1, 0]);
  });
});

describe('LabelBinarizer vs scikit-learn 1.2.1 (exact)', () => {
  it('multiclass with negLabel -1, posLabel 2; inverse by argmax', () => {
    const lb = new LabelBinarizer({ negLabel: -1, posLabel: 2 }).fit(F.species.concat(allSpecies));
    expect(lb.yType_).toBe('multiclass');
    expect(lb.transform(F.species).to2DArray()).toEqual(F.lb_transform);
    expect(lb.inverseTransform([[0.1, 0.5, 0.3], [3, -1, 2]])).toEqual(F.lb_inverse);
  });
  it('binary: one column, unseen labels negative, inverse by threshold', () => {
    const lb = new LabelBinarizer().fit(['no', 'yes', 'no']);
    expect(lb.yType_).toBe('binary');
    // scikit-learn returns two columns here because the labels given to transform hold three
    // distinct values; typelearn keeps the one column of a binary fit, scikit-learn's last column.
    expect(lb.transform(['yes', 'no', 'maybe']).to2DArray()).toEqual(F.lb2_transform.map((r) => [r[r.length - 1]]));
    expect(lb.inverseTransform([[0.2], [0.7], [0.5]])).toEqual(F.lb2_inverse);
    expect(lb.inverseTransform([[0.2], [0.7], [0.5]], 0.6)).toEqual(F.lb2_inverse_t06);
  });
  it('one class gives a column of negLabel; bad options and widths are ValidationErrors', () => {
    expect(new LabelBinarizer().fit(['a', 'a']).transform(['a']).to2DArray()).toEqual([[0]]);
    expect(() => new LabelBinarizer({ negLabel: 1, posLabel: 1 }).fit(['a', 'b'])).toThrow(/strictly less than posLabel/);
    const lb = new LabelBinarizer().fit(['a', 'b', 'c']);
    expect(() => lb.inverseTransform([[1, 0]])).toThrow(ValidationError);
    expect(() => new LabelBinarizer().transform(['a'])).toThrow(NotFittedError);
    const again = loadModel<LabelBinarizer>(JSON.stringify(lb));
    expect(again.transform(['c']).to2DArray()).toEqual([[0, 0, 1]]);
  });
});
