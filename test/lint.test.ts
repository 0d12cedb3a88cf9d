/**
 * The import rules of eslint.config.mjs fire where they should: a family reaching into another
 * family's `_private` module, and a metric importing core/base. Lints snippets as if they stood at
 * the given paths under src/ (nothing is written).
 */
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import rules (eslint.config.mjs)', () => {
  it("a family importing another family's private module is an error", async () => {
    const [msg] = await restrictedImports('src/linear_model/_lintProbe.ts', "import { optionError } from '../datasets/_options';\nexport const f = optionError;\n");
    expect(msg).toMatch(/Another family's private/);
    expect(await restrictedImports('src/feature_selection/_lintProbe.ts', "import type { Indexable } from '../model_selection/_indexing';\nexport type T = Indexable;\n")).toHaveLength(1);
    expect(await restrictedImports('src/core/optimize/_lintProbe.ts', "import { fitEstimator } from '../../feature_selection/_meta';\nexport const f = fitEstimator;\n")).toHaveLength(1);
  });
  it('its own private modules, core and public modules of other families are allowed', async () => {
    const code = [
      "import { stepSize } from './_rfe';",
      "import { median } from '../core/math/median';",
      "import { checkCv } from '../model_selection/checkCv';",
      'export const f = [stepSize, median, checkCv];',
      '',
    ].join('\n');
    expect(await restrictedImports('src/feature_selection/_lintProbe.ts', code)).toEqual([]);
  });
  it('a metric importing core/base (even a type) is an error; other families may', async () => {
    const code = "import type { BaseEstimator } from '../core/base';\nexport type T = BaseEstimator;\n";
    const [msg] = await restrictedImports('src/metrics/_lintProbe.ts', code);
    expect(msg).toMatch(/src\/metrics is pure functions/);
    expect(await restrictedImports('src/preprocessing/_lintProbe.ts', code)).toEqual([]);
  });
  it('the Node built-ins rule still holds in metrics, whose block restates it', async () => {
    expect(await restrictedImports('src/metrics/_lintProbe.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n")).toHaveLength(1);
  });
});
