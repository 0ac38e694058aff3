/** The 自评 view driving the real Excel adapter over the simulator: generate, type the year-end figures, see the score. */

import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { createWorkbench } from '../../src/excel';
import { SimWorkbook } from '../../src/sim';
import { seedStandardGrids } from '../fixtures/seed-grids';
import { renderPane, SLOW, uiText } from './helpers';

jest.setTimeout(60000);

afterEach(() => {
  document.body.replaceChildren();
});

it('生成自评表 for the selected project, then the figures typed score it', async () => {
  const sim = SimWorkbook.fromGrids(seedStandardGrids());
  sim.setDisplayLanguage('zh-CN');
  const workbench = createWorkbench(sim.excel, sim.office, { lang: 'zh-CN', debounceMs: 0 });
  await renderPane(workbench);
  fireEvent.click(screen.getByRole('tab', { name: '自评' }));
  const selected = await screen.findByRole('button', { name: '生成自评表（所选项目）' }, SLOW);
  expect(uiText()).toContain('工作簿中还没有自评表');
  await act(async () => {
    fireEvent.click(selected);
  });
  const sheet = '自评-群众工作中心运行';
  await waitFor(
    () => expect(document.body.textContent).toContain(`已生成 1 张自评表（首张为“${sheet}”）`),
    SLOW,
  );
  expect(sim.sheetNames().filter((n) => n.startsWith('自评-'))).toEqual([sheet]);
  expect(uiText()).toContain('尚未计分');
  expect(uiText()).toContain('待填写 8 项');

  sim.setValue(sheet, 'D6', '10');
  sim.setValue(sheet, 'E6', '12.5');
  ['25次', '81%', '95%', '320天', '25次', '90%'].forEach((v, i) => sim.setValue(sheet, `E${12 + i}`, v));
  expect(sim.getCell(sheet, 'G18').value).toBe(79.17);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '校验' }));
  });
  // 校验 lists the findings: a shortfall without its reason, named by its cell.
  await waitFor(() => expect(uiText()).toContain('得分12.50低于分值16.66，没有偏差原因'), SLOW);
  fireEvent.click(screen.getByRole('tab', { name: '自评' }));
  await waitFor(() => expect(uiText()).toContain('总分 79.17，等级“中”'), SLOW);
  expect(uiText()).toContain('待填写 0 项');
});
