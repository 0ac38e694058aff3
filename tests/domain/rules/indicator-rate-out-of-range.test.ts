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
  ],
});
