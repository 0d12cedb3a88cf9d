/** Pipeline's verbose lines go through the warning handler, not straight to the console. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setWarningHandler, VerboseMessage, type TypelearnWarning } from '../../src/core/errors';
import { LinearRegression } from '../../src/linear_model/LinearRegression';
import { Pipeline } from '../../src/pipeline/Pipeline';
import { StandardScaler } from '../../src/preprocessing/StandardScaler';

const X = [[1, 2], [2, 1], [3, 5], [4, 2]];
const y = [1, 2, 3, 4];

afterEach(() => {
  setWarningHandler(undefined);
  vi.restoreAllMocks();
});

describe('Pipeline verbose', () => {
  it('reports each step as a VerboseMessage to the handler', () => {
    const seen: TypelearnWarning[] = [];
    setWarningHandler((w) => seen.push(w));
    const log = vi.spyOn(console, 'log');
    new Pipeline({ steps: [['scale', new StandardScaler()], ['ols', new LinearRegression()]], verbose: true }).fit(X, y);
    expect(log).not.toHaveBeenCalled();
    expect(seen.map((w) => [w.constructor, w.code, w.estimator])).toEqual([
      [VerboseMessage, 'verbose', 'Pipeline'],
      [VerboseMessage, 'verbose', 'Pipeline'],
    ]);
    expect(seen[0].message).toMatch(/^\[Pipeline\] \(step 1 of 2\) Processing scale, total=\d+\.\ds$/);
    expect(seen[1].message).toMatch(/^\[Pipeline\] \(step 2 of 2\) Processing ols, total=/);
  });

  it('the default handler prints the line with console.log; quiet without verbose', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    new Pipeline([['scale', new StandardScaler()], ['ols', new LinearRegression()]]).fit(X, y);
    expect(log).not.toHaveBeenCalled();
    new Pipeline({ steps: [['scale', new StandardScaler()], ['ols', new LinearRegression()]], verbose: true }).fit(X, y);
    expect(log).toHaveBeenCalledTimes(2);
    expect(log.mock.calls[0][0]).toMatch(/^\[Pipeline\] \(step 1 of 2\) Processing scale/);
  });
});
