import { DEFAULT_EMBEDDING_MODEL, loadEmbedder } from '../src/index/embeddings.js';
import { openBaseline } from './baseline.js';
import type { OpenOptions } from './command.js';
import type { EvalTarget } from './target.js';

/** The baseline over the same seeds, with the product's embeddings when a model is installed. */
export async function openBaselineTarget(options: OpenOptions): Promise<EvalTarget> {
  const load = await loadEmbedder({
    modelId: options.embeddingModel ?? DEFAULT_EMBEDDING_MODEL,
    modelDir: options.modelDir,
    allowRemote: options.allowModelDownload,
  });
  if (load.ok) return openBaseline({ seedsDir: options.seedsDir, embeddings: load.embedder });
  return openBaseline({ seedsDir: options.seedsDir, embeddingsUnavailable: load.reason });
}
