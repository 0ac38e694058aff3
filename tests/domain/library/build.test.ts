import { buildLibrary, profilesFitting, serializeLibrary } from '../../../src/domain/library/build';

const ALL = ['hebei-2019', 'mof-2015', 'mof-2021'];

const source = (id: string) => ({
  id,
  title: '项目支出绩效目标表（样例）',
  documentNumber: null,
  url: `https://example.gov.cn/${id}.html`,
  retrieved: '2026-12-04',
  region: '某县',
});

const good = () => ({
  name: '培训完成率',
  level1: '产出指标',
  level2: '质量指标',
  profiles: [...ALL],
  kind: 'percent',
  unit: '%',
  comparator: '≥',
  direction: 'positive',
  example: '≥95%',
  keywords: ['培训'],
  sector: '教育',
});

type Entry = Record<string, unknown>;
const file = (id: string, entries: Entry[], extra: Record<string, unknown> = {}) => ({
  file: `${id}.json`,
  content: { source: { ...source(id), ...extra }, entries },
});

/** Builds one source holding a good entry and the changed one; returns the errors. */
function errorsFor(change: Entry): string[] {
  const result = buildLibrary([file('sample', [good(), { ...good(), name: '课程完成率', ...change }])]);
  if (result.errors.length > 0) expect(result.library).toBeNull();
  return result.errors;
}

describe('building the library from its sources', () => {
  test('a good source builds, each entry carrying its source id', () => {
    const { library, errors } = buildLibrary([file('sample', [good()])]);
    expect(errors).toEqual([]);
    expect(library?.sources.map((s) => s.id)).toEqual(['sample']);
    expect(library?.entries).toEqual([{ ...good(), source: 'sample' }]);
  });

  test('the shipped form is deterministic: the same sources in another order give the same text', () => {
    const a = file('a-source', [good()]);
    const b = file('b-source', [
      { ...good(), name: '课程开设数量', kind: 'count', unit: '门', example: '≥220门', level2: '数量指标' },
    ]);
    const one = buildLibrary([a, b]);
    const two = buildLibrary([b, a]);
    expect(one.errors).toEqual([]);
    expect(serializeLibrary(one.library!)).toBe(serializeLibrary(two.library!));
  });

  test('profilesFitting follows the taxonomy of SPEC §2', () => {
    expect(profilesFitting('产出指标', '成本指标')).toEqual(['hebei-2019', 'mof-2015']);
    expect(profilesFitting('成本指标', '经济成本指标')).toEqual(['mof-2021']);
    expect(profilesFitting('效益指标', '社会效益指标')).toEqual(ALL);
  });
});

describe('each kind of bad entry is caught with a message naming the file and the entry', () => {
  test.each<[string, Entry, RegExp]>([
    [
      'an example that does not read as its kind',
      { example: '≥95人' },
      /reads as count, but kind says percent/,
    ],
    ['an example whose unit is not the unit given', { unit: '人' }, /has unit %, but unit says 人/],
    [
      'a kind the name contradicts without a reason',
      { name: '培训人数', example: '≥95%' },
      /implies count .* kindException/,
    ],
    [
      'a kindException where the name and the kind agree',
      { kindException: '无' },
      /kindException given, but the name implies percent/,
    ],
    [
      'a comparator the example contradicts',
      { comparator: '≤', direction: 'reverse' },
      /says ≥, but comparator says ≤/,
    ],
    [
      'a direction the comparator contradicts',
      { direction: 'reverse' },
      /comparator ≥ means positive, but direction says reverse/,
    ],
    [
      'a qualitative value with a comparator',
      { name: '培训效果', kind: 'qualitative', unit: null, example: '明显提升' },
      /qualitative value has no comparator/,
    ],
    [
      'a quantitative value without its usual comparator',
      { example: '95%', comparator: null },
      /needs its usual comparator/,
    ],
    ['a kind outside the list', { kind: 'ratio' }, /kind «ratio» is not one of/],
    [
      'a 二级 that is not under its 一级',
      { level1: '成本指标', level2: '数量指标' },
      /成本指标 → 数量指标 is in no profile/,
    ],
    [
      'profiles other than those the 一级/二级 fit',
      {
        level1: '产出指标',
        level2: '成本指标',
        kind: 'money',
        unit: '万元',
        comparator: '≤',
        direction: 'reverse',
        example: '≤20万元',
        name: '培训费用',
      },
      /fits \[hebei-2019, mof-2015\]/,
    ],
    [
      'a synonym instead of a profile’s own name',
      { level1: '效果指标', level2: '社会效益' },
      /with a profile's own names/,
    ],
    ['an unknown profile', { profiles: ['hebei-2019', 'beijing'] }, /profiles must list some of/],
    ['a missing name', { name: '' }, /name is missing/],
    [
      'a name with surrounding white space',
      { name: ' 课程完成率' },
      /name is missing or has surrounding white space/,
    ],
    ['keywords that are not a list of words', { keywords: '培训' }, /keywords must be a list of words/],
    ['a source that does not exist', { source: 'no-such-source' }, /source «no-such-source» does not exist/],
  ])('%s', (_what, change, message) => {
    const errors = errorsFor(change);
    expect(errors.join('\n')).toMatch(message);
    expect(errors.join('\n')).toMatch(/^sample\.json: entry 2/m);
  });

  test('a name repeated under one 二级, even across sources', () => {
    const { library, errors } = buildLibrary([
      file('a-source', [good()]),
      file('b-source', [{ ...good(), name: '培训 完成率' }]),
    ]);
    expect(library).toBeNull();
    expect(errors).toEqual([
      expect.stringMatching(/b-source\.json: entry 1 .* already under 质量指标 \(a-source\.json: entry 1/),
    ]);
  });

  test('the same name under another 二级 is a different entry', () => {
    const other = { ...good(), level2: '时效指标' };
    expect(buildLibrary([file('a-source', [good(), other])]).errors).toEqual([]);
  });
});

describe('each kind of bad source is caught', () => {
  test.each<[string, Record<string, unknown>, RegExp]>([
    ['an id that is not the file name', { id: 'other' }, /does not match the file name/],
    ['an id with capitals', { id: 'Sample' }, /lower-case letters/],
    ['no address', { url: undefined }, /needs an address/],
    ['an address that is not a web address', { url: 'example.gov.cn/x' }, /needs an address/],
    ['no date read', { retrieved: '2026/12/04' }, /retrieved must be a date/],
    ['no region', { region: '' }, /region is missing/],
    ['no title', { title: undefined }, /title is missing/],
    ['a document number that is not text', { documentNumber: 101 }, /documentNumber/],
  ])('%s', (_what, change, message) => {
    const { library, errors } = buildLibrary([file('sample', [good()], change)]);
    expect(library).toBeNull();
    expect(errors.join('\n')).toMatch(message);
  });

  test('a repository file is an address too', () => {
    const input = file('sample', [good()], { url: undefined, repo: 'owner/name', path: 'docs/table.md' });
    expect(buildLibrary([input]).errors).toEqual([]);
  });

  test('a file without entries, or that is not an object', () => {
    const errors = buildLibrary([file('sample', []), { file: 'broken.json', content: [1, 2] }]).errors.join(
      '\n',
    );
    expect(errors).toMatch(/sample\.json: entries must be a non-empty list/);
    expect(errors).toMatch(/broken\.json: expected an object/);
  });

  test('two files with the same source id', () => {
    const twice = [
      file('sample', [good()]),
      { file: 'sample.json', content: file('sample', [{ ...good(), name: '另一个完成率' }]).content },
    ];
    expect(buildLibrary(twice).errors.join('\n')).toMatch(/source id «sample» is used twice/);
  });
});
