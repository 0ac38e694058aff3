/**
 * An OLE compound file (a real .xls or .doc), opened by `cfb`: the streams at its top. An embedded
 * object keeps streams of the same names in storages of its own (a .doc's `ObjectPool/_1307178611/
 * 1Table`, a workbook's chart in `MBD0001/Workbook`); those are never taken for the file's own.
 */

import * as CFB from 'cfb';
import { ReadError, type ReadErrorCode } from './read-error';

export type OleFile = CFB.CFB$Container;

/** The container, or `damaged` when its sectors, FAT or directory cannot be read. */
export function openOle(buf: Buffer, damaged: ReadErrorCode): OleFile {
  try {
    return CFB.read(buf, { type: 'buffer' });
  } catch {
    throw new ReadError(damaged);
  }
}

/** The stream `name` right under the root storage, whatever the root is called, if any. */
export function topStream(file: OleFile, name: string): Buffer | undefined {
  const wanted = name.toLowerCase();
  const at = file.FullPaths.findIndex((p) => {
    const parts = p.split('/');
    return parts.length === 2 && parts[1]?.toLowerCase() === wanted;
  });
  const content = at < 0 ? undefined : (file.FileIndex[at]?.content as unknown);
  if (!content || (content as Uint8Array).length === undefined) return undefined;
  return Buffer.isBuffer(content) ? content : Buffer.from(content as Uint8Array);
}
