import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors.js';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Equal-length digests make the comparison constant-time whatever the guess's length. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Requires `Authorization: Bearer <token>`. 401 with WWW-Authenticate otherwise; the message
 * says whether the header was missing or the token wrong, never what the token is.
 */
export function requireBearer(token: string, realm: string): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
    if (match && sameSecret(match[1], token)) return next();
    const message = header ? 'invalid bearer token' : `this endpoint requires Authorization: Bearer <${realm === 'admin' ? 'ADMIN_TOKEN' : 'API_KEY'}>`;
    const challenge = header ? `Bearer realm="${realm}", error="invalid_token"` : `Bearer realm="${realm}"`;
    return c.json(new AppError('unauthorized', 401, message).toJSON(), 401, { 'WWW-Authenticate': challenge });
  };
}
