/**
 * The house's doors (ARCHITECTURE.md), enforced by lint: a file that imports the wrong way fails,
 * and the tree as it stands imports only downwards.
 */

import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';

const ROOT = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the rules are CommonJS so both ESLint and this test read them
const boundaries = require(path.join(ROOT, 'eslint.boundaries.cjs')) as Linter.Config[];

const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } }, ...boundaries],
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? ''}: ${m.message}`);
}

describe('import boundaries', () => {
  it.each([
    ['src/domain/new-rule.ts', "import { createWorkbench } from '../excel';"],
    ['src/domain/rules/new-rule.ts', "import { t } from '../../i18n';"],
    ['src/domain/library/deep/x.ts', "import { SimWorkbook } from '../../../sim';"],
    ['src/domain/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/domain/x.ts', "import { useState } from 'react';"],
    ['src/cli/x.ts', "import { DEFAULT_SETTINGS } from '../excel/settings';"],
    ['src/cli/deep/x.ts', "import { App } from '../../taskpane/App';"],
    ['src/taskpane/x.tsx', "import { SimWorkbook } from '../sim';"],
    ['src/excel/x.ts', "import { SimWorkbook } from '../sim';"],
  ])('%s may not say %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
  });

  it.each([
    ['src/domain/x.ts', "import { parseValue } from './value';"],
    ['src/domain/rules/x.ts', "import { parseValue } from '../value';"],
    ['src/domain/x.ts', "import Big from 'big.js';"],
    ['src/cli/x.ts', "import { analyseGrids } from '../domain/analysis';"],
    ['src/cli/x.ts', "import { t } from '../i18n';"],
    ['src/taskpane/x.tsx', "import type { Workbench } from '../excel/workbench';"],
    ['src/excel/x.ts', "import { readGrid } from '../domain/reader';"],
  ])('%s may say %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });

  it('the tree imports only downwards (grep, as the issue asked)', () => {
    const grep = (pattern: string, dir: string): string => {
      try {
        return execFileSync('grep', ['-rEn', pattern, dir], { cwd: ROOT, encoding: 'utf8' });
      } catch {
        return '';
      }
    };
    expect(grep(`from '(\\.\\./)+(excel|cli|taskpane|sim|preview|commands|i18n)`, 'src/domain')).toBe('');
    expect(grep(`from '(\\.\\./)+(excel|taskpane|sim|preview)`, 'src/cli')).toBe('');
  });
});
