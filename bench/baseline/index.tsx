/**
 * The benchmark's baseline (SPEC §10): the least a Fluent UI add-in page can be — React, a
 * FluentProvider and one command button, rendered once Office is ready, as `yo office` does.
 */

import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';

function Baseline() {
  return (
    <FluentProvider theme={webLightTheme}>
      <div role="toolbar" aria-label="命令">
        <Button appearance="subtle">插入模板</Button>
      </div>
    </FluentProvider>
  );
}

void Office.onReady().then(() => {
  createRoot(document.getElementById('container') as HTMLElement).render(<Baseline />);
});
