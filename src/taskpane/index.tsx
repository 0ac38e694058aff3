/**
 * The task pane's entry in Excel (taskpane.html). The preview page mounts the same pane over the
 * simulator with `mountTaskpane`.
 */

import { bootTaskpane } from './boot';
import { mountTaskpane } from './mount';

export { mountTaskpane };
export type { MountOptions } from './mount';

function container(): HTMLElement {
  const existing = document.getElementById('container');
  if (existing) return existing;
  const created = document.createElement('div');
  created.id = 'container';
  document.body.appendChild(created);
  return created;
}

void bootTaskpane(
  typeof Office === 'undefined' ? undefined : Office,
  typeof Excel === 'undefined' ? undefined : Excel,
  container(),
);
