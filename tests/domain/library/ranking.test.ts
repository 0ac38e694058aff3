/**
 * Ranking on the shipped library, with what people type into the 参考指标 panel: the names they mean
 * come first, under the row's 二级 first, and within a tier the closer (shorter) name first.
 */

import { searchReferenceIndicators } from '../../../src/domain/library';
import { foldForSearch, searchLibrary } from '../../../src/domain/library/search';
import synonyms from '../../../src/domain/library/synonyms.json';
import type { LibraryEntry } from '../../../src/domain/library/types';

const names = (hits: { entry: LibraryEntry }[]) => hits.map((h) => h.entry.name);

function entry(name: string, level2 = '质量指标'): LibraryEntry {
  return {
    name,
    level1: '产出指标',
    level2,
    profiles: ['hebei-2019', 'mof-2015', 'mof-2021'],
    kind: 'percent',
    unit: '%',
    comparator: '≥',
    direction: 'positive',
    example: '≥90%',
    keywords: [],
    sector: '综合',
    source: 'test',
  };
}

test('满意 under 服务对象满意度指标: 服务对象满意度 among the first, every hit a 满意 name', () => {
  const hits = searchReferenceIndicators('满意', { level2: '服务对象满意度指标', limit: 10 });
  expect(names(hits)).toContain('服务对象满意度');
  for (const h of hits) {
    expect(h.sameLevel2).toBe(true);
    expect(h.entry.name).toContain('满意');
  }
});

test('within a tier the name the query covers more of comes first', () => {
  const hits = searchReferenceIndicators('满意', { level2: '服务对象满意度指标', limit: 500 });
  const contiguous = hits.filter((h) => h.entry.name.includes('满意') && !h.entry.name.startsWith('满意'));
  const lengths = contiguous.map((h) => foldForSearch(h.entry.name).length);
  expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  expect(names(hits).indexOf('服务对象满意度')).toBeLessThan(names(hits).indexOf('公众对食品安全满意度'));
});

test('合格 finds 验收合格率 before the longer names that hold it', () => {
  const top = names(searchReferenceIndicators('合格', { level2: '质量指标', limit: 3 }));
  expect(top[0]).toBe('验收合格率');
  expect(top.indexOf('工程验收合格率')).toBeGreaterThan(0);
});

test('a word left out is still found: 服务满意度 → 服务对象满意度', () => {
  expect(names(searchReferenceIndicators('服务满意度', { limit: 1 }))).toEqual(['服务对象满意度']);
});

test('words typed rank above their synonyms: 成本 lists 成本 names before 经费 ones', () => {
  const top = names(searchReferenceIndicators('成本', { level2: '成本指标', limit: 6 }));
  expect(top.every((n) => n.includes('成本'))).toBe(true);
});

test('及时 under 时效指标: the 时效 row gets timeliness names, the synonym 按时 too', () => {
  const hits = searchReferenceIndicators('及时', { level2: '时效指标', limit: 500 });
  const under = hits.filter((h) => h.sameLevel2);
  expect(under.length).toBeGreaterThan(5);
  expect(names(under)).toEqual(expect.arrayContaining(['及时完成率', '按时发放率']));
  const typed = under.findIndex((h) => !h.entry.name.includes('及时'));
  expect(under.slice(0, typed).every((h) => h.entry.name.includes('及时'))).toBe(true);
});

test('a synonym prefix does not beat the word typed, found inside a shorter name', () => {
  const lib = [entry('经费支出合规率'), entry('维护成本')];
  expect(names(searchLibrary(lib, '成本'))).toEqual(['维护成本', '经费支出合规率']);
});

test('every hit of a real query holds most characters of the words or of a synonym', () => {
  const table = synonyms.synonyms as Record<string, string[]>;
  const variants = (q: string) => [
    q,
    ...Object.entries(table).flatMap(([key, words]) =>
      q.includes(key) ? words.map((w) => q.replace(key, w)) : [],
    ),
  ];
  for (const q of ['满意', '及时', '覆盖', '培训', '合格率', '完成时间']) {
    const hits = searchReferenceIndicators(q, { limit: 20 });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      const e = h.entry;
      const text = [e.name, ...e.keywords, e.sector, e.level2, e.description ?? ''].join('|');
      const close = variants(q).some((v) => [...v].filter((c) => text.includes(c)).length * 2 >= v.length);
      expect([q, e.name, close]).toEqual([q, e.name, true]);
    }
  }
});
