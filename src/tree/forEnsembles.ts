/**
 * What the tree family offers the ensembles (src/ensemble): the trees' shared options and their
 * rules, how they resolve against the data, the builder's input and weights, and the state rule
 * of a fitted tree. They live in the family's private `_treeCommon.ts`; this public module is the
 * one door the other family goes through.
 */
export { baseTreeDefaults, baseTreeSchema, builderWeights, checkSplitter, resolveTreeOptions, targetScale, treeColumns, treeRule } from './_treeCommon';
export type { BaseTreeOptions, TreeState } from './_treeCommon';
