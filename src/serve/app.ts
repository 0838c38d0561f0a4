import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError } from '../errors.js';
import type { Engine } from '../engine.js';
import { silentLogger, type Logger } from './logger.js';
import { installMiddleware, type ProtectionOptions } from './middleware/stack.js';
import { registerAdmin, type AdminOptions } from './routes/admin.js';
import { registerAsk } from './routes/ask.js';
import { registerAuth, registerMe, type AccountOptions } from './routes/auth.js';
import { registerDocumentAdmin } from './routes/document-admin.js';
import { JobQueue } from './jobs/job-queue.js';
import { registerJobs } from './routes/jobs.js';
import { registerUsers } from './routes/users.js';
import { registerDocuments } from './routes/documents.js';
import { registerHealth } from './routes/health.js';
import { registerIndicators } from './routes/indicators.js';
import { registerOpenAI } from './routes/openai.js';
import { registerStatic } from './routes/static.js';
import { registerOpenApi } from './openapi.js';

export interface AppOptions {
  /** The engine in service; undefined while the index is loading. */
  engine: () => Engine | undefined;
  /** JSON request logs and unexpected errors go here; default: nothing is logged. */
  logger?: Logger;
  /** Body limit, API key, CORS, rate limit; default: 64 KiB bodies, everything else off. */
  protection?: ProtectionOptions;
  /** POST /admin/reindex exists only when given (ADMIN_TOKEN set or user accounts on). */
  admin?: AdminOptions;
  /** User accounts: sign-in, sessions, per-user API keys, /admin/users. Off when not given. */
  accounts?: AccountOptions;
}

/** The HTTP API. Every error leaves as {error:{code,message,field?}} with its status, never a stack trace. */
export function createApp(options: AppOptions): Hono {
  const app = new Hono();
  const logger = options.logger ?? silentLogger;
  const accounts = options.accounts;
  const readRequiresAuth = Boolean(options.protection?.apiKey) || Boolean(accounts);
  const client = installMiddleware(app, logger, options.protection, {
    credentials: { apiKey: options.protection?.apiKey, adminToken: options.admin?.token, accounts: accounts?.accounts },
    settings: { readRequiresAuth, adminRoutes: Boolean(options.admin), accounts: Boolean(accounts) },
  });
  const engine = (): Engine => {
    const current = options.engine();
    if (!current) throw new AppError('index_unavailable', 503, 'the index is still loading, try again shortly');
    return current;
  };

  registerHealth(app, options.engine);
  const authContext = { readRequiresAuth, trustProxy: options.protection?.trustProxy ?? false, client };
  registerMe(app, authContext, Boolean(accounts));
  if (accounts) {
    registerAuth(app, accounts, authContext);
    registerUsers(app, accounts.accounts);
  }
  if (options.admin) {
    // One queue for uploads, deletions and re-indexes: they all rebuild the same index folder.
    const jobs = new JobQueue({ onUnexpected: (err, job) => logger.error({ err, jobId: job.id, kind: job.kind }, 'job failed unexpectedly') });
    registerAdmin(app, options.admin, jobs);
    if (options.admin.seedsDir) registerDocumentAdmin(app, engine, { seedsDir: options.admin.seedsDir, reindex: options.admin.reindex }, jobs);
    registerJobs(app, jobs);
  }
  registerAsk(app, engine);
  registerDocuments(app, engine);
  registerIndicators(app, engine);
  registerOpenAI(app, engine);
  registerOpenApi(app);
  registerStatic(app);

  app.notFound((c) => c.json(new AppError('not_found', 404, `no route ${c.req.method} ${c.req.path}`).toJSON(), 404));
  app.onError((error, c) => {
    if (error instanceof AppError) return c.json(error.toJSON(), error.status as 400);
    if (error instanceof HTTPException) {
      const status = error.status;
      const code = status === 413 ? 'payload_too_large' : status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'invalid_request';
      return c.json(new AppError(code, status, error.message || 'bad request').toJSON(), status);
    }
    // The stack goes to the server log, never to the client.
    logger.error({ err: error, requestId: c.get('requestId') }, 'unhandled error');
    return c.json(new AppError('internal', 500, 'internal error').toJSON(), 500);
  });
  return app;
}
