import fs from 'fs';
import path from 'path';
import { buildLibrary, serializeLibrary } from '../../../src/domain/library/build';
import data from '../../../src/domain/library/entries.json';
import type { LibraryData } from '../../../src/domain/library/types';

const LIBRARY = data as LibraryData;

const libraryDir = path.join(__dirname, '../../../src/domain/library');
const sourcesDir = path.join(libraryDir, 'sources');

function readSources() {
  return fs
    .readdirSync(sourcesDir)
    .filter((f) => f.endsWith('.json'))
    .map((file) => ({
      file,
      content: JSON.parse(fs.readFileSync(path.join(sourcesDir, file), 'utf8')) as unknown,
    }));
}

describe('the shipped library (entries.json)', () => {
  const built = buildLibrary(readSources());

  test('the curated sources validate', () => {
    expect(built.errors).toEqual([]);
  });

  test('is what the sources give (run `npm run library` after editing a source)', () => {
    expect(built.library).not.toBeNull();
    const shipped = fs.readFileSync(path.join(libraryDir, 'entries.json'), 'utf8');
    expect(shipped).toBe(serializeLibrary(built.library!));
  });

  test('holds at least 300 entries from at least 15 sources (SPEC §13)', () => {
    expect(LIBRARY.entries.length).toBeGreaterThanOrEqual(300);
    expect(LIBRARY.sources.length).toBeGreaterThanOrEqual(15);
  });

  test('every entry names a source that exists, and every source gives entries', () => {
    const ids = new Set(LIBRARY.sources.map((s) => s.id));
    expect(LIBRARY.entries.filter((e) => !ids.has(e.source))).toEqual([]);
    const used = new Set(LIBRARY.entries.map((e) => e.source));
    expect(LIBRARY.sources.filter((s) => !used.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  test('every source has an address and the date it was read', () => {
    for (const s of LIBRARY.sources) {
      expect(s.url ?? `${s.repo}/${s.path}`).toMatch(/^(https?:\/\/|[\w.-]+\/[\w.-]+\/)/);
      expect(s.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('covers every 二级 of every profile', () => {
    const level2 = new Set(LIBRARY.entries.map((e) => e.level2));
    for (const name of [
      '数量指标',
      '质量指标',
      '时效指标',
      '成本指标',
      '经济成本指标',
      '社会成本指标',
      '生态环境成本指标',
      '经济效益指标',
      '社会效益指标',
      '生态效益指标',
      '可持续影响指标',
      '服务对象满意度指标',
    ]) {
      expect(level2).toContain(name);
    }
  });
});
