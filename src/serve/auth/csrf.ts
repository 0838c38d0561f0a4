import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors.js';
import { sameSecret } from './secrets.js';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A browser attaches the session cookie to any site's request, so an unsafe request that is
 * authenticated by the cookie must also carry the session's CSRF token in a header, which another
 * site's page cannot read or set (synchronizer token: the server keeps it with the session and
 * hands it out in the sign-in response and GET /auth/me). Bearer requests are exempt: no browser
 * adds an Authorization header by itself.
 */
export function requireCsrfToken(): MiddlewareHandler {
  return async (c, next) => {
    const principal = c.get('principal');
    // Signing in again from a signed-in browser replaces the session; it needs the password, not the old token.
    if (principal?.via !== 'session' || SAFE_METHODS.has(c.req.method) || c.req.path === '/auth/login') return next();
    const given = c.req.header(CSRF_HEADER) ?? '';
    if (given && sameSecret(given, principal.csrfToken)) return next();
    const message = given ? 'the X-CSRF-Token header does not match this sign-in' : 'requests signed in with the session cookie must send the X-CSRF-Token header (from /auth/me)';
    return c.json(new AppError('csrf_failed', 403, message, CSRF_HEADER).toJSON(), 403);
  };
}
