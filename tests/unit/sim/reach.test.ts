/**
 * README's "Which Excel runs it" agrees with the manifest, the adapter's core requirement and the
 * Excels the simulator emulates: a reader deciding whether their Excel runs the add-in reads what
 * the code does.
 */

import { readFileSync } from 'fs';
import * as path from 'path';
import { CORE_REQUIREMENT } from '../../../src/excel';
import { HOST_PROFILE_IDS, HOST_PROFILES } from '../../../src/sim';

const root = path.resolve(__dirname, '..', '..', '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const manifest = readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const section = readme.slice(
  readme.indexOf('### Which Excel runs it'),
  readme.indexOf('## ', readme.indexOf('### Which Excel runs it') + 4),
);

/** The rows of the first table after `header` (cells trimmed). */
function table(header: string): string[][] {
  const lines = section.slice(section.indexOf(header)).split('\n');
  return lines
    .slice(2)
    .filter((line, i, all) => all.slice(0, i + 1).every((l) => l.startsWith('|')))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
}

const older = (a: string, b: string): boolean => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  return x[0] < y[0] || (x[0] === y[0] && x[1] < y[1]);
};

describe("README's Excel versions", () => {
  it('declare the requirement set the manifest asks for, which is the adapter’s core', () => {
    const min = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(manifest)?.[1];
    expect(min).toBe(CORE_REQUIREMENT.version);
    expect(section).toContain(`**ExcelApi ${CORE_REQUIREMENT.version}**`);
  });

  it('name every Excel the simulator emulates, with its ExcelApi version, as running the add-in', () => {
    const rows = table('| Excel | ExcelApi |');
    for (const id of HOST_PROFILE_IDS) {
      const row = rows.find((r) => r.at(-1) === `\`${id}\``);
      expect(row).toBeDefined();
      expect(row![1]).toContain(id === 'web' ? 'newest' : HOST_PROFILES[id].excelApi);
      expect(row![3]).toMatch(/^yes/);
    }
  });

  it('say an Excel below the manifest’s set is not offered the add-in', () => {
    const rows = table('| Excel | ExcelApi |');
    for (const row of rows) {
      const version = /^(\d+\.\d+)/.exec(row[1])?.[1];
      if (version && older(version, CORE_REQUIREMENT.version)) expect(row[3]).toMatch(/does not offer/);
    }
    expect(rows.some((r) => r[0].includes('Excel 2016') && r[1] === '1.1')).toBe(true);
  });

  it('say for each feature what Office 2019 (ExcelApi 1.8) does, as its profile does', () => {
    const rows = table('| feature | needs |');
    expect(rows.length).toBeGreaterThan(5);
    for (const [feature, needs, office2019] of rows) {
      expect(older(needs, CORE_REQUIREMENT.version)).toBe(false);
      const has = !older(HOST_PROFILES.excel2019.excelApi, needs);
      expect(`${feature}: ${office2019}`).toMatch(has ? /: yes/ : /: (no|kept)/);
    }
  });
});
