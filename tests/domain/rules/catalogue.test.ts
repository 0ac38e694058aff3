/**
 * The habits of the rules folder: one rule a file, named after its id (`indicator/no-comparator` in
 * `indicator-no-comparator.ts`), listed in RULES, with its own test file of valid and invalid cases.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../../src/domain/rules';

const SRC = path.resolve(__dirname, '..', '..', '..', 'src', 'domain', 'rules');
const TESTS = __dirname;
/** Files of the rules folder that are not rules. */
const SUPPORT = new Set(['index.ts', 'rule.ts', 'support.ts', 'terms.ts']);

const ruleFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? ruleFiles(path.join(dir, e.name)).map((f) => `${e.name}/${f}`)
        : e.name.endsWith('.ts') && !SUPPORT.has(e.name)
          ? [e.name]
          : [],
    );

describe('the rules folder', () => {
  const files = ruleFiles(SRC).sort();

  it('lists every rule file in RULES, once', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(files.length).toBe(RULES.length);
  });

  it.each(RULES.map((r) => [r.meta.id]))(
    '%s lives in its own file named after it, with a test file',
    (id) => {
      const file = `${id.replace('/', '-')}.ts`;
      const inFolder = files.find((f) => path.basename(f) === file);
      expect(inFolder).toBeDefined();
      const source = fs.readFileSync(path.join(SRC, inFolder ?? file), 'utf8');
      expect(source).toContain(`id: '${id}'`);
      const test = path.join(TESTS, path.dirname(inFolder ?? ''), file.replace(/\.ts$/, '.test.ts'));
      expect(fs.existsSync(test)).toBe(true);
      expect(fs.readFileSync(test, 'utf8')).toMatch(/runRule\(/);
    },
  );
});
