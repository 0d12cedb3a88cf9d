/** loadModel's `classes` and `functions` options: loading without the global registry. */
import { describe, expect, it } from 'vitest';
import { BaseTransformer, BaseRegressor } from '../../src/core/base';
import type { ValidationError } from '../../src/core/errors';
import { loadModel, registeredEstimators } from '../../src/core/serialization';
import { checkArray, checkXy } from '../../src/core/validation';
import type { MatrixLike } from '../../src/core/types';
import { Pipeline } from '../../src/pipeline/Pipeline';
import { StandardScaler } from '../../src/preprocessing/StandardScaler';
import { FunctionTransformer } from '../../src/preprocessing/FunctionTransformer';
import { validationError } from '../helpers';

/** Two classes that are never registered, as in a bundle that dropped their registration. */
class Shift extends BaseTransformer<{ by: number }, { nFeaturesIn: number }> {
  static override readonly className = 'LoadOptionsShift';
  static override readonly defaults = { by: 1 };
  fit(X: MatrixLike) {
    this.state = { nFeaturesIn: checkArray(X).columns };
    return this;
  }
  transform(X: MatrixLike) {
    return checkArray(X).add(this.params.by);
  }
}
class MeanRegressor extends BaseRegressor<{ offset: number }, { mean: number }> {
  static override readonly className = 'LoadOptionsMean';
  static override readonly defaults = { offset: 0 };
  fit(X: MatrixLike, y: ArrayLike<number>) {
    const [, yv] = checkXy(X, y);
    this.state = { mean: this.params.offset + yv.reduce((a, b) => a + b, 0) / yv.length };
    return this;
  }
  predict(X: MatrixLike) {
    return new Array<number>(checkArray(X).rows).fill(this.state!.mean);
  }
}

const X = [[1, 2], [3, 4], [5, 7]];
const y = [1, 2, 6];
const saved = () => JSON.stringify(new Pipeline([['shift', new Shift({ by: 2 })], ['mean', new MeanRegressor()]]).fit(X, y));

const loadError = (json: string | object, options?: Parameters<typeof loadModel>[1]): ValidationError => validationError(() => loadModel(json, options));

describe('loadModel(json, { classes })', () => {
  it('the test classes are not registered', () => {
    expect(registeredEstimators().has('LoadOptionsShift')).toBe(false);
    expect(registeredEstimators().has('LoadOptionsMean')).toBe(false);
  });

  it('builds classes given in the option, nested ones too, and predicts what the saved model did', () => {
    const back = loadModel<Pipeline>(saved(), { classes: [Pipeline, Shift, MeanRegressor] });
    expect(back).toBeInstanceOf(Pipeline);
    expect(back.namedSteps.shift).toBeInstanceOf(Shift);
    expect(back.predict([[0, 0]])).toEqual([3]);
    expect((back.namedSteps.shift as Shift).getParams().by).toBe(2);
  });

  it('names every class it cannot build, where it first appears, and the option to pass', () => {
    const e = loadError(saved());
    expect(e.code).toBe('invalid_model');
    expect(e.message).toBe(
      "Cannot load model: unknown classNames 'LoadOptionsShift' at model.params.steps[0][1], 'LoadOptionsMean' at model.params.steps[1][1]. " +
        'Pass the classes the model holds, loadModel(json, { classes: [LoadOptionsShift, LoadOptionsMean] }) (bundlers drop a class a program ' +
        'imports but never uses), or call registerEstimator(YourClass) for your own estimators.',
    );
    expect(loadError(saved(), { classes: [Shift] }).message).toMatch(/^Cannot load model: unknown className 'LoadOptionsMean' at model\.params\.steps\[1\]\[1\]\./);
  });

  it('the registry still serves classes the option does not list (Node: importing a class registers it)', () => {
    const json = JSON.stringify(new Pipeline([['scale', new StandardScaler()]]).fit(X));
    expect(loadModel<Pipeline>(json).transform([[1, 2]]).to2DArray()).toEqual(new StandardScaler().fit(X).transform([[1, 2]]).to2DArray());
    expect(loadModel<Pipeline>(json, { classes: [] })).toBeInstanceOf(Pipeline);
  });

  it('the option applies to this call only', () => {
    loadModel(saved(), { classes: [Pipeline, Shift, MeanRegressor] });
    expect(loadError(saved()).message).toMatch(/unknown classNames 'LoadOptionsShift'/);
  });

  it('refuses malformed options with a ValidationError naming the option', () => {
    expect(loadError(saved(), { classes: [Shift, 42 as never] }).param).toBe('classes[1]');
    expect(loadError(saved(), { classes: 'Shift' as never }).param).toBe('classes');
    class Other extends Shift {
      static override readonly className = 'LoadOptionsShift';
    }
    expect(loadError(saved(), { classes: [Shift, Other] }).message).toMatch(/distinct classNames \('LoadOptionsShift' is given twice\)/);
    class Unnamed extends Shift {}
    expect(loadError(saved(), { classes: [Unnamed] }).param).toBe('classes[0]');
    expect(loadError(saved(), null as never).param).toBe('options');
    expect(loadError(saved(), { functions: { f: 1 as never } }).param).toBe('functions.f');
  });

  it('functions saved by name load from the functions option', () => {
    const twice = (v: number) => 2 * v;
    const model = JSON.parse(JSON.stringify(new FunctionTransformer())) as { params: Record<string, unknown> };
    model.params.func = { $fn: 'loadOptionsTwice' };
    const json = JSON.stringify(model);
    expect(loadError(json).message).toMatch(/a registered function name/);
    const back = loadModel<FunctionTransformer>(json, { functions: { loadOptionsTwice: twice } });
    expect(back.getParams().func).toBe(twice);
  });
});
