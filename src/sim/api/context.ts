/**
 * `Excel.RequestContext`: the queue of commands and loads, applied in order at `sync()` — one
 * round trip each — with Excel's failure behaviour (commands before a failing one stay applied,
 * loads of a failed batch are not delivered) and the payload limit of Excel on the web.
 */

import { SimError } from '../errors';
import type { WorkbookModel } from '../model/workbook';
import { NULL_OBJECT, SimObject, type Staged } from './base';

export interface Command {
  objects: SimObject[];
  location: string;
  api?: string;
  /** Bytes this command sends (written values), for the request payload limit. */
  payload?: number;
  run: (stage: (staged: Staged[]) => void) => void;
}

/** What a context needs from the simulated host (SimWorkbook). */
export interface SimHost {
  readonly model: WorkbookModel;
  readonly payloadLimit: number;
  /** Collection items loaded without their key are addressed by position (see SimCollection). */
  readonly indexAddressing: boolean;
  /** Excel's UI language (`zh-CN`), which `*Local` properties follow. */
  language(): string;
  /** Bytes of JSON delivered to the add-in so far. */
  receivedBytes: number;
  apiSupported(version: string | undefined): boolean;
  /** Counts the round trip; may throw a scheduled failure (hostile tests). */
  beginSync(): void;
  /** Delivers the events that the applied commands caused. */
  endSync(): void;
  createWorkbookProxy(context: SimRequestContext): SimObject;
  createApplicationProxy(context: SimRequestContext): SimObject;
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function versionAtMost(version: string, max: string): boolean {
  return compareVersions(version, max) <= 0;
}

export class SimRequestContext {
  /** @internal incremented per sync: proxies resolve once per batch */
  _batch = 0;
  private _pending: Command[] = [];
  private readonly _watched = new Set<SimObject>();
  readonly workbook: never;
  readonly application: never;
  readonly trackedObjects = { add: (_o: unknown) => undefined, remove: (_o: unknown) => undefined };
  readonly debugInfo = {};
  readonly requestHeaders: Record<string, string> = {};

  constructor(readonly _host: SimHost) {
    this.workbook = _host.createWorkbookProxy(this) as never;
    this.application = _host.createApplicationProxy(this) as never;
  }

  /** @internal */
  _queue(command: Command): void {
    this._pending.push(command);
  }

  /** @internal an `*OrNullObject` proxy: its `isNullObject` is known after the next sync. */
  _watch(o: SimObject): void {
    this._watched.add(o);
  }

  /** @internal */
  get _hasPending(): boolean {
    return this._pending.length > 0;
  }

  /** @internal */
  _supports(api: string | undefined): boolean {
    return this._host.apiSupported(api);
  }

  /** @internal throws ApiNotFound for an API above the host's requirement sets */
  _require(api: string | undefined, location: string): void {
    if (!this._host.apiSupported(api))
      throw new SimError(
        'ApiNotFound',
        `The requested API ${location} (ExcelApi ${api}) is not supported by this version of Excel.`,
        location,
      );
  }

  /** @internal objects from two contexts cannot be mixed, as in Office.js */
  _checkSameContext(o: unknown): void {
    if (o instanceof SimObject && o.context !== this)
      throw new SimError('InvalidRequestContext', 'Cannot use the object across different request contexts.');
  }

  async sync(): Promise<void> {
    const batch = this._pending;
    const watched = [...this._watched];
    this._pending = [];
    this._watched.clear();
    const host = this._host;
    await Promise.resolve();
    host.beginSync();
    this._batch++;
    let failure: unknown;
    const staged: Staged[] = [];
    try {
      // Excel on the web refuses a request or a response above 5 MB, each with its own code
      // (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins;
      // Excel.ErrorCodes.responsePayloadSizeLimitExceeded in @types/office-js, and
      // https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling).
      const sent = batch.reduce((n, c) => n + (c.payload ?? 0), 0);
      if (sent > host.payloadLimit)
        throw new SimError(
          'RequestPayloadSizeLimitExceeded',
          `The request payload size (${sent} bytes) has exceeded the limit (${host.payloadLimit} bytes).`,
        );
      for (const command of batch) {
        try {
          this._require(command.api, command.location);
          command.run((s) => staged.push(...s));
          for (const o of command.objects) this._markResolved(o);
        } catch (e) {
          if (e === NULL_OBJECT) {
            for (const o of command.objects) this._markResolved(o);
            continue;
          }
          throw e instanceof SimError && !e.debugInfo.errorLocation
            ? new SimError(e.code, e.message, command.location)
            : e;
        }
      }
      for (const o of watched) this._markResolved(o);
      const received = staged.reduce((n, s) => n + s.bytes, 0);
      if (received > host.payloadLimit)
        throw new SimError(
          'ResponsePayloadSizeLimitExceeded',
          `The response payload size (${received} bytes) has exceeded the limit (${host.payloadLimit} bytes). Read less per request.`,
        );
    } catch (e) {
      failure = e;
    }
    if (failure === undefined) {
      for (const s of staged) s.commit();
      host.receivedBytes += staged.reduce((n, s) => n + s.bytes, 0);
    }
    host.endSync();
    if (failure !== undefined) throw failure;
  }

  private _markResolved(o: SimObject): void {
    try {
      o._isNull = o._targetOrNull() === null;
    } catch {
      // A missing object reached with getItem: the failing command reported it.
    }
  }
}
