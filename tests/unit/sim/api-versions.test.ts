import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_VERSIONS } from '../../../src/sim/api/versions';

/** The ExcelApi set @types/office-js gives each member of an Excel class. */
function annotated(cls: string): Record<string, string> {
  const lines = readFileSync(
    join(__dirname, '../../../node_modules/@types/office-js/index.d.ts'),
    'utf8',
  ).split('\n');
  const start = lines.findIndex((l) => /^declare namespace Excel \{/.test(l));
  const at = lines.findIndex((l, i) => i > start && new RegExp(`^    class ${cls} extends`).test(l));
  const out: Record<string, string> = {};
  let api: string | undefined;
  for (let i = at + 1; i < lines.length && !/^ {4}\}/.test(lines[i]); i++) {
    const set = /\[Api set: (\w+) (\d+\.\d+)/.exec(lines[i]);
    if (set) {
      api = set[1] === 'ExcelApi' ? set[2] : set[1];
      continue;
    }
    const member = /^ {8}(?:readonly )?(\w+)\??[:(<]/.exec(lines[i]);
    if (member && api) {
      if (!(member[1] in out) && /^\d/.test(api)) out[member[1]] = api;
      api = undefined;
    }
  }
  return out;
}

describe('requirement sets of the simulated API', () => {
  it.each(Object.keys(API_VERSIONS))('%s matches @types/office-js', (cls) => {
    expect(API_VERSIONS[cls]).toEqual(annotated(cls));
  });
});
