/**
 * A linear-time matcher for the column-name patterns of {@link ColumnSelector}. JavaScript's RegExp
 * backtracks, so a pattern such as `^(a+)+$` takes time exponential in the name's length; a
 * pattern read from a saved model must not be able to stall the process. This matcher compiles a
 * regular-expression subset to a Thompson NFA and simulates it over the name's UTF-16 code units
 * (as RegExp without the `u` flag), so a search costs O(name length × pattern size).
 *
 * The subset, with RegExp's meaning (no flags): literals; `.`; `\d \D \w \W \s \S`; `\t \n \r \v
 * \f \0 \xHH \uHHHH` and escaped punctuation; classes `[...]`, `[^...]` with ranges; anchors `^`
 * and `$`; groups `(...)` and `(?:...)`; `|`; quantifiers `* + ? {n} {n,} {n,m}` (a trailing `?`,
 * laziness, does not change whether a name matches). Everything else (backreferences,
 * lookaround, `\b`, named groups, Unicode properties) is refused with a description of why.
 */

type CharTest = (c: number) => boolean;

type Node =
  | { kind: 'char'; test: CharTest }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'rep'; node: Node; min: number; max: number }
  | { kind: 'bol' }
  | { kind: 'eol' };

/** Why a pattern is outside the supported subset. */
export class UnsupportedPattern extends Error {}

/** The largest repetition count and NFA size accepted (a pattern is a column-name filter). */
const MAX_REPEAT = 1000;
const MAX_STATES = 20000;

const isLineTerminator = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
const isDigit: CharTest = (c) => c >= 48 && c <= 57;
const isWord: CharTest = (c) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const SPACES = new Set([9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);
const isSpace: CharTest = (c) => SPACES.has(c) || (c >= 0x2000 && c <= 0x200a);
const not = (t: CharTest): CharTest => (c) => !t(c);

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.src.length) throw new UnsupportedPattern(`unexpected '${this.src[this.i]}' at position ${this.i}`);
    return node;
  }

  private peek(): string | undefined {
    return this.src[this.i];
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { kind: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return { kind: 'seq', items };
  }

  private quantified(atom: Node): Node {
    const q = this.quantifier();
    if (!q) return atom;
    if (atom.kind === 'bol' || atom.kind === 'eol') throw new UnsupportedPattern('a quantifier after an anchor');
    if (this.peek() === '?') this.i++; // lazy: the same yes/no answer
    if (this.quantifier(true)) throw new UnsupportedPattern('a quantifier after a quantifier');
    return { kind: 'rep', node: atom, min: q[0], max: q[1] };
  }

  /** A quantifier at the cursor (consumed unless `peekOnly`), as [min, max]. */
  private quantifier(peekOnly = false): [number, number] | undefined {
    const c = this.peek();
    if (c === '*' || c === '+' || c === '?') {
      if (!peekOnly) this.i++;
      return c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    }
    if (c !== '{') return undefined;
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i));
    if (!m) return undefined; // a literal '{', as RegExp reads it
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) throw new UnsupportedPattern(`a repetition count above ${MAX_REPEAT}`);
    if (max < min) throw new UnsupportedPattern('a repetition {n,m} with m < n');
    if (!peekOnly) this.i += m[0].length;
    return [min, max];
  }

  private atom(): Node {
    const c = this.src[this.i++];
    switch (c) {
      case '^':
        return { kind: 'bol' };
      case '$':
        return { kind: 'eol' };
      case '.':
        return { kind: 'char', test: not(isLineTerminator) };
      case '(': {
        if (this.peek() === '?') {
          if (this.src[this.i + 1] !== ':') throw new UnsupportedPattern('lookaround or named groups');
          this.i += 2;
        }
        const inner = this.alternation();
        if (this.peek() !== ')') throw new UnsupportedPattern('an unclosed group');
        this.i++;
        return inner;
      }
      case ')':
        throw new UnsupportedPattern('an unmatched )');
      case '[':
        return { kind: 'char', test: this.charClass() };
      case '\\':
        return { kind: 'char', test: this.escape(false) };
      case '*':
      case '+':
      case '?':
        throw new UnsupportedPattern('a quantifier with nothing to repeat');
      case '{':
        if (this.quantifier(true)) throw new UnsupportedPattern('a quantifier with nothing to repeat');
        return literal(c);
      default:
        return literal(c);
    }
  }

  /** An escape after the backslash: a set of characters (in a class, `\b` is refused too). */
  private escape(inClass: boolean): CharTest {
    const c = this.src[this.i++];
    if (c === undefined) throw new UnsupportedPattern('a trailing backslash');
    switch (c) {
      case 'd':
        return isDigit;
      case 'D':
        return not(isDigit);
      case 'w':
        return isWord;
      case 'W':
        return not(isWord);
      case 's':
        return isSpace;
      case 'S':
        return not(isSpace);
      case 't':
        return eq(9);
      case 'n':
        return eq(10);
      case 'v':
        return eq(11);
      case 'f':
        return eq(12);
      case 'r':
        return eq(13);
      case '0':
        if (isDigit(this.src.charCodeAt(this.i))) throw new UnsupportedPattern('an octal escape');
        return eq(0);
      case 'x':
      case 'u': {
        const len = c === 'x' ? 2 : 4;
        const hex = this.src.slice(this.i, this.i + len);
        if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) throw new UnsupportedPattern(`a malformed \\${c} escape`);
        this.i += len;
        return eq(parseInt(hex, 16));
      }
      default:
        if (/[A-Za-z0-9]/.test(c)) throw new UnsupportedPattern(`the escape \\${c}${inClass ? ' in a class' : ''} (backreferences, \\b, \\p and the like)`);
        return eq(c.charCodeAt(0));
    }
  }

  /** A class after its `[`: ranges, escapes and negation. */
  private charClass(): CharTest {
    let negate = false;
    if (this.peek() === '^') {
      negate = true;
      this.i++;
    }
    const parts: CharTest[] = [];
    for (;;) {
      if (this.i >= this.src.length) throw new UnsupportedPattern('an unclosed [');
      if (this.peek() === ']') {
        this.i++;
        break;
      }
      const lo = this.classAtom();
      if (this.peek() === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++;
        const hi = this.classAtom();
        if (typeof lo !== 'number' || typeof hi !== 'number') throw new UnsupportedPattern('a class range with a class escape');
        if (hi < lo) throw new UnsupportedPattern('a class range out of order');
        parts.push((c) => c >= lo && c <= hi);
      } else parts.push(typeof lo === 'number' ? eq(lo) : lo);
    }
    const any: CharTest = (c) => parts.some((p) => p(c));
    return negate ? not(any) : any;
  }

  /** One class member: a code unit (for ranges) or a set from an escape such as `\d`. */
  private classAtom(): number | CharTest {
    const c = this.src[this.i++];
    if (c !== '\\') return c.charCodeAt(0);
    const e = this.src[this.i];
    if (e === 'b') throw new UnsupportedPattern('\\b in a class');
    if (e === '-') {
      this.i++;
      return 45;
    }
    const start = this.i;
    const test = this.escape(true);
    // A single-character escape can bound a range: find its code unit.
    if ('dDwWsS'.includes(e)) return test;
    const text = this.src.slice(start - 1, this.i);
    return decodeSingle(text);
  }
}

function eq(code: number): CharTest {
  return (c) => c === code;
}

function literal(ch: string): Node {
  return { kind: 'char', test: eq(ch.charCodeAt(0)) };
}

/** The code unit of a single-character escape such as `\n`, `\x41`, `\.`. */
function decodeSingle(esc: string): number {
  const k = esc[1];
  const simple: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, '0': 0 };
  if (k in simple) return simple[k];
  if (k === 'x' || k === 'u') return parseInt(esc.slice(2), 16);
  return k.charCodeAt(0);
}

/** NFA states: a character step, a fork, an anchor, or the match. */
type State =
  | { kind: 'char'; test: CharTest; out: number }
  | { kind: 'split'; a: number; b: number }
  | { kind: 'bol' | 'eol'; out: number }
  | { kind: 'match' };

class Compiler {
  readonly states: State[] = [{ kind: 'match' }];

  private add(s: State): number {
    if (this.states.length >= MAX_STATES) throw new UnsupportedPattern(`a pattern that needs more than ${MAX_STATES} states`);
    this.states.push(s);
    return this.states.length - 1;
  }

  /** The start state of `node` followed by the state `next`. */
  compile(node: Node, next: number): number {
    switch (node.kind) {
      case 'char':
        return this.add({ kind: 'char', test: node.test, out: next });
      case 'bol':
      case 'eol':
        return this.add({ kind: node.kind, out: next });
      case 'seq': {
        let s = next;
        for (let k = node.items.length - 1; k >= 0; k--) s = this.compile(node.items[k], s);
        return s;
      }
      case 'alt': {
        let s = this.compile(node.options[node.options.length - 1], next);
        for (let k = node.options.length - 2; k >= 0; k--) s = this.add({ kind: 'split', a: this.compile(node.options[k], next), b: s });
        return s;
      }
      case 'rep': {
        let s = next;
        if (node.max === Infinity) {
          const loop = this.add({ kind: 'split', a: -1, b: next });
          (this.states[loop] as { a: number }).a = this.compile(node.node, loop);
          s = loop;
        } else {
          s = this.optionalChain(node.node, node.max - node.min, next);
        }
        for (let k = 0; k < node.min; k++) s = this.compile(node.node, s);
        return s;
      }
    }
  }

  /** `count` optional copies of `node` before `next` (x? x? … nested so that skipping ends them all). */
  private optionalChain(node: Node, count: number, next: number): number {
    let s = next;
    for (let k = 0; k < count; k++) s = this.add({ kind: 'split', a: this.compile(node, s), b: next });
    return s;
  }
}

/** A compiled pattern: `test(name)` is RegExp's `test` (a match anywhere), in linear time. */
export interface PatternMatcher {
  test(text: string): boolean;
}

/**
 * Compiles a pattern of the supported subset; throws {@link UnsupportedPattern} (whose message says
 * what is not supported) for anything else.
 */
export function compilePattern(source: string): PatternMatcher {
  const ast = new Parser(source).parse();
  const compiler = new Compiler();
  const start = compiler.compile(ast, 0);
  const states = compiler.states;
  return {
    test(text: string): boolean {
      const n = text.length;
      let current: number[] = [];
      let mark = new Int32Array(states.length).fill(-1);
      let generation = 0;
      // Adds a state and everything reachable from it without reading a character, at position i.
      const closure = (list: number[], s: number, i: number): boolean => {
        const stack = [s];
        while (stack.length) {
          const k = stack.pop() as number;
          if (mark[k] === generation) continue;
          mark[k] = generation;
          const st = states[k];
          if (st.kind === 'match') return true;
          if (st.kind === 'split') stack.push(st.b, st.a);
          else if (st.kind === 'bol') {
            if (i === 0) stack.push(st.out);
          } else if (st.kind === 'eol') {
            if (i === n) stack.push(st.out);
          } else list.push(k);
        }
        return false;
      };
      for (let i = 0; ; i++) {
        // A search: a match may start at every position.
        if (closure(current, start, i)) return true;
        if (i === n) return false;
        const c = text.charCodeAt(i);
        const next: number[] = [];
        generation++;
        if (generation > 0x7ffffff0) {
          mark = new Int32Array(states.length).fill(-1);
          generation = 0;
        }
        for (const k of current) {
          const st = states[k] as { kind: 'char'; test: CharTest; out: number };
          if (st.test(c) && closure(next, st.out, i + 1)) return true;
        }
        current = next;
      }
    },
  };
}
