import { serve } from '@hono/node-server';
import { runIngest } from '../../ingest/pipeline.js';
import { loadConfig } from '../config.js';
import { openEngine, type Engine } from '../engine.js';
import { createApp } from './app.js';

/** npm start: ingest the seeds if the index is missing or stale, then serve. */
async function main(): Promise<void> {
  const config = loadConfig();
  let engine: Engine | undefined;
  const app = createApp({ engine: () => engine });

  const result = await runIngest({
    seedsDir: config.SEEDS_DIR,
    indexDir: config.INDEX_DIR,
    modelDir: config.MODEL_DIR,
    embeddingModel: config.EMBEDDING_MODEL,
    onProgress: (e) => {
      if (e.stage === 'done') console.log(`ingest: ${e.message ?? 'done'}`);
    },
  });
  for (const warning of result.warnings) console.warn(`ingest warning: ${warning}`);
  engine = await openEngine({
    indexDir: config.INDEX_DIR,
    modelDir: config.MODEL_DIR,
    embeddingModel: config.EMBEDDING_MODEL,
    allowModelDownload: config.ALLOW_MODEL_DOWNLOAD,
    onKeywordOnly: (reason) => console.warn(`dense retrieval off, serving keyword + indicator retrieval: ${reason}`),
  });

  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    console.log(`政策报告问答 listening on http://localhost:${info.port} (${result.documents} documents, ${result.indicators} indicators)`);
  });
  const shutdown = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
