import type { Hono } from 'hono';
import type { Engine } from '../../engine.js';

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
      dense,
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
