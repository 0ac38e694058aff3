import fc from 'fast-check';
import {
  LIBRARY,
  libraryEntryFor,
  libraryExpectation,
  searchReferenceIndicators,
} from '../../../src/domain/library';
import { findLibraryEntry, foldForSearch, searchLibrary } from '../../../src/domain/library/search';
import type { LibraryEntry } from '../../../src/domain/library/types';

const entry = (name: string, level2 = '质量指标', extra: Partial<LibraryEntry> = {}): LibraryEntry => ({
  name,
  level1: level2 === '服务对象满意度指标' ? '满意度指标' : level2.includes('效益') ? '效益指标' : '产出指标',
  level2,
  profiles: ['hebei-2019', 'mof-2015', 'mof-2021'],
  kind: 'percent',
  unit: '%',
  comparator: '≥',
  direction: 'positive',
  example: '≥95%',
  keywords: [],
  sector: '测试',
  source: 'test',
  ...extra,
});

const names = (hits: { entry: LibraryEntry }[]) => hits.map((h) => h.entry.name);

describe('Chinese as people type it', () => {
  test('a partial word finds the names that hold it: 满意 → 服务对象满意度 …', () => {
    const hits = searchReferenceIndicators('满意', { limit: 500 });
    const withWord = LIBRARY.entries.filter((e) => e.name.includes('满意'));
    expect(withWord.length).toBeGreaterThan(10);
    expect(names(hits.slice(0, withWord.length)).sort()).toEqual(withWord.map((e) => e.name).sort());
    expect(names(hits)).toContain('服务对象满意度');
  });

  test('the closer the name, the higher: exact > prefix > contiguous > characters in order > bigrams', () => {
    const lib = [
      entry('项目验收资料合格率'),
      entry('验收资料及合格情况统计率'),
      entry('工程验收合格率'),
      entry('验收合格率达标情况'),
      entry('验收合格率'),
      entry('合格率验收'),
    ];
    expect(names(searchLibrary(lib, '验收合格率'))).toEqual([
      '验收合格率',
      '验收合格率达标情况',
      '工程验收合格率',
      '项目验收资料合格率',
      '验收资料及合格情况统计率',
      '合格率验收',
    ]);
  });

  test('full-width letters and digits, spaces and punctuation are folded', () => {
    expect(foldForSearch('０－６岁 儿童（眼保健）')).toBe('06岁儿童眼保健');
    const hits = searchReferenceIndicators('０－６岁儿童　眼保健');
    expect(hits[0].entry.name).toBe('0-6岁儿童眼保健和视力检查覆盖率');
    expect(names(searchReferenceIndicators('项目（工程）验收合格率'))[0]).toBe('项目(工程)验收合格率');
    expect(names(searchReferenceIndicators('满 意 度'))).toEqual(names(searchReferenceIndicators('满意度')));
  });

  test('synonyms find what the words mean: 时效 → 及时, 覆盖 → 覆盖率, 合格 → 达标, 成本 → 经费', () => {
    const lib = [
      entry('资金到位及时率', '时效指标'),
      entry('营养改善计划覆盖面'),
      entry('课程数量达标率'),
      entry('办案经费', '成本指标', {
        kind: 'money',
        unit: '万元',
        comparator: '≤',
        direction: 'reverse',
        example: '≤5万元',
      }),
    ];
    expect(names(searchLibrary(lib, '及时'))).toEqual(['资金到位及时率']);
    expect(names(searchLibrary(lib, '时效'))[0]).toBe('资金到位及时率');
    expect(names(searchLibrary(lib, '覆盖率'))).toContain('营养改善计划覆盖面');
    expect(names(searchLibrary(lib, '合格'))).toContain('课程数量达标率');
    expect(names(searchLibrary(lib, '成本'))[0]).toBe('办案经费');
  });

  test('a synonym match ranks just below the same match on the words typed', () => {
    const lib = [entry('资金到位及时率', '时效指标'), entry('时效性考核', '时效指标')];
    const hits = searchLibrary(lib, '时效');
    expect(names(hits)).toEqual(['时效性考核', '资金到位及时率']);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
  });

  test('the synonym table is data: 满意 also finds 满意程度', () => {
    expect(names(searchReferenceIndicators('满意程度'))).toContain('服务周期内,市民对空气质量改善的满意程度');
  });

  test('a name match beats a keyword, sector or 二级 match', () => {
    const lib = [entry('工程验收率', '质量指标', { keywords: ['培训'] }), entry('培训完成率')];
    expect(names(searchLibrary(lib, '培训'))).toEqual(['培训完成率', '工程验收率']);
  });
});

describe('the row’s 二级 comes first', () => {
  test('entries under the given 二级 come before all others', () => {
    const hits = searchReferenceIndicators('率', { level2: '时效指标', limit: 500 });
    const firstOther = hits.findIndex((h) => !h.sameLevel2);
    expect(firstOther).toBeGreaterThan(0);
    expect(hits.slice(0, firstOther).every((h) => h.entry.level2 === '时效指标')).toBe(true);
    expect(hits.slice(firstOther).every((h) => !h.sameLevel2)).toBe(true);
  });

  test('a 二级 is matched by its role: a hebei-2019 成本指标 row ranks mof-2021 经济成本指标 entries first', () => {
    const hits = searchReferenceIndicators('经费', { level2: '成本指标' });
    expect(hits[0].sameLevel2).toBe(true);
    expect(hits.some((h) => h.sameLevel2 && h.entry.level2 === '经济成本指标')).toBe(true);
    expect(
      hits.filter((h) => h.sameLevel2).every((h) => ['成本指标', '经济成本指标'].includes(h.entry.level2)),
    ).toBe(true);
  });

  test('the suffix 指标 and the width do not matter in the 二级 given', () => {
    const a = searchReferenceIndicators('', { level2: '社会效益' });
    expect(a.length).toBeGreaterThan(0);
    expect(a).toEqual(searchReferenceIndicators('', { level2: '社会效益指标' }));
  });

  test('an empty query lists the 二级’s entries in the library’s order', () => {
    const hits = searchReferenceIndicators('  ', { level2: '生态效益指标' });
    const expected = LIBRARY.entries.filter((e) => e.level2 === '生态效益指标');
    expect(hits.map((h) => h.entry)).toEqual(expected);
    expect(hits.every((h) => h.sameLevel2)).toBe(true);
  });

  test('onlyLevel2 leaves the other 二级 out', () => {
    const hits = searchReferenceIndicators('满意', {
      level2: '服务对象满意度指标',
      onlyLevel2: true,
      limit: 500,
    });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.entry.level2 === '服务对象满意度指标')).toBe(true);
  });

  test('equal matches keep the library’s order', () => {
    const lib = [entry('乙完成率'), entry('甲完成率'), entry('丙完成率')];
    expect(names(searchLibrary(lib, '完成'))).toEqual(['乙完成率', '甲完成率', '丙完成率']);
  });
});

describe('no query breaks it', () => {
  const query = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({ unit: fc.constantFrom(...'满意度及时率完成覆盖合格成本经费（）() 　%≥０１'), maxLength: 30 }),
    fc.constant('满'.repeat(100_000)),
  );
  const options = fc.record(
    {
      level2: fc.oneof(
        fc.constantFrom('数量指标', '成本指标', '满意度', '生态环境成本指标', ''),
        fc.string(),
      ),
      limit: fc.oneof(fc.integer({ min: -5, max: 600 }), fc.constant(Number.NaN), fc.constant(Infinity)),
      onlyLevel2: fc.boolean(),
    },
    { requiredKeys: [] },
  );

  test('any text, any options: hits are bounded, distinct and ordered', () => {
    fc.assert(
      fc.property(query, options, (q, o) => {
        const hits = searchReferenceIndicators(q, o);
        expect(hits.length).toBeLessThanOrEqual(LIBRARY.entries.length);
        expect(new Set(hits.map((h) => h.index)).size).toBe(hits.length);
        for (let i = 1; i < hits.length; i++) {
          const [a, b] = [hits[i - 1], hits[i]];
          const order = Number(b.sameLevel2) - Number(a.sameLevel2) || b.score - a.score || a.index - b.index;
          expect(order).toBeLessThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('values that are not text are an empty query', () => {
    for (const q of [undefined, null, 42, {}, ['满意']]) {
      expect(() => searchReferenceIndicators(q)).not.toThrow();
      expect(libraryEntryFor(q)).toBeUndefined();
    }
    expect(searchReferenceIndicators(undefined, { limit: 3 })).toHaveLength(3);
  });

  test('a very long query is answered quickly', () => {
    const started = Date.now();
    searchReferenceIndicators('服务对象满意度'.repeat(50_000));
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('looking a name up', () => {
  test('exact after folding widths and white space', () => {
    expect(libraryEntryFor('服务对象满意度')?.source).toBe('jiayuguan-museum-2023');
    expect(libraryEntryFor(' 项目（工程）验收合格率 ')?.name).toBe('项目(工程)验收合格率');
    expect(libraryEntryFor('服务对象')).toBeUndefined();
  });

  test('the row’s 二级 chooses among sources that file a name under different 二级', () => {
    expect(libraryEntryFor('种植作物成活率', '质量指标')?.level2).toBe('质量指标');
    expect(libraryEntryFor('种植作物成活率', '数量指标')?.level2).toBe('数量指标');
    const lib = [entry('完成率', '数量指标'), entry('完成率', '时效指标')];
    expect(findLibraryEntry(lib, '完成率', '时效')?.level2).toBe('时效指标');
    expect(findLibraryEntry(lib, '完成率')?.level2).toBe('数量指标');
  });

  test('the expectation for rules: kind and direction, from entries whose example reads as written', () => {
    expect(libraryExpectation('检测及时率')).toMatchObject({ kind: 'time', reverse: true });
    expect(libraryExpectation('辖区内与补助资金相关的重大食品安全监管责任事故发生数')).toMatchObject({
      kind: 'count',
      reverse: true,
    });
    expect(libraryExpectation('视频监控在线率')).toBeUndefined();
    expect(libraryExpectation('不在库里的指标')).toBeUndefined();
  });
});
