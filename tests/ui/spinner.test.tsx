/**
 * The pane's Spinner (src/taskpane/Spinner.tsx) stands in for Fluent's, to keep Fluent's out of the
 * first script: it must render what Fluent's renders for the pane's use (size tiny, a label after),
 * element for element, class for class, and be named by its label.
 */

import { FluentProvider, Spinner as FluentSpinner, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import { Spinner } from '../../src/taskpane/Spinner';

/** The markup with each generated id replaced by where it is used. */
function markup(element: HTMLElement): string {
  const html = element.outerHTML;
  const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
  return ids.reduce((text, id, i) => text.split(`"${id}"`).join(`"id${i}"`), html);
}

test('renders as Fluent’s tiny Spinner with its label after', () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <div data-testid="fluent">
        <FluentSpinner size="tiny" labelPosition="after" label="正在读取工作簿…" />
      </div>
      <div data-testid="pane">
        <Spinner label="正在读取工作簿…" />
      </div>
    </FluentProvider>,
  );
  const fluent = screen.getByTestId('fluent').firstElementChild as HTMLElement;
  const pane = screen.getByTestId('pane').firstElementChild as HTMLElement;
  expect(markup(pane)).toBe(markup(fluent));
  expect(screen.getAllByRole('progressbar', { name: '正在读取工作簿…' })).toHaveLength(2);
});
