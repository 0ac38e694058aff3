import rule from '../../../src/domain/rules/indicator-rate-out-of-range';
import { GOOD, runRule, withRow } from './rule-tester';

runRule(rule, {
  valid: [
    GOOD,
    withRow(1, { value: '＝100%' }),
    withRow(1, { value: '≥0%' }),
    { title: 'a percentage on a count name is unit-mismatch’s', table: withRow(0, { value: '≥200%' }) },
  ],
  invalid: [
    {
      table: withRow(1, { value: '292%' }),
      errors: [
        {
          cell: 'F11',
          messageId: 'outOfRange',
          fix: null,
          messageIncludes: '292%',
          messageIncludesEn: '292%',
        },
      ],
    },
    { table: withRow(1, { value: '≥100.5%' }), errors: [{ cell: 'F11', messageId: 'outOfRange' }] },
    { table: withRow(4, { value: '≤-1%' }), errors: [{ cell: 'F14', messageId: 'outOfRange' }] },
    {
      title: 'a bare number under a name that states % (云南 施甸: 新型经营主体实现产值(%) | 8000)',
      table: withRow(4, { name: '新型经营主体实现产值(%)', value: '8000' }),
      errors: [
        {
          cell: 'F14',
          messageId: 'namedUnit',
          messageIncludes: '名称写明单位为%，指标值“8000”即8000%，超出 0%–100% 的范围',
          messageIncludesEn: 'so its value “8000” is 8000%',
        },
      ],
    },
  ],
});
