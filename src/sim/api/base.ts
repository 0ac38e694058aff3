/**
 * The proxy machinery Office.js gives every Excel object: properties that must be loaded and synced
 * before they are read, writes and method calls queued as commands and applied in order at `sync`,
 * `*OrNullObject` objects, `set`, `toJSON`, collections with `items`, and `ClientResult`.
 */

import { SimError, propertyNotLoaded } from '../errors';
import type { SimRequestContext } from './context';
import { apiVersion } from './versions';

export interface PropDef {
  /** Reads the property at sync (absent: write-only). */
  get?: (target: never, self: never) => unknown;
  /** Applies a write at sync (absent: read-only). */
  set?: (target: never, value: unknown, self: never) => void;
  /** ExcelApi version the property needs (default: the versions table). */
  api?: string;
  /** Not included in a bare `load()` (Excel's large or costly properties are, so this is rare). */
  explicitOnly?: boolean;
}

export interface NavDef {
  create: (self: never) => SimObject;
  api?: string;
}

export interface Schema {
  name: string;
  props: Record<string, PropDef>;
  navs?: Record<string, NavDef>;
}

/** Thrown by a resolver reaching an `*OrNullObject` that does not exist: commands on it are ignored. */
export const NULL_OBJECT = Symbol('null object');

export interface LoadTree {
  all: boolean;
  props: Set<string>;
  navs: Map<string, LoadTree>;
  top?: number;
  skip?: number;
}

function emptyTree(all = false): LoadTree {
  return { all, props: new Set(), navs: new Map() };
}

function addPath(tree: LoadTree, path: string[]): void {
  const [head, ...rest] = path;
  if (!head) return;
  if (rest.length === 0) {
    tree.props.add(head);
    return;
  }
  let child = tree.navs.get(head);
  if (!child) {
    child = emptyTree();
    tree.navs.set(head, child);
  }
  addPath(child, rest);
}

function splitPaths(text: string): string[][] {
  return text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => p.split('/').map((s) => s.trim()));
}

/** `load('a, b/c')`, `load(['a'])`, `load({ select, expand, $top, $skip })`, `load()`. */
export function parseLoadSpec(spec: unknown): LoadTree {
  if (spec === undefined || spec === null) return emptyTree(true);
  const tree = emptyTree();
  if (typeof spec === 'string') {
    for (const p of splitPaths(spec)) addPath(tree, p);
  } else if (Array.isArray(spec)) {
    for (const s of spec) for (const p of splitPaths(String(s))) addPath(tree, p);
  } else if (typeof spec === 'object') {
    const o = spec as { select?: string; expand?: string; $top?: number; $skip?: number };
    if (o.select) for (const p of splitPaths(o.select)) addPath(tree, p);
    if (o.expand) for (const p of splitPaths(o.expand)) addPath(tree, [...p, '*']);
    if (!o.select && !o.expand) tree.all = true;
    tree.top = o.$top;
    tree.skip = o.$skip;
  } else {
    throw new SimError('InvalidArgument', 'The argument of load is invalid.');
  }
  if (tree.props.size === 0 && tree.navs.size === 0 && typeof spec === 'string') tree.all = true;
  return tree;
}

/** A copy of plain data (arrays, plain objects); API objects and other instances are kept as they are. */
export function clonePlain<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => clonePlain(x)) as T;
  if (v && typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v))) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = clonePlain(x);
    return out as T;
  }
  return v;
}

/** Staged results of a load: applied to the proxies only when the whole batch succeeded. */
export interface Staged {
  commit: () => void;
  bytes: number;
}

export function jsonBytes(v: unknown): number {
  if (v === undefined) return 0;
  const text = JSON.stringify(v) ?? '';
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export abstract class SimObject<T = unknown> {
  /** @internal loaded (or locally set) property values */
  _loaded = new Map<string, unknown>();
  /** @internal undefined until a sync has resolved the object */
  _isNull: boolean | undefined;
  private _navCache = new Map<string, SimObject>();
  private _cache?: { batch: number; target: T | null };
  private _bound?: () => T;

  constructor(
    readonly context: SimRequestContext,
    private _resolver: () => T | null,
  ) {}

  abstract get _schema(): Schema;

  /** Objects that keep their identity across syncs once found (worksheets, names …) return true. */
  protected get _sticky(): boolean {
    return false;
  }

  /** @internal binds the proxy to a model object (an added item, a loaded collection item). */
  _bind(get: () => T): void {
    this._bound = get;
    this._cache = undefined;
  }

  /** @internal the model object, or null for a missing `*OrNullObject`; throws ItemNotFound & co. */
  _targetOrNull(): T | null {
    if (this._bound) return this._bound();
    const batch = this.context._batch;
    if (this._cache && this._cache.batch === batch) return this._cache.target;
    const target = this._resolver();
    this._cache = { batch, target };
    if (target !== null && this._sticky) {
      const fixed = target;
      const alive = this._alive.bind(this);
      this._bind(() => {
        if (!alive(fixed))
          throw new SimError('ItemNotFound', `The requested ${this._schema.name} doesn't exist.`);
        return fixed;
      });
    }
    return target;
  }

  /** For sticky objects: whether the bound model object still exists. */
  protected _alive(_target: T): boolean {
    return true;
  }

  /** @internal the model object; commands on a null object are skipped. */
  _target(): T {
    const t = this._targetOrNull();
    if (t === null) throw NULL_OBJECT;
    return t;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded('isNullObject', this._schema.name);
    return this._isNull;
  }

  /** @internal a navigation property's object, one per proxy as in Office.js. */
  _nav<N extends SimObject>(name: string): N {
    let n = this._navCache.get(name);
    if (!n) {
      const def = this._schema.navs?.[name];
      if (!def) throw new SimError('InvalidArgument', `${this._schema.name} has no property ${name}.`);
      n = def.create(this as never);
      this._navCache.set(name, n);
    }
    return n as N;
  }

  load(spec?: unknown): this {
    const tree = parseLoadSpec(spec);
    this.context._queue({
      objects: [this],
      location: `${this._schema.name}.load`,
      run: (stage) => stage(this._read(tree)),
    });
    return this;
  }

  /** @internal reads the loaded properties now (at their place in the batch). */
  _read(tree: LoadTree): Staged[] {
    const target = this._targetOrNull();
    if (target === null) return [{ bytes: 0, commit: () => void (this._isNull = true) }];
    const schema = this._schema;
    const out: Staged[] = [];
    const names = new Set(tree.props);
    const api = (name: string, def?: { api?: string }) => def?.api ?? apiVersion(schema.name, name);
    if (tree.all)
      for (const [k, def] of Object.entries(schema.props))
        if (def.get && !def.explicitOnly && this.context._supports(api(k, def))) names.add(k);
    for (const name of names) {
      if (name === '*') continue;
      const def = schema.props[name];
      if (def?.get) {
        this.context._require(api(name, def), `${schema.name}.${name}`);
        // Getters build fresh values, so what the add-in holds never aliases the workbook.
        const value = def.get(target as never, this as never);
        out.push({ bytes: jsonBytes(value), commit: () => void this._loaded.set(name, value) });
      } else if (schema.navs?.[name]) {
        out.push(...this._nav(name)._read(emptyTree(true)));
      } else if (!def) {
        throw new SimError('InvalidArgument', `The property '${name}' does not exist on ${schema.name}.`);
      }
    }
    for (const [name, sub] of tree.navs) {
      const def = schema.navs?.[name];
      if (!def)
        throw new SimError('InvalidArgument', `The property '${name}' does not exist on ${schema.name}.`);
      this.context._require(api(name, def), `${schema.name}.${name}`);
      out.push(
        ...this._nav(name)._read(
          sub.props.has('*') && sub.props.size === 1 && sub.navs.size === 0 ? emptyTree(true) : sub,
        ),
      );
    }
    out.push({ bytes: 0, commit: () => void (this._isNull = false) });
    return out;
  }

  /** @internal queues a property write; the value reads back locally at once, as in Office.js. */
  _setProp(name: string, value: unknown): void {
    const def = this._schema.props[name];
    if (!def?.set)
      throw new SimError('InvalidArgument', `The property '${name}' of ${this._schema.name} is read-only.`);
    this._loaded.set(name, clonePlain(value));
    this.context._queue({
      objects: [this],
      location: `${this._schema.name}.${name}`,
      api: def.api ?? apiVersion(this._schema.name, name),
      payload: jsonBytes(value),
      run: () => def.set!(this._target() as never, value, this as never),
    });
  }

  /** @internal reads a property on the proxy: loaded, or PropertyNotLoaded as in Excel. */
  _getProp(name: string): unknown {
    if (this._loaded.has(name)) return this._loaded.get(name);
    if (this._isNull) return undefined;
    throw propertyNotLoaded(name, this._schema.name);
  }

  set(properties: unknown, options?: { throwOnReadOnly?: boolean }): void {
    const source = properties instanceof SimObject ? properties.toJSON() : properties;
    if (!source || typeof source !== 'object')
      throw new SimError('InvalidArgument', 'set() needs an object.');
    for (const [k, v] of Object.entries(source as Record<string, unknown>)) {
      const def = this._schema.props[k];
      if (def?.set) this._setProp(k, v);
      else if (this._schema.navs?.[k]) this._nav(k).set(v, options);
      else if (def && options?.throwOnReadOnly === false) continue;
      else
        throw new SimError('InvalidArgument', `The property '${k}' of ${this._schema.name} cannot be set.`);
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._loaded) out[k] = clonePlain(v);
    for (const [k, nav] of this._navCache) {
      const j = nav.toJSON();
      if (Object.keys(j).length) out[k] = j;
    }
    return out;
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }

  /** @internal for methods that return objects: ApiNotFound at sync when the host lacks the method */
  _gate(method: string): void {
    this.context._require(apiVersion(this._schema.name, method), `${this._schema.name}.${method}`);
  }

  /** @internal queues a method call (an action) on this object. */
  _call(
    method: string,
    run: () => void,
    options: { api?: string; payload?: number; objects?: SimObject[] } = {},
  ): void {
    for (const o of options.objects ?? []) this.context._checkSameContext(o);
    this.context._queue({
      objects: [this, ...(options.objects ?? [])],
      location: `${this._schema.name}.${method}`,
      api: options.api ?? apiVersion(this._schema.name, method),
      payload: options.payload,
      run,
    });
  }

  /** @internal queues a method returning a value: a ClientResult filled at sync. */
  _result<R>(method: string, compute: () => R, api?: string): ClientResult<R> {
    const result = new ClientResult<R>();
    this.context._queue({
      objects: [this],
      location: `${this._schema.name}.${method}`,
      api: api ?? apiVersion(this._schema.name, method),
      run: (stage) => {
        const v = clonePlain(compute());
        stage([{ bytes: jsonBytes(v), commit: () => result._set(v) }]);
      },
    });
    return result;
  }
}

/** `OfficeExtension.ClientResult`: `value` is readable after the sync. */
export class ClientResult<T> {
  private _has = false;
  private _value: T | undefined;

  get value(): T {
    if (!this._has) throw propertyNotLoaded('value', 'ClientResult');
    return this._value as T;
  }

  /** @internal */
  _set(v: T): void {
    this._value = v;
    this._has = true;
  }
}

/** Installs the schema's properties as accessors on a proxy class. */
export function defineProps(cls: { prototype: object }, schema: Schema): void {
  for (const [name, def] of Object.entries(schema.props)) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: false,
      get(this: SimObject) {
        if (!def.get && !def.set) return undefined;
        return this._getProp(name);
      },
      set: def.set
        ? function (this: SimObject, v: unknown) {
            this._setProp(name, v);
          }
        : undefined,
    });
  }
  for (const name of Object.keys(schema.navs ?? {})) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: false,
      get(this: SimObject) {
        return this._nav(name);
      },
    });
  }
}

/**
 * A collection: `items` after a load of the collection; each item a proxy bound to its model object.
 * Loading `name` on a collection loads `name` on every item (`items/name` too).
 */
export abstract class SimCollection<T, I, P extends SimObject<I>> extends SimObject<T> {
  private _items?: P[];

  /** @internal the collection's current members in order */
  abstract _list(target: T): I[];
  /** @internal a proxy bound to one member */
  abstract _itemProxy(item: I): P;

  /**
   * The key property of an item (`id`) when the collection can address items by it. Office.js gives
   * each loaded item the object path `getItem(key)` only when the response carried the key, and
   * `getItemAt(index)` otherwise (OfficeExtension.ObjectPathFactory
   * .createChildItemObjectPathUsingIndexerOrGetItemAt in office.js,
   * https://appsforoffice.microsoft.com/lib/1/hosted/office.js): an item loaded without its key is
   * found again by its position, resolved anew in each later batch, so that deleting an earlier
   * item of the collection shifts it onto the next one.
   */
  protected get _itemKey(): string | undefined {
    return undefined;
  }

  /** @internal the proxy Office.js makes for the item at `index` when the key was not loaded. */
  _indexedItemProxy(_index: number): P | undefined {
    return undefined;
  }

  get items(): P[] {
    if (this._items) return this._items;
    if (this._isNull) return [];
    throw propertyNotLoaded('items', this._schema.name);
  }

  override _read(tree: LoadTree): Staged[] {
    const target = this._targetOrNull();
    if (target === null) return [{ bytes: 0, commit: () => void (this._isNull = true) }];
    const itemTree: LoadTree = { all: tree.all, props: new Set(), navs: new Map(tree.navs) };
    for (const p of tree.props) if (p !== 'items') itemTree.props.add(p);
    if (tree.props.has('items')) itemTree.all = true;
    const itemsNav = itemTree.navs.get('items');
    if (itemsNav) {
      itemTree.navs.delete('items');
      itemsNav.props.forEach((p) => itemTree.props.add(p));
      itemsNav.navs.forEach((v, k) => itemTree.navs.set(k, v));
      if (itemsNav.all || (itemsNav.props.has('*') && itemsNav.props.size === 1)) itemTree.all = true;
    }
    if (itemTree.props.size === 0 && itemTree.navs.size === 0) itemTree.all = true;
    let members = this._list(target);
    if (tree.skip) members = members.slice(tree.skip);
    if (tree.top !== undefined) members = members.slice(0, tree.top);
    const key = this._itemKey;
    const byIndex =
      key !== undefined && this.context._host.indexAddressing && !itemTree.all && !itemTree.props.has(key);
    const offset = tree.skip ?? 0;
    const proxies = members.map(
      (m, i) => (byIndex && this._indexedItemProxy(offset + i)) || this._itemProxy(m),
    );
    const staged = proxies.flatMap((p) => p._read(itemTree));
    staged.push({
      bytes: 0,
      commit: () => {
        this._items = proxies;
        this._isNull = false;
      },
    });
    return staged;
  }

  override toJSON(): Record<string, unknown> {
    return { items: (this._items ?? []).map((i) => i.toJSON()) };
  }
}
