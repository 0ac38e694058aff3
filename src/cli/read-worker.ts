/**
 * The reader worker (src/cli/isolate.ts): reads the files it is sent, one at a time, and answers
 * with what it read or why it could not. Everything a file makes a library build lives and dies here.
 */

import { promises as fs } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Grid } from '../domain/grid';
import type { ReadJob, ReaderData, ReadReply } from './isolate';
import { loadDocx, loadWebPage } from './read-docx';
import { isOle } from './bounded-zip';
import { ReadError } from './read-error';
import { loadDoc } from './read-doc';
import { isOldBiff, loadXls } from './read-xls';
import { loadXlsx, preloadXlsx, type SheetBatch } from './read-xlsx';

// Whatever a library prints here must not reach the user's terminal or a CI log, where each
// unreadable file is one line: the worker's output is dropped (its results travel as messages).
// Capturing it in the parent instead (`stdout: true`) would keep the process alive while idle.
for (const stream of [process.stdout, process.stderr]) stream.write = () => true;

/** A Word 97–2003 document's names (WPS Writer's .wps is the same format). */
const WORD_NAME = /\.(?:doc|dot|wps)$/i;

async function read(job: ReadJob): Promise<unknown> {
  switch (job.kind) {
    case 'xlsx':
      // An OLE container under an .xlsx name: a real .xls renamed is read as one; any other (an
      // encrypted workbook) is refused as before.
      return loadXlsx(job.path, job.limits, (partial) =>
        parentPort!.postMessage({ partial } satisfies ReadReply),
      ).catch(async (err: unknown) => {
        if (!(err instanceof ReadError) || err.code !== 'ole') throw err;
        const grids = await loadXls(job.path, job.limits).catch(() => undefined);
        if (!grids) throw err;
        return { total: grids.length, positions: grids.map((_, i) => i), grids } satisfies SheetBatch;
      });
    case 'docx':
      // A real .doc under a .docx name is read as one; any other OLE container is refused as before.
      return loadDocx(job.path, job.limits).catch(async (err: unknown) => {
        if (!(err instanceof ReadError) || err.code !== 'ole-document') throw err;
        return (await loadDoc(job.path, job.limits)) ?? Promise.reject(err);
      });
    case 'html': {
      const workbookName = /\.(?:xls|et)$/i.test(job.path);
      // The first bytes say what the file is, so that a web page is read from the disk once.
      const first = await head(job.path);
      // An .xlsx or a .docx under an old name (an export's habit): read as what it is.
      if (first.subarray(0, 2).toString('latin1') === 'PK') {
        if (workbookName) return allSheets(job);
        if (WORD_NAME.test(job.path)) return loadDocx(job.path, job.limits);
      }
      // A real .xls (or WPS's .et), or a real .doc, under the names a web page is saved as, else
      // the web page.
      if (workbookName && isOldBiff(first)) throw new ReadError('xls-old');
      if (isOle(first)) {
        // Under either name, what the container holds: a workbook, or a Word document.
        const [named, other] = workbookName ? [loadXls, loadDoc] : [loadDoc, loadXls];
        const grids = (await named(job.path, job.limits)) ?? (await other(job.path, job.limits));
        if (grids) return grids;
        // Under a document's name, an OLE container that holds no Word document: an encrypted one.
        if (!workbookName && WORD_NAME.test(job.path)) throw new ReadError('ole-document');
      }
      return loadWebPage(job.path, job.limits);
    }
  }
}

/** A file's first bytes, none when it cannot be read (the reader then says why). */
async function head(path: string): Promise<Buffer> {
  try {
    const file = await fs.open(path, 'r');
    try {
      const { buffer, bytesRead } = await file.read(Buffer.alloc(8), 0, 8, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch {
    return Buffer.alloc(0);
  }
}

/** An .xlsx read at once, every batch of its sheets in their places. */
async function allSheets(job: ReadJob): Promise<Grid[]> {
  const grids: Grid[] = [];
  const take = (batch: SheetBatch): void => batch.positions.forEach((p, i) => (grids[p] = batch.grids[i]!));
  take(await loadXlsx(job.path, job.limits, take));
  return grids;
}

/**
 * The files come as they are asked for, several at a time (src/cli/isolate.ts); each is read after
 * the one before has been answered, so that only one file's objects live here at once and each
 * answer comes in the order asked.
 */
let last: Promise<void> = Promise.resolve();

parentPort?.on('message', (job: ReadJob) => {
  last = last.then(() => answer(job));
});

function answer(job: ReadJob): Promise<void> {
  return read(job).then(
    (value) => parentPort!.postMessage({ ok: true, value } satisfies ReadReply),
    (err: unknown) => {
      const reply: ReadReply =
        err instanceof ReadError
          ? { ok: false, code: err.code, data: err.data }
          : {
              ok: false,
              code: 'unexpected',
              data: { message: String(err instanceof Error ? err.message : err).split('\n')[0] },
            };
      parentPort!.postMessage(reply);
    },
  );
}

// Started ahead of the first file (startReader): the reader readies while the command line starts.
if ((workerData as ReaderData | undefined)?.preloadXlsx) preloadXlsx();
