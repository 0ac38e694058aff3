/**
 * The simulated workbook drawn as Excel shows it: name box and formula bar, the active sheet's grid
 * (merges, widths, heights, displayed fills, bold, borders, wrapping, alignment) and the sheet tabs.
 * A person selects with the mouse or the keyboard and edits as in Excel; every commit is a user
 * edit of the simulator, so the workbook's change event fires and the task pane follows.
 *
 * One input element is the editor: it sits over the selected cell and keeps the focus while the
 * grid is in use, invisible until the person types (so typed text, IME input and pasted text all
 * start an edit), double-clicks or presses F2.
 */

import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
} from 'react';
import { parseA1, toA1 } from '../domain/address';
import type { Lang } from '../domain/types';
import { t } from '../i18n';
import { buildSheetView, type DrawnCell, type SheetSource, type SheetView } from './sheet-view';

/** What the view needs from the simulated workbook. */
export interface PreviewBook extends SheetSource {
  subscribe(listener: () => void): () => void;
  /** Visible sheets in tab order. */
  sheets(): string[];
  activeSheet(): string;
  selection(): { sheet: string; address: string };
  activate(sheet: string): void;
  select(sheet: string, address: string): void;
  /** A person typing `input` into the cell and pressing Enter. */
  type(sheet: string, address: string, input: string): void;
}

/** The grid always shows at least this much, like an empty Excel window. */
const MIN_ROWS = 30;
const MIN_COLS = 10;
/** Room beyond the used range, to type into. */
const SPARE_ROWS = 10;
const SPARE_COLS = 3;

type Mode = 'ready' | 'enter' | 'edit';
type Move = 'up' | 'down' | 'left' | 'right' | 'none';

/** What the person reads when Excel refuses an entry, in the UI language. */
function refusal(lang: Lang, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'AccessDenied') return t(lang, 'preview.protectedCell');
  const message = error instanceof Error ? error.message : String(error);
  return t(lang, code === 'InvalidArgument' ? 'preview.refused' : 'preview.failed', { message });
}

const GRIDLINE = '1px solid #E1E1E1';
const BORDER = '1px solid #000000';

function cellStyle(cell: DrawnCell): CSSProperties {
  return {
    backgroundColor: cell.fill ?? undefined,
    fontWeight: cell.bold ? 700 : 400,
    fontStyle: cell.italic ? 'italic' : undefined,
    color: cell.color ?? undefined,
    fontSize: cell.fontSizePt ? `${cell.fontSizePt}pt` : undefined,
    textAlign: cell.horizontal,
    verticalAlign: cell.vertical,
    whiteSpace: cell.wrap ? 'pre-wrap' : 'pre',
    overflowWrap: cell.wrap ? 'anywhere' : undefined,
    borderTop: cell.borders.top ? BORDER : GRIDLINE,
    borderBottom: cell.borders.bottom ? BORDER : GRIDLINE,
    borderLeft: cell.borders.left ? BORDER : GRIDLINE,
    borderRight: cell.borders.right ? BORDER : GRIDLINE,
  };
}

// Memoised: typing into the editor re-renders the view, not the hundreds of drawn cells.
const GridTable = memo(function GridTable(props: {
  view: SheetView;
  selected: string | undefined;
  lang: Lang;
  onMouseDown(cell: DrawnCell, event: React.MouseEvent): void;
  onDoubleClick(cell: DrawnCell): void;
}) {
  const { view, selected, lang } = props;
  const selectedCell = selected ? parseA1(selected) : undefined;
  return (
    <table className="grid" aria-label={t(lang, 'preview.grid', { sheet: view.sheet })}>
      <colgroup>
        <col className="row-header-col" />
        {view.widths.map((w, c) => (
          <col key={c} style={{ width: `${w}pt` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <td className="corner" aria-hidden="true" />
          {view.letters.map((letters, c) => (
            <th
              key={letters}
              scope="col"
              className={selectedCell && selectedCell.col === c ? 'header current' : 'header'}
            >
              {letters}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {view.rows.map((cells, r) => (
          <tr key={r} style={{ height: `${view.heights[r]}pt` }}>
            <th scope="row" className={selectedCell && selectedCell.row === r ? 'header current' : 'header'}>
              {r + 1}
            </th>
            {cells.map((cell) => (
              <td
                key={cell.address}
                data-sheet={view.sheet}
                data-address={cell.address}
                rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
                colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
                className={cell.address === selected ? 'cell selected' : 'cell'}
                style={cellStyle(cell)}
                onMouseDown={(e) => props.onMouseDown(cell, e)}
                onDoubleClick={() => props.onDoubleClick(cell)}
              >
                {cell.text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
});

export interface WorkbookViewProps {
  book: PreviewBook;
  lang: Lang;
  /** F6: where the focus goes when the person leaves the grid (the task pane). */
  onLeave(): void;
}

export function WorkbookView(props: WorkbookViewProps) {
  const { book, lang } = props;
  const [version, setVersion] = useState(0);
  const [mode, setMode] = useState<Mode>('ready');
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const editor = useRef<HTMLInputElement>(null);
  const [box, setBox] = useState<CSSProperties>({ display: 'none' });
  // Focus follows the selection only when the person moved it in the grid; a selection made by the
  // task pane (a finding activated) leaves the focus where the person is.
  const focusGrid = useRef(false);

  useEffect(() => book.subscribe(() => setVersion((v) => v + 1)), [book]);

  const sheet = book.activeSheet();
  const sheets = book.sheets();
  const selection = book.selection();
  const selected = selection.sheet === sheet ? selection.address : undefined;

  // `version` changes whenever the workbook does: the view is read again then.
  const view = useMemo(() => {
    const extent = book.extent(sheet);
    const at = selected ? parseA1(selected) : { row: 0, col: 0 };
    return buildSheetView(
      book,
      sheet,
      Math.max(MIN_ROWS, extent.rows + SPARE_ROWS, at.row + SPARE_ROWS),
      Math.max(MIN_COLS, extent.cols + SPARE_COLS, at.col + SPARE_COLS),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` stands for the workbook's contents
  }, [book, sheet, selected, version]);

  const current = selected ? view.masterOf(parseA1(selected).row, parseA1(selected).col) : undefined;

  // A change made elsewhere (the task pane, another sheet activated) ends an edit in progress
  // only when it moved the selection away from the cell being edited.
  const editing = mode !== 'ready';
  const editingAt = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (editing && editingAt.current !== `${sheet}!${current?.address}`) {
      setMode('ready');
      setDraft('');
    }
  }, [editing, sheet, current?.address]);

  useLayoutEffect(() => {
    const container = scroller.current;
    if (!container || !current) {
      setBox({ display: 'none' });
      return;
    }
    const place = () => {
      const td = container.querySelector<HTMLElement>(`td[data-address="${current.address}"]`);
      if (!td) return;
      const outer = container.getBoundingClientRect();
      const rect = td.getBoundingClientRect();
      setBox({
        top: rect.top - outer.top + container.scrollTop,
        left: rect.left - outer.left + container.scrollLeft,
        width: rect.width,
        height: rect.height,
      });
    };
    place();
    const table = container.querySelector('table');
    if (!table || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(place);
    observer.observe(table);
    return () => observer.disconnect();
  }, [view, current]);

  useEffect(() => {
    if (!current) return;
    scroller.current
      ?.querySelector(`td[data-address="${current.address}"]`)
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    if (focusGrid.current) {
      focusGrid.current = false;
      editor.current?.focus({ preventScroll: true });
    }
  }, [sheet, current]);

  const selectCell = useCallback(
    (address: string) => {
      focusGrid.current = true;
      book.select(sheet, address);
      // Selecting the cell already selected changes nothing in the workbook: focus it here.
      editor.current?.focus({ preventScroll: true });
    },
    [book, sheet],
  );

  const move = useCallback(
    (direction: Move) => {
      if (!current || direction === 'none') return;
      let row = current.row;
      let col = current.col;
      if (direction === 'up') row = current.row - 1;
      if (direction === 'down') row = current.row + current.rowSpan;
      if (direction === 'left') col = current.col - 1;
      if (direction === 'right') col = current.col + current.colSpan;
      if (row < 0 || col < 0) return;
      const target = view.masterOf(row, col);
      selectCell(target ? target.address : toA1(row, col));
    },
    [current, view, selectCell],
  );

  /** A person's entry, or why Excel refused it (a protected cell, a value outside a Stop validation). */
  const enter = useCallback(
    (address: string, input: string): boolean => {
      try {
        book.type(sheet, address, input);
        setProblem(null);
        return true;
      } catch (error) {
        setProblem(refusal(lang, error));
        return false;
      }
    },
    [book, sheet, lang],
  );

  /** Ends the edit with Enter, Tab, an arrow key or a click elsewhere; false when Excel refused it. */
  const commit = useCallback(
    (direction: Move): boolean => {
      if (!current) return false;
      // Refused: the entry stays in the editor, to be corrected or cancelled with Escape.
      if (!enter(current.address, draft)) {
        if (direction !== 'none') editor.current?.focus({ preventScroll: true });
        return false;
      }
      setMode('ready');
      setDraft('');
      move(direction);
      return true;
    },
    [enter, current, draft, move],
  );

  const startEdit = useCallback(
    (next: Mode, text: string) => {
      editingAt.current = `${sheet}!${current?.address}`;
      setProblem(null);
      setMode(next);
      setDraft(text);
      editor.current?.focus({ preventScroll: true });
    },
    [sheet, current],
  );

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    const arrows: Record<string, Move> = {
      ArrowUp: 'up',
      ArrowDown: 'down',
      ArrowLeft: 'left',
      ArrowRight: 'right',
    };
    if (e.key === 'F6') {
      e.preventDefault();
      if (editing) commit('none');
      props.onLeave();
      return;
    }
    if (mode === 'ready') {
      if (arrows[e.key]) {
        e.preventDefault();
        move(arrows[e.key]);
      } else if (e.key === 'Enter') {
        e.preventDefault();
        move(e.shiftKey ? 'up' : 'down');
      } else if (e.key === 'Tab') {
        e.preventDefault();
        move(e.shiftKey ? 'left' : 'right');
      } else if (e.key === 'F2') {
        e.preventDefault();
        startEdit('edit', current?.content ?? '');
      } else if (e.key === 'Delete' && current) {
        e.preventDefault();
        enter(current.address, '');
      } else if (e.key === 'Backspace') {
        e.preventDefault();
        startEdit('enter', '');
      }
      return;
    }
    if (e.key === 'Enter') {
      e.preventDefault();
      commit(e.shiftKey ? 'up' : 'down');
    } else if (e.key === 'Tab') {
      e.preventDefault();
      commit(e.shiftKey ? 'left' : 'right');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setMode('ready');
      setDraft('');
      setProblem(null);
    } else if (mode === 'enter' && arrows[e.key]) {
      // As in Excel: an entry started by typing ends with an arrow key, which also moves.
      e.preventDefault();
      commit(arrows[e.key]);
    }
  };

  const onChange = (e: React.ChangeEvent<HTMLInputElement>) => {
    if (mode === 'ready') editingAt.current = `${sheet}!${current?.address}`;
    if (mode === 'ready') setMode('enter');
    setDraft(e.target.value);
  };

  const onCellMouseDown = (cell: DrawnCell, e: React.MouseEvent) => {
    if (e.button !== 0) return;
    // Keep the focus in the editor; a click elsewhere while editing commits, as in Excel.
    e.preventDefault();
    if (editing && cell.address === current?.address) return;
    if (editing && !commit('none')) return;
    selectCell(cell.address);
  };

  const onCellDoubleClick = (cell: DrawnCell) => {
    if (cell.address !== current?.address) selectCell(cell.address);
    startEdit('edit', cell.content);
  };

  // Stable handlers for the memoised grid, calling the latest ones.
  const cellHandlers = useRef({ onCellMouseDown, onCellDoubleClick });
  useLayoutEffect(() => {
    cellHandlers.current = { onCellMouseDown, onCellDoubleClick };
  });
  const gridMouseDown = useCallback(
    (cell: DrawnCell, e: React.MouseEvent) => cellHandlers.current.onCellMouseDown(cell, e),
    [],
  );
  const gridDoubleClick = useCallback((cell: DrawnCell) => cellHandlers.current.onCellDoubleClick(cell), []);

  const onBlur = () => {
    if (editing) commit('none');
  };

  const formulaText = editing ? draft : (current?.content ?? '');

  return (
    <div className="workbook">
      <div className="formula-row">
        <output className="name-box" aria-label={t(lang, 'preview.nameBox')}>
          {current?.address ?? ''}
        </output>
        <output className="formula-bar" aria-label={t(lang, 'preview.formulaBar')}>
          {formulaText}
        </output>
      </div>
      {problem !== null ? (
        <div className="problem" role="alert">
          {problem}
        </div>
      ) : null}
      <div className="scroller" ref={scroller}>
        <GridTable
          view={view}
          selected={current?.address}
          lang={lang}
          onMouseDown={gridMouseDown}
          onDoubleClick={gridDoubleClick}
        />
        <input
          ref={editor}
          className={editing ? 'editor editing' : 'editor'}
          style={box}
          value={editing ? draft : ''}
          aria-label={t(lang, 'preview.cellEditor', { address: current?.address ?? '' })}
          autoComplete="off"
          spellCheck={false}
          onChange={onChange}
          onKeyDown={onKeyDown}
          onBlur={onBlur}
        />
      </div>
      <nav className="tabs" aria-label={t(lang, 'preview.sheets')}>
        {sheets.map((name) => (
          <button
            key={name}
            type="button"
            className={name === sheet ? 'tab active' : 'tab'}
            aria-current={name === sheet ? 'true' : undefined}
            onClick={() => {
              focusGrid.current = true;
              if (name !== sheet) book.activate(name);
              else editor.current?.focus({ preventScroll: true });
            }}
          >
            {name}
          </button>
        ))}
      </nav>
    </div>
  );
}
