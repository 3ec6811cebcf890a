/** A map with a capacity that forgets its least recently used key first: TLBs and walk caches. */
export class LruMap<K, V> {
  private readonly map = new Map<K, V>();

  readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    if (this.capacity <= 0) return;
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  deleteWhere(test: (key: K, value: V) => boolean): void {
    for (const [key, value] of this.map) if (test(key, value)) this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }
}
