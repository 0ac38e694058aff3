/** The ribbon's commands: they do their job in the workbook and always tell Excel they are done. */

import { createCommandHandlers, registerCommands } from '../../src/commands/commands';
import { createWorkbench } from '../../src/excel';
import { SimWorkbook } from '../../src/sim';

jest.setTimeout(60000);

function commandEvent() {
  const event = { completions: 0, completed: () => void event.completions++ };
  return event;
}

describe('ribbon commands', () => {
  it('are associated with the manifest’s function names and insert a template with the remembered unit', async () => {
    const sim = new SimWorkbook();
    const workbench = createWorkbench(sim.excel, sim.office, { lang: 'zh-CN', debounceMs: 0 });
    await workbench.saveSettings({
      profile: 'mof-2021',
      unitCode: '207002',
      unitName: '某某单位',
      year: '2026',
      signature: true,
      liveMarks: false,
    });

    registerCommands(sim.office as unknown as typeof Office, sim.excel);
    expect([...sim.office.actions.associated.keys()].sort()).toEqual(['insertTemplate', 'writeSummary']);

    const event = commandEvent();
    await sim.office.actions.associated.get('insertTemplate')!(event);
    expect(event.completions).toBe(1);
    const inserted = sim.sheetNames().find((s) => s.startsWith('项目'))!;
    expect(sim.getCell(inserted, 'A2').value).toBe('207002某某单位');
    expect(sim.getCell(inserted, 'A1').value).toBe('2026年度项目绩效目标表');
    // 成本指标 is a 一级 of mof-2021 only.
    const level1 = [...Array(20).keys()].map((r) => sim.getCell(inserted, `A${r + 10}`).value);
    expect(level1).toContain('成本指标');

    const summary = commandEvent();
    await sim.office.actions.associated.get('writeSummary')!(summary);
    expect(summary.completions).toBe(1);
    expect(sim.sheetNames()).toContain('汇总');
  });

  it('complete the event when the workbook refuses, and report the failure', async () => {
    const sim = new SimWorkbook();
    const workbench = createWorkbench(sim.excel, sim.office, { lang: 'zh-CN', debounceMs: 0 });
    const failures: string[] = [];
    const handlers = createCommandHandlers(
      () => workbench,
      (command, error) => failures.push(`${command}: ${(error as Error).message}`),
    );
    sim.failNextSync({ code: 'GeneralException', message: '连接已断开' });
    const event = commandEvent();
    await handlers.writeSummary(event);
    expect(event.completions).toBe(1);
    expect(failures).toEqual(['writeSummary: 连接已断开']);
    expect(sim.sheetNames()).not.toContain('汇总');

    const broken = createCommandHandlers(() => {
      throw new Error('Excel 不可用');
    });
    const second = commandEvent();
    await broken.insertTemplate(second);
    expect(second.completions).toBe(1);
  });
});
