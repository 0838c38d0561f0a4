import { TokenBuckets, type TakeResult } from '../middleware/token-bucket.js';

/**
 * Sign-in attempts per minute, counted per client address (one machine guessing many accounts)
 * and per user name (many machines guessing one account). Both must have a token left.
 */
export class LoginLimiter {
  private readonly byAddress: TokenBuckets;
  private readonly byName: TokenBuckets;

  constructor(perMinute: number, now?: () => number) {
    const settings = { capacity: perMinute, refillPerSecond: perMinute / 60, now };
    this.byAddress = new TokenBuckets(settings);
    this.byName = new TokenBuckets(settings);
  }

  take(address: string, name: string): TakeResult {
    const perAddress = this.byAddress.take(address);
    const perName = this.byName.take(name);
    if (!perAddress.allowed) return perAddress;
    return perName;
  }
}
