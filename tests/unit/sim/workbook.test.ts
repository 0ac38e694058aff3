import { gridFromRows } from '../../../src/domain/grid';
import { SimWorkbook } from '../../../src/sim';

describe('worksheets', () => {
  it('adds (at the end, with a default name), renames, moves, hides and deletes', async () => {
    const sim = new SimWorkbook({ sheets: ['A', 'B'] });
    await sim.excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add();
      const named = sheets.add('项目 一');
      added.load('name,position,id');
      await context.sync();
      expect([added.name, added.position]).toEqual(['Sheet3', 2]);
      expect(added.id).toMatch(/^\{.+\}$/);
      named.position = 0;
      sheets.getItem('A').visibility = 'VeryHidden';
      sheets.getItem('B').name = 'Renamed';
      sheets.getItem(added.id).delete();
      await context.sync();
    });
    expect(sim.sheetNames()).toEqual(['项目 一', 'A', 'Renamed']);
    expect(sim.sheetInfo('A').visibility).toBe('VeryHidden');
  });

  it('refuses what Excel refuses: duplicate and invalid names, hiding or deleting the last visible sheet, activating a hidden one', async () => {
    const sim = new SimWorkbook({ sheets: ['A', 'B'] });
    const attempt = (f: (ws: Excel.WorksheetCollection) => void) =>
      sim.excel.run(async (context) => {
        f(context.workbook.worksheets);
        await context.sync();
      });
    await expect(attempt((ws) => ws.add('a'))).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(attempt((ws) => ws.add('x/y'))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(attempt((ws) => ws.add('x'.repeat(32)))).rejects.toMatchObject({ code: 'InvalidArgument' });
    await attempt((ws) => void (ws.getItem('B').visibility = 'Hidden'));
    await expect(attempt((ws) => void (ws.getItem('A').visibility = 'Hidden'))).rejects.toMatchObject({
      code: 'InvalidOperation',
    });
    await expect(attempt((ws) => ws.getItem('A').delete())).rejects.toMatchObject({
      code: 'InvalidOperation',
    });
    await expect(attempt((ws) => ws.getItem('B').activate())).rejects.toMatchObject({
      code: 'InvalidOperation',
    });
  });

  it('activates, reports the active sheet, counts visible sheets, gets first and last', async () => {
    const sim = new SimWorkbook({ sheets: ['A', 'B', 'C'] });
    await sim.excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem('C').visibility = 'Hidden';
      sheets.getItem('B').activate();
      const active = sheets.getActiveWorksheet().load('name');
      const visible = sheets.getCount(true);
      const last = sheets.getLast(true).load('name');
      const first = sheets.getFirst().load('name');
      await context.sync();
      expect([active.name, visible.value, first.name, last.name]).toEqual(['B', 2, 'A', 'B']);
    });
    expect(sim.activeSheet()).toBe('B');
  });
});

describe('named items', () => {
  it('adds names for ranges and constants, scoped to the workbook or a sheet', async () => {
    const sim = new SimWorkbook({ sheets: ['Sheet1', 'Lists'] });
    await sim.excel.run(async (context) => {
      const lists = context.workbook.worksheets.getItem('Lists');
      context.workbook.names.add('产出指标', lists.getRange('A1:A4'), 'level 2 list');
      context.workbook.names.add('rate', '=0.8');
      lists.names.add('local', '=Lists!$B$1');
      await context.sync();
      const items = context.workbook.names.load('items/name,items/type,items/value,items/scope');
      const local = lists.names.load('items/name,items/scope');
      const found = context.workbook.names.getItemOrNullObject('产出指标').load('formula,comment');
      const missing = context.workbook.names.getItemOrNullObject('nope');
      const range = context.workbook.names.getItem('产出指标').getRange().load('address');
      await context.sync();
      expect(items.items.map((n) => [n.name, n.type, n.value, n.scope])).toEqual([
        ['产出指标', 'Range', 'Lists!$A$1:$A$4', 'Workbook'],
        ['rate', 'Double', 0.8, 'Workbook'],
      ]);
      expect(local.items.map((n) => [n.name, n.scope])).toEqual([['local', 'Worksheet']]);
      expect(found.formula).toBe('=Lists!$A$1:$A$4');
      expect(found.comment).toBe('level 2 list');
      expect(missing.isNullObject).toBe(true);
      expect(range.address).toBe('Lists!A1:A4');
    });
  });

  it('refuses a duplicate or invalid name and follows inserted rows', async () => {
    const sim = new SimWorkbook({ sheets: ['Sheet1', 'Lists'] });
    const add = (name: string) =>
      sim.excel.run(async (context) => {
        context.workbook.names.add(name, '=Lists!$A$1:$A$3');
        await context.sync();
      });
    await add('list');
    await expect(add('LIST')).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(add('A1')).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(add('has space')).rejects.toMatchObject({ code: 'InvalidArgument' });
    sim.insertRows('Lists', 1);
    expect(sim.names()).toEqual([{ name: 'list', formula: '=Lists!$A$2:$A$4', scope: null }]);
  });
});

describe('settings and custom properties', () => {
  it('stores workbook settings as JSON; Office.context.document.settings is a snapshot of them', async () => {
    const sim = new SimWorkbook();
    await sim.excel.run(async (context) => {
      context.workbook.settings.add('perfTargets.settings', { profile: 'auto', liveMarks: false });
      context.workbook.settings.add('count', 3);
      await context.sync();
      const item = context.workbook.settings.getItemOrNullObject('perfTargets.settings').load('value');
      const missing = context.workbook.settings.getItemOrNullObject('nope').load('value');
      const count = context.workbook.settings.getCount();
      await context.sync();
      expect(item.value).toEqual({ profile: 'auto', liveMarks: false });
      expect(missing.isNullObject).toBe(true);
      expect(count.value).toBe(2);
      context.workbook.settings.getItem('count').delete();
      await context.sync();
    });
    expect(sim.settings()).toEqual({ 'perfTargets.settings': { profile: 'auto', liveMarks: false } });
    const settings = sim.office.context.document.settings;
    expect(settings.get('perfTargets.settings')).toEqual({ profile: 'auto', liveMarks: false });
    const readOther = () =>
      sim.excel.run(async (context) => {
        const other = context.workbook.settings.getItemOrNullObject('other').load('value');
        await context.sync();
        return other.isNullObject ? null : other.value;
      });
    settings.set('other', 'x');
    expect(await readOther()).toBeNull();
    await new Promise<void>((resolve) => settings.saveAsync(() => resolve()));
    expect(await readOther()).toBe('x');

    await sim.excel.run(async (context) => {
      context.workbook.settings.add('count', 4);
      await context.sync();
    });
    expect(settings.get('count')).toBeNull();
    await new Promise<void>((resolve) => settings.refreshAsync(() => resolve()));
    expect(settings.get('count')).toBe(4);
  });

  it('keeps sheet custom properties with case-insensitive keys, overwriting on add', async () => {
    const sim = new SimWorkbook();
    await sim.excel.run(async (context) => {
      const props = context.workbook.worksheets.getItem('Sheet1').customProperties;
      props.add('perfTargets.role', 'summary');
      props.add('PerfTargets.Role', 'lists');
      await context.sync();
      const role = props.getItemOrNullObject('PERFTARGETS.ROLE').load('key,value');
      const missing = props.getItemOrNullObject('other');
      const count = props.getCount();
      await context.sync();
      expect([role.key, role.value, missing.isNullObject, count.value]).toEqual([
        'perfTargets.role',
        'lists',
        true,
        1,
      ]);
    });
    expect(sim.customProperties('Sheet1')).toEqual({ 'perfTargets.role': 'lists' });
  });

  it('custom properties need ExcelApi 1.12', async () => {
    const sim = new SimWorkbook();
    sim.setRequirementSets({ ExcelApi: '1.11' });
    await expect(
      sim.excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').customProperties.add('k', 'v');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('page layout', () => {
  it('stores print settings and the print area, checking Excel’s values', async () => {
    const sim = new SimWorkbook();
    await sim.excel.run(async (context) => {
      const page = context.workbook.worksheets.getItem('Sheet1').pageLayout;
      page.orientation = 'Portrait';
      page.paperSize = sim.excel.PaperType.a4;
      page.centerHorizontally = true;
      page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      page.setPrintArea('A1:G15');
      await context.sync();
      const read = page.load('orientation,paperSize,zoom');
      const area = page.getPrintAreaOrNullObject().load('address');
      await context.sync();
      expect([read.orientation, read.paperSize, read.zoom]).toEqual([
        'Portrait',
        'A4',
        { horizontalFitToPages: 1, verticalFitToPages: 0 },
      ]);
      expect(area.address).toBe('Sheet1!A1:G15');
    });
    expect(sim.pageLayout('Sheet1')).toMatchObject({
      paperSize: 'A4',
      centerHorizontally: true,
      printArea: 'A1:G15',
    });
    await expect(
      sim.excel.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').pageLayout.paperSize = 'A9' as Excel.PaperType;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

describe('grids in and out', () => {
  it('builds a workbook from grids and gives them back', () => {
    const grids = [
      gridFromRows(
        '项目一',
        [
          ['项目名称', '信访'],
          ['预算数', { value: 10, numberFormat: '0.00' }],
          ['比例', { value: 0.2, numberFormat: '0%' }],
          ['合计', { value: null, formula: '=B2*2' }],
          ['坏', { value: '#REF!', error: true }],
        ],
        { merges: [{ top: 0, left: 1, bottom: 0, right: 2 }] },
      ),
      { ...gridFromRows('列表', [['a']]), hidden: true },
    ];
    const sim = SimWorkbook.fromGrids(grids);
    expect(sim.sheetNames()).toEqual(['项目一', '列表']);
    expect(sim.sheetInfo('列表').visibility).toBe('Hidden');
    expect(sim.getCell('项目一', 'B2').text).toBe('10.00');
    expect(sim.getCell('项目一', 'B3').text).toBe('20%');
    expect(sim.getCell('项目一', 'B4')).toMatchObject({ value: 20, formula: '=B2*2' });
    expect(sim.getCell('项目一', 'B5')).toMatchObject({ value: '#REF!', error: true });
    const back = sim.toGrid('项目一');
    expect(back.merges).toEqual([{ top: 0, left: 1, bottom: 0, right: 2 }]);
    expect(back.cells[1][1]).toEqual({ value: 10, numberFormat: '0.00' });
    expect(back.cells[3][1]).toEqual({ value: 20, formula: '=B2*2', numberFormat: 'General' });
    expect(back.cells[4][1]).toEqual({ value: '#REF!', error: true, numberFormat: 'General' });
  });
});

describe('the Office shim', () => {
  it('reports host, language and requirement sets', async () => {
    const sim = new SimWorkbook();
    await expect(sim.office.onReady()).resolves.toEqual({ host: 'Excel', platform: 'PC' });
    expect(sim.office.context.displayLanguage).toBe('zh-CN');
    sim.setDisplayLanguage('en-US');
    expect(sim.office.context.displayLanguage).toBe('en-US');
    expect(sim.office.context.requirements.isSetSupported('ExcelApi', '1.17')).toBe(true);
    expect(sim.office.context.requirements.isSetSupported('ExcelApi', '1.18')).toBe(false);
    expect(sim.office.context.requirements.isSetSupported('excelapi', 1.9)).toBe(true);
    expect(sim.office.context.requirements.isSetSupported('ExcelApiOnline', '1.1')).toBe(false);
  });
});
