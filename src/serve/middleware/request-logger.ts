import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.js';
import '../auth/principal.js';

function auditFields(c: Context): { via?: string; userId?: string } {
  const principal = c.get('principal');
  if (!principal) return {};
  return 'user' in principal ? { via: principal.via, userId: principal.user.id } : { via: principal.via };
}

/**
 * One JSON line per request: id, method, path, status, duration, and for questions only their
 * length: question text can be personal or confidential and stays out of info-level logs.
 */
export function requestLogger(logger: Logger, client: (c: Context) => string): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    const fields = {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      client: client(c),
      ...(c.get('questionLength') !== undefined ? { questionLength: c.get('questionLength') } : {}),
      // Who did it (an audit trail for re-indexes and user changes): the credential kind and user id, never a secret.
      ...auditFields(c),
    };
    // 4xx are the client's business (scanners send plenty): info, not warn.
    if (status >= 500) logger.error(fields, 'request failed');
    else logger.info(fields, status >= 400 ? 'request rejected' : 'request');
  };
}
