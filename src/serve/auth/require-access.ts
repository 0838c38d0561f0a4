import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors.js';
import { requirementFor, type AccessSettings } from './access-policy.js';
import { allows } from './roles.js';

function howToAuthenticate(needed: string, settings: AccessSettings): string {
  if (settings.accounts) return 'sign in, or send Authorization: Bearer <API key>';
  return `send Authorization: Bearer <${needed === 'reader' ? 'API_KEY' : 'ADMIN_TOKEN'}>`;
}

/**
 * 401 when a protected path gets no valid credential (with a Bearer challenge), 403 when the
 * credential is valid but its role is too low. Runs before the body is read.
 */
export function requireAccess(settings: AccessSettings): MiddlewareHandler {
  return async (c, next) => {
    const path = c.req.path;
    const needed = requirementFor(path, settings, c.req.method);
    if (needed === 'public') return next();
    const principal = c.get('principal');
    if (!principal) {
      const problem = c.get('credentialProblem');
      const realm = needed === 'reader' ? 'api' : 'admin';
      const challenge = problem ? `Bearer realm="${realm}", error="invalid_token"` : `Bearer realm="${realm}"`;
      const message = problem ? `${problem}` : `this endpoint requires authentication: ${howToAuthenticate(needed, settings)}`;
      return c.json(new AppError('unauthorized', 401, message).toJSON(), 401, { 'WWW-Authenticate': challenge });
    }
    if (!allows(principal.role, needed)) {
      const error = new AppError('forbidden', 403, `this endpoint needs the ${needed} role; the credential used has ${principal.role}`);
      return c.json(error.toJSON(), 403);
    }
    return next();
  };
}
