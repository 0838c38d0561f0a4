/** A Map that forgets everything once it holds `capacity` entries: enough to keep a query's working set without growing with the corpus. */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();
  private weight = 0;

  /** `capacity` in entries, or in units of `weigh` (say, array lengths) when given. */
  constructor(
    readonly capacity: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  get(key: K, load: (key: K) => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined || this.map.has(key)) return hit as V;
    const value = load(key);
    this.set(key, value);
    return value;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** Stores a value loaded ahead of its first get (many in one query). */
  set(key: K, value: V): void {
    const weight = this.weigh(value);
    if (this.weight + weight > this.capacity) {
      this.map.clear();
      this.weight = 0;
    }
    this.map.set(key, value);
    this.weight += weight;
  }
}
