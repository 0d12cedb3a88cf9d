/**
 * Checks of input handling: feature count, NaN, Infinity, empty and ragged X, y length, no
 * mutation, input types, determinism and state kept through a failed fit.
 */
import { Matrix } from 'ml-matrix';
import { assert, expectOk, expectValidationError, exactDifference, fail, firstDifference } from './_assert';
import type { CheckDef } from './_check';
import { isTypedArray } from '../core/typedArray';
import { call, hasMethod, outputsDifference, type CheckContext, type Est } from './_context';

function withCell(X: number[][], i: number, j: number, v: number): number[][] {
  return X.map((r, k) => (k === i ? r.map((x, l) => (l === j ? v : x)) : r.slice()));
}

/** Every supported method that takes X (and score with y), called on `X`, each expecting a ValidationError. */
function expectEachRejects(ctx: CheckContext, est: Est, X: unknown, what: string, code?: string): void {
  for (const m of ctx.xMethods()) expectValidationError(() => call(est, m, X), `${m}(X) with ${what}`, code);
  if (ctx.supported().has('score') && ctx.data.ytest !== undefined) {
    const n = Array.isArray(X) ? X.length : ctx.data.ytest.length;
    const y = ctx.data.ytest.slice(0, Math.max(n, 1));
    expectValidationError(() => call(est, 'score', X, y), `score(X, y) with ${what}`, code);
  }
}

const featureMismatch: CheckDef = {
  name: 'feature_mismatch',
  run(ctx) {
    const est = ctx.fitted();
    const { Xtest } = ctx.data;
    const p = Xtest[0].length;
    const wider = Xtest.map((r) => [...r, 1]);
    expectEachRejects(ctx, est, wider, `${p + 1} features after fitting on ${p}`, 'feature_mismatch');
    if (p > 1) expectEachRejects(ctx, est, Xtest.map((r) => r.slice(1)), `${p - 1} features after fitting on ${p}`, 'feature_mismatch');
  },
};

const nanInput: CheckDef = {
  name: 'nan_input',
  run(ctx) {
    const { X, Xtest } = ctx.data;
    // NaN in the same feature at fit and at predict time (a missing indicator may reject new ones).
    const Xnan = withCell(X, 1, 1, NaN);
    const XtestNaN = withCell(Xtest, 0, 1, NaN);
    if (ctx.tags.allowNaN) {
      const est = ctx.seeded();
      expectOk(() => ctx.fit(est, Xnan), 'fit with NaN in X (the allowNaN tag says missing values are accepted)');
      for (const m of ctx.xMethods()) expectOk(() => call(est, m, XtestNaN), `${m}(X) with NaN in X (allowNaN tag)`);
      return;
    }
    expectValidationError(() => ctx.fit(ctx.seeded(), Xnan), 'fit with NaN in X (the estimator does not have the allowNaN tag)');
    expectEachRejects(ctx, ctx.fitted(), XtestNaN, 'NaN in X (no allowNaN tag)');
  },
};

const infiniteInput: CheckDef = {
  name: 'infinite_input',
  run(ctx) {
    const { X, Xtest } = ctx.data;
    for (const inf of [Infinity, -Infinity]) {
      expectValidationError(() => ctx.fit(ctx.seeded(), withCell(X, 2, 1, inf)), `fit with ${inf} in X`);
      expectEachRejects(ctx, ctx.fitted(), withCell(Xtest, 1, 0, inf), `${inf} in X`);
    }
  },
};

const emptyInput: CheckDef = {
  name: 'empty_input',
  run(ctx) {
    const y = ctx.data.y === undefined ? undefined : [];
    expectValidationError(() => ctx.fit(ctx.seeded(), [], y), 'fit with an empty X');
    expectValidationError(() => ctx.fit(ctx.seeded(), ctx.data.X.map(() => [])), 'fit with X of 0 features');
    expectEachRejects(ctx, ctx.fitted(), [], 'an empty X');
  },
};

const raggedInput: CheckDef = {
  name: 'ragged_input',
  run(ctx) {
    const ragged = (X: number[][]) => X.map((r, i) => (i === 1 ? r.slice(0, -1) : r.slice()));
    expectValidationError(() => ctx.fit(ctx.seeded(), ragged(ctx.data.X)), 'fit with a ragged X (row 1 shorter)');
    expectEachRejects(ctx, ctx.fitted(), ragged(ctx.data.Xtest), 'a ragged X (row 1 shorter)');
  },
};

const yLengthMismatch: CheckDef = {
  name: 'y_length_mismatch',
  applies: (tags) => tags.requiresY,
  run(ctx) {
    const { X, y } = ctx.data;
    assert(y !== undefined, 'the estimator requires y');
    expectValidationError(() => ctx.fit(ctx.seeded(), X, y.slice(1)), `fit with ${X.length} samples in X and ${y.length - 1} in y`);
    expectValidationError(() => ctx.fit(ctx.seeded(), X, [...y, y[0]]), `fit with ${X.length} samples in X and ${y.length + 1} in y`);
  },
};

type Form = 'number[][]' | 'Float64Array rows' | 'Matrix';
const FORMS: Form[] = ['number[][]', 'Float64Array rows', 'Matrix'];

function asForm(X: number[][], form: Form): unknown {
  if (form === 'Float64Array rows') return X.map((r) => Float64Array.from(r));
  if (form === 'Matrix') return new Matrix(X);
  return X.map((r) => r.slice());
}

function snapshot(X: unknown): unknown {
  if (X instanceof Matrix) return X.to2DArray();
  if (Array.isArray(X)) return X.map((r) => (isTypedArray(r) ? Array.from(r) : Array.isArray(r) ? r.slice() : r));
  return X;
}

const noInputMutation: CheckDef = {
  name: 'no_input_mutation',
  run(ctx) {
    for (const form of FORMS) {
      const X = asForm(ctx.data.X, form);
      const Xtest = asForm(ctx.data.Xtest, form);
      const y = ctx.data.y?.slice();
      const before = { X: snapshot(X), Xtest: snapshot(Xtest), y: y?.slice() };
      const same = (what: string) => {
        const d = firstDifference({ X: snapshot(X), Xtest: snapshot(Xtest), y: y?.slice() }, before);
        if (d) fail(`${what} mutated its input (${form}): ${d}`);
      };
      const est = ctx.seeded();
      ctx.fit(est, X, y);
      same('fit');
      for (const m of ctx.xMethods()) {
        call(est, m, Xtest);
        same(m);
      }
      if (ctx.supported().has('score') && ctx.data.ytest) {
        const yt = ctx.data.ytest.slice();
        call(est, 'score', Xtest, yt);
        const d = firstDifference(yt, ctx.data.ytest);
        if (d) fail(`score mutated y: ${d}`);
        same('score');
      }
      if (ctx.supported().has('transform') && hasMethod(est, 'fitTransform')) {
        call(ctx.seeded(), 'fitTransform', X, y);
        same('fitTransform');
      }
    }
  },
};

const inputTypes: CheckDef = {
  name: 'input_types',
  run(ctx) {
    const est = ctx.fitted();
    const ref = ctx.outputs(est);
    for (const form of FORMS) {
      const d = outputsDifference(ref, ctx.outputs(est, asForm(ctx.data.Xtest, form)), exactDifference);
      if (d) fail(`outputs for X given as ${form} differ from those for number[][]: ${d}`);
    }
    if (ctx.tags.nonDeterministic) return;
    for (const form of FORMS) {
      const other = ctx.seeded();
      ctx.fit(other, asForm(ctx.data.X, form));
      const d = outputsDifference(ref, ctx.outputs(other), exactDifference);
      if (d) fail(`a model fitted on X given as ${form} differs from the reference model fitted on number[][] (same options, same data): ${d}`);
    }
  },
};

const determinism: CheckDef = {
  name: 'determinism',
  applies: (tags) => !tags.nonDeterministic,
  run(ctx) {
    const seeded = ctx.hasRandomState() ? ' and the same randomState' : '';
    const a = ctx.fitted();
    const b = ctx.fitted();
    const d = outputsDifference(ctx.outputs(a), ctx.outputs(b), exactDifference);
    if (d) fail(`two fits with the same options${seeded} gave different results: ${d}`);
    const before = ctx.outputs(a);
    ctx.fit(a);
    const d2 = outputsDifference(before, ctx.outputs(a), exactDifference);
    if (d2) fail(`fitting the same instance again on the same data gave different results (state leaking between fits?): ${d2}`);
  },
};

const failedFitKeepsState: CheckDef = {
  name: 'failed_fit_keeps_state',
  run(ctx) {
    const est = ctx.fitted();
    const before = ctx.outputs(est);
    const { X, y } = ctx.data;
    const bad: Array<[string, unknown, unknown]> = [
      ['Infinity in X', withCell(X, 0, 0, Infinity), y],
      ['a ragged X', X.map((r, i) => (i === 2 ? r.slice(0, -1) : r)), y],
      ['an empty X', [], y === undefined ? undefined : []],
    ];
    if (y !== undefined && ctx.tags.requiresY) bad.push(['y of the wrong length', X, y.slice(1)]);
    for (const [what, Xb, yb] of bad) {
      expectValidationError(() => ctx.fit(est, Xb, yb), `fit with ${what}`);
      assert(est.isFitted(), `after a failed fit (${what}), isFitted() must still be true`);
      const after = expectOk(() => ctx.outputs(est), `using the model after a failed fit (${what})`);
      const d = outputsDifference(before, after, exactDifference);
      if (d) fail(`a failed fit (${what}) changed the fitted model (fit must replace its state only at the end): ${d}`);
    }
  },
};

/** The input-handling checks. */
export const inputChecks: CheckDef[] = [
  featureMismatch,
  nanInput,
  infiniteInput,
  emptyInput,
  raggedInput,
  yLengthMismatch,
  noInputMutation,
  inputTypes,
  determinism,
  failedFitKeepsState,
];
