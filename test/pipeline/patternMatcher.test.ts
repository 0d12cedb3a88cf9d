/** The linear-time matcher of ColumnSelector patterns answers as RegExp#test does on its subset. */
import fc from 'fast-check';
import { it } from 'vitest';
import { compilePattern } from '../../src/pipeline/_patternMatcher';

const atom = fc.constantFrom('a', 'b', '.', '\\d', '\\w', '\\s', '[ab]', '[^a]', '[a-c]', '\\.', '_', '1', 'x', '\\W', '[\\d_]');
const pattern: fc.Arbitrary<string> = fc.letrec((tie) => ({
  p: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    fc.tuple(tie('p'), tie('p')).map(([a, b]) => `${a}${b}`),
    fc.tuple(tie('p'), tie('p')).map(([a, b]) => `(?:${a}|${b})`),
    fc.tuple(tie('p'), fc.constantFrom('*', '+', '?', '{2}', '{1,3}', '{0,}', '*?', '+?')).map(([a, q]) => `(${a})${q}`),
    fc.tuple(atom, fc.constantFrom('*', '+', '?', '{2,3}')).map(([a, q]) => `${a}${q}`),
    tie('p').map((a) => `^${a}`),
    tie('p').map((a) => `${a}$`),
  ),
})).p;
const name = fc.array(fc.constantFrom('a', 'b', 'c', 'x', '_', '1', ' ', '.', '-', '\n'), { maxLength: 10 }).map((a) => a.join(''));
it('agrees with RegExp on generated patterns of the subset (groups, alternation, quantifiers, anchors)', () => {
  fc.assert(fc.property(pattern, fc.array(name, { minLength: 5, maxLength: 5 }), (p, names) => {
    const m = compilePattern(p);
    const re = new RegExp(p);
    for (const s of names) if (m.test(s) !== re.test(s)) throw new Error(`${p} on ${JSON.stringify(s)}`);
    return true;
  }), { numRuns: 3000, seed: 1 });
});
