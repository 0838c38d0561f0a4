import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../errors.js';
import { TokenBuckets } from './token-bucket.js';

export interface RateLimitOptions {
  /** Sustained requests per minute per client; also the burst size. */
  perMinute: number;
  /** Which client a request belongs to (its IP address in production). */
  key: (c: Context) => string;
  now?: () => number;
}

/** 429 with Retry-After once a client has spent its tokens. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const buckets = new TokenBuckets({ capacity: options.perMinute, refillPerSecond: options.perMinute / 60, now: options.now });
  return async (c, next) => {
    const result = buckets.take(options.key(c));
    if (!result.allowed) {
      const error = new AppError(
        'rate_limited',
        429,
        `too many requests: the limit is ${options.perMinute} per minute, retry in ${result.retryAfterSeconds} s`,
      );
      return c.json(error.toJSON(), 429, { 'Retry-After': String(result.retryAfterSeconds) });
    }
    return next();
  };
}
