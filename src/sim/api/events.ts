/** Event registration (`onChanged.add(handler)` …): handlers are registered and removed at sync, as in Excel. */

import { SimError } from '../errors';
import type { SimRequestContext } from './context';
import { apiVersion } from './versions';

export type EventKind = 'changed' | 'added' | 'deleted' | 'activated' | 'deactivated' | 'selectionChanged';

export interface Registration {
  kind: EventKind;
  /** A worksheet's own event; undefined for the collection's (every sheet). */
  sheetId?: string;
  handler: (args: unknown) => unknown;
  context: SimRequestContext;
}

export class EventRegistry {
  registrations: Registration[] = [];

  add(r: Registration): void {
    this.registrations.push(r);
  }

  remove(r: Registration): void {
    this.registrations = this.registrations.filter((x) => x !== r);
  }
}

/** `OfficeExtension.EventHandlerResult` */
export class EventHandlerResult {
  /** @internal */
  _registration?: Registration;

  constructor(
    readonly context: SimRequestContext,
    private readonly _registry: EventRegistry,
  ) {}

  remove(): void {
    this.context._queue({
      objects: [],
      location: 'EventHandlerResult.remove',
      run: () => {
        if (this._registration) this._registry.remove(this._registration);
      },
    });
  }
}

/** `OfficeExtension.EventHandlers` for one event of one object. */
export class EventHandlers {
  private readonly _results = new Map<(args: unknown) => unknown, EventHandlerResult>();

  constructor(
    private readonly context: SimRequestContext,
    private readonly registry: EventRegistry,
    private readonly owner: string,
    private readonly event: string,
    private readonly kind: EventKind,
    private readonly sheetId: () => string | undefined,
  ) {}

  add(handler: (args: never) => unknown): EventHandlerResult {
    if (typeof handler !== 'function')
      throw new SimError('InvalidArgument', 'An event handler must be a function.');
    const result = new EventHandlerResult(this.context, this.registry);
    const h = handler as (args: unknown) => unknown;
    this._results.set(h, result);
    this.context._queue({
      objects: [],
      location: `${this.owner}.${this.event}.add`,
      api: apiVersion(this.owner, this.event),
      run: () => {
        const registration: Registration = {
          kind: this.kind,
          sheetId: this.sheetId(),
          handler: h,
          context: this.context,
        };
        result._registration = registration;
        this.registry.add(registration);
      },
    });
    return result;
  }

  remove(handler: (args: never) => unknown): void {
    const result = this._results.get(handler as (args: unknown) => unknown);
    if (!result) throw new SimError('InvalidArgument', 'This handler was not added here.');
    this._results.delete(handler as (args: unknown) => unknown);
    result.remove();
  }
}
