/** One worksheet's storage: sparse cells, row/column formats and sizes, merges, rules, settings. */

import { MAX_COLS } from '../formula/lexer';
import type { Scalar } from '../values';
import {
  type Border,
  type CellFormat,
  DEFAULT_FORMAT,
  type Edge,
  type ResolvedFormat,
  isEmptyFormat,
} from './format';
import { type CellRange, boundingRect, containsCell, intersect } from './rects';

export interface Cell {
  value: Scalar;
  formula?: string;
  fmt?: CellFormat;
  /** Recalculation pass in which the formula's value was last computed. */
  epoch?: number;
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface ConditionalFormatModel {
  id: string;
  type: 'Custom';
  /** Where it applies; its formula is written for the top-left cell of areas[0]. */
  areas: CellRange[];
  formula: string;
  fill?: string | null;
  fontColor?: string | null;
  bold?: boolean | null;
  italic?: boolean | null;
  stopIfTrue: boolean;
}

export interface DataValidationRuleModel {
  type: 'None' | 'WholeNumber' | 'Decimal' | 'List' | 'Date' | 'Time' | 'TextLength' | 'Custom';
  /** The rule as the add-in set it (Excel's DataValidationRule shape), formulas anchored at areas[0]'s top-left. */
  rule: Record<string, unknown>;
}

export interface DataValidationModel extends DataValidationRuleModel {
  areas: CellRange[];
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface ProtectionModel {
  protected: boolean;
  options: Record<string, boolean | string>;
  password?: string;
}

export const DEFAULT_PROTECTION_OPTIONS: Record<string, boolean | string> = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: 'Normal',
};

export interface PageLayoutModel {
  orientation: string;
  paperSize: string;
  centerHorizontally: boolean;
  centerVertically: boolean;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printArea: CellRange[] | null;
  printTitleRows: CellRange | null;
  printTitleColumns: CellRange | null;
  printGridlines: boolean;
  printHeadings: boolean;
  blackAndWhite: boolean;
  draftMode: boolean;
  printComments: string;
  printErrors: string;
  printOrder: string;
  firstPageNumber: number | '';
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
}

export function defaultPageLayout(): PageLayoutModel {
  return {
    orientation: 'Portrait',
    paperSize: 'Letter',
    centerHorizontally: false,
    centerVertically: false,
    zoom: { scale: 100 },
    printArea: null,
    printTitleRows: null,
    printTitleColumns: null,
    printGridlines: false,
    printHeadings: false,
    blackAndWhite: false,
    draftMode: false,
    printComments: 'NoComments',
    printErrors: 'AsDisplayed',
    printOrder: 'DownThenOver',
    firstPageNumber: '',
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
  };
}

export function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLS);
}

export function keyCol(key: number): number {
  return key % MAX_COLS;
}

export class SheetModel {
  readonly cells = new Map<number, Cell>();
  readonly rowFmt = new Map<number, CellFormat>();
  readonly colFmt = new Map<number, CellFormat>();
  readonly rowHeights = new Map<number, number>();
  readonly colWidths = new Map<number, number>();
  /** Rows and columns hidden (Range.rowHidden, columnHidden); they do not move when rows are inserted. */
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  /** Sizes set on every row or column at once (a whole-sheet or whole-column range). */
  defaultRowHeight: number | undefined;
  defaultColumnWidth: number | undefined;
  merges: CellRange[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  dataValidations: DataValidationModel[] = [];
  protection: ProtectionModel = { protected: false, options: { ...DEFAULT_PROTECTION_OPTIONS } };
  customProperties: { key: string; value: string }[] = [];
  pageLayout: PageLayoutModel = defaultPageLayout();
  visibility: Visibility = 'Visible';
  tabColor = '';
  showGridlines = true;
  showHeadings = true;
  deleted = false;

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  get(row: number, col: number): Cell | undefined {
    return this.cells.get(cellKey(row, col));
  }

  ensure(row: number, col: number): Cell {
    const key = cellKey(row, col);
    let c = this.cells.get(key);
    if (!c) {
      c = { value: null };
      this.cells.set(key, c);
    }
    return c;
  }

  /** Drops a cell record that holds nothing. */
  prune(row: number, col: number): void {
    const key = cellKey(row, col);
    const c = this.cells.get(key);
    if (c && c.value === null && c.formula === undefined && isEmptyFormat(c.fmt)) this.cells.delete(key);
  }

  /** The cell's own format, falling back to its row's, then its column's, then Excel's defaults. */
  format(row: number, col: number): ResolvedFormat {
    const own = this.get(row, col)?.fmt;
    const r = this.rowFmt.get(row);
    const c = this.colFmt.get(col);
    if (!own && !r && !c) return DEFAULT_FORMAT;
    return { ...DEFAULT_FORMAT, ...c, ...r, ...own };
  }

  numberFormat(row: number, col: number): string {
    return this.format(row, col).numberFormat;
  }

  /** An edge as drawn: a border belongs to both cells it separates. */
  border(row: number, col: number, edge: Edge): Border | null {
    const own = this.format(row, col)[edge];
    if (own) return own;
    const [r, c, opposite]: [number, number, Edge] =
      edge === 'top'
        ? [row - 1, col, 'bottom']
        : edge === 'bottom'
          ? [row + 1, col, 'top']
          : edge === 'left'
            ? [row, col - 1, 'right']
            : [row, col + 1, 'left'];
    if (r < 0 || c < 0) return null;
    return this.format(r, c)[opposite] ?? null;
  }

  mergeAt(row: number, col: number): CellRange | undefined {
    return this.merges.find((m) => containsCell(m, row, col));
  }

  /** The rectangle of used cells: with values or formulas only, or also with formatting. */
  usedRect(valuesOnly: boolean): CellRange | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, c] of this.cells) {
      const used = c.value !== null || c.formula !== undefined || (!valuesOnly && !isEmptyFormat(c.fmt));
      if (!used) continue;
      const r = keyRow(key);
      const col = keyCol(key);
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (col < left) left = col;
      if (col > right) right = col;
    }
    if (!valuesOnly && this.merges.length) {
      const b = boundingRect(this.merges);
      if (bottom < 0) return b;
      return boundingRect([b, { top, left, bottom, right }]);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /** Existing cell records inside a rectangle, cheaply for both small and whole-column rectangles. */
  *cellsIn(rect: CellRange): Generator<[number, number, Cell]> {
    const area = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    if (area <= this.cells.size * 2) {
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++) {
          const cell = this.cells.get(cellKey(r, c));
          if (cell) yield [r, c, cell];
        }
      return;
    }
    const hits: [number, number, Cell][] = [];
    for (const [key, cell] of this.cells) {
      const r = keyRow(key);
      const c = keyCol(key);
      if (containsCell(rect, r, c)) hits.push([r, c, cell]);
    }
    hits.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    yield* hits;
  }

  mergesIntersecting(rect: CellRange): CellRange[] {
    return this.merges.filter((m) => intersect(m, rect));
  }
}
