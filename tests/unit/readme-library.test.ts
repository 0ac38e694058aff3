/**
 * The README's 指标库 section and the library's own README say how many entries and sources ship, and
 * list every source with its count: they must say what entries.json holds.
 */

import { readFileSync } from 'fs';
import * as path from 'path';
import data from '../../src/domain/library/entries.json';
import type { LibraryData } from '../../src/domain/library/types';

const LIBRARY = data as LibraryData;
const ROOT = path.resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

const counted = `**${LIBRARY.entries.length} entries from ${LIBRARY.sources.length} sources**`;

test('README 指标库: the counts are those of entries.json', () => {
  expect(section(read('README.md'), '指标库')).toContain(counted);
});

test('README 指标库: every source is listed once, with its address and its number of entries', () => {
  const text = section(read('README.md'), '指标库');
  const rows = [...text.matchAll(/^\| \[([a-z0-9-]+)\]\(([^)\s]+)\) \|.*\| (\d+) \|$/gm)];
  const listed = new Map(rows.map((m) => [m[1], { address: m[2], entries: Number(m[3]) }]));
  expect(rows).toHaveLength(LIBRARY.sources.length);
  for (const s of LIBRARY.sources) {
    expect([s.id, listed.get(s.id)]).toEqual([
      s.id,
      {
        address: s.url ?? `${s.repo}/${s.path}`,
        entries: LIBRARY.entries.filter((e) => e.source === s.id).length,
      },
    ]);
  }
});

test('the library README states the same counts', () => {
  expect(read('src/domain/library/README.md')).toContain(counted);
});
