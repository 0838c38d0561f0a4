import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import type pg from 'pg';
import type { Chunk, Section, StoredDocument } from '../../documents/document.js';
import { AppError } from '../../errors.js';
import type { Indicator } from '../../indicators/indicator.js';
import type { RowTokens } from '../../indicators/indicator-source.js';
import { flatBm25Source, type Bm25Options } from '../../index/bm25.js';
import { manifestSchema, type Manifest } from '../../index/manifest.js';
import type { CorpusFacts } from '../corpus-facts.js';
import type { IndexReader, VectorStorage } from '../index-store.js';
import { decodeInts } from '../int-blob.js';
import { memoryIndexReader } from '../memory-reader.js';

export function parseManifest(text: string, location: string): Manifest {
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new AppError('index_unavailable', 503, `the index in ${location} has an invalid manifest: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

async function bodies<T>(client: pg.ClientBase, table: string, generation: string): Promise<T[]> {
  const result = await client.query<{ body: string }>(`SELECT body FROM ${table} WHERE generation = $1 ORDER BY ord`, [generation]);
  return result.rows.map((r) => JSON.parse(r.body) as T);
}

/**
 * Reads the current generation whole into the heap, inside one REPEATABLE READ transaction so every
 * table shows the same write; questions are then answered without a round trip (IndexReader is
 * synchronous). The vector files, if any, are written to a private temp folder, removed at close.
 */
export async function loadCurrentGeneration(client: pg.ClientBase, location: string, pgvector: VectorStorage['pgvector']): Promise<IndexReader> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const head = await client.query<{ generation: string; manifest: string; facts: string; bm25_options: string }>(
      `SELECT g.id::text AS generation, g.manifest, g.facts, g.bm25_options
       FROM current_generation c JOIN generations g ON g.id = c.generation`,
    );
    const current = head.rows[0];
    if (!current) throw new AppError('index_unavailable', 503, `the index database ${location} holds no index: run npm run ingest`);
    const { generation } = current;
    const manifest = parseManifest(current.manifest, location);
    const documents = await bodies<StoredDocument>(client, 'documents', generation);
    const sections = await bodies<Section>(client, 'sections', generation);
    const chunkRows = await client.query<{ body: string; tokens: number }>('SELECT body, tokens FROM chunks WHERE generation = $1 ORDER BY ord', [generation]);
    const chunks = chunkRows.rows.map((r) => JSON.parse(r.body) as Chunk);
    const lengths = Int32Array.from(chunkRows.rows, (r) => r.tokens);
    const termRows = await client.query<{ term: string; postings: Buffer }>('SELECT term, postings FROM bm25_terms WHERE generation = $1', [generation]);
    const postings = new Map(termRows.rows.map((r) => [r.term, decodeInts(r.postings)]));
    const rowResult = await client.query<{ body: string; tokens: string }>('SELECT body, tokens FROM indicators WHERE generation = $1 ORDER BY ord', [generation]);
    const indicators = rowResult.rows.map((r) => JSON.parse(r.body) as Indicator);
    const rowTerms = await client.query<{ term: string; rows: Buffer }>('SELECT term, rows FROM indicator_terms WHERE generation = $1 ORDER BY ord', [generation]);
    const rowIndex = {
      tokens: rowResult.rows.map((r) => JSON.parse(r.tokens) as RowTokens),
      postings: new Map(rowTerms.rows.map((r) => [r.term, Array.from(decodeInts(r.rows))])),
    };
    const files = await client.query<{ path: string; body: Buffer }>('SELECT path, body FROM vector_files WHERE generation = $1 ORDER BY path', [generation]);
    await client.query('COMMIT');

    const vectorsDir = files.rows.length ? unpackVectorFiles(files.rows) : undefined;
    const ids = chunks.map((c) => c.id);
    return memoryIndexReader({
      manifest,
      generation,
      documents,
      sections,
      chunks,
      indicators,
      bm25: flatBm25Source(JSON.parse(current.bm25_options) as Bm25Options, ids, lengths, postings),
      facts: { writtenYears: [], ...(JSON.parse(current.facts) as Partial<CorpusFacts>) } as CorpusFacts,
      rowIndex,
      vectorsDir,
      vectors: { kept: vectorsDir ? 'database' : 'none', pgvector },
      close: () => {
        if (vectorsDir) rmSync(vectorsDir, { recursive: true, force: true });
      },
    });
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

/** The HNSW folder as ingest saved it, for hnswlib to load from disk. */
function unpackVectorFiles(files: Array<{ path: string; body: Buffer }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-qa-pg-vectors-'));
  for (const file of files) {
    if (isAbsolute(file.path) || file.path.split(/[\\/]/).includes('..')) throw new AppError('index_unavailable', 503, `vector file path ${file.path} leaves its folder`);
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.body);
  }
  return dir;
}
