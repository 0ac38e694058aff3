/** Rendering the task pane into a page: the Excel task pane (index.tsx) and the preview page both use it. */

import { createRoot, type Root } from 'react-dom/client';
import type { Lang } from '../domain/types';
import type { Workbench } from '../excel/workbench';
import { App } from './App';
import type { PaneTheme } from './theme';

const roots = new WeakMap<HTMLElement, Root>();

export interface MountOptions {
  theme?: PaneTheme;
  /** Shown outside Excel, to say why there is no workbook. */
  hostMessage?: string;
}

/**
 * Renders the task pane into `container` against `workbench` (null: outside Excel). Calling it again
 * on the same container re-renders in place. Returns a function that unmounts the pane.
 */
export function mountTaskpane(
  container: HTMLElement,
  workbench: Workbench | null,
  lang: Lang,
  options: MountOptions = {},
): () => void {
  let root = roots.get(container);
  if (!root) {
    root = createRoot(container);
    roots.set(container, root);
  }
  root.render(
    <App workbench={workbench} lang={lang} theme={options.theme} hostMessage={options.hostMessage} />,
  );
  return () => {
    roots.get(container)?.unmount();
    roots.delete(container);
  };
}
