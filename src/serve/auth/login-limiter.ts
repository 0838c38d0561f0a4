import { TokenBuckets, type TakeResult } from '../middleware/token-bucket.js';

/**
 * Failed sign-in attempts per minute, counted per client address (one machine guessing many
 * accounts) and per user name (many machines guessing one account). Only failures spend tokens,
 * so an office signing in through one proxy address is not locked out by its own colleagues.
 */
export class LoginLimiter {
  private readonly byAddress: TokenBuckets;
  private readonly byName: TokenBuckets;

  constructor(perMinute: number, now?: () => number) {
    const settings = { capacity: perMinute, refillPerSecond: perMinute / 60, now };
    this.byAddress = new TokenBuckets(settings);
    this.byName = new TokenBuckets(settings);
  }

  /** Checked before the password is: a spent bucket refuses without any scrypt work. */
  check(address: string, name: string): TakeResult {
    const perAddress = this.byAddress.peek(address);
    return perAddress.allowed ? this.byName.peek(name) : perAddress;
  }

  failed(address: string, name: string): void {
    this.byAddress.take(address);
    this.byName.take(name);
  }
}
