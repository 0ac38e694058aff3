/** The task pane against an in-memory workbook: what a finance officer sees and what their clicks do. */

import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { Lang } from '../../src/domain/types';
import { t } from '../../src/i18n';
import { App } from '../../src/taskpane/App';
import { FakeWorkbench, FakeWorkbook } from './fake-workbench';
import {
  CJK,
  COMMANDS,
  commandBar,
  commandButton,
  findingAt,
  findingElements,
  fullText,
  isEnabled,
  renderPane,
  runCommand,
  uiText,
} from './helpers';

function pane(lang: Lang = 'zh-CN', book = new FakeWorkbook(), capabilities = {}) {
  return { book, workbench: new FakeWorkbench(book, { lang, capabilities }) };
}

describe('command bar', () => {
  it.each<[Lang]>([['zh-CN'], ['en-US']])(
    '%s: shows the four commands by their exact names, views named otherwise',
    async (lang) => {
      const { workbench } = pane(lang);
      await renderPane(workbench, lang);
      const bar = commandBar();
      const names = within(bar)
        .getAllByRole('button')
        .map((b) => b.textContent);
      expect(names).toEqual(COMMANDS[lang]);
      for (const name of COMMANDS[lang])
        expect(screen.getByRole('button', { name }).hasAttribute('disabled')).toBe(false);
      const tabs = screen.getAllByRole('tab').map((tab) => tab.textContent ?? '');
      expect(tabs).toHaveLength(4);
      for (const tab of tabs) expect(COMMANDS[lang]).not.toContain(tab);
    },
  );
});

describe('outside Office', () => {
  it.each<[Lang]>([['zh-CN'], ['en-US']])(
    '%s: explains where the add-in runs, with the commands disabled',
    (lang) => {
      render(<App workbench={null} lang={lang} />);
      expect(screen.getByRole('heading', { name: t(lang, 'outside.title') })).toBeTruthy();
      expect(document.body.textContent).toContain('Excel');
      expect(document.body.textContent).toContain('preview.html');
      for (const name of COMMANDS[lang]) expect(commandButton(name).disabled).toBe(true);
      if (lang === 'en-US') expect(document.body.textContent).not.toMatch(CJK);
    },
  );

  it('shows why, when the page knows', async () => {
    render(<App workbench={null} lang="zh-CN" hostMessage="Office 的脚本没有加载" />);
    // The notice comes with the parts fetched after the first paint (src/taskpane/parts.ts).
    expect(await screen.findByText('Office 的脚本没有加载')).toBeTruthy();
  });
});

describe('insert, type, find, fix', () => {
  it('inserts a template and lists what is missing, then follows the user typing', async () => {
    const { book, workbench } = pane();
    await renderPane(workbench);
    expect(screen.getByText(t('zh-CN', 'verdict.noTables'))).toBeTruthy();

    await runCommand('插入模板');
    expect(book.sheets.has('新项目')).toBe(true);
    expect(screen.getByText(fullText('已插入新工作表“新项目”，可以开始填写。'))).toBeTruthy();
    const missing = findingAt('新项目', 'E3');
    expect(missing?.dataset).toMatchObject({ rule: 'table/missing-field', severity: 'error' });

    act(() => book.setValue('新项目', 'F10', '75%'));
    const item = await waitFor(() => {
      const el = findingAt('新项目', 'F10');
      expect(el).toBeDefined();
      return el!;
    });
    expect(item.dataset).toMatchObject({
      rule: 'indicator/no-comparator',
      severity: 'warning',
      sheet: '新项目',
      cell: 'F10',
    });
    expect(item.textContent).toContain('F10');
    expect(item.textContent).toContain('指标值“75%”缺少比较符号');
    expect(within(item).getByRole('button', { name: /改为 ≥75%/ })).toBeTruthy();
    // 项目名称 is empty: it has no fix button.
    expect(within(missing!).queryByRole('button', { name: /改为/ })).toBeNull();
  });

  it('selects the cell when a finding is activated by click, Enter or Space', async () => {
    const book = new FakeWorkbook();
    book.addProject('项目一', {
      name: '项目一',
      budget: [10, 10],
      plan: [20, 50, 80, 100],
      values: ['75%', '≥90%'],
    });
    book.addProject('项目二', {
      name: '项目二',
      budget: [5, 5],
      plan: [20, 50, 80, 100],
      values: ['≥1', '85%'],
    });
    const { workbench } = pane('zh-CN', book);
    await renderPane(workbench);

    act(() => findingAt('项目二', 'F11')!.click());
    await waitFor(() => expect(book.selection).toEqual({ sheet: '项目二', address: 'F11' }));

    const first = findingAt('项目一', 'F10')!;
    fireEvent.keyDown(within(first).getAllByRole('button')[0], { key: 'Enter' });
    await waitFor(() => expect(book.selection).toEqual({ sheet: '项目一', address: 'F10' }));

    book.selection = null;
    fireEvent.keyDown(findingAt('项目二', 'F11')!.querySelector('button')!, { key: ' ' });
    await waitFor(() => expect(book.selection).toEqual({ sheet: '项目二', address: 'F11' }));
  });

  it('applies a fix to its own cell and undoes it', async () => {
    const book = new FakeWorkbook();
    book.addProject('疑难信访', {
      name: '疑难信访资金',
      budget: [8, 8],
      plan: [20, 50, 80, 100],
      values: ['75%'],
    });
    const { workbench } = pane('zh-CN', book);
    await renderPane(workbench);

    const item = findingAt('疑难信访', 'F10', 'indicator/no-comparator')!;
    act(() => within(item).getByRole('button', { name: '改为 ≥75%' }).click());
    await waitFor(() => expect(findingAt('疑难信访', 'F10')).toBeUndefined());
    expect(book.get('疑难信访', 'F10')).toBe('≥75%');
    // Activating the fix did not also jump to the cell.
    expect(book.selection).toBeNull();
    expect(screen.getByText(/已改为/).textContent).toBe('F10（疑难信访）已改为 ≥75%');

    act(() => screen.getByRole('button', { name: '撤销' }).click());
    await waitFor(() => expect(findingAt('疑难信访', 'F10', 'indicator/no-comparator')).toBeDefined());
    expect(book.get('疑难信访', 'F10')).toBe('75%');
    expect(screen.getByText(fullText('已恢复 F10（疑难信访）原来的内容。'))).toBeTruthy();
    expect(screen.queryByRole('button', { name: '撤销' })).toBeNull();
  });

  it('restores nothing when the cell was edited after the fix, and says so', async () => {
    const book = new FakeWorkbook();
    book.addProject('项目一', { name: '项目一', budget: [8, 8], plan: [20, 50, 80, 100], values: ['60%'] });
    const { workbench } = pane('zh-CN', book);
    await renderPane(workbench);

    act(() => screen.getByRole('button', { name: '改为 ≥60%' }).click());
    await screen.findByRole('button', { name: '撤销' });
    act(() => book.setValue('项目一', 'F10', '≥65%'));
    await waitFor(() => expect(isEnabled(commandButton('校验'))).toBe(true));

    act(() => screen.getByRole('button', { name: '撤销' }).click());
    await screen.findByText(fullText('F10（项目一）在修改后又被编辑过，没有恢复任何内容。'));
    expect(book.get('项目一', 'F10')).toBe('≥65%');
  });
});

describe('提交前检查', () => {
  it('blocks while errors are left, by project, and clears when they are fixed', async () => {
    const book = new FakeWorkbook();
    book.addProject('甲', { name: '', budget: [10, 6, 3], plan: [20, 50, 80, 100] });
    book.addProject('乙', { name: '乙项目', budget: [5, 5], plan: [20, 50, 80, 100], values: ['80%'] });
    const { workbench } = pane('zh-CN', book);
    await renderPane(workbench);

    const verdict = screen.getByRole('region', { name: '提交前检查' });
    expect(within(verdict).getByText('还有 2 个错误需要修改')).toBeTruthy();
    // One line; per project on demand, full-width colons and no zero counts.
    expect(verdict.textContent).toContain('另有 1 个警告。');
    act(() => within(verdict).getByRole('button', { name: '各项目' }).click());
    expect(verdict.textContent).toContain('未命名项目 · 甲：2 个错误');
    expect(verdict.textContent).toContain('乙项目 · 乙：1 个警告');
    expect(verdict.textContent).not.toMatch(/\b0 个|: /);

    act(() => book.setValue('甲', 'E3', '甲项目'));
    await screen.findByText('还有 1 个错误需要修改');
    act(() => book.setValue('甲', 'F4', '4'));
    await screen.findByText('可以提交');
    expect(screen.queryByText(/还有 \d+ 个错误/)).toBeNull();
  });

  it('groups findings by project and severity with counts', async () => {
    const book = new FakeWorkbook();
    book.addProject('甲', {
      name: '甲项目',
      budget: ['十万元'],
      plan: [20, 50, 80, 100],
      values: ['75%', '80%'],
    });
    const { workbench } = pane('zh-CN', book);
    await renderPane(workbench);

    const group = screen.getByRole('region', { name: '甲项目' });
    expect(within(group).getByRole('heading', { name: '错误（1）' })).toBeTruthy();
    expect(within(group).getByRole('heading', { name: '警告（2）' })).toBeTruthy();
    expect(within(group).getByRole('heading', { name: '甲项目 · 甲' })).toBeTruthy();
    expect(findingElements().map((el) => el.dataset.cell)).toEqual(['B4', 'F10', 'F11']);
  });
});

describe('校验 and 清除标记', () => {
  it('marks the findings on 校验 and removes the marks on 清除标记', async () => {
    const book = new FakeWorkbook();
    book.addProject('甲', { name: '甲项目', budget: [10, 9], plan: [20, 50, 80, 100], values: ['75%'] });
    const { workbench } = pane('zh-CN', book);
    await renderPane(workbench);
    expect(book.marks.size).toBe(0);

    await runCommand('校验');
    expect([...book.marks].sort()).toEqual(['甲!B4', '甲!F10']);
    expect(screen.getByText('校验完成：1 个错误、1 个警告，问题单元格已标记。')).toBeTruthy();

    await runCommand('清除标记');
    expect(book.marks.size).toBe(0);
    expect(screen.getByText('已清除“校验”添加的标记；模板自带的规则和你自己的格式都保留。')).toBeTruthy();
  });

  it('shows a failure as a plain message, never a stack', async () => {
    const { workbench } = pane();
    await renderPane(workbench);
    const failure = new Error('与 Excel 的连接已断开\n    at Object.sync (office.js:1:2)');
    workbench.failures.set('validate', failure);

    await runCommand('校验');
    expect(screen.getByText('操作没有完成：与 Excel 的连接已断开')).toBeTruthy();
    expect(document.body.textContent).not.toContain('office.js:1:2');
    expect(document.body.textContent).not.toMatch(/\bat Object\./);
  });
});

describe('合计 and 汇总', () => {
  const amounts = (region: HTMLElement) =>
    Array.from(region.querySelectorAll('dt')).map(
      (dt) => `${dt.textContent}=${dt.nextElementSibling?.textContent}`,
    );

  function twoProjects() {
    const book = new FakeWorkbook();
    book.addProject('群众工作中心', {
      code: '207-01',
      name: '群众工作中心运行',
      budget: [16.35, 16.35],
      plan: [20, 50, 85, 100],
    });
    book.addProject('网上信访', {
      code: '207-02',
      name: '网上信访',
      budget: [33, 30, 3],
      plan: [10, '', 70, 100],
    });
    return book;
  }

  it('汇总 writes the 汇总 sheet and shows every project and the total', async () => {
    const book = twoProjects();
    const { workbench } = pane('zh-CN', book);
    await renderPane(workbench);

    await runCommand('汇总');
    expect(book.get('汇总', 'D4')).toBe(49.35);
    expect(screen.getByRole('tab', { name: '合计' }).getAttribute('aria-selected')).toBe('true');

    const all = await screen.findByRole('region', { name: '全部项目合计' });
    expect(amounts(all)).toEqual([
      '预算数=49.35',
      '财政资金=46.35',
      '其他资金=3.00',
      '3月底=6.57',
      '6月底=11.48',
      '10月底=37.00',
      '12月底=49.35',
    ]);
    expect(within(all).getByText('共 2 个项目')).toBeTruthy();
    const first = screen.getByRole('region', { name: '群众工作中心运行' });
    expect(amounts(first)).toContain('10月底=13.90');
    expect(first.textContent).toContain('编码 207-01');
    expect(screen.getByText(fullText('已写入汇总表“汇总”，其中的公式会随项目表自动更新。'))).toBeTruthy();
  });

  it('写入汇总表 in the 合计 view writes the sheet again after the user changed a budget', async () => {
    const book = twoProjects();
    const { workbench } = pane('zh-CN', book);
    await renderPane(workbench);
    act(() => screen.getByRole('tab', { name: '合计' }).click());
    const write = await screen.findByRole('button', { name: '写入汇总表' });
    expect(book.sheets.has('汇总')).toBe(false);

    act(() => book.setValue('网上信访', 'B4', '34'));
    await waitFor(() =>
      expect(amounts(screen.getByRole('region', { name: '全部项目合计' }))).toContain('预算数=50.35'),
    );
    act(() => write.click());
    await waitFor(() => expect(book.get('汇总', 'D4')).toBe(50.35));
  });
});

describe('设置', () => {
  it('shows the remembered settings and saves what the user changes; 插入模板 uses them', async () => {
    const book = new FakeWorkbook();
    book.settings = { ...DEFAULT_SETTINGS, unitCode: '207002', unitName: '某某单位' };
    const { workbench } = pane('zh-CN', book);
    await renderPane(workbench);
    act(() => screen.getByRole('tab', { name: '设置' }).click());

    const unitName = await screen.findByRole<HTMLInputElement>('textbox', { name: '单位名称' });
    expect(unitName.value).toBe('某某单位');
    expect((screen.getByRole('textbox', { name: '单位编码' }) as HTMLInputElement).value).toBe('207002');
    fireEvent.change(unitName, { target: { value: '临西县信访局' } });
    fireEvent.blur(unitName);
    await waitFor(() => expect(book.settings.unitName).toBe('临西县信访局'));

    const profile = screen.getByRole('combobox', { name: '指标体系' }) as HTMLSelectElement;
    expect(Array.from(profile.options).map((o) => o.text)).toEqual([
      '自动识别',
      '河北省项目绩效目标表（2019）',
      '财政部 财预〔2015〕88号',
      '财政部 财预〔2021〕101号',
    ]);
    fireEvent.change(profile, { target: { value: 'mof-2021' } });
    await waitFor(() => expect(book.settings.profile).toBe('mof-2021'));

    // 年度: a year as people type it is taken, anything else says what to write and is not used.
    const year = screen.getByRole<HTMLInputElement>('textbox', { name: /年度/ });
    fireEvent.change(year, { target: { value: '明年' } });
    fireEvent.blur(year);
    expect(await screen.findByText(/“明年”不是年份/)).toBeTruthy();
    fireEvent.change(year, { target: { value: '２０２７年' } });
    fireEvent.blur(year);
    await waitFor(() => expect(book.settings.year).toBe('２０２７年'));
    expect(screen.queryByText(/不是年份/)).toBeNull();
    act(() => screen.getByRole('checkbox', { name: /签字栏/ }).click());
    await waitFor(() => expect(book.settings.signature).toBe(true));

    fireEvent.change(screen.getByRole('textbox', { name: /新项目名称/ }), {
      target: { value: '网格化信访' },
    });
    await runCommand('插入模板');
    expect(workbench.lastTemplate).toMatchObject({ year: '2027', signature: true });
    expect(book.get('网格化信访', 'E3')).toBe('网格化信访');
    expect(book.get('网格化信访', 'A2')).toBe('207002临西县信访局');
    expect(book.get('网格化信访', 'G1')).toBe('mof-2021');
    expect((screen.getByRole('textbox', { name: /新项目名称/ }) as HTMLInputElement).value).toBe('');
  });

  it('实时标记 says what it costs, is remembered, and marks after each edit once on', async () => {
    const book = new FakeWorkbook();
    book.addProject('甲', { name: '甲项目', budget: [10, 10], plan: [20, 50, 80, 100], values: ['≥75%'] });
    const { workbench } = pane('zh-CN', book);
    await renderPane(workbench);

    act(() => book.setValue('甲', 'F10', '75%'));
    await waitFor(() => expect(findingAt('甲', 'F10')).toBeDefined());
    expect(book.marks.size).toBe(0);

    act(() => screen.getByRole('tab', { name: '设置' }).click());
    const live = await screen.findByRole('switch', { name: '实时标记' });
    expect(live.getAttribute('aria-describedby')).toBeTruthy();
    const note = document.getElementById(live.getAttribute('aria-describedby')!)!;
    expect(note.textContent).toContain('撤销记录');

    act(() => live.click());
    await waitFor(() => expect(book.settings.liveMarks).toBe(true));
    act(() => book.setValue('甲', 'F11', '80%'));
    await waitFor(() => expect(book.marks.has('甲!F11')).toBe(true));
  });
});

describe('live list', () => {
  it('says when Excel has no change events, and does not listen', async () => {
    const { book, workbench } = pane('zh-CN', new FakeWorkbook(), { events: false });
    await renderPane(workbench);
    expect(screen.getByText(t('zh-CN', 'findings.noEvents'))).toBeTruthy();
    expect(book.listeners.size).toBe(0);
  });

  it('stops listening when the pane closes', async () => {
    const { book, workbench } = pane();
    const { unmount } = await renderPane(workbench);
    await waitFor(() => expect(book.listeners.size).toBe(1));
    unmount();
    await waitFor(() => expect(book.listeners.size).toBe(0));
  });
});

describe('cell text is text', () => {
  it('renders markup typed into cells as text, not elements', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    const book = new FakeWorkbook();
    book.addProject('甲', { name: markup, code: markup, budget: [markup], plan: [20, 50, 80, 100] });
    const { workbench } = pane('zh-CN', book);
    await renderPane(workbench);

    expect(findingAt('甲', 'B4', 'budget/not-number')!.textContent).toContain(markup);
    expect(screen.getAllByText(markup, { exact: false }).length).toBeGreaterThan(0);
    expect(document.querySelector('img')).toBeNull();

    act(() => screen.getByRole('tab', { name: '合计' }).click());
    await screen.findByRole('region', { name: markup });
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('English UI', () => {
  it('leaves no Chinese in any view, apart from the workbook’s own content', async () => {
    const book = new FakeWorkbook();
    book.addProject('群众工作中心', {
      code: '207-01',
      name: '群众工作中心运行',
      budget: [10, 9],
      plan: [20, 50, 85, 100],
      values: ['75%'],
    });
    const { workbench } = pane('en-US', book);
    await renderPane(workbench, 'en-US');

    await runCommand('Validate', 'en-US');
    act(() => screen.getByRole('button', { name: 'Change to ≥75%' }).click());
    await screen.findByRole('button', { name: 'Undo' });
    expect(screen.getByText(/Errors to fix before submitting: 1/)).toBeTruthy();
    expect(uiText()).not.toMatch(CJK);
    // The workbook's own text is still shown as it is.
    expect(document.body.textContent).toContain('群众工作中心运行');

    await runCommand('Totals', 'en-US');
    await screen.findByRole('region', { name: 'All projects' });
    expect(uiText()).not.toMatch(CJK);

    act(() => screen.getByRole('tab', { name: 'Settings' }).click());
    await screen.findByRole('switch', { name: 'Live highlights' });
    expect(uiText()).not.toMatch(CJK);
  });
});
