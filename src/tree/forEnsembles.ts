/**
 * The tree family's pieces that the tree ensembles (src/ensemble) build on, as a public module of
 * the family: the options every tree takes and their rules, their resolution against the data,
 * the builder's float32 input, and the load-time rule of a fitted tree.
 */
export { baseTreeDefaults, baseTreeSchema, builderWeights, resolveTreeOptions, treeColumns, treeRule } from './_treeCommon';
export type { BaseTreeOptions, TreeState } from './_treeCommon';
