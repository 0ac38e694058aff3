/**
 * The 参考指标 panel (SPEC §13) as a user meets it: the row it is about, suggestions as typed (each a
 * data-suggestion), 插入 handing the entry's name, description and basis — never a value — and the
 * notice saying what was written, what was kept, and that the value is the user's.
 */

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { WorkbookState } from '../../src/domain/analysis';
import { readWorkbook } from '../../src/domain/reader';
import { computeTotals, totalsView } from '../../src/domain/totals';
import type { Lang } from '../../src/domain/types';
import type { ReferenceInserted, ReferenceToInsert } from '../../src/excel/workbench';
import { ReferencePanel } from '../../src/taskpane/ReferencePanel';
import { GOOD } from '../domain/rules/rule-tester';
import { templateGrid } from '../fixtures/table-builder';
import { CJK } from './helpers';

const GRID = templateGrid('项目1', {
  ...GOOD,
  indicators: [
    ...(GOOD.indicators ?? []),
    { level1: '满意度指标', level2: '服务对象满意度指标', value: '≥95%' },
  ],
});
const TABLES = readWorkbook([GRID]);
const STATE: WorkbookState = {
  tables: TABLES,
  findings: [],
  totals: totalsView(computeTotals(TABLES)),
  problems: [],
};
const ROW = TABLES[0].indicators.at(-1)!;

interface Inserted {
  sheet: string;
  row: number;
  reference: ReferenceToInsert;
  said: (r: ReferenceInserted) => React.ReactNode;
}

function renderPanel(address: string | null, lang: Lang = 'zh-CN') {
  const inserted: Inserted[] = [];
  const selection = jest.fn(async () => (address ? { sheet: '项目1', address } : null));
  render(
    <FluentProvider theme={webLightTheme}>
      <ReferencePanel
        lang={lang}
        state={STATE}
        busy={false}
        selection={selection}
        onInsert={(sheet, row, reference, said) => inserted.push({ sheet, row, reference, said })}
      />
    </FluentProvider>,
  );
  return { inserted, selection };
}

/** A paragraph by its whole text (workbook text inside it is a span of its own). */
const paragraph = (text: string) =>
  screen.findByText((_, el) => el?.tagName === 'P' && el.textContent === text);

const suggestions = () => [...document.querySelectorAll<HTMLElement>('[data-suggestion]')];

test('on a 服务对象满意度指标 row, 满意 lists satisfaction names under that 二级, each with its source', async () => {
  renderPanel(ROW.name.cell);
  await paragraph(`项目1第 ${ROW.row + 1} 行（服务对象满意度指标）`);
  fireEvent.change(screen.getByRole('searchbox', { name: '查找参考指标' }), { target: { value: '满意' } });
  await waitFor(() => expect(suggestions().length).toBeGreaterThan(3));
  for (const el of suggestions()) {
    expect(el.dataset.suggestion).toContain('满意');
    expect(el.textContent).toMatch(/示例：.+ · 来源：.+/);
  }
});

test('插入 hands over the name, description and basis, never the value; the notice says what happened', async () => {
  const { inserted } = renderPanel(ROW.name.cell);
  await paragraph(`项目1第 ${ROW.row + 1} 行（服务对象满意度指标）`);
  fireEvent.change(screen.getByRole('searchbox'), { target: { value: '服务对象满意度' } });
  await waitFor(() => expect(suggestions()[0]?.dataset.suggestion).toBe('服务对象满意度'));
  fireEvent.click(within(suggestions()[0]).getByRole('button', { name: '插入“服务对象满意度”' }));
  expect(inserted).toHaveLength(1);
  const [call] = inserted;
  expect([call.sheet, call.row, call.reference.name]).toEqual(['项目1', ROW.row, '服务对象满意度']);
  expect(Object.keys(call.reference).sort()).toEqual(expect.arrayContaining(['name']));
  expect(JSON.stringify(call.reference)).not.toMatch(/example|value|≥/);

  const result: ReferenceInserted = {
    sheet: '项目1',
    row: ROW.row,
    written: [{ field: 'name', cell: ROW.name.cell }],
    kept: [{ field: 'basis', cell: ROW.basis!.cell }],
  };
  render(<>{call.said(result)}</>);
  expect(document.body.textContent).toContain(`已写入“服务对象满意度”（${ROW.name.cell}）。`);
  expect(document.body.textContent).toContain(`${ROW.basis!.cell} 已有内容，未改动。`);
  expect(document.body.textContent).toMatch(/指标值由您填写，示例“[^”]+”未写入。/);
});

test('off an indicator row the panel says where to go, and its 插入 buttons are disabled', async () => {
  renderPanel('A1');
  fireEvent.change(screen.getByRole('searchbox'), { target: { value: '及时' } });
  await screen.findByText('选中一个指标行（三级指标所在的行），这里会列出可参考的指标。');
  await waitFor(() => expect(suggestions().length).toBeGreaterThan(0));
  for (const el of suggestions()) expect(within(el).getByRole('button')).toHaveProperty('disabled', true);
});

test('nothing found is said, with the words typed', async () => {
  renderPanel(ROW.name.cell);
  fireEvent.change(screen.getByRole('searchbox'), { target: { value: '量子纠缠观测站' } });
  await screen.findByText('指标库中没有与“量子纠缠观测站”相符的参考指标。');
  expect(suggestions()).toEqual([]);
});

test('in English: the panel speaks English, the workbook text stays as typed', async () => {
  renderPanel(ROW.name.cell, 'en-US');
  await paragraph(`项目1, row ${ROW.row + 1} (服务对象满意度指标)`);
  const search = screen.getByRole('searchbox', { name: 'Search reference indicators' });
  fireEvent.change(search, { target: { value: '满意' } });
  await waitFor(() => expect(suggestions().length).toBeGreaterThan(0));
  const button = within(suggestions()[0]).getByRole('button');
  expect(button.textContent).toBe('Insert');
  const own = screen.getByRole('heading').textContent ?? '';
  expect(own).not.toMatch(CJK);
});
