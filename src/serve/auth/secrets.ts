import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Equal-length digests make the comparison constant-time whatever the guess's length. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());
}

/** 256 random bits, URL-safe: session tokens, CSRF tokens and API key secrets. */
export function randomToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Short random ids for users and keys: not secrets, only names. */
export function randomId(prefix: string): string {
  return `${prefix}${randomBytes(6).toString('hex')}`;
}
