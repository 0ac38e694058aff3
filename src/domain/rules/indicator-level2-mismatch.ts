import type { Level2Role } from '../taxonomy';
import type { Indicator } from '../types';
import { formatCanonical } from '../value';
import type { Rule } from './rule';
import {
  expectation,
  level2NameFor,
  rateFraction,
  roleOf,
  unitMismatch,
  valueInfo,
  vagueKind,
} from './support';

/**
 * What the row's value is: its kind when it is quantitative (a date is a time), else words — which
 * fit no 二级 that asks for an amount, a time or a percentage (`参照政府采购成本控制` under 成本指标,
 * `按月安排` under 时效指标, `创业热情高涨` under 满意度指标).
 */
function measured(ind: Indicator): string | null {
  const info = valueInfo(ind);
  if (!info) return null;
  if (info.parsed.kind === 'date') return 'time';
  if (info.parsed.quantitative) return info.parsed.kind;
  return 'words';
}

/**
 * Only money spent is a money value: mof-2021's 社会成本 and 生态环境成本 are costs to society and
 * nature (hours of traffic cut, hectares, tonnes), so they have no entry here.
 */
const FITS: Partial<Record<Level2Role, { kinds: string[]; messageId: string }>> = {
  cost: { kinds: ['money'], messageId: 'cost' },
  timeliness: { kinds: ['time', 'percent'], messageId: 'timeliness' },
  satisfaction: { kinds: ['percent'], messageId: 'satisfactionValue' },
};

/** The row's value or name does not fit its 二级: it belongs elsewhere, or its value must change. */
const rule: Rule = {
  meta: {
    id: 'indicator/level2-mismatch',
    severity: 'warning',
    description: {
      'zh-CN': '指标值或指标名称与二级指标不符',
      'en-US': 'The value or name does not fit the level-2 category',
    },
    messages: {
      cost: {
        'zh-CN':
          '{{level2}}下的“{{name}}”，指标值“{{value}}”不是金额；{{level2}}应为金额，如“≤10万元”，否则应移到合适的二级指标下。',
        'en-US':
          '“{{name}}” is under {{level2}} but its value “{{value}}” is not an amount of money; a cost indicator needs one, e.g. “≤10万元”, or the row belongs elsewhere.',
      },
      costUnit: {
        'zh-CN':
          '{{level2}}下的“{{name}}”，指标值“{{value}}”没有写金额单位，是元还是万元无法确定，不能与预算数比较；应写明单位，如“{{asYuan}}”或“{{asWan}}”。',
        'en-US':
          '“{{name}}” is under {{level2}} but its value “{{value}}” has no money unit: 元 or 万元 cannot be told, so it is not compared with the budget; write the unit, e.g. “{{asYuan}}” or “{{asWan}}”.',
      },
      timeliness: {
        'zh-CN':
          '时效指标下的“{{name}}”，指标值“{{value}}”既不是时间也不是百分比；时效指标应为完成时间（如“2025年12月底前”）、时限（如“≤30天”）或及时率（如“≥90%”），否则应移到合适的二级指标下。',
        'en-US':
          '“{{name}}” is under {{level2}} but its value “{{value}}” is neither a time nor a percentage; a timeliness indicator needs a deadline (e.g. “2025年12月底前”), a time limit (e.g. “≤30天”) or an on-time rate (e.g. “≥90%”), or the row belongs elsewhere.',
      },
      satisfactionValue: {
        'zh-CN': '满意度指标下的“{{name}}”，指标值“{{value}}”不是百分比；满意度应为百分比，如“≥90%”。',
        'en-US':
          '“{{name}}” is under {{level2}} but its value “{{value}}” is not a percentage; satisfaction is a percentage, e.g. “≥90%”.',
      },
      satisfactionName: {
        'zh-CN': '满意度指标“{{name}}”放在了“{{level2}}”下；应放在“{{expected}}”下。',
        'en-US': 'Satisfaction indicator “{{name}}” is under “{{level2}}”; it belongs under “{{expected}}”.',
      },
    },
    fixable: false,
  },
  check(context) {
    const { table, profile } = context;
    for (const ind of table.indicators) {
      const role = roleOf(profile, ind);
      if (!role) continue;
      const e = expectation(ind);
      const data = { name: ind.name.text, level2: ind.level2.text };
      // A 满意度 belongs under 服务对象满意度指标; a 满意程度 (of the public, of an effect) is also found under
      // 社会效益指标 in published tables, and is left where it stands.
      if (
        e.satisfaction &&
        e.kind === 'percent' &&
        role !== 'satisfaction' &&
        ind.name.text.includes('满意度')
      ) {
        const expected = level2NameFor(profile, 'satisfaction') ?? '';
        context.report({ at: ind.name, messageId: 'satisfactionName', data: { ...data, expected } });
        continue;
      }
      const fit = FITS[role];
      const kind = measured(ind);
      // A unit contradicting the name, or a rate written as a fraction (`满意度 ≥0.9`), is
      // indicator/unit-mismatch's finding; words where the name asks
      // for a number (a rate, a count …) are indicator/vague-value's: one defect, one finding.
      if (!fit || kind === null || fit.kinds.includes(kind) || unitMismatch(ind) || rateFraction(ind))
        continue;
      if (kind === 'words' && valueInfo(ind)?.parsed.kind === 'qualitative' && vagueKind(profile, ind))
        continue;
      const info = valueInfo(ind);
      const p = info?.parsed;
      // A bare number where money is asked for (`≤480000`, not `成本控制率 | 100`): only its unit is
      // missing, and no guess of it is compared with the budget.
      const asksMoney = e.kind === null || e.kind === 'money';
      if (role === 'cost' && asksMoney && p?.quantitative && p.unit === null && p.number !== null) {
        context.report({
          at: ind.value,
          messageId: 'costUnit',
          data: {
            ...data,
            value: info?.text ?? ind.value.text,
            asYuan: formatCanonical(p.comparator, p.number, '元'),
            asWan: formatCanonical(p.comparator, p.number, '万元'),
          },
        });
        continue;
      }
      context.report({
        at: ind.value,
        messageId: fit.messageId,
        data: { ...data, value: info?.text ?? ind.value.text },
      });
    }
  },
};

export default rule;
