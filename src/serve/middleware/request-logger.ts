import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.js';

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
    };
    // 4xx are the client's business (scanners send plenty): info, not warn.
    if (status >= 500) logger.error(fields, 'request failed');
    else logger.info(fields, status >= 400 ? 'request rejected' : 'request');
  };
}
