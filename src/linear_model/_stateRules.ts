/** Fitted-state rules the linear models share (see `core/stateSchema.ts`). */
import {
  bool,
  float64Array,
  int,
  labels,
  nFeaturesIn,
  numberValue,
  perFeature,
  refine,
  resolveLength,
  type StateContext,
} from '../core/stateSchema';

/** The number of coefficient rows of a linear classifier: one for two classes, else one per class. */
export function classifierRows(ctx: StateContext): number {
  const K = resolveLength('nClasses', ctx);
  return K === 2 ? 1 : K;
}

/** `coef` (rows × nFeaturesIn, flat) and `intercept` (one per row), rows given by `rows`. */
function coefRows(rows: (ctx: StateContext) => number) {
  return {
    coef: float64Array({ length: (c) => rows(c) * (c.state.nFeaturesIn as number) }),
    intercept: float64Array({ length: rows }),
  };
}

/** A single-target linear regressor: one coefficient per feature and a scalar intercept. */
export const linearRegressorState = { nFeaturesIn: /* @__PURE__ */ nFeaturesIn(), coef: /* @__PURE__ */ perFeature(), intercept: /* @__PURE__ */ numberValue() } as const;

/** A linear classifier: sorted distinct classes and one coefficient row per binary problem. */
export const linearClassifierState = { nFeaturesIn: nFeaturesIn(), classes: labels(), ...coefRows(classifierRows) } as const;

/** A multi-target linear model (Ridge, RidgeCV): `nTargets` coefficient rows (one when `oneD`). */
export const multiTargetState = {
  nFeaturesIn: nFeaturesIn(),
  oneD: bool(),
  nTargets: refine(int({ min: 1 }), '1 when oneD', (v: number, { state }) => state.oneD !== true || v === 1),
  ...coefRows((c) => c.state.nTargets as number),
} as const;
