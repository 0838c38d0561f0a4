import type { Hono } from 'hono';
import { z } from 'zod';
import type { IngestOptions } from '../../../ingest/pipeline.js';
import type { Engine } from '../../engine.js';
import { openOrRebuild, type IndexSource, type OpenedIndex } from '../../index/open-or-rebuild.js';
import { jobProgressOf } from '../jobs/ingest-progress.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { ReindexReport } from '../jobs/job-schema.js';
import { parseWith } from '../validation.js';
import { acceptedJob } from './accepted-job.js';

export type { ReindexReport };

export interface ReindexRequest {
  force: boolean;
  onProgress?: IngestOptions['onProgress'];
  preloaded?: IngestOptions['preloaded'];
}

export interface AdminOptions {
  /** ADMIN_TOKEN: a bearer token with the admin role. Optional when user accounts supply editors. */
  token?: string;
  /** Where POST /documents puts uploaded reports (SEEDS_DIR); no upload or delete route without it. */
  seedsDir?: string;
  /** Builds the index and puts the new engine in service; the old one answers until then. */
  reindex: (request: ReindexRequest) => Promise<ReindexReport>;
}

const reindexQuerySchema = z.object({ force: z.enum(['true', 'false', '1', '0']).optional() }).strict();

export function reindexReport(opened: OpenedIndex, startedAt: number): ReindexReport {
  const { ingest, engine } = opened;
  return {
    status: 'reindexed',
    changed: ingest.changed,
    ...(opened.rebuiltBecause ? { rebuiltBecause: opened.rebuiltBecause } : {}),
    documents: ingest.documents,
    chunks: ingest.chunks,
    indicators: ingest.indicators,
    warnings: ingest.warnings,
    index: { createdAt: engine.manifest.createdAt, corpusHash: engine.manifest.corpusHash },
    durationMs: Math.round(performance.now() - startedAt),
  };
}

/**
 * The reindex behind POST /admin/reindex: ingest, load the new engine, then swap it in. Until the
 * swap the old engine keeps answering, so no request sees a gap; if anything fails the old one stays.
 */
export function swapOnReindex(
  source: IndexSource,
  slot: { current: () => Engine | undefined; replace: (engine: Engine) => void },
): AdminOptions['reindex'] {
  return async ({ force, onProgress, preloaded }) => {
    const started = performance.now();
    const opened = await openOrRebuild(source, { force, onProgress, preloaded });
    const previous = slot.current();
    slot.replace(opened.engine);
    await previous?.close();
    return reindexReport(opened, started);
  };
}

/**
 * POST /admin/reindex[?force=true], registered only when ADMIN_TOKEN is set or user accounts are
 * on; the access policy lets editors and admins through. A re-index takes seconds to minutes, so the
 * answer is 202 with a job to poll at GET /jobs/:id; a request while one is queued or running joins
 * that job rather than racing a second ingest into the same folder.
 */
export function registerAdmin(app: Hono, options: AdminOptions, jobs: JobQueue): void {
  app.post('/admin/reindex', async (c) => {
    const query = parseWith(reindexQuerySchema, c.req.query(), 'query');
    const force = query.force === 'true' || query.force === '1';
    const job =
      jobs.pending('reindex') ??
      jobs.submit('reindex', { done: 0, total: 0, unit: 'file' }, async (progress) => ({
        reindex: await options.reindex({ force, onProgress: (event) => progress(jobProgressOf(event)) }),
      }));
    return acceptedJob(c, job);
  });
}
