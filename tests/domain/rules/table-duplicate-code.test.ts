import rule from '../../../src/domain/rules/table-duplicate-code';
import { GOOD, runRule, tableWith } from './rule-tester';

const other = tableWith({ code: '101-0001-TEST-0002', name: '档案整理' });

runRule(rule, {
  valid: [
    { tables: [GOOD, other] },
    {
      title: 'tables without codes are missing-field’s concern',
      tables: [tableWith({ code: undefined }), tableWith({ code: undefined })],
    },
  ],
  invalid: [
    {
      title: 'the later table’s code cell is reported',
      tables: [GOOD, other, tableWith({ name: '业务培训（二期）' })],
      // Stacked tables: each is 15 rows, one empty row apart; the third starts at row 33.
      errors: [
        {
          cell: 'B35',
          messageId: 'duplicate',
          messageIncludes: '101-0001-TEST-0001',
          messageIncludesEn: 'Sheet1',
        },
      ],
    },
    {
      title: 'codes compared after full-width folding and white space',
      tables: [GOOD, tableWith({ code: '１０１-0001-TEST-0001 ' })],
      errors: [{ cell: 'B19', messageId: 'duplicate' }],
    },
  ],
});
