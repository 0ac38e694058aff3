/**
 * What the preview draws of one sheet, read from the simulator: the cells of the visible area with
 * merges resolved (one drawn cell per merge, at its top-left address), sizes and formats.
 */

import { columnLetters, toA1 } from '../domain/address';
import type { CellRange } from '../domain/grid';

/** A border edge is drawn when the cell or its neighbour across that edge has one. */
export interface Edges {
  top: boolean;
  bottom: boolean;
  left: boolean;
  right: boolean;
}

export interface CellLook {
  value: string | number | boolean | null;
  text: string;
  /** Displayed fill (conditional formats applied), `#RRGGBB` or null. */
  fill: string | null;
  bold: boolean;
  wrap: boolean;
  horizontal: 'left' | 'center' | 'right';
  vertical: 'top' | 'middle' | 'bottom';
  italic: boolean;
  color: string | null;
  fontName: string | null;
  fontSizePt: number | null;
  borders: Edges;
  /** What the formula bar and the editor show: the formula, or the value as typed. */
  content: string;
}

export interface DrawnCell extends CellLook {
  address: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface SheetView {
  sheet: string;
  /** Column widths and row heights in points, for every drawn column and row. */
  widths: number[];
  heights: number[];
  /** rows[r] lists the cells drawn in row r, left to right (cells covered by a merge are absent). */
  rows: DrawnCell[][];
  /** The drawn cell (merge master) covering each position, by `row:col`. */
  masterOf(row: number, col: number): DrawnCell | undefined;
  letters: string[];
}

/** What the view needs from the simulator, in 0-based absolute rows and columns. */
export interface SheetSource {
  extent(sheet: string): { rows: number; cols: number };
  merges(sheet: string): CellRange[];
  look(sheet: string, row: number, col: number): Omit<CellLook, 'borders'> & { borders: Edges };
  columnWidth(sheet: string, col: number): number;
  rowHeight(sheet: string, row: number): number;
}

const key = (row: number, col: number): string => `${row}:${col}`;

export function buildSheetView(
  source: SheetSource,
  sheet: string,
  minRows: number,
  minCols: number,
): SheetView {
  const extent = source.extent(sheet);
  const merges = source.merges(sheet);
  let rowCount = Math.max(extent.rows, minRows);
  let colCount = Math.max(extent.cols, minCols);
  for (const m of merges) {
    rowCount = Math.max(rowCount, m.bottom + 1);
    colCount = Math.max(colCount, m.right + 1);
  }
  const widths = Array.from({ length: colCount }, (_, c) => source.columnWidth(sheet, c));
  const heights = Array.from({ length: rowCount }, (_, r) => source.rowHeight(sheet, r));

  const mergeAt = new Map<string, CellRange>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) mergeAt.set(key(r, c), m);
  }
  const looks = new Map<string, ReturnType<SheetSource['look']>>();
  const lookAt = (row: number, col: number) => {
    const k = key(row, col);
    let found = looks.get(k);
    if (!found) {
      found = source.look(sheet, row, col);
      looks.set(k, found);
    }
    return found;
  };
  const within = (row: number, col: number): boolean =>
    row >= 0 && col >= 0 && row < rowCount && col < colCount;

  // An edge of a merged area is drawn when any cell along it (or across it) has a border there.
  const edgeDrawn = (area: CellRange, edge: keyof Edges): boolean => {
    const along: [number, number][] = [];
    if (edge === 'top' || edge === 'bottom') {
      const row = edge === 'top' ? area.top : area.bottom;
      for (let c = area.left; c <= area.right; c++) along.push([row, c]);
    } else {
      const col = edge === 'left' ? area.left : area.right;
      for (let r = area.top; r <= area.bottom; r++) along.push([r, col]);
    }
    const opposite: Record<keyof Edges, keyof Edges> = {
      top: 'bottom',
      bottom: 'top',
      left: 'right',
      right: 'left',
    };
    const step: Record<keyof Edges, [number, number]> = {
      top: [-1, 0],
      bottom: [1, 0],
      left: [0, -1],
      right: [0, 1],
    };
    return along.some(([r, c]) => {
      if (lookAt(r, c).borders[edge]) return true;
      const [dr, dc] = step[edge];
      return within(r + dr, c + dc) && lookAt(r + dr, c + dc).borders[opposite[edge]];
    });
  };

  const masters = new Map<string, DrawnCell>();
  const rows: DrawnCell[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const drawn: DrawnCell[] = [];
    for (let c = 0; c < colCount; c++) {
      const merge = mergeAt.get(key(r, c));
      if (merge && (merge.top !== r || merge.left !== c)) continue;
      const area = merge ?? { top: r, left: c, bottom: r, right: c };
      const look = lookAt(r, c);
      const cell: DrawnCell = {
        ...look,
        borders: {
          top: edgeDrawn(area, 'top'),
          bottom: edgeDrawn(area, 'bottom'),
          left: edgeDrawn(area, 'left'),
          right: edgeDrawn(area, 'right'),
        },
        address: toA1(r, c),
        row: r,
        col: c,
        rowSpan: area.bottom - area.top + 1,
        colSpan: area.right - area.left + 1,
      };
      drawn.push(cell);
      for (let rr = area.top; rr <= area.bottom; rr++)
        for (let cc = area.left; cc <= area.right; cc++) masters.set(key(rr, cc), cell);
    }
    rows.push(drawn);
  }
  return {
    sheet,
    widths,
    heights,
    rows,
    masterOf: (row, col) => masters.get(key(row, col)),
    letters: widths.map((_, c) => columnLetters(c)),
  };
}
