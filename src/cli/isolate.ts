/**
 * Reading a file runs where running out of memory or time ends that file, never the process (SPEC
 * §7): a worker thread whose heap is capped (V8's old generation, `resourceLimits`), terminated when
 * one file takes longer than its time. A failure there becomes a ReadError — `out-of-memory`,
 * `timeout` — that the command line prints as one line naming the file, and the next file gets a
 * fresh worker. One worker serves the files of a run in turn, so the libraries are loaded once.
 *
 * A worker thread, not a child process: it starts in tens of milliseconds where a process takes
 * hundreds, and hands the grids over by structured clone instead of a serialised stream.
 *
 * A command that reads files starts the worker first thing (startReader, from src/cli/main.ts), so
 * that the worker's start and its loading of the reader overlap with the command line's own start
 * (commander, the strings, the rules) rather than follow it.
 */

import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ReadError, type ReadErrorCode } from './read-error';
import type { XlsxLimits } from './zip-guard';

/** What the worker is asked to read (src/cli/read-worker.ts); a reader of another format adds a kind. */
export type ReadJob = { kind: 'xlsx' | 'docx' | 'html'; path: string; limits: XlsxLimits };

export interface IsolationLimits {
  /** The worker's heap (old generation), in MB. */
  heapMb: number;
  /** Time for one file, in milliseconds. */
  timeMs: number;
}

/** The reader's limits unless a caller gives others (src/cli/zip-guard.ts DEFAULT_LIMITS holds them too). */
export const DEFAULT_ISOLATION: IsolationLimits = { heapMb: 768, timeMs: 60_000 };

/** What the worker is told when it starts (src/cli/read-worker.ts). */
export interface ReaderData {
  /** Ready the xlsx reader before the first job, while the command line itself is starting. */
  preloadXlsx?: boolean;
  /** The module to run, when the worker starts from the TypeScript sources (scripts/ts-worker.js). */
  entry?: string;
}

/**
 * The worker's answer to one job; before it, a job may send parts of its result as they are read
 * (the rounds of a large workbook: src/cli/xlsx-chunks.ts).
 */
export type ReadReply =
  | { ok: true; value: unknown }
  | { ok: false; code: ReadErrorCode; data: Record<string, string | number> }
  | { partial: unknown };

/**
 * Under jest and the benchmark this module runs from its TypeScript source, which a worker cannot
 * load by itself: scripts/ts-worker.js installs TypeScript's transpiler in the worker first.
 */
const FROM_SOURCE = path.extname(__filename) === '.ts';
const ENTRY = path.join(__dirname, `read-worker${FROM_SOURCE ? '.ts' : '.js'}`);
const TS_LOADER = path.join(__dirname, '..', '..', 'scripts', 'ts-worker.js');

/** The reader worker's young generation, in MB (see the worker's resource limits below). */
const YOUNG_MB = 16;

/** A worker left idle this long is ended, so that a long-lived caller (tests) does not keep one around. */
const IDLE_MS = 2_000;

/** A file asked of the reader: its job, its time, and where its answer goes. */
interface Pending {
  job: ReadJob;
  timeMs: number;
  resolve(value: unknown): void;
  reject(err: Error): void;
  partial?(value: unknown): void;
}

class ReaderWorker {
  readonly worker: Worker;
  /**
   * The files posted to the worker and not yet answered, in the order posted: the worker reads them
   * one after the other (src/cli/read-worker.ts), so the first is the one it is reading. Posting
   * each file as soon as it is asked for keeps the worker reading while the command line's thread
   * checks what came before, instead of waiting for it to ask for the next file.
   */
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private idle: NodeJS.Timeout | undefined;
  dead = false;

  constructor(
    readonly heapMb: number,
    preloadXlsx = false,
  ) {
    const data: ReaderData = { preloadXlsx, ...(FROM_SOURCE ? { entry: ENTRY } : {}) };
    this.worker = new Worker(FROM_SOURCE ? TS_LOADER : ENTRY, {
      workerData: data,
      // A young generation of 16 MB, a third of what V8 gives a 768 MB heap: exceljs makes a great
      // deal of short-lived garbage, and scavenging it in smaller spaces was faster here (500 small
      // files: 7.3-7.9 -> 5.2-6.6 s; the 1,000-table workbook 3 % faster; one file the same).
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: YOUNG_MB },
    });
    this.worker.on('message', (reply: ReadReply) => {
      if ('partial' in reply) this.pending[0]?.partial?.(reply.partial);
      else if (reply.ok) this.settle(undefined, reply.value);
      else this.settle(new ReadError(reply.code, reply.data));
    });
    this.worker.on('error', (err: Error & { code?: string }) => {
      this.fail(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ReadError('out-of-memory', { limit: heapMb })
          : new ReadError('unexpected', { message: String(err.message).split('\n')[0] }),
      );
    });
    this.worker.on('exit', () => this.fail(new ReadError('unexpected', { message: 'the reader stopped' })));
    this.rest();
  }

  get busy(): boolean {
    return this.pending.length > 0;
  }

  run(p: Pending): void {
    clearTimeout(this.idle);
    this.worker.ref();
    this.pending.push(p);
    this.worker.postMessage(p.job);
    if (this.pending.length === 1) this.time();
  }

  stop(): void {
    this.dead = true;
    void this.worker.terminate();
  }

  /** The file being read has its time from when the worker starts on it (the previous one answered). */
  private time(): void {
    const p = this.pending[0];
    this.timer = setTimeout(() => {
      this.stop();
      this.fail(new ReadError('timeout', { limit: Math.round(p.timeMs / 1000) }));
    }, p.timeMs);
  }

  private settle(err: Error | undefined, value?: unknown): void {
    const p = this.pending.shift();
    if (!p) return;
    clearTimeout(this.timer);
    if (err) p.reject(err);
    else p.resolve(value);
    if (this.pending.length > 0) this.time();
    else if (!this.dead) this.rest();
  }

  /**
   * The worker is gone (out of memory, out of time, or it stopped): the file it was reading fails
   * with `err`; the files posted after it go to a fresh worker.
   */
  private fail(err: Error): void {
    this.dead = true;
    clearTimeout(this.timer);
    const [reading, ...after] = this.pending;
    this.pending = [];
    reading?.reject(err);
    for (const p of after) dispatch(p, this.heapMb);
  }

  /** Idle: the worker must not keep the process alive, and goes after a while. */
  private rest(): void {
    this.worker.unref();
    this.idle = setTimeout(() => this.stop(), IDLE_MS);
    this.idle.unref();
  }
}

let current: ReaderWorker | undefined;

/**
 * Posts `p` to the current worker, or to a new one when there is none, it is gone, or its heap is
 * another (a worker still reading files of the other heap finishes them on its own).
 */
function dispatch(p: Pending, heapMb: number): void {
  if (!current || current.dead || current.heapMb !== heapMb) {
    if (current && !current.dead && !current.busy) current.stop();
    current = new ReaderWorker(heapMb);
  }
  current.run(p);
}

/**
 * Starts the reader worker now, before any file is asked for, unless one is running; with
 * `preloadXlsx` it readies the xlsx reader straight away. It is the worker readIsolated then uses (when the
 * limits are the default ones), and it ends after IDLE_MS if no file comes.
 */
export function startReader(preloadXlsx: boolean, limits: IsolationLimits = DEFAULT_ISOLATION): void {
  if (current && !current.dead && current.heapMb === limits.heapMb) return;
  if (current && !current.dead && !current.busy) current.stop();
  current = new ReaderWorker(limits.heapMb, preloadXlsx);
}

/**
 * Runs `job` in the reader worker within `limits` and resolves to what the worker read; `partial`
 * gets the parts the worker sends before. Files are read one at a time, in the order asked, each
 * within its own time.
 */
export function readIsolated<T>(
  job: ReadJob,
  limits: IsolationLimits,
  partial?: (value: unknown) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) =>
    dispatch({ job, timeMs: limits.timeMs, resolve, reject, partial }, limits.heapMb),
  );
}
