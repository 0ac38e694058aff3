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

/** The runs of one text across adjacent cells of a row: [row index, first, last] (indices into cells). */
function runs(cells: Grid['cells']): [number, number, number][] {
  const out: [number, number, number][] = [];
  cells.forEach((line, r) => {
    let c = 0;
    while (c < line.length) {
      const text = fillText(line[c]);
      let end = c;
      if (text !== undefined) while (end + 1 < line.length && line[end + 1]?.value === text) end++;
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
function valueRuns(cells: Grid['cells'], merged: (r: number, c: number) => [number, number] | undefined) {
  const out: [number, number, number][] = [];
  cells.forEach((line, r) => {
    let lastFilled = line.length - 1;
    while (lastFilled >= 0 && (line[lastFilled]?.value ?? null) === null) lastFilled--;
    let c = 0;
    while (c < line.length) {
      const key = valueKey(line[c]);
      let end = c;
      if (key !== undefined) {
        const over = r > 0 ? merged(r - 1, c) : undefined;
        if (over !== undefined && over[0] === c) {
          // Under one heading merged over its columns: the run is the heading's span, all one value.
          let k = c + 1;
          while (k <= over[1] && valueKey(line[k]) === key) k++;
          if (k > over[1]) end = over[1];
        } else {
          while (end + 1 < line.length && valueKey(line[end + 1]) === key) end++;
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
 * over its 二级 `数量指标(10分)`).
 */
function columnRuns(
  cells: Grid['cells'],
  inRowRun: (r: number, c: number) => boolean,
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
        const known = readCell(text).label !== undefined || isKnownLevel1(text) || isKnownLevel2(text);
        candidates.push([c, r, end, known]);
      }
      r = end + 1;
    }
  }
  const known = candidates.filter(([, , , k]) => k);
  const parents = candidates.filter(
    ([c, first, last, k]) => !k && known.some(([kc, kf, kl]) => kc === c + 1 && kf >= first && kl <= last),
  );
  return [...known, ...parents].map(([c, first, last]) => [c, first, last]);
}

/**
 * The grid as its merges were, when it shows a fill: no merge at all, and some row repeating a
 * text of four characters or more across three cells or more (a title, a heading across its
 * sub-columns). Each run of one text across adjacent cells of a row is then one merged cell, and
 * so is a run of one value that valueRuns finds a fill made; any other grid is returned as it is.
 */
export function unfilled(grid: Grid): Grid {
  if (grid.merges.length > 0 || grid.cells.length === 0) return grid;
  const found = runs(grid.cells);
  const filled = found.some(([r, first, last]) => {
    const text = fillText(grid.cells[r]?.[first]);
    return last - first >= 2 && text !== undefined && text.trim().length >= 4;
  });
  if (!filled) return grid;
  const textRuns = new Map<string, [number, number]>();
  for (const [r, first, last] of found)
    for (let c = first; c <= last; c++) textRuns.set(`${r}:${c}`, [first, last]);
  const rows = [...found, ...valueRuns(grid.cells, (r, c) => textRuns.get(`${r}:${c}`))];
  const cells = grid.cells.slice();
  const merges: CellRange[] = [];
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
  // A label filled down the rows it was merged over (`资金情况(万元)` beside each money line): one cell.
  for (const [c, first, last] of columnRuns(grid.cells, (r, col) => textRuns.has(`${r}:${col}`))) {
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
