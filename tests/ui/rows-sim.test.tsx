/**
 * 指标行 and the folded notes, with the real task pane over the real Excel adapter on the simulated
 * workbook: the user selects a cell in Excel, clicks in the pane, and the sheet and the list follow.
 */

import { act, screen, waitFor, within } from '@testing-library/react';
import { toA1 } from '../../src/domain/address';
import type { Lang, TargetTable } from '../../src/domain/types';
import { createWorkbench } from '../../src/excel';
import { t } from '../../src/i18n';
import { SimWorkbook } from '../../src/sim';
import {
  COMMANDS,
  commandButton,
  findingAt,
  findingElements,
  isEnabled,
  renderPane,
  runCommand,
  SLOW,
} from './helpers';

jest.setTimeout(60000);

afterEach(() => document.body.replaceChildren());

const SHEET = '项目1';
const NAME_COL = 2;
const VALUE_COL = 5;

function simPane(sim: SimWorkbook, lang: Lang = 'zh-CN') {
  sim.setDisplayLanguage(lang);
  return createWorkbench(sim.excel, sim.office, { lang, debounceMs: 0 });
}

/** The sheet's table as a second, independent reader sees it. */
async function tableOn(sim: SimWorkbook): Promise<TargetTable> {
  const state = await createWorkbench(sim.excel, sim.office, { lang: 'zh-CN' }).refresh();
  const table = state.tables.find((tb) => tb.sheet === SHEET);
  expect(table).toBeDefined();
  return table!;
}

async function infoCount(sim: SimWorkbook): Promise<number> {
  const state = await createWorkbench(sim.excel, sim.office, { lang: 'zh-CN' }).refresh();
  return state.findings.filter((f) => f.severity === 'info').length;
}

/** A fresh template inserted through the pane. */
async function templatePane(lang: Lang = 'zh-CN') {
  const sim = new SimWorkbook();
  await renderPane(simPane(sim, lang), lang);
  await runCommand(COMMANDS[lang][0], lang);
  expect(sim.sheetNames()).toContain(SHEET);
  return sim;
}

function rowButton(
  lang: Lang,
  key: 'rows.add' | 'rows.remove' | 'rows.cancel' | 'rows.confirm',
  row?: number,
) {
  return screen.getByRole('button', { name: t(lang, key, { row }) }) as HTMLButtonElement;
}

/** Clicks and waits until the operation has finished (the command bar is enabled again). */
async function clickAndWait(button: HTMLButtonElement, lang: Lang = 'zh-CN') {
  act(() => button.click());
  await waitFor(() => expect(isEnabled(commandButton(COMMANDS[lang][1]))).toBe(true), SLOW);
}

/**
 * The question asked before a row is deleted, found by its title. (jsdom's accessible names put
 * spaces around the sheet name's own element, so spaces are not compared.)
 */
function confirmation(row: number): HTMLElement {
  const title = t('zh-CN', 'rows.confirmTitle', { sheet: SHEET, row: row + 1 });
  const bare = (s: string) => s.replace(/\s+/g, '');
  return screen.getByRole('group', { name: (name) => bare(name) === bare(title) });
}

const failed = (lang: Lang, message: string) => t(lang, 'error.failed', { message });

describe('指标行', () => {
  it('adds a row below the selected indicator row, continuing its 一级/二级, and the list follows', async () => {
    const sim = await templatePane();
    const before = await tableOn(sim);
    const after = before.indicators[1];
    const notesBefore = await infoCount(sim);

    await act(() => (sim.selection = { sheet: SHEET, address: toA1(after.row, 3) }));
    await clickAndWait(rowButton('zh-CN', 'rows.add'));

    const grown = await tableOn(sim);
    expect(grown.indicators).toHaveLength(before.indicators.length + 1);
    const added = grown.indicators[2];
    expect(added.row).toBe(after.row + 1);
    expect([added.level1.text, added.level2.text]).toEqual([after.level1.text, after.level2.text]);
    expect(added.level2.text).not.toBe('');
    expect(added.name.text).toBe('');
    // The categories below moved down by one, in order.
    expect(grown.indicators.slice(3).map((i) => i.level2.text)).toEqual(
      before.indicators.slice(2).map((i) => i.level2.text),
    );
    // The user is taken to the new row's 三级指标, ready to type.
    expect(sim.selection).toEqual({ sheet: SHEET, address: added.name.cell });
    expect(screen.getByText(/已在工作表/).textContent).toBe(
      t('zh-CN', 'rows.added', { sheet: SHEET, after: after.row + 1, row: after.row + 2 }),
    );

    // The new empty row is one more empty category in the (folded) notes.
    expect(await infoCount(sim)).toBe(notesBefore + 1);
    expect(screen.getByRole('button', { name: `提示（${notesBefore + 1}）` })).toBeTruthy();

    // What is typed into the new row is checked there.
    act(() => sim.setValue(SHEET, added.name.cell, '来访群众满意度'));
    await waitFor(
      () => expect(findingAt(SHEET, toA1(added.row, VALUE_COL), 'indicator/empty-value')).toBeDefined(),
      SLOW,
    );
  });

  it('adds the first row below the header when the header row is selected', async () => {
    const sim = await templatePane();
    const before = await tableOn(sim);
    await act(() => (sim.selection = { sheet: SHEET, address: before.indicatorHeader!.cell }));
    await clickAndWait(rowButton('zh-CN', 'rows.add'));
    const grown = await tableOn(sim);
    expect(grown.indicators).toHaveLength(before.indicators.length + 1);
    expect(grown.indicators[0].row).toBe(before.indicatorHeader!.row + 1);
    expect(grown.indicators[0].level2.text).toBe(before.indicators[0].level2.text);
  });

  it('deletes an empty indicator row at once', async () => {
    const sim = await templatePane();
    const before = await tableOn(sim);
    const gone = before.indicators.at(-2)!;
    await act(() => (sim.selection = { sheet: SHEET, address: gone.value.cell }));
    await clickAndWait(rowButton('zh-CN', 'rows.remove'));

    expect(screen.queryByRole('button', { name: t('zh-CN', 'rows.cancel') })).toBeNull();
    const shrunk = await tableOn(sim);
    expect(shrunk.indicators.map((i) => i.level2.text)).toEqual(
      before.indicators.filter((i) => i !== gone).map((i) => i.level2.text),
    );
    expect(screen.getByText(/已删除工作表/).textContent).toBe(
      t('zh-CN', 'rows.removed', { sheet: SHEET, row: gone.row + 1 }),
    );
  });

  it('asks before deleting a row that holds what was typed, and keeps it when told to', async () => {
    const sim = await templatePane();
    const before = await tableOn(sim);
    const row = before.indicators[1].row;
    act(() => {
      sim.setValue(SHEET, toA1(row, NAME_COL), '优质服务率');
      sim.setValue(SHEET, toA1(row, VALUE_COL), '≥90%');
    });
    await act(() => (sim.selection = { sheet: SHEET, address: toA1(row, 3) }));
    await clickAndWait(rowButton('zh-CN', 'rows.remove'));

    // Asked, with the content that would be lost; nothing deleted yet.
    const question = confirmation(row);
    const keep = within(question).getByRole('button', { name: t('zh-CN', 'rows.cancel') });
    expect(question.textContent).toContain('优质服务率');
    expect(question.textContent).toContain('≥90%');
    expect(document.activeElement).toBe(keep);
    expect(sim.getCell(SHEET, toA1(row, NAME_COL)).value).toBe('优质服务率');

    act(() => keep.click());
    expect(screen.queryByRole('button', { name: t('zh-CN', 'rows.cancel') })).toBeNull();
    expect((await tableOn(sim)).indicators).toHaveLength(before.indicators.length);
    expect(sim.getCell(SHEET, toA1(row, NAME_COL)).value).toBe('优质服务率');

    // Asked again, and confirmed: the row and its content go, the rows below move up.
    await clickAndWait(rowButton('zh-CN', 'rows.remove'));
    await clickAndWait(rowButton('zh-CN', 'rows.confirm', row + 1));
    const shrunk = await tableOn(sim);
    expect(shrunk.indicators).toHaveLength(before.indicators.length - 1);
    expect(shrunk.indicators.map((i) => i.name.text)).not.toContain('优质服务率');
    expect(shrunk.indicators[1].level2.text).toBe(before.indicators[2].level2.text);
    expect(findingElements().some((el) => el.textContent?.includes('优质服务率'))).toBe(false);
  });

  it('asks again when the row changed after the question', async () => {
    const sim = await templatePane();
    const row = (await tableOn(sim)).indicators[0].row;
    act(() => sim.setValue(SHEET, toA1(row, NAME_COL), '信访案件数量'));
    await act(() => (sim.selection = { sheet: SHEET, address: toA1(row, NAME_COL) }));
    await clickAndWait(rowButton('zh-CN', 'rows.remove'));
    rowButton('zh-CN', 'rows.cancel');

    act(() => sim.setValue(SHEET, toA1(row, VALUE_COL), '≥120件'));
    await clickAndWait(rowButton('zh-CN', 'rows.confirm', row + 1));

    expect(sim.getCell(SHEET, toA1(row, NAME_COL)).value).toBe('信访案件数量');
    expect(sim.getCell(SHEET, toA1(row, VALUE_COL)).value).toBe('≥120件');
    expect(screen.getByText(t('zh-CN', 'rows.changed', { row: row + 1 }))).toBeTruthy();
    const question = confirmation(row);
    expect(question.textContent).toContain('≥120件');
  });

  it('says plainly why nothing happened when the selection is not on an indicator row', async () => {
    const sim = await templatePane();
    const before = await tableOn(sim);
    const budgetRow = before.budget.total!.row;

    await act(() => (sim.selection = { sheet: SHEET, address: before.budget.total!.cell }));
    await clickAndWait(rowButton('zh-CN', 'rows.add'));
    const outside = t('zh-CN', 'excel.noIndicatorBlock', { row: budgetRow + 1, sheet: SHEET });
    expect(screen.getByText(failed('zh-CN', outside))).toBeTruthy();

    await clickAndWait(rowButton('zh-CN', 'rows.remove'));
    expect(screen.getByText(failed('zh-CN', outside))).toBeTruthy();

    await act(() => (sim.selection = { sheet: SHEET, address: before.indicatorHeader!.cell }));
    await clickAndWait(rowButton('zh-CN', 'rows.remove'));
    const header = t('zh-CN', 'excel.headerRow', { row: before.indicatorHeader!.row + 1 });
    expect(screen.getByText(failed('zh-CN', header))).toBeTruthy();

    const [first, second] = before.indicators;
    await act(() => (sim.selection = { sheet: SHEET, address: `${first.name.cell}:${second.value.cell}` }));
    await clickAndWait(rowButton('zh-CN', 'rows.remove'));
    const oneRow = t('zh-CN', 'rows.oneRow', { first: first.row + 1, last: second.row + 1 });
    expect(screen.getByText(failed('zh-CN', oneRow))).toBeTruthy();

    expect((await tableOn(sim)).indicators).toHaveLength(before.indicators.length);
    expect(sim.getCell(SHEET, before.budget.total!.cell).value).toBeNull();
  });

  it('is in English too', async () => {
    const sim = await templatePane('en-US');
    const before = await tableOn(sim);
    await act(() => (sim.selection = { sheet: SHEET, address: before.indicators[0].name.cell }));
    await clickAndWait(
      screen.getByRole('button', { name: 'Add indicator row' }) as HTMLButtonElement,
      'en-US',
    );
    expect((await tableOn(sim)).indicators).toHaveLength(before.indicators.length + 1);
    expect(screen.getByRole('button', { name: 'Delete indicator row' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Indicator rows' })).toBeTruthy();
  });
});

describe('notes (info findings)', () => {
  it('are folded under 提示（n） on a fresh template, errors and warnings shown', async () => {
    const sim = await templatePane();
    const notes = await infoCount(sim);
    expect(notes).toBeGreaterThan(0);

    const shown = () => findingElements().map((el) => el.dataset.severity);
    expect(shown()).not.toContain('info');
    expect(shown()).toContain('toFill');

    const group = screen.getByRole('region', { name: t('zh-CN', 'findings.unnamed') });
    const toggle = within(group).getByRole('button', { name: `提示（${notes}）` });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(within(group).getByRole('heading', { name: `提示（${notes}）` })).toBeTruthy();

    act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const infos = findingElements().filter((el) => el.dataset.severity === 'info');
    expect(infos).toHaveLength(notes);
    expect(infos.every((el) => el.dataset.rule === 'indicator/empty-placeholder')).toBe(true);

    // Unfolded, they stay so while the list follows the typing.
    const first = (await tableOn(sim)).indicators[0];
    act(() => sim.setValue(SHEET, first.name.cell, '信访案件数量'));
    await waitFor(
      () => expect(within(group).getByRole('button', { name: `提示（${notes - 1}）` })).toBeTruthy(),
      SLOW,
    );
    expect(findingElements().filter((el) => el.dataset.severity === 'info')).toHaveLength(notes - 1);

    act(() =>
      within(group)
        .getByRole('button', { name: `提示（${notes - 1}）` })
        .click(),
    );
    expect(shown()).not.toContain('info');
  });

  it('are folded under Notes (n) in English', async () => {
    const sim = await templatePane('en-US');
    const notes = await infoCount(sim);
    const toggle = screen.getByRole('button', { name: `Notes (${notes})` });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    act(() => toggle.click());
    expect(findingElements().filter((el) => el.dataset.severity === 'info')).toHaveLength(notes);
  });
});
