import type { MiddlewareHandler } from 'hono';
import type { Accounts } from './accounts.js';
import { readSessionCookie } from './session-cookie.js';
import { sameSecret } from './secrets.js';

export interface Credentials {
  /** API_KEY: a reader. */
  apiKey?: string;
  /** ADMIN_TOKEN: an admin. */
  adminToken?: string;
  /** Per-user keys and sessions, when user accounts are on. */
  accounts?: Accounts;
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * Works out who is calling and records it in c.var.principal; deciding whether that is enough is
 * the access policy's job. A bearer token wins over a cookie: programs send one, browsers the other.
 */
export function resolvePrincipal(credentials: Credentials): MiddlewareHandler {
  return async (c, next) => {
    c.set('principal', undefined);
    c.set('credentialProblem', undefined);
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const token = BEARER.exec(header)?.[1];
      if (!token) c.set('credentialProblem', 'the Authorization header is not `Bearer <token>`');
      else if (credentials.apiKey && sameSecret(token, credentials.apiKey)) c.set('principal', { via: 'static-key', role: 'reader' });
      else if (credentials.adminToken && sameSecret(token, credentials.adminToken)) c.set('principal', { via: 'admin-token', role: 'admin' });
      else {
        const principal = await credentials.accounts?.keyPrincipal(token);
        if (principal) c.set('principal', principal);
        else c.set('credentialProblem', 'invalid bearer token');
      }
      return next();
    }
    const session = credentials.accounts ? readSessionCookie(c) : undefined;
    if (session) {
      const principal = await credentials.accounts?.sessionPrincipal(session);
      if (principal) c.set('principal', principal);
      else c.set('credentialProblem', 'the sign-in has expired or ended: sign in again');
    }
    return next();
  };
}
