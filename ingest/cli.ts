import { loadConfig } from '../src/config.js';
import { AppError } from '../src/errors.js';
import { runIngest, type IngestProgress } from './pipeline.js';
import { createProgressReporter } from './progress.js';

/** npm run ingest [-- --force] [--seeds DIR] [--index DIR] */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const config = loadConfig();
  const report = createProgressReporter(process.stderr);
  const result = await runIngest({
    seedsDir: value('--seeds') ?? config.SEEDS_DIR,
    indexDir: value('--index') ?? config.INDEX_DIR,
    databaseUrl: config.DATABASE_URL,
    modelDir: config.MODEL_DIR,
    embeddingModel: config.EMBEDDING_MODEL,
    force: args.includes('--force'),
    onProgress: (event: IngestProgress) => report(event),
  });
  for (const warning of result.warnings) console.error(`warning: ${warning}`);
  if (!result.dense.active) console.error(`dense retrieval off (keyword + indicator mode): ${result.dense.reason}`);
  const seconds = (result.timingsMs.total / 1000).toFixed(2);
  console.log(
    result.changed
      ? `indexed ${result.documents} documents → ${result.chunks} chunks, ${result.indicators} indicators, ${result.vectors} vectors in ${seconds}s (${result.indexDir})`
      : `index is up to date (${result.documents} documents, ${result.indicators} indicators) — nothing to do`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError ? `ingest failed: ${error.message}` : error);
  process.exit(1);
});
