/**
 * An `Excel` namespace built from office-addin-mock's OfficeMockObject: ranges, sheets and settings
 * are mock objects, so reading a property before load + sync yields the mock's "not loaded" error
 * value instead of data, as in Excel. Only what the ExcelApi 1.4 core of src/excel touches is here.
 */

import { OfficeMockObject } from 'office-addin-mock';
import { rangeA1 } from '../../src/domain/address';
import { lastCol, lastRow, type Grid } from '../../src/domain/grid';

type Matrix = unknown[][];

export interface MockRangeData {
  address: string;
  format?: { protection: { locked: boolean } };
  values: Matrix;
  formulas: Matrix;
  numberFormat: Matrix;
  valueTypes: Matrix;
}

/** What Office.js would report for the grid's used range. */
export function rangeDataOf(grid: Grid): MockRangeData {
  const top = grid.top;
  const left = grid.left;
  const bottom = Math.max(top, lastRow(grid));
  const right = Math.max(left, lastCol(grid));
  const matrix = (pick: (r: number, c: number) => unknown): Matrix =>
    Array.from({ length: bottom - top + 1 }, (_, r) =>
      Array.from({ length: right - left + 1 }, (_, c) => pick(r, c)),
    );
  const at = (r: number, c: number) => grid.cells[r]?.[c];
  return {
    address: `${grid.sheet}!${rangeA1({ top, left, bottom, right })}`,
    values: matrix((r, c) => at(r, c)?.value ?? ''),
    formulas: matrix((r, c) => at(r, c)?.formula ?? at(r, c)?.value ?? ''),
    numberFormat: matrix((r, c) => at(r, c)?.numberFormat ?? 'General'),
    valueTypes: matrix((r, c) => {
      const cell = at(r, c);
      if (!cell || cell.value === null) return 'Empty';
      if (cell.error) return 'Error';
      return typeof cell.value === 'number'
        ? 'Double'
        : typeof cell.value === 'boolean'
          ? 'Boolean'
          : 'String';
    }),
  };
}

export interface MockWorkbook {
  excel: typeof Excel;
  office: { context: { requirements: { isSetSupported(name: string, version?: string): boolean } } };
  /** Round trips: every context.sync(). */
  syncs: () => number;
  /** The mock range object a cell address was last asked for on a sheet (what the add-in wrote is on it). */
  cell: (sheet: string, address: string) => { values: unknown; numberFormat: unknown; formulas: unknown };
}

/**
 * A workbook of the given sheets, each read as its grid. A cell asked for by `getRange(address)`
 * is a mock holding that cell's data, so a fix can be read, written and checked.
 */
export function mockWorkbook(grids: Grid[]): MockWorkbook {
  let syncs = 0;
  const mocks = new Set<OfficeMockObject>();
  const track = <T extends OfficeMockObject>(m: T): T => {
    mocks.add(m);
    return m;
  };
  type MockCell = OfficeMockObject & { values: unknown; numberFormat: unknown; formulas: unknown };
  const cells = new Map<string, MockCell>();

  const sheets = grids.map((grid, i) => {
    const used = rangeDataOf(grid);
    const cellData = (address: string): MockRangeData => {
      const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
      let col = 0;
      for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
      const r = Number(m[2]) - 1 - grid.top;
      const c = col - 1 - grid.left;
      const pick = (x: Matrix) => [[x[r]?.[c] ?? '']];
      return {
        address: `${grid.sheet}!${address}`,
        values: pick(used.values),
        formulas: pick(used.formulas),
        numberFormat: [[used.numberFormat[r]?.[c] ?? 'General']],
        valueTypes: pick(used.valueTypes),
        format: { protection: { locked: true } },
      };
    };
    const sheet = new OfficeMockObject({
      id: `{sheet-${i}}`,
      name: grid.sheet,
      visibility: 'Visible',
      protection: { protected: false },
      getUsedRange() {
        // Nothing is hidden: the visible view counts every row and column of the used range.
        const rowCount = used.values.length;
        const columnCount = Math.max(0, ...used.values.map((row) => row.length));
        return track(
          new OfficeMockObject({
            ...used,
            getVisibleView: () => track(new OfficeMockObject({ rowCount, columnCount })),
          }),
        );
      },
      getRange(address: string) {
        const key = `${grid.sheet}!${address}`;
        let cell = cells.get(key);
        if (!cell) {
          cell = track(new OfficeMockObject({ ...cellData(address) })) as MockCell;
          cells.set(key, cell);
        }
        return cell;
      },
    }) as OfficeMockObject & { id: string; name: string };
    return track(sheet);
  });

  const find = (key: string) => sheets.find((s) => s.id === key || s.name === key);
  const nullObject = () => ({
    isNullObject: true,
    load() {
      return this;
    },
  });

  const context = {
    workbook: {
      worksheets: {
        items: [] as unknown[],
        load() {
          // The list itself is plain data; its sheets are mocks whose id/name/visibility need loading.
          for (const s of sheets) s.load('id,name,visibility');
          this.items = sheets;
          return this;
        },
        getItem(key: string) {
          const s = find(key);
          if (!s) throw new Error(`ItemNotFound: ${key}`);
          return s;
        },
        getItemOrNullObject(key: string) {
          return find(key) ?? nullObject();
        },
      },
      settings: {
        getItemOrNullObject: () => nullObject(),
        add: () => undefined,
      },
    },
    async sync() {
      syncs++;
      for (const m of mocks) await m.sync();
    },
  };

  const excel = {
    run: async <T>(batch: (ctx: typeof context) => Promise<T>): Promise<T> => batch(context),
  } as unknown as typeof Excel;

  return {
    excel,
    office: {
      context: {
        requirements: { isSetSupported: (_name, version) => Number((version ?? '1.1').split('.')[1]) <= 4 },
      },
    },
    syncs: () => syncs,
    cell: (sheet, address) => {
      const c = cells.get(`${sheet}!${address}`);
      if (!c) throw new Error(`the add-in never asked for ${sheet}!${address}`);
      return c;
    },
  };
}
