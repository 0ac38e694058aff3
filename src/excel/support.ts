/**
 * What the adapter may use beyond its core requirement set, decided from the requirement sets Office
 * says it supports. Kept apart from the adapter so the task pane can know its capabilities before the
 * adapter's chunk has loaded.
 */

import type { Capabilities } from './workbench';

export interface Support extends Capabilities {
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject. */
  mergedAreas: boolean;
  /** ExcelApi 1.9: page layout (print settings), and change events on the whole sheet collection. */
  pageLayout: boolean;
  workbookEvents: boolean;
  /** ExcelApi 1.7: workbook protection state. */
  workbookProtection: boolean;
}

export interface RequirementHost {
  context: { requirements: { isSetSupported(name: string, version?: string): boolean } };
}

export function detectSupport(office: RequirementHost): Support {
  const has = (version: string): boolean => {
    try {
      return office.context.requirements.isSetSupported('ExcelApi', version);
    } catch {
      return false;
    }
  };
  return {
    conditionalFormats: has('1.6'),
    events: has('1.7'),
    workbookProtection: has('1.7'),
    dataValidation: has('1.8'),
    pageLayout: has('1.9'),
    workbookEvents: has('1.9'),
    sheetCustomProperties: has('1.12'),
    mergedAreas: has('1.13'),
  };
}
