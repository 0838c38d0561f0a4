import { llmSettingsFromConfig } from './answer/llm/llm-config.js';
import type { Config } from './config.js';
import type { IndexSource } from './index/open-or-rebuild.js';

/** Where the server and the CLI get their index and engine from, as configured in the environment. */
export function indexSourceFromConfig(config: Config, onWarning: (message: string) => void): IndexSource {
  return {
    seedsDir: config.SEEDS_DIR,
    indexDir: config.INDEX_DIR,
    databaseUrl: config.DATABASE_URL,
    modelDir: config.MODEL_DIR,
    embeddingModel: config.EMBEDDING_MODEL,
    allowModelDownload: config.ALLOW_MODEL_DOWNLOAD,
    onCorrupt: config.INDEX_ON_CORRUPT,
    onWarning,
    engineOptions: { llm: llmSettingsFromConfig(config) },
  };
}
