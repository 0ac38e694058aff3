/**
 * Why a file cannot be read, as a code the CLI turns into one sentence (src/i18n/cli.ts). A module
 * of its own, so that the command line's thread knows the error without loading the readers.
 */

export type ReadErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'empty-file'
  | 'too-large'
  | 'unzipped-too-large'
  | 'part-too-large'
  | 'too-many-elements'
  | 'too-many-sheets'
  | 'too-many-cells'
  | 'too-many-rows'
  | 'too-many-columns'
  | 'too-many-merges'
  | 'too-many-shared-strings'
  | 'beyond-sheet'
  | 'out-of-memory'
  | 'timeout'
  | 'ole'
  | 'xls-encrypted'
  | 'xls-old'
  | 'not-xls'
  | 'ole-document'
  | 'doc-encrypted'
  | 'doc-old'
  | 'doc-corrupt'
  | 'not-document'
  | 'other-format'
  | 'not-zip'
  | 'truncated'
  | 'zip-encrypted'
  | 'zip-unsupported'
  | 'not-workbook'
  | 'corrupt'
  | 'no-workbooks'
  | 'unexpected';

export class ReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    readonly data: Record<string, string | number> = {},
  ) {
    super(`${code}${Object.keys(data).length ? ' ' + JSON.stringify(data) : ''}`);
    this.name = 'ReadError';
  }
}
