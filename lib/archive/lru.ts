/**
 * A cache of the most recently used entries, for what the archive search keeps decoded between
 * queries (index shards, dense terms, record chunks). Entries are usually promises: a read under
 * way is shared by every query that asks for it meanwhile.
 */
export class LruCache<K, V> {
  /** A Map iterates in insertion order: the first key is the least recently used. */
  private readonly entries = new Map<K, V>();

  constructor(readonly limit: number) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * The entry for `key`, made by `make` when there is none; either way it becomes the most recent,
   * and the least recent ones beyond {@link limit} are dropped. When `make` throws, nothing is kept.
   */
  getOrAdd(key: K, make: () => V): V {
    let value: V;
    if (this.entries.has(key)) {
      value = this.entries.get(key) as V;
      this.entries.delete(key);
    } else {
      value = make();
    }
    this.entries.set(key, value);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as K);
    return value;
  }
}
