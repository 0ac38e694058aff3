/**
 * A sheet whose merges were dropped after their value was written into every cell they covered:
 * WPS's 拆分并填充内容, a budget system's export, a PDF converter. The title is repeated across the
 * row, each label twice (`其中:中央财政资金 | 其中:中央财政资金 | 127`), a heading over its
 * sub-columns four times. Read as it is, a label repeated is two lines to be summed and a title is
 * no title, so the reader reads such a sheet as the merges it had.
 */

import type { CellRange, Grid, GridCell } from './grid';
import { readCell } from './reader-labels';
import { isKnownLevel1, isKnownLevel2 } from './taxonomy';

/**
 * Text a fill repeats that is a value, never a label's or a heading's: numbers, with a short unit
 * (`2370人`, `95%`), targets (`≥95%`), marks. A title or a sentence that begins with its year is text.
 */
const VALUE_LIKE =
  /^[\s\d.,，．%％‰≥≤<>=＞＜≧≦+\-—–~～/／、√×✓✔□■☑是否有无]*$|^\s*[≥≤<>=＞＜≧≦]|^\s*[\d.,，．]+\s*\S{0,4}\s*$/u;

function fillText(cell: GridCell | undefined): string | undefined {
  const value = cell?.value;
  if (typeof value !== 'string' || cell?.formula !== undefined) return undefined;
  const text = value.trim();
  return text.length >= 2 && !VALUE_LIKE.test(text) ? value : undefined;
}

/**
 * The runs of one text across adjacent cells of a row, none under a merge the grid has: [row index,
 * first, last] (indices into cells).
 */
function runs(cells: Grid['cells'], free: (r: number, c: number) => boolean): [number, number, number][] {
  const out: [number, number, number][] = [];
  cells.forEach((line, r) => {
    let c = 0;
    while (c < line.length) {
      const value = line[c]?.value;
      let end = c;
      // Equal neighbours first (cheap); only then whether the text is one a fill repeats.
      if (
        typeof value === 'string' &&
        line[c + 1]?.value === value &&
        free(r, c) &&
        fillText(line[c]) !== undefined
      )
        while (end + 1 < line.length && line[end + 1]?.value === value && free(r, end + 1)) end++;
      if (end > c) out.push([r, c, end]);
      c = end + 1;
    }
  });
  return out;
}

/** A value's text as a fill repeats it: a number, or text that is a value (`≥95%`, `0`, `—`). */
function valueKey(cell: GridCell | undefined): string | undefined {
  const value = cell?.value;
  if (value === null || value === undefined || typeof value === 'boolean' || cell?.formula !== undefined)
    return undefined;
  if (typeof value === 'number') return `n${value}`;
  const text = value.trim();
  return text !== '' && VALUE_LIKE.test(text) ? `s${value}` : undefined;
}

/**
 * The runs of one value across adjacent cells of a row that a fill made: under one heading merged
 * over exactly those columns (`全年预算数(A)` over `127 | 127`), or from right after a label to the
 * end of its row (`年度资金总额: | 153.5 | 153.5 | 153.5`) where no two headings above tell the
 * columns apart. Equal figures under headings of their own (`市级 | 本级` over `0 | 0`) stay two.
 */
function valueRuns(
  cells: Grid['cells'],
  merged: (r: number, c: number) => [number, number] | undefined,
  free: (r: number, c: number) => boolean,
  strict: boolean,
) {
  const out: [number, number, number][] = [];
  cells.forEach((line, r) => {
    let lastFilled = line.length - 1;
    while (lastFilled >= 0 && (line[lastFilled]?.value ?? null) === null) lastFilled--;
    let c = 0;
    while (c < line.length) {
      const key = free(r, c) ? valueKey(line[c]) : undefined;
      let end = c;
      if (key !== undefined) {
        const over = r > 0 ? merged(r - 1, c) : undefined;
        if (over !== undefined && over[0] === c) {
          // Under one heading merged over its columns: the run is the heading's span, all one value.
          let k = c + 1;
          while (k <= over[1] && free(r, k) && valueKey(line[k]) === key) k++;
          if (k > over[1]) end = over[1];
        } else if (!strict) {
          while (end + 1 < line.length && free(r, end + 1) && valueKey(line[end + 1]) === key) end++;
          const headings = new Set<string>();
          for (let k = c; k <= end; k++) {
            const text = r > 0 ? fillText(cells[r - 1]?.[k]) : undefined;
            if (text !== undefined) headings.add(text);
          }
          const afterLabel = c > 0 && (fillText(line[c - 1]) !== undefined || merged(r, c - 1) !== undefined);
          if (end !== lastFilled || !afterLabel || headings.size > 1) end = c;
        }
      }
      if (end > c) out.push([r, c, end]);
      c = end + 1;
    }
  });
  return out;
}

/**
 * Runs of one text down a column, outside the rows' runs: [column index, first row, last row]. A
 * label of the form's, an indicator category (一级, 二级) over the indicators it was merged over, and
 * any text over such a run in the next column (an 一级 the taxonomy does not know, `顼目产出(30分)`,
 * over its 二级 `数量指标(10分)`); with `only`, the labels it accepts.
 */
function columnRuns(
  cells: Grid['cells'],
  inRowRun: (r: number, c: number) => boolean,
  only?: (text: string) => boolean,
): [number, number, number][] {
  const width = Math.max(0, ...cells.map((line) => line.length));
  const candidates: [number, number, number, boolean][] = [];
  for (let c = 0; c < width; c++) {
    let r = 0;
    while (r < cells.length) {
      const text = inRowRun(r, c) ? undefined : fillText(cells[r]?.[c]);
      let end = r;
      if (text !== undefined)
        while (end + 1 < cells.length && !inRowRun(end + 1, c) && cells[end + 1]?.[c]?.value === text) end++;
      if (text !== undefined && end > r) {
        if (only && !only(text)) {
          r = end + 1;
          continue;
        }
        const known = readCell(text).label !== undefined || isKnownLevel1(text) || isKnownLevel2(text);
        candidates.push([c, r, end, known]);
      }
      r = end + 1;
    }
  }
  const known = candidates.filter(([, , , k]) => k);
  if (only) return known.map(([c, first, last]) => [c, first, last]);
  const parents = candidates.filter(
    ([c, first, last, k]) => !k && known.some(([kc, kf, kl]) => kc === c + 1 && kf >= first && kl <= last),
  );
  return [...known, ...parents].map(([c, first, last]) => [c, first, last]);
}

/** A money line's label (预算数, 财政拨款, 上年结转, 其他资金): never meant twice, in a row or a column. */
const MONEY_LABEL = (text: string): boolean => {
  const kind = readCell(text).label?.kind;
  return kind === 'total' || kind === 'fiscal' || kind === 'carryover' || kind === 'other';
};

/** A label of the form's or a title line: never meant twice side by side. */
function isLabelText(text: string): boolean {
  const reading = readCell(text);
  return reading.label !== undefined || reading.title;
}

/**
 * The grid as its merges were. Wherever the grid has no merge of its own over them:
 * - a label or a title written in adjacent cells of a row is one merged cell (a label is never meant
 *   twice side by side), and so is a value under such a label merged over exactly its columns, and a
 *   money line's label written down adjacent cells of a column;
 * - in a grid that shows a fill (no merge at all, and some row repeating a text of four characters
 *   or more across three cells or more: a title, a heading across its sub-columns), any text so
 *   written, a value written from its label to the row's end, and a label or an indicator category
 *   written down the rows it was merged over.
 * A value is never joined otherwise: 5 | 5 under 市级 | 本级 stay two. A grid with nothing of the
 * kind is returned as it is.
 */
export function unfilled(grid: Grid): Grid {
  if (grid.cells.length === 0) return grid;
  // Most grids repeat no text side by side: nothing more to look at.
  if (runs(grid.cells, () => true).length === 0 && grid.merges.length > 0) return grid;
  // Only the cells written matter: a merge is clipped to them (a whole column or sheet merged
  // would otherwise be billions of cells).
  const width = grid.cells.reduce((w, line) => Math.max(w, line?.length ?? 0), 0);
  const covered = new Set<string>();
  for (const m of grid.merges)
    for (
      let r = Math.max(m.top - grid.top, 0);
      r <= Math.min(m.bottom - grid.top, grid.cells.length - 1);
      r++
    )
      for (let c = Math.max(m.left - grid.left, 0); c <= Math.min(m.right - grid.left, width - 1); c++)
        covered.add(`${r}:${c}`);
  const free = (r: number, c: number): boolean => !covered.has(`${r}:${c}`);
  const all = runs(grid.cells, free);
  if (all.length === 0) return grid;
  const gated =
    grid.merges.length === 0 &&
    all.some(([r, first, last]) => {
      const text = fillText(grid.cells[r]?.[first]);
      return last - first >= 2 && text !== undefined && text.trim().length >= 4;
    });
  const found = gated ? all : all.filter(([r, first]) => isLabelText(String(grid.cells[r]?.[first]?.value)));
  const textRuns = new Map<string, [number, number]>();
  for (const [r, first, last] of found)
    for (let c = first; c <= last; c++) textRuns.set(`${r}:${c}`, [first, last]);
  const rows = [...found, ...valueRuns(grid.cells, (r, c) => textRuns.get(`${r}:${c}`), free, !gated)];
  const inRun = (r: number, c: number): boolean => textRuns.has(`${r}:${c}`) || !free(r, c);
  const down = gated ? columnRuns(grid.cells, inRun) : columnRuns(grid.cells, inRun, MONEY_LABEL);
  if (rows.length === 0 && down.length === 0) return grid;
  const cells = grid.cells.slice();
  const merges: CellRange[] = [...grid.merges];
  for (const [r, first, last] of rows) {
    const line = (cells[r] = (cells[r] ?? []).slice());
    for (let c = first + 1; c <= last; c++) line[c] = { value: null };
    merges.push({
      top: grid.top + r,
      bottom: grid.top + r,
      left: grid.left + first,
      right: grid.left + last,
    });
  }
  for (const [c, first, last] of down) {
    for (let r = first + 1; r <= last; r++) {
      const line = (cells[r] = (cells[r] ?? []).slice());
      line[c] = { value: null };
    }
    merges.push({
      top: grid.top + first,
      bottom: grid.top + last,
      left: grid.left + c,
      right: grid.left + c,
    });
  }
  return { ...grid, cells, merges };
}
