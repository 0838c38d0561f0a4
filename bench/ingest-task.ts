import pg from 'pg';
import { runIngest } from '../ingest/pipeline.js';
import { directoryBytes, peakRssMb } from './memory.js';
import { profiled } from './phase-profile.js';
import type { IngestMeasurement, IngestTask } from './worker-protocol.js';

/** One full rebuild in a fresh process, so its peak RSS is the ingest's own. */
export async function runIngestTask(task: IngestTask): Promise<IngestMeasurement> {
  const { value: result, profile } = await profiled(task.profile, () => runIngest({
    seedsDir: task.seedsDir,
    indexDir: task.indexDir,
    databaseUrl: task.databaseUrl,
    force: true,
    // null means "no model" to runIngest; undefined lets it load the configured one.
    embedder: task.embedding.enabled ? undefined : null,
    modelDir: task.embedding.modelDir,
    embeddingModel: task.embedding.embeddingModel,
  }));
  return {
    documents: result.documents,
    sections: result.sections,
    chunks: result.chunks,
    indicators: result.indicators,
    vectors: result.vectors,
    timingsMs: { ...result.timingsMs },
    processMs: performance.now(),
    peakRssMb: peakRssMb(),
    indexBytes: task.databaseUrl && /^postgres(ql)?:\/\//.test(task.databaseUrl) ? await databaseBytes(task.databaseUrl) : await directoryBytes(task.indexDir),
    dense: { active: result.dense.active, reason: result.dense.reason },
    profile,
  };
}

/** A PostgreSQL index has no folder: its size is the database's (tables, indexes, TOAST). */
async function databaseBytes(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const row = await client.query<{ bytes: string }>('SELECT pg_database_size(current_database())::text AS bytes');
    return Number(row.rows[0].bytes);
  } finally {
    await client.end();
  }
}
