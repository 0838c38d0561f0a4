import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'qa_session';

/** auto: Secure when the request came over TLS (directly, or per X-Forwarded-Proto behind a trusted proxy). */
export type CookieSecurity = 'auto' | 'always' | 'never';

export function isSecureRequest(c: Context, mode: CookieSecurity, trustProxy: boolean): boolean {
  if (mode !== 'auto') return mode === 'always';
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && c.req.header('x-forwarded-proto')?.split(',').pop()?.trim().toLowerCase() === 'https';
}

/**
 * HttpOnly keeps scripts (an XSS) from reading the session; SameSite=Lax keeps other sites'
 * pages from sending it on their POSTs (the CSRF token covers the rest).
 */
export function setSessionCookie(c: Context, token: string, expiresAt: string, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure, path: '/', expires: new Date(expiresAt) });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Lax', secure, path: '/' });
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE) || undefined;
}
