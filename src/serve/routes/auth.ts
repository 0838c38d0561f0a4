import type { Context, Hono } from 'hono';
import { AppError } from '../../errors.js';
import { normalizeName, type Accounts } from '../auth/accounts.js';
import { createKeySchema, loginRequestSchema } from '../auth/auth-schemas.js';
import { LoginLimiter } from '../auth/login-limiter.js';
import type { Principal } from '../auth/principal.js';
import { clearSessionCookie, isSecureRequest, readSessionCookie, setSessionCookie, type CookieSecurity } from '../auth/session-cookie.js';
import { parseWith } from '../validation.js';
import { readJsonBody } from './ask.js';

export interface AccountOptions {
  accounts: Accounts;
  /** Secure cookie flag: auto (when the request came over TLS), always, never. Default auto. */
  cookieSecurity?: CookieSecurity;
  /** Failed sign-in attempts per minute per address and per user name; default 10. */
  loginAttemptsPerMinute?: number;
  /** Clock for the sign-in limiter (tests). */
  now?: () => number;
}

export interface AuthRouteContext {
  /** Whether data routes need a credential (API_KEY set or accounts on). */
  readRequiresAuth: boolean;
  trustProxy: boolean;
  client: (c: Context) => string;
}

/** The signed-in user behind the credential, for routes that act on "my" account. */
export function accountOf(c: Context): Extract<Principal, { user: unknown }> {
  const principal = c.get('principal');
  if (principal && 'user' in principal) return principal;
  throw new AppError('forbidden', 403, 'this needs a user account: sign in or use a per-user API key (API_KEY and ADMIN_TOKEN belong to no user)');
}

/** GET /auth/me, always there: the web page asks it whether to show the sign-in form. */
export function registerMe(app: Hono, context: AuthRouteContext, accountsOn: boolean): void {
  app.get('/auth/me', (c) => {
    const principal = c.get('principal');
    if (!principal) {
      if (context.readRequiresAuth) {
        const message = c.get('credentialProblem') ?? (accountsOn ? 'not signed in' : 'this server requires Authorization: Bearer <API_KEY>');
        return c.json(new AppError('unauthorized', 401, message).toJSON(), 401);
      }
      return c.json({ authenticated: false, via: 'anonymous', accounts: accountsOn });
    }
    return c.json({
      authenticated: true,
      via: principal.via,
      role: principal.role,
      ...('user' in principal ? { user: principal.user } : {}),
      ...(principal.via === 'session' ? { csrfToken: principal.csrfToken, expiresAt: principal.expiresAt } : {}),
      accounts: accountsOn,
    });
  });
}

/** Sign-in, sign-out and a user's own API keys; registered only when user accounts are on. */
export function registerAuth(app: Hono, options: AccountOptions, context: AuthRouteContext): void {
  const { accounts } = options;
  const limiter = new LoginLimiter(options.loginAttemptsPerMinute ?? 10, options.now);
  const secure = (c: Context) => isSecureRequest(c, options.cookieSecurity ?? 'auto', context.trustProxy);

  app.post('/auth/login', async (c) => {
    // JSON only: a cross-site HTML form cannot send it, which rules out signing a victim in as the attacker.
    const body = parseWith(loginRequestSchema, await readJsonBody(c.req.raw), 'body');
    const address = context.client(c);
    const name = normalizeName(body.username);
    const allowed = limiter.check(address, name);
    if (!allowed.allowed) {
      const error = new AppError('rate_limited', 429, `too many failed sign-in attempts, retry in ${allowed.retryAfterSeconds} s`);
      return c.json(error.toJSON(), 429, { 'Retry-After': String(allowed.retryAfterSeconds) });
    }
    const signedIn = await accounts.signIn(body.username, body.password);
    if (!signedIn) {
      limiter.failed(address, name);
      throw new AppError('unauthorized', 401, 'wrong user name or password');
    }
    setSessionCookie(c, signedIn.token, signedIn.expiresAt, secure(c));
    return c.json({ user: signedIn.user, csrfToken: signedIn.csrfToken, expiresAt: signedIn.expiresAt });
  });

  app.post('/auth/logout', async (c) => {
    const token = readSessionCookie(c);
    if (token) await accounts.signOut(token);
    clearSessionCookie(c, secure(c));
    return c.json({ status: 'signed_out' });
  });

  app.get('/auth/keys', async (c) => c.json({ keys: await accounts.listKeys(accountOf(c).user.id) }));
  app.post('/auth/keys', async (c) => {
    const body = parseWith(createKeySchema, await readJsonBody(c.req.raw), 'body');
    const owner = accountOf(c);
    // A key made with a key cannot outrank the key it was made with.
    if (owner.via === 'api-key' && body.role === undefined) body.role = owner.role;
    return c.json(await accounts.createKey(owner.user.id, body), 201);
  });
  app.delete('/auth/keys/:id', async (c) => c.json({ key: await accounts.revokeKey(c.req.param('id'), accountOf(c).user.id) }));
}
