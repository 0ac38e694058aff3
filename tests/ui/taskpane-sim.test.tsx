/**
 * The real task pane driving the real Excel adapter over the simulated workbook: what happens in
 * Excel when the user clicks, types and fixes, seen from both sides.
 */

import { act, screen, waitFor, within } from '@testing-library/react';
import type { Lang } from '../../src/domain/types';
import { createWorkbench } from '../../src/excel';
import { SimWorkbook } from '../../src/sim';
import { bootTaskpane } from '../../src/taskpane/boot';
import type { Grid } from '../../src/domain/grid';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { SEED_TABLES } from '../fixtures/seed-data';
import { templateGrid } from '../fixtures/table-builder';
import {
  CJK,
  COMMANDS,
  commandButton,
  findingAt,
  findingElements,
  fullText,
  renderPane,
  runCommand,
  SLOW,
  uiText,
} from './helpers';

const ERROR_FILL = '#FFC7CE';

// Whole workflows over the simulator: seconds on a loaded machine.
jest.setTimeout(60000);

const unmounts: (() => void)[] = [];
afterEach(() => {
  act(() => unmounts.splice(0).forEach((unmount) => unmount()));
  document.body.replaceChildren();
});

function simPane(sim: SimWorkbook, lang: Lang = 'zh-CN') {
  sim.setDisplayLanguage(lang);
  return createWorkbench(sim.excel, sim.office, { lang, debounceMs: 0 });
}

async function waitForFinding(sheet: string, cell: string, rule: string): Promise<HTMLElement> {
  return waitFor(() => {
    const el = findingAt(sheet, cell, rule);
    expect(el).toBeDefined();
    return el!;
  }, SLOW);
}

function totalsRegion(name: string) {
  const region = screen.getByRole('region', { name });
  return Array.from(region.querySelectorAll('dt')).map(
    (dt) => `${dt.textContent}=${dt.nextElementSibling?.textContent}`,
  );
}

describe('on the simulated workbook', () => {
  it('insert → validate → a bad value typed → the finding → its cell → fix → undo', async () => {
    const sim = new SimWorkbook();
    await renderPane(simPane(sim));

    await runCommand('插入模板');
    expect(sim.sheetNames()).toContain('项目1');
    // A fresh template is progress: its empty cells are 待填写, no error (SPEC §4).
    const nameMissing = findingAt('项目1', 'E3', 'table/missing-field');
    expect(nameMissing?.dataset.severity).toBe('toFill');
    const verdict = screen.getByRole('region', { name: '提交前检查' });
    expect(verdict.textContent).toMatch(/还有 \d+ 项待填写/);
    expect(findingElements().some((el) => el.dataset.severity === 'error')).toBe(false);

    await runCommand('校验');
    expect(sim.getCell('项目1', 'E3').fill).toBe(ERROR_FILL);
    expect(findingAt('项目1', 'E3', 'table/missing-field')?.dataset.severity).toBe('error');

    act(() => {
      sim.setValue('项目1', 'C10', '案件处理率');
      sim.setValue('项目1', 'F10', '75%');
    });
    const item = await waitForFinding('项目1', 'F10', 'indicator/no-comparator');
    expect(item.dataset.severity).toBe('warning');
    expect(item.textContent).toContain('75%');

    act(() => within(item).getAllByRole('button')[0].click());
    await waitFor(() => expect(sim.selection).toEqual({ sheet: '项目1', address: 'F10' }));

    act(() => within(item).getByRole('button', { name: '改为 ≥75%' }).click());
    await waitFor(() => expect(sim.getCell('项目1', 'F10').value).toBe('≥75%'));
    await waitFor(() => expect(findingAt('项目1', 'F10', 'indicator/no-comparator')).toBeUndefined());

    act(() => screen.getByRole('button', { name: '撤销' }).click());
    await waitFor(() => expect(sim.getCell('项目1', 'F10').value).toBe('75%'));
    await waitForFinding('项目1', 'F10', 'indicator/no-comparator');

    const errors = findingElements().filter((el) => el.dataset.severity === 'error').length;
    expect(errors).toBeGreaterThan(0);
    expect(
      within(screen.getByRole('region', { name: '提交前检查' })).getByText(`还有 ${errors} 个错误需要修改`),
    ).toBeTruthy();

    act(() => commandButton('清除标记').click());
    await waitFor(() => expect(sim.getCell('项目1', 'E3').fill).toBeNull());
  });

  it('the seed: one error left (驻京值班), the totals, and the 汇总 sheet written', async () => {
    const sim = SimWorkbook.fromGrids(seedStandardGrids());
    await renderPane(simPane(sim));

    const verdict = screen.getByRole('region', { name: '提交前检查' });
    expect(within(verdict).getByText('还有 1 个错误需要修改')).toBeTruthy();
    act(() => within(verdict).getByRole('button', { name: '各项目' }).click());
    expect(verdict.textContent).toContain('驻京值班：1 个错误');
    expect(findingAt('驻京值班', 'F13')?.dataset.rule).toBe('indicator/unit-mismatch');
    expect(findingAt('疑难信访资金', 'F12')?.dataset.rule).toBe('indicator/no-comparator');

    await runCommand('汇总');
    await screen.findByRole('region', { name: '全部项目合计' });
    expect(totalsRegion('全部项目合计')).toEqual([
      '预算数=102.00',
      '财政资金=102.00',
      '其他资金=0.00',
      '3月底=17.60',
      '6月底=41.50',
      '10月底=69.55',
      '12月底=102.00',
    ]);
    expect(totalsRegion('值班接访')).toContain('10月底=26.40');

    expect(sim.sheetNames()).toContain('汇总');
    const summary = sim.toGrid('汇总');
    const totalRow = summary.cells.find((row) => row.some((c) => c?.value === '合计'));
    expect(totalRow?.map((c) => c?.value)).toEqual(expect.arrayContaining([102, 17.6, 41.5, 69.55]));
    expect(screen.getByText(fullText('已写入汇总表“汇总”，其中的公式会随项目表自动更新。'))).toBeTruthy();
  });

  it('a budget that cannot be read: 未能读取 and where, never a total that leaves it out', async () => {
    const grids = seedStandardGrids();
    const sim = SimWorkbook.fromGrids(grids);
    const sheet = grids[1].sheet;
    sim.setValue(sheet, 'C4', '待定');
    await renderPane(simPane(sim));

    await runCommand('汇总');
    const all = await screen.findByRole('region', { name: '全部项目合计' });
    const amounts = totalsRegion('全部项目合计');
    expect(amounts).toContain('预算数=未能读取');
    expect(amounts.some((a) => /^预算数=\d/.test(a))).toBe(false);
    expect(all.textContent).toContain(sheet);
    expect(all.textContent).toContain('C4');
    const summary = sim.toGrid('汇总');
    const totalRow = summary.cells.find((row) => row.some((c) => c?.value === '合计'));
    expect(totalRow?.map((c) => c?.value)).toContain('未能读取');
  });

  it('rows that continue a table on the next sheet: named there, under the project, its sheet said', async () => {
    const whole = templateGrid('项目1', SEED_TABLES[0] ?? {});
    // the last indicators (rows 12 on) cut off at a page onto a sheet of their own
    const top: Grid = {
      ...whole,
      cells: whole.cells.slice(0, 11 - whole.top),
      merges: whole.merges.filter((m) => m.bottom < 11),
    };
    const rest: Grid = {
      ...whole,
      sheet: '第2页',
      top: 0,
      cells: whole.cells.slice(11 - whole.top),
      merges: whole.merges
        .filter((m) => m.top >= 11)
        .map((m) => ({ ...m, top: m.top - 11, bottom: m.bottom - 11 })),
    };
    const sim = SimWorkbook.fromGrids([top, rest]);
    await renderPane(simPane(sim));
    const stray = await waitForFinding('第2页', 'B1', 'table/stray-rows');
    expect(stray.textContent).toContain("单元格 '第2页'!B1");
    expect(stray.textContent).toContain('“第2页”A1:G4 的 4 行像是“群众工作中心运行”指标的续行');
    expect(
      within(screen.getByRole('region', { name: '群众工作中心运行' })).getAllByRole('listitem'),
    ).toContain(stray);
    act(() => stray.click());
    await waitFor(() => expect(sim.selection).toEqual({ sheet: '第2页', address: 'B1' }));
  });

  it('shows markup typed into a cell as text', async () => {
    const sim = new SimWorkbook();
    await renderPane(simPane(sim));
    await runCommand('插入模板');

    const markup = '<img src=x onerror=alert(1)>';
    act(() => sim.setValue('项目1', 'E3', markup));
    await screen.findByRole('region', { name: markup });
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getAllByText(markup).length).toBeGreaterThan(0);
  });

  it('in English leaves no Chinese of its own', async () => {
    const sim = SimWorkbook.fromGrids(seedStandardGrids());
    await renderPane(simPane(sim, 'en-US'), 'en-US');
    await runCommand('Validate', 'en-US');
    expect(screen.getByText('Errors to fix before submitting: 1')).toBeTruthy();

    // Findings quote the workbook's names; what the pane itself says must be English.
    const withoutFindings = () => {
      const clone = document.body.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('[translate="no"], [data-rule]').forEach((el) => el.remove());
      return clone.textContent ?? '';
    };
    expect(withoutFindings()).not.toMatch(CJK);
    for (const el of findingElements()) expect(el.textContent).toMatch(/[A-Za-z]{3,}/);

    await runCommand('Totals', 'en-US');
    await screen.findByRole('region', { name: 'All projects' });
    expect(uiText()).not.toMatch(CJK);
  });
});

describe('starting in a page', () => {
  it('outside Excel: the explanation, with the four commands disabled', async () => {
    const container = document.body.appendChild(document.createElement('div'));
    const office = {
      onReady: () => Promise.resolve({ host: null, platform: null }),
      HostType: { Excel: 'Excel' },
      context: { displayLanguage: 'en-US' },
    } as unknown as typeof Office;
    unmounts.push(await act(() => bootTaskpane(office, undefined, container)));
    expect(screen.getByRole('heading', { name: 'Open this in Excel' })).toBeTruthy();
    for (const name of COMMANDS['en-US']) expect(commandButton(name).disabled).toBe(true);
  });

  it('without office.js: the explanation and why', async () => {
    const container = document.body.appendChild(document.createElement('div'));
    unmounts.push(await act(() => bootTaskpane(undefined, undefined, container)));
    expect(document.body.textContent).toContain('office.js');
    expect(screen.getAllByRole('button').filter((b) => !b.hasAttribute('disabled'))).toHaveLength(0);
  });

  it('in Excel: the pane over the workbook, in Office’s language', async () => {
    const sim = new SimWorkbook();
    sim.setDisplayLanguage('en-US');
    const container = document.body.appendChild(document.createElement('div'));
    await act(() => bootTaskpane(sim.office as unknown as typeof Office, sim.excel, container));
    await screen.findByRole('region', { name: 'Ready to submit?' });
    await runCommand('Insert template', 'en-US');
    expect(sim.sheetNames()).toContain('项目1');
    await waitFor(() => expect(findingAt('项目1', 'E3', 'table/missing-field')).toBeDefined());
  });

  it('on Excel without change events: says the list follows 校验, and 校验 still works', async () => {
    const sim = new SimWorkbook();
    sim.setRequirementSets({ ExcelApi: '1.6' });
    const container = document.body.appendChild(document.createElement('div'));
    unmounts.push(
      await act(() => bootTaskpane(sim.office as unknown as typeof Office, sim.excel, container)),
    );
    await screen.findByText(
      '此版本的 Excel 不支持更改事件：修改表格后请点击“校验”刷新列表。',
      undefined,
      SLOW,
    );
    await runCommand('插入模板');
    act(() => sim.setValue('项目1', 'E3', '网格化信访'));
    await act(() => sim.idle());
    // Nothing follows the edit: the list is as it was until 校验.
    expect(findingAt('项目1', 'E3', 'table/missing-field')).toBeDefined();
    await runCommand('校验');
    expect(findingAt('项目1', 'E3', 'table/missing-field')).toBeUndefined();
    expect(findingAt('项目1', 'B8', 'table/missing-field')).toBeDefined();
  });
});
