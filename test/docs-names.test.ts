/**
 * The guides' tables of names against the code: every exported class and public function appears
 * in docs/from-scikit-learn.md, docs/model-selection.md lists exactly the scorer names typelearn
 * accepts, and every class or function docs/api-contract.md lists as a family member is exported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as root from '../src/index';
import * as metrics from '../src/metrics/index';
import * as modelSelection from '../src/model_selection/index';
import * as datasets from '../src/datasets/index';
import * as featureSelection from '../src/feature_selection/index';
import * as pipeline from '../src/pipeline/index';
import * as linearModel from '../src/linear_model/index';
import * as testing from '../src/testing/index';
import * as stream from '../src/stream/index';
import { getScorerNames } from '../src/metrics/scorer';

const docs = join(__dirname, '..', 'docs');
const read = (name: string) => readFileSync(join(docs, name), 'utf8');

/** Names written in backticks, alone or as a call (`fit(X, y)` counts for `fit`). */
function backticked(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/`([^`\n]+)`/g)) {
    for (const w of m[1].matchAll(/[A-Za-z_$][A-Za-z0-9_$]*/g)) out.add(w[0]);
  }
  return out;
}

const isClass = (v: unknown) => typeof v === 'function' && Object.prototype.hasOwnProperty.call(v, 'className');

describe('docs/from-scikit-learn.md', () => {
  const names = backticked(read('from-scikit-learn.md'));

  it('names every exported estimator, transformer, splitter and distribution class', () => {
    const classes = Object.entries(root).filter(([, v]) => isClass(v)).map(([k]) => k);
    expect(classes.length).toBeGreaterThan(50);
    expect(classes.filter((c) => !names.has(c))).toEqual([]);
  });

  it('names every public function of the families a scikit-learn user ports code from', () => {
    const families = { metrics, modelSelection, datasets, featureSelection, pipeline, linearModel, testing, stream };
    const missing: string[] = [];
    for (const [family, mod] of Object.entries(families)) {
      for (const [k, v] of Object.entries(mod)) {
        if (typeof v === 'function' && !isClass(v) && !/Warning$|Error$|^describe|^estimatorChecks$/.test(k) && !names.has(k)) missing.push(`${family}.${k}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names only classes that exist in its table of classes', () => {
    const text = read('from-scikit-learn.md');
    const table = text.slice(text.indexOf('## Classes'), text.indexOf('## Functions'));
    const ours = table
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| scikit-learn'))
      .map((l) => l.split('|')[2] ?? '');
    const named = ours.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Za-z]+)`/g)].map((m) => m[1]));
    expect(named.length).toBeGreaterThan(50);
    expect(named.filter((n) => !(n in root))).toEqual([]);
  });
});

describe('docs/model-selection.md', () => {
  it('lists exactly the scorer names getScorer accepts', () => {
    const text = read('model-selection.md');
    const section = text.slice(text.indexOf('## Scorer names'));
    const table = section.slice(0, section.indexOf('\n## ') === -1 ? undefined : section.indexOf('\n## '));
    const listed = [...table.matchAll(/^\| `'([a-z0-9_]+)'`/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(getScorerNames());
  });
});

describe('docs/api-contract.md', () => {
  it('lists under "Families and their classes" only classes and functions that are exported', () => {
    const text = read('api-contract.md');
    const families = text.slice(text.indexOf('## Families and their classes'), text.indexOf('## Extending'));
    const named = [...families.matchAll(/`([A-Za-z][A-Za-z0-9]*)`/g)].map((m) => m[1]);
    // Classes start upper-case; lower-case names there are options (`addIndicator`) or functions
    // (`trainTestSplit`), told apart by the function families' prefixes and suffixes.
    const classes = named.filter((n) => /^[A-Z]/.test(n));
    expect(classes.length).toBeGreaterThan(40);
    expect(classes.filter((n) => !(n in root))).toEqual([]);
    const functions = ['trainTestSplit', 'crossValScore', 'crossValidate', 'makePipeline', 'makeColumnTransformer', 'fClassif', 'chi2', 'accuracyScore', 'r2Score', 'loadIris', 'makeBlobs'];
    for (const f of functions) expect(named, f).toContain(f);
    expect(named.filter((n) => /^(load|make|[a-z]+Score$|[a-z]+Error$|cross|train)/.test(n) && !(n in root))).toEqual([]);
  });
});

describe('docs/custom-estimators.md', () => {
  it("builds transformers on the root's Matrix, which is ml-matrix's own class", async () => {
    const mlMatrix = await import('ml-matrix');
    expect(root.Matrix).toBe(mlMatrix.Matrix);
    const text = read('custom-estimators.md');
    expect(text).toMatch(/import \{[^}]*\bMatrix\b[^}]*\} from 'typelearn'/);
    expect(text).not.toMatch(/from 'ml-matrix'/);
  });
});

describe('docs/from-scikit-learn.md parameters', () => {
  it('gives only options that the classes it names have', () => {
    const text = read('from-scikit-learn.md');
    const table = text.slice(text.indexOf('## Parameters'), text.indexOf('## Fitted attributes'));
    const rows = table.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.length).toBeGreaterThan(15);
    const wrong: string[] = [];
    for (const row of rows) {
      const [, , ours, classes] = row.split('|');
      if (ours.includes('not options')) continue;
      // The option names: the backticked words outside parentheses (which hold comments).
      const options = [...ours.replace(/\([^)]*\)/g, '').matchAll(/`([A-Za-z0-9]+)`/g)].map((m) => m[1]);
      const owners = [...classes.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]);
      expect(options.length, row).toBeGreaterThan(0);
      expect(owners.length, row).toBeGreaterThan(0);
      for (const owner of owners) {
        const cls = (root as Record<string, unknown>)[owner] as { defaults?: object } | undefined;
        for (const o of options) if (!cls?.defaults || !(o in cls.defaults)) wrong.push(`${owner}.${o}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
