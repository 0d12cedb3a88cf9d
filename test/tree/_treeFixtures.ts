/** What the tree tests share: a fitted tree's node arrays in the fixtures' form, and their comparison. */
import { expect } from 'vitest';
import { expectClose } from '../helpers';

/** A tree's node arrays as the fixtures hold them (scikit-learn's `tree_`, value one row per node). */
export interface TreeFx {
  childrenLeft: number[];
  childrenRight: number[];
  feature: number[];
  threshold: number[];
  impurity: number[];
  nNodeSamples: number[];
  value: number[][];
}

/** The tree's arrays in the fixture's form, read from the model's saved state. */
export function treeOf(m: { toJSON(): { state: unknown } }): TreeFx {
  const t = (m.toJSON().state as { tree: Record<string, { values: number[] } | number> }).tree;
  const arr = (k: string): number[] => (t[k] as { values: number[] }).values;
  const K = t.nValues as number;
  const v = arr('value');
  return {
    childrenLeft: arr('childrenLeft'),
    childrenRight: arr('childrenRight'),
    feature: arr('feature'),
    threshold: arr('threshold'),
    impurity: arr('impurity'),
    nNodeSamples: arr('nNodeSamples'),
    value: Array.from({ length: v.length / K }, (_, i) => v.slice(i * K, (i + 1) * K)),
  };
}

/** The same tree node for node (scikit-learn marks leaves with feature -2 and threshold -2, as we do). */
export function expectSameTree(actual: TreeFx, expected: TreeFx, rtol: number): void {
  expect(actual.childrenLeft).toEqual(expected.childrenLeft);
  expect(actual.childrenRight).toEqual(expected.childrenRight);
  expect(actual.feature).toEqual(expected.feature);
  expect(actual.nNodeSamples).toEqual(expected.nNodeSamples);
  expect(actual.threshold).toEqual(expected.threshold);
  expectClose(actual.impurity, expected.impurity, rtol, 1e-12);
  expectClose(actual.value, expected.value, rtol, 1e-12);
}
