import { serve } from '@hono/node-server';
import { indexSourceFromConfig } from '../index-source.js';
import { loadConfig } from '../config.js';
import type { Engine } from '../engine.js';
import { AppError } from '../errors.js';
import { openExisting, openInStore, openOrRebuild } from '../index/open-or-rebuild.js';
import { indexStoreFor } from '../store/open-store.js';
import { followIndex, type IndexFollower } from './follow-index.js';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import { swapOnReindex } from './routes/admin.js';
import { Accounts } from './auth/accounts.js';
import { FileUserStore } from './auth/file-user-store.js';
import { ensureFirstAdmin } from './auth/first-admin.js';

/**
 * npm start: listen at once (/health says "starting", /ask answers 503), then check the index,
 * ingest the seeds if it is missing, stale or damaged, and put the engine in service.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL });
  const source = indexSourceFromConfig(config, (message) => logger.warn(message));
  let engine: Engine | undefined;
  // Opened before listening: an unreadable user store must stop start-up, not lock everyone out later.
  const accounts = config.AUTH_USERS ? new Accounts({ store: new FileUserStore(config.AUTH_FILE), sessionHours: config.SESSION_HOURS }) : undefined;
  if (accounts) {
    await ensureFirstAdmin(accounts, { name: config.ADMIN_USER, password: config.ADMIN_PASSWORD }, { info: (m) => logger.info(m), warn: (m) => logger.warn(m) });
  }
  const app = createApp({
    engine: () => engine,
    logger,
    protection: {
      bodyLimitBytes: config.BODY_LIMIT_BYTES,
      apiKey: config.API_KEY,
      corsOrigins: config.CORS_ORIGINS,
      rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
      trustProxy: config.TRUST_PROXY,
      trustedProxies: config.TRUSTED_PROXIES,
    },
    accounts: accounts ? { accounts, cookieSecurity: config.COOKIE_SECURE, loginAttemptsPerMinute: config.LOGIN_ATTEMPTS_PER_MINUTE } : undefined,
    admin: config.ADMIN_TOKEN || accounts
      ? {
          token: config.ADMIN_TOKEN,
          seedsDir: config.SEEDS_DIR,
          reindex: swapOnReindex(source, {
            current: () => engine,
            replace: (next) => {
              engine = next;
              logger.info({ documents: next.manifest.counts.documents, corpusHash: next.manifest.corpusHash }, 'reindexed');
            },
          }),
        }
      : undefined,
  });

  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    logger.info({ port: info.port, host: config.HOST }, `starting on port ${info.port}: loading the index`);
  });

  let stopping = false;
  let follower: IndexFollower | undefined;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    const forced = setTimeout(() => {
      logger.warn({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutdown timeout: closing the remaining connections');
      if ('closeAllConnections' in server) server.closeAllConnections();
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    forced.unref();
    // Keep-alive connections that finish a response mid-shutdown would otherwise hold the server open.
    const idle = setInterval(() => {
      if ('closeIdleConnections' in server) server.closeIdleConnections();
    }, 100);
    idle.unref();
    server.close(() => {
      void follower?.stop();
      void engine?.close();
      logger.info('stopped');
      process.exit(0);
    });
    // Logged after close(): once this line is out, the port refuses new connections.
    logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  // An intact database index answers at once; the seeds are checked (and re-ingested if changed) behind it.
  const existing = await openExisting(source).catch((error: unknown) => {
    logger.warn({ err: error }, 'the existing index could not be opened early; checking it with the seeds');
    return undefined;
  });
  if (existing && !stopping) {
    engine = existing;
    logger.info({ store: existing.store.kind, documents: existing.manifest.counts.documents }, 'serving the existing index while the seeds are checked');
  }
  const opened = await openOrRebuild(source, { serving: existing });
  if (stopping) return;
  const previous = engine;
  engine = opened.engine;
  if (previous && previous !== opened.engine) await previous.close();
  if (config.INDEX_POLL_SECONDS > 0) {
    // Another server (or an ingest run) writing the same database: serve its index within a poll.
    const followed = indexStoreFor({ indexDir: source.indexDir, databaseUrl: source.databaseUrl }, (message) => logger.warn(message));
    follower = followIndex({
      store: followed,
      intervalMs: config.INDEX_POLL_SECONDS * 1000,
      current: () => engine,
      open: () => openInStore(source, followed),
      replace: (next) => {
        engine = next;
        logger.info({ documents: next.manifest.counts.documents, corpusHash: next.manifest.corpusHash }, 'a newer index was written elsewhere: serving it');
      },
      onError: (error) => logger.warn({ err: error }, 'could not check the store for a newer index'),
    });
  }
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : config.PORT;
  logger.info(
    { port, documents: opened.ingest.documents, indicators: opened.ingest.indicators, dense: opened.engine.dense.active },
    `政策报告问答 listening on http://localhost:${port} (${opened.ingest.documents} documents, ${opened.ingest.indicators} indicators)`,
  );
}

main().catch((error: unknown) => {
  // A bad config, an unwritable folder or an index refused at start-up: one clear line, no stack, non-zero exit.
  const logger = createLogger();
  const errno = error as NodeJS.ErrnoException;
  // File-system refusals are the operator's to fix, not bugs: their code and path say enough.
  const fields = error instanceof AppError ? { code: error.code, ...(error.field ? { field: error.field } : {}) } : errno?.syscall ? { code: errno.code, path: errno.path } : { err: error };
  logger.fatal(fields, error instanceof Error ? error.message : String(error));
  process.exit(1);
});
