/**
 * @jest-environment jsdom
 *
 * SPEC §8: cell text is never executed in the task pane. Markup, script, event handlers,
 * javascript: links and i18next's own syntax typed into every place a workbook can hold text —
 * sheet names, codes, project names, amounts, indicator values — reach the pane through the real
 * Excel adapter on the simulator, and are shown as the text they are: no element is made from them,
 * no handler is attached, nothing is interpolated.
 */

import { act, screen, waitFor } from '@testing-library/react';
import type { Grid } from '../../../src/domain/grid';
import { createWorkbench } from '../../../src/excel';
import { SimWorkbook } from '../../../src/sim';
import { SEED_TABLES } from '../../fixtures/seed-data';
import { templateGrid } from '../../fixtures/table-builder';
import { findingElements, renderPane, runCommand } from '../../ui/helpers';

jest.setTimeout(60_000);

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<svg onload=alert(1)><circle r=9></svg>',
  '<a href="javascript:alert(1)">点我</a>',
  '<b>粗体</b><style>*{display:none}</style>',
  '$t(rules.terms.nameKind.percent)',
  '{{value}}{{- name}}',
  '&lt;img src=x&gt;',
  '\u202E反向文字',
];

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters. */
const sheetNameOf = (text: string, i: number): string =>
  `${i}${text.replace(/[[\]:*?/\\]/g, '')}`.slice(0, 31).replace(/'+$/, '');

function grids(): Grid[] {
  return HOSTILE.map((text, i) =>
    templateGrid(sheetNameOf(text, i), {
      ...SEED_TABLES[i % SEED_TABLES.length],
      code: `${text}-${i}`,
      name: text,
      total: text,
      indicators: [
        { level1: '产出指标', level2: '数量指标', name: '处理率', value: text, basis: text },
        { level1: '效果指标', level2: '社会效益指标', name: text, value: '≥90%', basis: '计划标准' },
        {
          level1: '满意度指标',
          level2: '服务对象满意度指标',
          name: '群众满意度',
          value: '≥90%',
          basis: '计划标准',
        },
      ],
    }),
  );
}

/** Anything in the pane that cell text could have turned into. */
function executable(root: HTMLElement): string[] {
  const found: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'img', 'iframe', 'object', 'embed', 'style', 'b', 'circle'].includes(tag))
      found.push(`<${tag}>`);
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) found.push(`${tag}[${attr.name}]`);
      if (
        /javascript:/i.test(attr.value) &&
        !['aria-label', 'title', 'data-sheet', 'data-cell'].includes(attr.name)
      )
        found.push(`${tag}[${attr.name}=${attr.value}]`);
    }
  }
  return found;
}

describe('markup and template syntax typed into cells', () => {
  let alert: jest.SpyInstance;
  beforeEach(() => {
    alert = jest.spyOn(window, 'alert').mockImplementation(() => undefined);
  });
  afterEach(() => {
    alert.mockRestore();
    document.body.replaceChildren();
  });

  test('show as typed in the findings and the totals, and never become elements or handlers', async () => {
    const sim = SimWorkbook.fromGrids(grids());
    const workbench = createWorkbench(sim.excel, sim.office, { lang: 'zh-CN', debounceMs: 0 });
    const { container, unmount } = await renderPane(workbench);
    await runCommand('校验');
    await waitFor(() => expect(findingElements().length).toBeGreaterThan(HOSTILE.length));

    const findings = findingElements().map((el) => el.textContent ?? '');
    for (const text of HOSTILE) {
      // Quoted by its finding exactly as typed: not parsed as markup, not interpolated by i18next.
      expect(findings.some((f) => f.includes(text))).toBe(true);
    }
    for (const [i, text] of HOSTILE.entries())
      expect(findingElements().some((el) => el.dataset.sheet === sheetNameOf(text, i))).toBe(true);
    expect(executable(container)).toEqual([]);

    act(() => screen.getByRole('tab', { name: '合计' }).click());
    await screen.findByRole('region', { name: HOSTILE[0] });
    for (const text of HOSTILE) expect(container.textContent).toContain(text);
    expect(executable(container)).toEqual([]);
    expect(alert).not.toHaveBeenCalled();
    unmount();
  });
});
