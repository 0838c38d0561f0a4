import type { Context, Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { Logger } from '../logger.js';
import type { AccessSettings } from '../auth/access-policy.js';
import { requireCsrfToken } from '../auth/csrf.js';
import { requireAccess } from '../auth/require-access.js';
import { resolvePrincipal, type Credentials } from '../auth/resolve-principal.js';
import { DEFAULT_BODY_LIMIT_BYTES, limitBodySize } from './body-limit.js';

/** Ingest's per-file limit (MAX_DOCUMENT_BYTES, 20 MiB) plus room for the multipart envelope. */
const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024 + 64 * 1024;
import { clientAddress, trustedProxyList } from './client-address.js';
import { corsFor } from './cors.js';
import { cleanJsonInput } from './json-input.js';
import { rateLimit } from './rate-limit.js';
import { requestLogger } from './request-logger.js';
import { securityHeaders } from './security-headers.js';

export interface ProtectionOptions {
  /** Largest request body accepted; default 64 KiB. */
  bodyLimitBytes?: number;
  /** Largest upload to POST /documents; default the ingest limit per file (20 MiB) plus form overhead. */
  uploadLimitBytes?: number;
  /** API_KEY: when set, every data route (/ask, /v1/*, /documents*, /indicators*) requires a credential; this one gives the reader role. */
  apiKey?: string;
  /** Origins allowed to call the API from a browser; empty (default) sends no CORS headers. */
  corsOrigins?: string[];
  /** Requests per minute per client IP on the API routes; 0 or unset turns limiting off. */
  rateLimitPerMinute?: number;
  /** Believe X-Forwarded-For (only behind a proxy that sets it). Default false. */
  trustProxy?: boolean;
  /** With trustProxy: further proxies (addresses, CIDR ranges) skipped from the right of X-Forwarded-For. */
  trustedProxies?: string[];
  /** Clock for the rate limiter, in milliseconds (tests). */
  now?: () => number;
  /** Who the client is, for rate limiting and logs; default its IP address. */
  clientKey?: (c: Context) => string;
}

/** Routes that cost work or expose data; /health and the web UI's static files stay unlimited. */
const RATE_LIMITED = /^\/(ask|v1|documents|indicators|admin|auth)(\/|$)/;
/**
 * The request pipeline in front of every route, outermost first: request id, access log,
 * security headers, CORS (so preflights never need a key), body size, rate limit, who is calling
 * (bearer token or session cookie), whether that is enough for the path (401/403), the CSRF token
 * for cookie-authenticated writes, then JSON input cleaning, which runs last so rejected requests
 * are never parsed. Returns how clients are told apart (for the sign-in limiter).
 */
export function installMiddleware(
  app: Hono,
  logger: Logger,
  options: ProtectionOptions = {},
  access: { credentials: Credentials; settings: AccessSettings } = { credentials: {}, settings: { readRequiresAuth: false, adminRoutes: false, accounts: false } },
): (c: Context) => string {
  const trusted = trustedProxyList(options.trustedProxies ?? []);
  const client = options.clientKey ?? ((c: Context) => clientAddress(c, options.trustProxy ?? false, trusted));
  app.use(requestId());
  app.use(requestLogger(logger, client));
  app.use(securityHeaders());
  const cors = corsFor(options.corsOrigins ?? []);
  if (cors) app.use(cors);
  const small = limitBodySize(options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES);
  const upload = limitBodySize(options.uploadLimitBytes ?? UPLOAD_LIMIT_BYTES);
  app.use(async (c, next) => (c.req.method === 'POST' && c.req.path === '/documents' ? upload(c, next) : small(c, next)));
  if (options.rateLimitPerMinute && options.rateLimitPerMinute > 0) {
    const limiter = rateLimit({ perMinute: options.rateLimitPerMinute, key: client, now: options.now });
    app.use(async (c, next) => (RATE_LIMITED.test(c.req.path) ? limiter(c, next) : next()));
  }
  app.use(resolvePrincipal(access.credentials));
  app.use(requireAccess(access.settings));
  app.use(requireCsrfToken());
  app.use(cleanJsonInput());
  return client;
}
