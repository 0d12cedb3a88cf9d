/** BaseClassifier#score counts matches itself (not through accuracyScore) with accuracyScore's checks. */
import { describe, expect, it } from 'vitest';
import { LogisticRegression, ValidationError, accuracyScore } from '../../src/index';

const X = [[0], [1], [2], [3], [4], [5]];
const y = ['a', 'a', 'b', 'a', 'b', 'b'];

describe('classifier score', () => {
  const clf = new LogisticRegression().fit(X, y);
  const pred = clf.predict(X);

  it('equals accuracyScore, with and without weights', () => {
    const w = [1, 2, 3, 4, 5, 6];
    expect(clf.score(X, y)).toBe(accuracyScore(y, pred));
    expect(clf.score(X, y, w)).toBe(accuracyScore(y, pred, { sampleWeight: w }));
    expect(clf.score(X, y)).toBeLessThan(1);
  });

  it('refuses what accuracyScore refuses, naming the estimator', () => {
    const num = new LogisticRegression().fit(X, [0, 0, 1, 0, 1, 1]);
    expect(() => num.score(X, [0, 0, 1.5, 0, 1, 1])).toThrow(/LogisticRegression.*continuous/);
    expect(() => clf.score(X, [0, 0, 1, 0, 1, 1])).toThrow(/LogisticRegression.*labels of the type the model predicts \(string\)/);
    expect(() => clf.score(X, y.slice(1))).toThrow(ValidationError);
    expect(() => clf.score(X, y, [0, 0, 0, 0, 0, 0])).toThrow(/positive sum/);
    expect(() => clf.score(X, y, [1, 1, -1, 1, 1, 1])).toThrow(/non-negative/);
  });
});
