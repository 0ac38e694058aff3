/**
 * A Workbench whose implementation is still loading. The Excel adapter and the rules are a third of
 * the pane's script; the pane is drawn and its commands accept clicks while they load, and every
 * call simply waits for them.
 */

import { detectSupport, type RequirementHost } from '../excel/support';
import type { Capabilities, Workbench } from '../excel/workbench';

/** What `createWorkbench` reports, decided the same way before the adapter has loaded. */
export function capabilitiesOf(office: RequirementHost): Capabilities {
  return detectSupport(office);
}

export function deferredWorkbench(loading: Promise<Workbench>, capabilities: Capabilities): Workbench {
  // A failed load surfaces through the first call that needs the workbench, as that call's error.
  loading.catch(() => undefined);
  return {
    capabilities,
    insertTemplate: (options) => loading.then((w) => w.insertTemplate(options)),
    refresh: () => loading.then((w) => w.refresh()),
    validate: () => loading.then((w) => w.validate()),
    clearHighlights: () => loading.then((w) => w.clearHighlights()),
    applyFix: (finding) => loading.then((w) => w.applyFix(finding)),
    undoFix: (applied) => loading.then((w) => w.undoFix(applied)),
    generateSelfEval: (options) => loading.then((w) => w.generateSelfEval(options)),
    writeSummary: () => loading.then((w) => w.writeSummary()),
    select: (sheet, cell) => loading.then((w) => w.select(sheet, cell)),
    getSelection: () => loading.then((w) => w.getSelection()),
    addIndicatorRow: (sheet, afterRow) => loading.then((w) => w.addIndicatorRow(sheet, afterRow)),
    removeIndicatorRow: (sheet, row) => loading.then((w) => w.removeIndicatorRow(sheet, row)),
    insertReference: (sheet, row, reference) => loading.then((w) => w.insertReference(sheet, row, reference)),
    loadSettings: () => loading.then((w) => w.loadSettings()),
    saveSettings: (settings) => loading.then((w) => w.saveSettings(settings)),
    startLive: (listener) => loading.then((w) => w.startLive(listener)),
  };
}
