import type { Hono } from 'hono';
import type { Engine } from '../../engine.js';
import { publicDense } from '../redact.js';

/** Which LLM answers, if any: the model name only; the endpoint URL and key are the operator's business. */
function llmStatus(engine: Engine): { configured: boolean; model?: string } {
  const { configured, model } = engine.llm;
  return configured && model ? { configured, model } : { configured };
}

/** starting: no index loaded yet; degraded: serving keyword + indicator only; ready: all retrievers. */
export function registerHealth(app: Hono, engine: () => Engine | undefined): void {
  app.get('/health', (c) => {
    const current = engine();
    if (!current) {
      return c.json({ status: 'starting', retrievers: [], dense: { active: false, model: '', reason: 'index loading' } }, 503);
    }
    const { manifest, dense } = current;
    return c.json({
      status: dense.active ? 'ready' : 'degraded',
      retrievers: ['indicators', 'bm25', ...(dense.active ? ['dense'] : [])],
      dense: publicDense(dense),
      llm: llmStatus(current),
      store: current.store.kind,
      // A database shared by several servers: where the vectors are, and whether pgvector is there.
      ...(current.store.vectors ? { storeVectors: current.store.vectors } : {}),
      index: {
        createdAt: manifest.createdAt,
        corpusHash: manifest.corpusHash,
        documents: manifest.counts.documents,
        chunks: manifest.counts.chunks,
        indicators: manifest.counts.indicators,
      },
    });
  });
}
