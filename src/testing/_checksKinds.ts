/** Checks specific to classifiers, regressors and transformers. */
import { r2Score } from '../metrics/r2Score';
import { compareLabels, isMatrix } from '../core/validation';
import type { Label } from '../core/types';
import { assert, brief, closeDifference, expectOk, expectValidationError, fail, firstDifference, flatten } from './_assert';
import type { CheckDef } from './_check';
import { call, hasMethod, type CheckContext, type Est } from './_context';
import { NUMERIC_LABELS, STRING_LABELS, relabel } from './_data';

const isClassifier = (t: { estimatorType: string }) => t.estimatorType === 'classifier';
const isRegressor = (t: { estimatorType: string }) => t.estimatorType === 'regressor';
const isTransformer = (t: { estimatorType: string }) => t.estimatorType === 'transformer';

function labelsFor(ctx: CheckContext, names: readonly Label[]): Label[] {
  const y = ctx.data.y;
  assert(y !== undefined, 'classifiers are fitted with y');
  return relabel(y, names.slice(0, ctx.tags.binaryOnly ? 2 : 3));
}

function classesOf(est: Est): Label[] {
  const c = expectOk(() => Reflect.get(est, 'classes_') as unknown, 'reading classes_ after fit');
  assert(Array.isArray(c), `classes_ must be an array; got ${brief(c)}`);
  return c as Label[];
}

function expectPredictionsAmong(est: Est, ctx: CheckContext, classes: Label[], type: string): void {
  const pred = call(est, 'predict', ctx.data.Xtest);
  assert(Array.isArray(pred), `predict must return an array of labels; got ${brief(pred)}`);
  assert(pred.length === ctx.data.Xtest.length, `predict must return one label per sample (${ctx.data.Xtest.length}); got ${pred.length}`);
  pred.forEach((p, i) => {
    assert(typeof p === type, `predict must return the labels as given (${type}s); got ${brief(p)} at index ${i}`);
    assert(classes.some((c) => Object.is(c, p)), `predict returned ${brief(p)} at index ${i}, which is not among classes_ [${classes.map(brief).join(', ')}]`);
  });
}

const classifierClasses: CheckDef = {
  name: 'classifier_classes',
  applies: isClassifier,
  run(ctx) {
    const y = labelsFor(ctx, NUMERIC_LABELS);
    const est = ctx.seeded();
    ctx.fit(est, ctx.data.X, y);
    const expected = [...new Set(y)].sort(compareLabels);
    const d = firstDifference(classesOf(est), expected);
    if (d) fail(`classes_ must hold the distinct labels sorted (numbers numerically) [${expected.join(', ')}]; got [${classesOf(est).map(brief).join(', ')}] (${d})`);
    expectPredictionsAmong(est, ctx, expected, 'number');
  },
};

const classifierStringLabels: CheckDef = {
  name: 'classifier_string_labels',
  applies: isClassifier,
  run(ctx) {
    const y = labelsFor(ctx, STRING_LABELS);
    const est = ctx.seeded();
    expectOk(() => ctx.fit(est, ctx.data.X, y), 'fit with string labels');
    const expected = [...new Set(y)].sort(compareLabels);
    const d = firstDifference(classesOf(est), expected);
    if (d) fail(`with string labels, classes_ must be [${expected.map(brief).join(', ')}]; got [${classesOf(est).map(brief).join(', ')}] (${d})`);
    expectPredictionsAmong(est, ctx, expected, 'string');
  },
};

const classifierSingleClass: CheckDef = {
  name: 'classifier_single_class',
  applies: isClassifier,
  run(ctx) {
    const y = ctx.data.X.map(() => 1);
    expectValidationError(() => ctx.fit(ctx.seeded(), ctx.data.X, y), 'fit with a single class in y');
  },
};

const classifierPredictProba: CheckDef = {
  name: 'classifier_predict_proba',
  applies: isClassifier,
  run(ctx) {
    if (!ctx.supported().has('predictProba')) return;
    const y = labelsFor(ctx, STRING_LABELS);
    const est = ctx.seeded();
    ctx.fit(est, ctx.data.X, y);
    const classes = classesOf(est);
    const P = call(est, 'predictProba', ctx.data.X);
    assert(isMatrix(P), `predictProba must return a Matrix; got ${brief(P)}`);
    const n = ctx.data.X.length;
    assert(P.rows === n && P.columns === classes.length, `predictProba must be ${n}x${classes.length} (samples x classes); got ${P.rows}x${P.columns}`);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < classes.length; k++) {
        const v = P.get(i, k);
        assert(v >= 0 && v <= 1, `predictProba values must be probabilities in [0, 1]; got ${brief(v)} at row ${i}, column ${k}`);
        s += v;
      }
      assert(Math.abs(s - 1) <= 1e-9, `predictProba rows must sum to 1 (within 1e-9); row ${i} sums to ${s}`);
    }
    // Column k belongs to classes_[k]: it is higher on that class's samples than on the others.
    for (let k = 0; k < classes.length; k++) {
      let inSum = 0;
      let inN = 0;
      let outSum = 0;
      let outN = 0;
      for (let i = 0; i < n; i++) {
        if (y[i] === classes[k]) {
          inSum += P.get(i, k);
          inN++;
        } else {
          outSum += P.get(i, k);
          outN++;
        }
      }
      assert(
        inSum / inN > outSum / outN,
        `predictProba column ${k} must follow classes_[${k}] = ${brief(classes[k])}: its mean on that class's samples (${(inSum / inN).toFixed(3)}) should exceed its mean on the others (${(outSum / outN).toFixed(3)})`,
      );
    }
    if (ctx.supported().has('predictLogProba')) {
      const L = flatten(call(est, 'predictLogProba', ctx.data.X));
      const expP = { shape: L.shape, values: L.values.map((v) => Math.exp(v as number)) };
      const d = closeDifference(expP, flatten(P), 1e-9);
      if (d) fail(`exp(predictLogProba) must equal predictProba (within 1e-9): ${d}`);
    }
  },
};

const regressorScore: CheckDef = {
  name: 'regressor_score_is_r2',
  applies: isRegressor,
  run(ctx) {
    const est = ctx.fitted();
    const { Xtest, ytest } = ctx.data;
    const s = call(est, 'score', Xtest, ytest);
    const r = r2Score(ytest as number[], call(est, 'predict', Xtest) as number[]);
    assert(typeof s === 'number' && Math.abs(s - r) <= 1e-12, `score(X, y) must be R² of predict(X) (${r}); got ${brief(s)}`);
  },
};

const transformerFitTransform: CheckDef = {
  name: 'transformer_fit_transform',
  applies: isTransformer,
  run(ctx) {
    const { X, y } = ctx.data;
    const a = ctx.seeded();
    assert(hasMethod(a, 'fitTransform'), `a transformer must have fitTransform (BaseTransformer provides it)`);
    const T1 = call(a, 'fitTransform', X, y);
    const b = ctx.seeded();
    ctx.fit(b);
    const T2 = call(b, 'transform', X);
    assert(isMatrix(T1), `fitTransform must return a Matrix; got ${brief(T1)}`);
    assert(isMatrix(T2), `transform must return a Matrix; got ${brief(T2)}`);
    assert(T2.rows === X.length, `transform must return one row per sample (${X.length}); got ${T2.rows}`);
    const d = closeDifference(flatten(T1), flatten(T2), 1e-12);
    if (d) fail(`fitTransform(X) must equal fit(X).transform(X) (within 1e-12): ${d}`);
    const d2 = closeDifference(flatten(call(a, 'transform', X)), flatten(T2), 1e-12);
    if (d2) fail(`after fitTransform, transform(X) must give the same as after fit: ${d2}`);
  },
};

const transformerFeatureNames: CheckDef = {
  name: 'transformer_feature_names_out',
  applies: isTransformer,
  run(ctx) {
    if (!ctx.supported().has('getFeatureNamesOut')) return;
    const est = ctx.fitted();
    const names = call(est, 'getFeatureNamesOut');
    assert(Array.isArray(names) && names.every((s) => typeof s === 'string'), `getFeatureNamesOut() must return an array of strings; got ${brief(names)}`);
    const T = call(est, 'transform', ctx.data.X);
    assert(isMatrix(T), `transform must return a Matrix; got ${brief(T)}`);
    assert(names.length === T.columns, `getFeatureNamesOut() must name every output column (${T.columns}); got ${names.length} names`);
  },
};

/** The checks for classifiers, regressors and transformers. */
export const kindChecks: CheckDef[] = [
  classifierClasses,
  classifierStringLabels,
  classifierSingleClass,
  classifierPredictProba,
  regressorScore,
  transformerFitTransform,
  transformerFeatureNames,
];
