export interface TokenBucketOptions {
  /** Most requests a client may make in a burst; also the bucket's size. */
  capacity: number;
  refillPerSecond: number;
  /** Milliseconds; injectable so tests need not wait. */
  now?: () => number;
  /** Buckets kept before idle full ones are dropped, so many distinct clients cannot grow memory without bound. */
  maxKeys?: number;
}

export type TakeResult = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** In-memory token buckets, one per key, refilled continuously. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(private readonly options: TokenBucketOptions) {
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 10_000;
  }

  take(key: string): TakeResult {
    const now = this.now();
    const bucket = this.refilled(this.buckets.get(key), now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.store(key, bucket, now);
      return { allowed: true, remaining: Math.floor(bucket.tokens) };
    }
    this.store(key, bucket, now);
    const seconds = (1 - bucket.tokens) / this.options.refillPerSecond;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(seconds)) };
  }

  /** What take() would answer, without spending a token. */
  peek(key: string): TakeResult {
    const bucket = this.refilled(this.buckets.get(key), this.now());
    if (bucket.tokens >= 1) return { allowed: true, remaining: Math.floor(bucket.tokens) };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.options.refillPerSecond)) };
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(bucket: Bucket | undefined, now: number): Bucket {
    if (!bucket) return { tokens: this.options.capacity, updatedAt: now };
    const elapsed = Math.max(0, now - bucket.updatedAt) / 1000;
    return { tokens: Math.min(this.options.capacity, bucket.tokens + elapsed * this.options.refillPerSecond), updatedAt: now };
  }

  private store(key: string, bucket: Bucket, now: number): void {
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size <= this.maxKeys) return;
    // A bucket that has refilled completely holds no information: forgetting it changes nothing.
    for (const [other, value] of this.buckets) {
      if (this.buckets.size <= this.maxKeys) break;
      if (this.refilled(value, now).tokens >= this.options.capacity) this.buckets.delete(other);
    }
    // Still too many active clients: drop the least recently seen (Map keeps insertion order).
    while (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
  }
}
