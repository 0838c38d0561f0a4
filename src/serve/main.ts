import { serve } from '@hono/node-server';
import { indexSourceFromConfig } from '../index-source.js';
import { loadConfig } from '../config.js';
import type { Engine } from '../engine.js';
import { AppError } from '../errors.js';
import { openOrRebuild } from '../index/open-or-rebuild.js';
import { createApp } from './app.js';
import { createLogger } from './logger.js';
import { swapOnReindex } from './routes/admin.js';

/**
 * npm start: listen at once (/health says "starting", /ask answers 503), then check the index,
 * ingest the seeds if it is missing, stale or damaged, and put the engine in service.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL });
  const source = indexSourceFromConfig(config, (message) => logger.warn(message));
  let engine: Engine | undefined;
  const app = createApp({
    engine: () => engine,
    logger,
    protection: {
      bodyLimitBytes: config.BODY_LIMIT_BYTES,
      apiKey: config.API_KEY,
      corsOrigins: config.CORS_ORIGINS,
      rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
      trustProxy: config.TRUST_PROXY,
    },
    admin: config.ADMIN_TOKEN
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
      void engine?.close();
      logger.info('stopped');
      process.exit(0);
    });
    // Logged after close(): once this line is out, the port refuses new connections.
    logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  const opened = await openOrRebuild(source);
  if (stopping) return;
  engine = opened.engine;
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : config.PORT;
  logger.info(
    { port, documents: opened.ingest.documents, indicators: opened.ingest.indicators, dense: opened.engine.dense.active },
    `政策报告问答 listening on http://localhost:${port} (${opened.ingest.documents} documents, ${opened.ingest.indicators} indicators)`,
  );
}

main().catch((error: unknown) => {
  // A bad config or an index refused at start-up: one clear line, no stack, non-zero exit.
  const logger = createLogger();
  logger.fatal(error instanceof AppError ? { code: error.code } : { err: error }, error instanceof Error ? error.message : String(error));
  process.exit(1);
});
