import fc from 'fast-check';
import type { Comparator, ParsedValue } from '../../src/domain/types';
import { lookupUnit, UNITS } from '../../src/domain/units';
import { formatCanonical, moneyInWan, parseValue, percentNumber } from '../../src/domain/value';
import vectors from '../fixtures/vectors/values.json';

const understood = (p: ParsedValue) => ({
  comparator: p.comparator,
  number: p.number,
  unit: p.unit,
  kind: p.kind,
  canonical: p.canonical,
});

describe('the worked examples of SPEC §3 (vectors/values.json)', () => {
  test.each(vectors.values.map((v) => [v.input, v] as const))('%j', (input, expected) => {
    const p = parseValue(input);
    expect(understood(p)).toEqual({
      comparator: expected.comparator,
      number: expected.number,
      unit: expected.unit,
      kind: expected.kind,
      canonical: expected.canonical,
    });
    expect(p.input).toBe(input);
    expect(p.quantitative).toBe(!['qualitative', 'date'].includes(expected.kind));
  });
});

describe('comparators', () => {
  const cases: [string, Comparator][] = [
    ['≥90%', '≥'],
    ['≤90%', '≤'],
    ['>90%', '>'],
    ['<90%', '<'],
    ['=90%', '='],
    ['>=90%', '≥'],
    ['<=90%', '≤'],
    ['≧90%', '≥'],
    ['≦90%', '≤'],
    ['＞90%', '>'],
    ['＜90%', '<'],
    ['＝90%', '='],
    ['＞＝90%', '≥'],
    ['＜＝90%', '≤'],
    ['不低于90%', '≥'],
    ['不少于90%', '≥'],
    ['不小于90%', '≥'],
    ['大于等于90%', '≥'],
    ['至少90%', '≥'],
    ['90%以上', '≥'],
    ['90%及以上', '≥'],
    ['90%（含）以上', '≥'],
    ['不高于90%', '≤'],
    ['不超过90%', '≤'],
    ['不多于90%', '≤'],
    ['小于等于90%', '≤'],
    ['90%以内', '≤'],
    ['90%以下', '≤'],
    ['控制在90%以内', '≤'],
    ['控制在90%', '≤'],
    ['等于90%', '='],
    ['达到90%', '≥'],
    ['达到90%以上', '≥'],
    ['大于90%', '>'],
    ['高于90%', '>'],
    ['超过90%', '>'],
    ['小于90%', '<'],
    ['低于90%', '<'],
    ['3个工作日内', '≤'],
    ['不低于90%以上', '≥'],
  ];
  test.each(cases)('%s → %s', (input, comparator) => {
    const p = parseValue(input);
    expect(p.quantitative).toBe(true);
    expect(p.comparator).toBe(comparator);
    expect(p.number).toBe(input.startsWith('3个') ? '3' : '90');
  });

  test('a word weaker than the suffix yields to it; contradicting ones are not understood', () => {
    expect(parseValue('控制在5%以上').comparator).toBe('≥');
    expect(parseValue('达到5%以下').comparator).toBe('≤');
    expect(parseValue('≥90%以下').kind).toBe('qualitative');
    expect(parseValue('不超过10次以上').kind).toBe('qualitative');
    expect(parseValue('＝90%以上').kind).toBe('qualitative');
  });

  test('no comparator is null, not ≥', () => {
    expect(parseValue('75%').comparator).toBeNull();
    expect(parseValue('985米').comparator).toBeNull();
  });
});

describe('units and their kinds', () => {
  test('every unit and alias of the table is read back as its unit, with its kind', () => {
    for (const def of UNITS) {
      for (const written of [def.unit, ...def.aliases]) {
        expect(lookupUnit(written)).toBe(def);
        const p = parseValue(`≥12${written}`);
        expect([written, p.unit, p.kind]).toEqual([written, def.unit, def.kind]);
      }
    }
  });

  test.each([
    ['≥95%', 'percent', '%'],
    ['≤5‰', 'percent', '‰'],
    ['≥2个百分点', 'percent', '个百分点'],
    ['≥3个', 'count', '个'],
    ['≤2起', 'count', '起'],
    ['≥5000人次', 'count', '人次'],
    ['≥3万人', 'count', '万人'],
    ['≥12户', 'count', '户'],
    ['≥1.5万人次', 'count', '万人次'],
    ['≥300天', 'time', '天'],
    ['≤15日', 'time', '日'],
    ['≤30分钟', 'time', '分钟'],
    ['≤3个月', 'time', '个月'],
    ['≤3个工作日', 'time', '个工作日'],
    ['≤5工作日', 'time', '工作日'],
    ['≤2周', 'time', '周'],
    ['≤2年', 'time', '年'],
    ['≤3000元', 'money', '元'],
    ['≤33万元', 'money', '万元'],
    ['≤1.2亿元', 'money', '亿元'],
    ['≥985M', 'other', '米'],
    ['≥12公里', 'other', '公里'],
    ['≥12km', 'other', '公里'],
    ['≥500平方米', 'other', '平方米'],
    ['≥500㎡', 'other', '平方米'],
    ['≥20亩', 'other', '亩'],
    ['≥3吨', 'other', '吨'],
    ['≥30立方米', 'other', '立方米'],
    ['≥10万亩', 'other', '万亩'],
    ['≥90分', 'other', '分'],
    ['≥2次/年', 'count', '次/年'],
    ['≤500元/人', 'money', '元/人'],
  ])('%s is %s in %s', (input, kind, unit) => {
    const p = parseValue(input);
    expect([p.kind, p.unit, p.quantitative]).toEqual([kind, unit, true]);
  });

  test('percent is written %, ％, (%), （%） or 百分比', () => {
    for (const input of ['≥90%', '≥90％', '≥90(%)', '≥90（%）', '≥90（％）', '≥90百分比', '≥百分之90']) {
      expect(parseValue(input).canonical).toBe('≥90%');
    }
    expect(lookupUnit('（％）')?.unit).toBe('%');
    expect(lookupUnit(' M ')?.unit).toBe('米');
    expect(lookupUnit('平方米/人')).toEqual({ unit: '平方米/人', kind: 'other', aliases: [] });
    expect(lookupUnit('个/%')).toBeUndefined();
    expect(lookupUnit('万%')).toBeUndefined();
    expect(lookupUnit('斤两')).toBeUndefined();
  });

  test('a bare 万 is 万元 only when the name or the text speaks of money', () => {
    expect(understood(parseValue('≤20万'))).toEqual({
      comparator: '≤',
      number: '20',
      unit: '万',
      kind: 'other',
      canonical: '≤20万',
    });
    for (const nameKind of ['percent', 'count', 'time', null] as const) {
      expect(parseValue('≤20万', { nameKind }).kind).toBe('other');
    }
    const asMoney = parseValue('≤20万', { nameKind: 'money' });
    expect([asMoney.unit, asMoney.kind, asMoney.canonical]).toEqual(['万元', 'money', '≤20万元']);
    expect(parseValue('控制在20万以内', { nameKind: 'money' }).canonical).toBe('≤20万元');
    expect(parseValue('经费≤20万').canonical).toBe('≤20万元');
    expect(parseValue('成本控制在20万以内').canonical).toBe('≤20万元');
    expect(parseValue('¥20万').canonical).toBe('20万元');
    expect(parseValue('￥3,000').canonical).toBe('3000元');
    expect(parseValue('￥30次').kind).toBe('qualitative');
  });
});

describe('what people really type', () => {
  test.each([
    ['＞＝９０％', '≥90%'],
    ['≥ ９０．５ ％', '≥90.5%'],
    ['≤１，２００人次', '≤1200人次'],
    ['≤　20　万元', '≤20万元'],
    [' ≥ 90 % ', '≥90%'],
    ['≥90%。', '≥90%'],
    ['≥90%；', '≥90%'],
    ['≥90%.', '≥90%'],
    ['≥90%，', '≥90%'],
    ['“≥90%”', '≥90%'],
    ['≥90.00%', '≥90%'],
    ['≥12.50万元', '≥12.5万元'],
    ['≥0012人', '≥12人'],
    ['≥0.50%', '≥0.5%'],
    ['≥.5%', '≥0.5%'],
    ['≥1,234,567.80元', '≥1234567.8元'],
    ['≥-5%', '≥-5%'],
    ['－5％', '-5%'],
    ['−5%', '-5%'],
    ['-0.00%', '0%'],
    ['+5%', '5%'],
    ['≥90\u200B%', '≥90%'],
    ['≥90%\u0000', '≥90%'],
    ['≥90\n%', '≥90%'],
  ])('%j → %s', (input, canonical) => {
    expect(parseValue(input).canonical).toBe(canonical);
  });

  test('numbers stay the decimal that was typed, never a float', () => {
    const long = '123456789012345678901234567890.123456789012345678901';
    expect(parseValue(`≥${long}元`).number).toBe(long);
    expect(parseValue('≥0.30000000000000004%').number).toBe('0.30000000000000004');
    expect(parseValue('≥0.1%').number).toBe('0.1');
  });

  test('thousands separators only in groups of three', () => {
    expect(parseValue('1,2345人').kind).toBe('qualitative');
    expect(parseValue('12,50人').kind).toBe('qualitative');
  });
});

describe('dates', () => {
  test.each([
    '2023.07-2024.01',
    '2024年6月',
    '12月31日前',
    '6月底前',
    '2024-06-30',
    '2024/6/30',
    '2024.6.30',
    '2024年',
    '2024年6月30日',
    '2023年7月至12月',
    '2023.07-12',
    '2023-2024年',
    '年底前',
    '年内',
    '第三季度',
    '2024年上半年',
    '截至2024年底',
    '2024年6月底前完成',
    '≤2024年6月',
    // As published under 时效指标 (安徽 金安, 金寨, 四川 昭化, 文山 环卫): the year said twice, the
    // whole year, a range of months, a Word export's double dash, what is done by then.
    '2025年年底前',
    '2021年全年',
    '全年',
    '本年度',
    '当年',
    '2024年度内',
    '1-12月',
    '1至12月',
    '3～6月份',
    '2025年1-12月',
    '2020年1月--2020年11月',
    '2023年3月——2023年11月',
    '12月底到位',
    '年底前拨付到位',
    '2024年12月31日前全部完成',
    '2021.1.1-12.31',
  ])('%s is a date, kept as typed', (input) => {
    const p = parseValue(`  ${input} `);
    expect(p).toEqual({
      input: `  ${input} `,
      quantitative: false,
      comparator: null,
      number: null,
      unit: null,
      kind: 'date',
      canonical: input,
    });
  });

  test('numbers that look a little like dates are numbers', () => {
    expect(parseValue('2024.6').kind).toBe('other');
    expect(parseValue('2024.60').kind).toBe('other');
    expect(parseValue('6月').kind).toBe('time');
    expect(parseValue('≤3年').kind).toBe('time');
    expect(parseValue('13月31日').kind).toBe('qualitative');
  });

  test('ranges that are no months, and words about time, are not dates', () => {
    expect(parseValue('1-13月').kind).toBe('qualitative');
    expect(parseValue('3-5天').kind).toBe('qualitative');
    expect(parseValue('1-2次').kind).toBe('qualitative');
    // `按期` names no period a year-end check can hold the project to: words, not a date.
    expect(parseValue('按期完成').kind).toBe('qualitative');
    expect(parseValue('按月安排').kind).toBe('qualitative');
    expect(parseValue('及时').kind).toBe('qualitative');
    expect(parseValue('年度').kind).toBe('qualitative');
  });
});

describe('junk is qualitative and never throws', () => {
  test.each([
    '',
    '   ',
    '≥',
    '%',
    '≥%',
    '≥≥90%',
    '≥90%%',
    'abc90',
    '90abc',
    '90%-95%',
    '及时',
    '百分之九十',
    '😀',
    '≥90😀',
    '\u0000',
    '≥\u0000',
    '=SUM(A1:A3)',
    '#REF!',
    '以上',
    '达到',
  ])('%j', (input) => {
    const p = parseValue(input);
    expect(p).toEqual({
      input,
      quantitative: false,
      comparator: null,
      number: null,
      unit: null,
      kind: 'qualitative',
      canonical: null,
    });
  });

  test('very long text', () => {
    expect(parseValue('及时'.repeat(16000)).kind).toBe('qualitative');
    const digits = '9'.repeat(32000);
    expect(parseValue(`≥${digits}%`).number).toBe(digits);
  });

  test('any string at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const p = parseValue(s);
        expect(p.input).toBe(s);
        expect(p.quantitative).toBe(p.canonical !== null && p.kind !== 'date');
      }),
      { numRuns: 500 },
    );
  });

  test('a non-string from untyped callers is read as text', () => {
    expect(parseValue(undefined as unknown as string).kind).toBe('qualitative');
    expect(parseValue(90 as unknown as string).canonical).toBe('90');
  });
});

describe('canonical form', () => {
  test('formatCanonical writes equality full-width and drops needless zeros', () => {
    expect(formatCanonical('=', '100', '%')).toBe('＝100%');
    expect(formatCanonical('≥', '90.00', '%')).toBe('≥90%');
    expect(formatCanonical(null, '0985', '米')).toBe('985米');
    expect(formatCanonical('≤', '20', null)).toBe('≤20');
    expect(formatCanonical('<', '-0.50', '元')).toBe('<-0.5元');
  });

  const sameMeaning = (a: ParsedValue, b: ParsedValue) => {
    expect(understood(b)).toEqual(understood(a));
    expect(b.quantitative).toBe(true);
  };

  test('parsing a canonical form gives the same value (vectors)', () => {
    for (const v of vectors.values) {
      const p = parseValue(v.input);
      if (p.quantitative) sameMeaning(p, parseValue(p.canonical as string));
    }
  });

  test('parsing a canonical form gives the same value (generated)', () => {
    const words = ['', '≥', '≤', '>', '<', '=', '＝', '>=', '不低于', '不超过', '达到', '控制在', '至少'];
    const tails = ['', '以上', '以内', '以下', '。'];
    const units = UNITS.flatMap((d) => [d.unit, ...d.aliases]).concat(['', '万亩', '次/年']);
    const numbers = fc
      .tuple(fc.boolean(), fc.nat({ max: 99999999 }), fc.nat({ max: 9999 }), fc.nat({ max: 3 }))
      .map(([neg, i, f, pad]) => `${neg ? '-' : ''}${i}${f ? `.${f}${'0'.repeat(pad)}` : ''}`);
    const nameKinds = fc.constantFrom('percent', 'count', 'time', 'money', null);
    fc.assert(
      fc.property(
        fc.constantFrom(...words),
        numbers,
        fc.constantFrom(...units),
        fc.constantFrom(...tails),
        nameKinds,
        (word, number, unit, tail, nameKind) => {
          const p = parseValue(`${word}${number}${unit}${tail}`, { nameKind });
          if (!p.quantitative) return;
          sameMeaning(p, parseValue(p.canonical as string, { nameKind }));
          expect(parseValue(p.canonical as string, { nameKind }).canonical).toBe(p.canonical);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('money in 万元 and percent as a number', () => {
  test.each([
    ['≤3000元', '0.3'],
    ['≤33万元', '33'],
    ['≤33.00万元', '33'],
    ['≤1.2亿元', '12000'],
    ['≤500千元', '50'],
    ['≤1元', '0.0001'],
    ['≤0.01元', '0.000001'],
    ['≤0.0001元', '0.00000001'],
    ['≤12345678901234567890.12元', '1234567890123456.789012'],
    ['≤20万', null],
    ['≤500元/人', null],
    ['≥90%', null],
    ['及时', null],
  ])('%s → %s', (input, wan) => {
    expect(moneyInWan(parseValue(input))).toBe(wan);
  });

  test('a bare 万 on a money name counts as 万元', () => {
    expect(moneyInWan(parseValue('≤20万', { nameKind: 'money' }))).toBe('20');
  });

  test.each([
    ['≥90%', 90],
    ['＝100.00%', 100],
    ['292%', 292],
    ['≥-5%', -5],
    ['≤5‰', 0.5],
    ['≥2个百分点', null],
    ['≥90', null],
    ['≥90分', null],
    ['优良', null],
  ])('%s → %s', (input, n) => {
    expect(percentNumber(parseValue(input))).toBe(n);
  });
});
