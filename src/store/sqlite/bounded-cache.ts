/** A Map that forgets everything once it holds `capacity` entries: enough to keep a query's working set without growing with the corpus. */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K, load: (key: K) => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined || this.map.has(key)) return hit as V;
    const value = load(key);
    if (this.map.size >= this.capacity) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}
