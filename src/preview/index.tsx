/**
 * The preview page (SPEC §9): a simulated workbook (src/sim) drawn as a grid, beside the real task
 * pane running against it through the simulator's `Excel` and its local `Office` shim. Nothing is
 * loaded from the internet. `?lang=en-US` switches the UI to English (zh-CN otherwise);
 * `?host=excel2019|excel2021|web|latest` picks the Excel emulated (src/sim/hosts.ts), named on the
 * page; `?missed=dropdown,paste` makes those edits fire no change event, as some Excel builds do.
 * `window.previewWorkbook` is the contract browser tests rely on; `window.previewSim` is the whole
 * simulator, for a developer at the console.
 */

import { createRoot } from 'react-dom/client';
import { referenceLookup } from '../domain/library';
import { createWorkbench } from '../excel';
import type { Lang } from '../domain/types';
import { t } from '../i18n';
import { SimWorkbook, isHostProfileId } from '../sim';
import { mountTaskpane } from '../taskpane/mount';
import { createPreviewApi, type PreviewWorkbook } from './book';
import './strings';
import { WorkbookView } from './WorkbookView';

declare global {
  interface Window {
    previewWorkbook: PreviewWorkbook;
    previewSim: SimWorkbook;
  }
}

/** The live validation's quiet time after an edit; `idle()` knows it. */
const DEBOUNCE_MS = 150;

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found) return found;
  const created = document.createElement('div');
  created.id = id;
  document.body.appendChild(created);
  return created;
}

function start(): void {
  const params = new URLSearchParams(window.location.search);
  const lang: Lang = params.get('lang') === 'en-US' ? 'en-US' : 'zh-CN';
  document.documentElement.lang = lang;
  document.title = t(lang, 'preview.title');

  const requested = params.get('host');
  const host = isHostProfileId(requested) ? requested : 'latest';
  const missed = new Set((params.get('missed') ?? '').split(','));
  const sim = new SimWorkbook({ sheets: ['Sheet1'], host });
  sim.setDisplayLanguage(lang);
  sim.missedChangeEvents = { dropdown: missed.has('dropdown'), paste: missed.has('paste') };
  const { book, workbook } = createPreviewApi(sim, DEBOUNCE_MS);
  window.previewWorkbook = workbook;
  window.previewSim = sim;

  const area = element('workbook-area');
  area.setAttribute('role', 'region');
  area.setAttribute('aria-label', t(lang, 'preview.workbook'));
  const heading = document.createElement('h1');
  heading.className = 'visually-hidden';
  heading.textContent = t(lang, 'preview.title');
  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.textContent = t(lang, 'preview.hint');
  const emulated = document.createElement('p');
  emulated.className = 'hint host';
  emulated.dataset.host = host;
  emulated.textContent =
    t(lang, 'preview.host', { host: t(lang, `preview.hosts.${host}`) }) +
    (missed.has('dropdown') || missed.has('paste') ? t(lang, 'preview.missed') : '');
  const grid = document.createElement('div');
  grid.className = 'workbook-root';
  area.replaceChildren(heading, hint, emulated, grid);

  // No landmark role here: the pane brings its own <main>, which must stay top-level.
  const pane = element('taskpane');
  const leaveGrid = () => {
    const target = pane.querySelector<HTMLElement>('button:not([disabled])');
    if (!target) return;
    target.focus();
    // F6 was pressed in the grid's editor, where Fluent's keyboard detection takes keys for typing:
    // tell it this focus came from the keyboard, so the button shows its focus ring (SPEC §9).
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'F6' }));
  };
  // F6 from the task pane goes back to the grid, as in Excel (SPEC §9): to the selected cell.
  pane.addEventListener('keydown', (e) => {
    if (e.key !== 'F6') return;
    e.preventDefault();
    grid.querySelector<HTMLElement>('.editor')?.focus({ preventScroll: true });
  });

  createRoot(grid).render(<WorkbookView book={book} lang={lang} onLeave={leaveGrid} />);
  const workbench = createWorkbench(sim.excel, sim.office, {
    lang,
    debounceMs: DEBOUNCE_MS,
    references: referenceLookup,
  });
  mountTaskpane(pane, workbench, lang);
}

start();
