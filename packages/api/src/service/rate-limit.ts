/**
 * At most `limit` events per key in any `windowMs` (sliding window). The clock is passed in so
 * tests need not wait.
 */
export class RateLimit {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Ms until `key` may have another event (0 = now), without recording one. */
  peek(key: string): number {
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((x) => t - x < this.windowMs);
    return recent.length >= this.limit ? this.windowMs - (t - (recent[0] ?? t)) : 0;
  }

  /** Events for `key` in the window now. */
  count(key: string): number {
    const t = this.now();
    return (this.hits.get(key) ?? []).filter((x) => t - x < this.windowMs).length;
  }

  /** Records one event for `key` if allowed; returns ms until the next is allowed, or 0. */
  take(key: string): number {
    const t = this.now();
    const recent = (this.hits.get(key) ?? []).filter((x) => t - x < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return this.windowMs - (t - (recent[0] ?? t));
    }
    recent.push(t);
    this.hits.set(key, recent);
    // Keys with nothing in the window are forgotten, so the map does not grow without bound.
    if (this.hits.size > 10_000)
      for (const [k, v] of this.hits)
        if (!v.some((x) => t - x < this.windowMs)) this.hits.delete(k);
    return 0;
  }
}

/** A small least-recently-used map. */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  get size(): number {
    return this.map.size;
  }
  set(key: string, v: V): void {
    this.map.delete(key);
    this.map.set(key, v);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
}
