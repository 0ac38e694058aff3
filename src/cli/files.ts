/** The paths given on the command line → the workbooks to read, and the paths that cannot be. */

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { XlsxReadError } from './zip-guard';

export interface Target {
  /** The path as the user will recognise it: as typed, or joined under the directory typed. */
  display: string;
  absolute: string;
}

/** A workbook to read, or a path that names nothing readable, with the reason. */
export type Collected = Target | { display: string; error: XlsxReadError };

/**
 * Files in a directory: .xlsx, .xlsm, .docx, real .xls and WPS's .et, real .doc and WPS's .wps are
 * read, and so are web pages saved as .xls, .doc or .mht (a budget system's 导出).
 */
const isWorkbookName = (name: string): boolean =>
  /\.(?:xlsx|xlsm|xls|et|docx|doc|wps|mht|mhtml)$/i.test(name) && !name.startsWith('~$');

/** Every file under `dir` that isWorkbookName takes, sorted, in sub-directories too; symbolic links to directories are not followed. */
async function walk(dir: string, display: string, out: Target[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    const shown = path.join(display, e.name);
    if (e.isDirectory()) await walk(abs, shown, out);
    else if (isWorkbookName(e.name) && (e.isFile() || (e.isSymbolicLink() && (await isFile(abs))))) {
      out.push({ display: shown, absolute: abs });
    }
  }
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

/**
 * Files are taken as given, whatever their extension (readXlsx says what they really are);
 * a directory contributes its .xlsx and .docx files (the `~$` lock files of Excel and Word skipped) and is a problem when
 * it has none. A file reached twice is read once. The order is the command line's.
 */
export async function collectTargets(paths: string[], cwd: string): Promise<Collected[]> {
  const out: Collected[] = [];
  const seen = new Set<string>();
  const add = (t: Target): void => {
    if (seen.has(t.absolute)) return;
    seen.add(t.absolute);
    out.push(t);
  };
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stat;
    try {
      stat = await fs.stat(absolute);
    } catch (err) {
      const code = (err as { code?: string }).code;
      out.push({
        display: given,
        error: new XlsxReadError(code === 'ENOENT' || code === 'ENOTDIR' ? 'not-found' : 'unreadable'),
      });
      continue;
    }
    if (stat.isDirectory()) {
      const found: Target[] = [];
      try {
        await walk(absolute, given, found);
      } catch {
        out.push({ display: given, error: new XlsxReadError('unreadable') });
        continue;
      }
      if (found.length === 0) out.push({ display: given, error: new XlsxReadError('no-workbooks') });
      found.forEach(add);
    } else {
      add({ display: given, absolute });
    }
  }
  return out;
}
