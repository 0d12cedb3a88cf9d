import { describe, expect, expectTypeOf, it } from 'vitest';
import { LinearRegression, LogisticRegression, Pipeline, StandardScaler, makePipeline, type Label, type PipelineStepEstimator } from '../../src/index';

const X = [[0, 1], [1, 0], [2, 1], [3, 0], [4, 1], [5, 0]];
const yStr: string[] = ['a', 'a', 'a', 'b', 'b', 'b'];
const yNum = [0.5, 1, 2, 2.5, 4, 5.5];

describe('Pipeline types', () => {
  it('types namedSteps and predict by the steps, without as const', () => {
    const pipe = new Pipeline([
      ['scale', new StandardScaler()],
      ['clf', new LogisticRegression()],
    ]);
    expectTypeOf(pipe.namedSteps.clf).toEqualTypeOf<LogisticRegression>();
    expectTypeOf(pipe.namedSteps.scale).toEqualTypeOf<StandardScaler>();
    const fitted = pipe.fit(X, yStr);
    expectTypeOf(fitted.predict(X)).toEqualTypeOf<string[]>();
    expectTypeOf(fitted.classes_).toEqualTypeOf<string[]>();
    expectTypeOf(fitted.namedSteps.clf.coef_).toEqualTypeOf<number[][]>();
    // @ts-expect-error no step is named 'svc'
    void fitted.namedSteps.svc;
    expect(fitted.predict(X)).toEqual(['a', 'a', 'a', 'b', 'b', 'b']);
    expect(fitted.namedSteps.clf.coef_[0]).toHaveLength(2);
  });

  it('types a pipeline built as const and one of a typed classifier', () => {
    const steps = [['scale', new StandardScaler()], ['clf', new LogisticRegression<'a' | 'b'>()]] as const;
    const pipe = new Pipeline(steps);
    expectTypeOf(pipe.predict).returns.toEqualTypeOf<('a' | 'b')[]>();
    expectTypeOf(pipe.namedSteps.clf).toEqualTypeOf<LogisticRegression<'a' | 'b'>>();
  });

  it('a regressor pipeline predicts numbers', () => {
    const pipe = new Pipeline([['scale', new StandardScaler()], ['ols', new LinearRegression()]]).fit(X, yNum);
    expectTypeOf(pipe.predict(X)).toEqualTypeOf<number[]>();
    expectTypeOf(pipe.namedSteps.ols.coef_).toEqualTypeOf<number[]>();
    // @ts-expect-error a LinearRegression has no classes_
    void pipe.namedSteps.ols.classes_;
  });

  it('makePipeline types predict by its last estimator', () => {
    const pipe = makePipeline(new StandardScaler(), new LinearRegression());
    expectTypeOf(pipe.predict).returns.toEqualTypeOf<number[]>();
    const clf = makePipeline(new StandardScaler(), new LogisticRegression()).fit(X, yStr);
    expectTypeOf(clf.predict(X)).toEqualTypeOf<string[]>();
    expect(clf.predict(X)).toEqual(yStr);
  });

  it('an untyped step list keeps the general types', () => {
    const steps: Array<[string, PipelineStepEstimator]> = [['ols', new LinearRegression()]];
    const pipe = new Pipeline(steps);
    expectTypeOf(pipe.namedSteps).toEqualTypeOf<{ [x: string]: PipelineStepEstimator }>();
    expectTypeOf(pipe.predict).returns.toEqualTypeOf<Label[] | number[]>();
    const assignable: Pipeline = new Pipeline([['s', new StandardScaler()], ['clf', new LogisticRegression()]]);
    void assignable;
  });
});
