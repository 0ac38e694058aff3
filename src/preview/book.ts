/**
 * The simulated workbook as the preview page uses it: what the grid draws (PreviewBook) and the
 * `window.previewWorkbook` contract of SPEC §9 that browser tests rely on.
 */

import { parseRangeA1, toA1 } from '../domain/address';
import type { SimCellView, SimWorkbook } from '../sim';
import type { CellLook } from './sheet-view';
import type { PreviewBook } from './WorkbookView';

/** SPEC §9: `window.previewWorkbook`. */
export interface PreviewWorkbook {
  /** The Excel the simulator emulates (`?host=`): `latest`, `excel2021`, `excel2019` or `web`. */
  readonly host: string;
  /** Round trips so far (each `context.sync()`). */
  readonly syncCount: number;
  readonly selection: { sheet: string; address: string };
  getCell(
    sheet: string,
    address: string,
  ): { value: string | number | boolean | null; text: string; fill: string | null; ownFill: string | null };
  /** A person typing `value` into the cell and pressing Enter; the change event fires. */
  setValue(sheet: string, address: string, value: string | number | boolean | null): void;
  /** Resolves once the add-in has finished reacting to everything so far. */
  idle(): Promise<void>;
}

const HORIZONTAL: Record<string, CellLook['horizontal']> = {
  Left: 'left',
  Center: 'center',
  CenterAcrossSelection: 'center',
  Right: 'right',
  Justify: 'left',
  Distributed: 'center',
  Fill: 'left',
};
const VERTICAL: Record<string, CellLook['vertical']> = {
  Top: 'top',
  Center: 'middle',
  Justify: 'middle',
  Distributed: 'middle',
  Bottom: 'bottom',
};

const upper = (color: string | null): string | null => (color ? color.toUpperCase() : null);

/** Excel's General alignment: numbers right, booleans and errors centred, text left. */
function horizontalOf(cell: SimCellView): CellLook['horizontal'] {
  const set = cell.horizontal ? HORIZONTAL[cell.horizontal] : undefined;
  if (set) return set;
  if (cell.error || typeof cell.value === 'boolean') return 'center';
  return typeof cell.value === 'number' ? 'right' : 'left';
}

/** What Excel puts in the formula bar and the cell editor: the formula, or the entry as typed. */
export function contentOf(cell: SimCellView): string {
  if (cell.formula !== undefined) return cell.formula;
  if (cell.value === null) return '';
  if (cell.error) return cell.text;
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  if (typeof cell.value === 'number' && /%/.test(cell.numberFormat.replace(/"[^"]*"/g, ''))) {
    return `${Number((cell.value * 100).toPrecision(15))}%`;
  }
  return String(cell.value);
}

/** The sim's selection; a merged area selected as a whole is reported by its top-left cell. */
function selectionOf(sim: SimWorkbook): { sheet: string; address: string } {
  const { sheet, address } = sim.selection;
  if (!address.includes(':')) return { sheet, address };
  let rect;
  try {
    rect = parseRangeA1(address);
  } catch {
    return { sheet, address };
  }
  const merged = sim
    .merges(sheet)
    .some(
      (m) => m.top === rect.top && m.left === rect.left && m.bottom === rect.bottom && m.right === rect.right,
    );
  return { sheet, address: merged ? toA1(rect.top, rect.left) : address };
}

export function previewBook(sim: SimWorkbook): PreviewBook {
  return {
    subscribe: (listener) => sim.subscribe(listener),
    sheets: () => sim.sheetNames().filter((name) => sim.sheetInfo(name).visibility === 'Visible'),
    activeSheet: () => sim.activeSheet(),
    // The grid edits one cell: of a selected range, the active cell is its top-left one, as in Excel.
    selection: () => {
      const { sheet, address } = selectionOf(sim);
      try {
        const rect = parseRangeA1(address);
        return { sheet, address: toA1(rect.top, rect.left) };
      } catch {
        // Whole rows or columns (`3:3`, `A:A`): nothing to edit; the first cell stands in.
        return { sheet, address: 'A1' };
      }
    },
    activate: (sheet) => sim.activateSheet(sheet),
    select: (sheet, address) => {
      sim.selection = { sheet, address };
    },
    type: (sheet, address, input) => sim.setValue(sheet, address, input),
    extent: (sheet) => {
      const used = sim.usedRange(sheet);
      return used ? { rows: used.bottom + 1, cols: used.right + 1 } : { rows: 0, cols: 0 };
    },
    merges: (sheet) => sim.merges(sheet),
    columnWidth: (sheet, col) => sim.columnWidth(sheet, col),
    rowHeight: (sheet, row) => sim.rowHeight(sheet, row),
    look: (sheet, row, col) => {
      const cell = sim.getCell(sheet, toA1(row, col));
      return {
        value: cell.value,
        text: cell.text,
        fill: upper(cell.fill),
        bold: cell.bold,
        italic: cell.italic,
        color: upper(cell.fontColor),
        wrap: cell.wrap,
        horizontal: horizontalOf(cell),
        vertical: (cell.vertical && VERTICAL[cell.vertical]) || 'bottom',
        fontName: null,
        fontSizePt: null,
        borders: cell.borders,
        content: contentOf(cell),
      };
    },
  };
}

/**
 * Lets the page catch up: a task after pending timers and promise jobs (React renders in one),
 * then a frame or, where frames do not come (a hidden page), a short timer.
 */
function settleUi(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(() => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        setTimeout(resolve, 0);
      };
      if (typeof requestAnimationFrame === 'function') requestAnimationFrame(finish);
      setTimeout(finish, 50);
    }, 0);
  });
}

/**
 * The page's two views of the simulator: `book` for the grid and `workbook` for
 * `window.previewWorkbook`. `idle()` waits for the simulator to be quiet (event handlers, whose
 * promises cover the add-in's debounced live round, and every `Excel.run`), lets the task pane
 * render what it received, and repeats until a whole pass saw no new round trip or change, since an
 * operation of the pane may start its next `Excel.run` only after the previous one settled. It also
 * lets `debounceMs` pass after the last edit (grid or setValue), should a listener not say when it
 * is done.
 */
export function createPreviewApi(
  sim: SimWorkbook,
  debounceMs: number,
): { book: PreviewBook; workbook: PreviewWorkbook } {
  let changes = 0;
  let lastEdit = 0;
  sim.subscribe(() => {
    changes++;
  });
  const base = previewBook(sim);
  const book: PreviewBook = {
    ...base,
    type: (sheet, address, input) => {
      base.type(sheet, address, input);
      lastEdit = Date.now();
    },
  };
  const workbook: PreviewWorkbook = {
    host: sim.host.id,
    get syncCount() {
      return sim.syncCount;
    },
    get selection() {
      return selectionOf(sim);
    },
    getCell(sheet, address) {
      const cell = sim.getCell(sheet, address);
      return { value: cell.value, text: cell.text, fill: upper(cell.fill), ownFill: upper(cell.ownFill) };
    },
    setValue(sheet, address, value) {
      sim.setValue(sheet, address, value);
      lastEdit = Date.now();
    },
    async idle() {
      for (;;) {
        const syncs = sim.syncCount;
        const seen = changes;
        const wait = lastEdit + debounceMs - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        await sim.idle();
        await settleUi();
        await sim.idle();
        if (sim.syncCount === syncs && changes === seen && Date.now() >= lastEdit + debounceMs) return;
      }
    },
  };
  return { book, workbook };
}
