/**
 * Caches keyed by the objects one read makes (a Field, an Indicator): what the reader, the rules and
 * the totals each derive from the same object (an amount parsed with big.js, a name's expectation)
 * is derived once and shared.
 *
 * A WeakMap would let such entries go with their objects, but its set is costly — measured at 1–7 µs
 * an entry on a workbook's read, against well under 1 µs for a Map — and its entries must be traced
 * again at every collection. While a workbook's analysis runs (withCacheScope), entries go to a
 * plain Map made for that run and dropped after it: nothing is kept from one analysis to the next,
 * so a first analysis runs as fast as any later one. Outside a scope (a caller that reads or
 * validates on its own), the WeakMap serves as before.
 */

/** Every cache, to open and close its Map with the scope. */
const caches: ScopedCache<object, unknown>[] = [];
/** How many withCacheScope calls are running (a nested one shares the outer scope). */
let depth = 0;

export class ScopedCache<K extends object, V> {
  private readonly weak = new WeakMap<K, V>();
  private scoped: Map<K, V> | undefined;

  constructor() {
    caches.push(this);
  }

  get(key: K): V | undefined {
    return this.scoped !== undefined ? this.scoped.get(key) : this.weak.get(key);
  }

  set(key: K, value: V): void {
    if (this.scoped !== undefined) this.scoped.set(key, value);
    else this.weak.set(key, value);
  }

  /** @internal withCacheScope's: a Map of this run's entries, or none. */
  scope(open: boolean): void {
    this.scoped = open ? new Map<K, V>() : undefined;
  }
}

/**
 * Runs `run` with every ScopedCache keeping its entries in a Map of its own, dropped when it returns
 * (or throws). The objects the entries are keyed by must not change meanwhile in a way a cache does
 * not check for (the amount readings check their cell's contents themselves).
 */
export function withCacheScope<T>(run: () => T): T {
  if (depth > 0) return run();
  for (const cache of caches) cache.scope(true);
  depth++;
  try {
    return run();
  } finally {
    depth--;
    for (const cache of caches) cache.scope(false);
  }
}
