import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { AppError } from '../../errors.js';
import { manifestSchema, type Manifest } from '../../index/manifest.js';
import type { IndexReader, VectorStorage } from '../index-store.js';
import { storedIndexReader } from '../stored-reader.js';
import type { ChunkColumns, StoredLookups, StoredRowHead } from '../stored-lookups.js';
import { SyncPg } from './sync-pg.js';

export function parseManifest(text: string, location: string): Manifest {
  const parsed = manifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new AppError('index_unavailable', 503, `the index in ${location} has an invalid manifest: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

const holdsNul = (value: unknown) => typeof value === 'string' && value.includes('\u0000');

interface GenerationHead {
  generation: string;
  manifest: string;
  facts: string;
  bm25_options: string;
}

/** The lookups of one generation, each a query on the reader's own connection (inside its snapshot). */
function pgLookups(db: SyncPg, head: GenerationHead): StoredLookups {
  const g = head.generation;
  const run = <T>(sql: string, params: unknown[], array = false): T[] => {
    // PostgreSQL text cannot hold U+0000, so no stored key contains it; a question or URL can, and
    // querying with it would be an error: such a key matches nothing, as on SQLite.
    const bound = params.map((p) => (Array.isArray(p) ? p.filter((x) => !holdsNul(x)) : p));
    return bound.some(holdsNul) ? [] : db.query<T>(sql, bound, array);
  };
  const one = <T>(sql: string, ...params: unknown[]): T | undefined => run<T>(sql, [g, ...params])[0];
  const column = <T>(sql: string, ...params: unknown[]): T[] => run<[T]>(sql, [g, ...params], true).map((r) => r[0]);
  const text = (sql: string, ...params: unknown[]) => column<string>(sql, ...params)[0];
  const HEAD = 'region, year, period, modality, undated, multi_year';
  return {
    meta: (key) => (key === 'facts' ? head.facts : key === 'bm25_options' ? head.bm25_options : undefined),
    chunkColumns: () => run<ChunkColumns>('SELECT id, doc_id, region, year, text_years, tokens FROM chunks WHERE generation = $1 ORDER BY ord', [g], true),
    chunkJson: (id) => text('SELECT body FROM chunks WHERE generation = $1 AND id = $2', id),
    chunkJsonAt: (docId, offset) => text('SELECT body FROM chunks WHERE generation = $1 AND doc_id = $2 AND start <= $3 AND $3 < "end" ORDER BY ord LIMIT 1', docId, offset),
    bm25Term: (term) => one('SELECT df, postings FROM bm25_terms WHERE generation = $1 AND term = $2', term),
    documentListJson: () => column('SELECT list_item FROM documents WHERE generation = $1 ORDER BY ord'),
    documentJson: (id) => text('SELECT body FROM documents WHERE generation = $1 AND id = $2', id),
    sectionJsons: (docId) => column('SELECT body FROM sections WHERE generation = $1 AND doc_id = $2 ORDER BY ord', docId),
    rowJson: (ord) => text('SELECT body FROM indicators WHERE generation = $1 AND ord = $2', ord),
    rowScoringJson: (ord) => text('SELECT scoring FROM indicators WHERE generation = $1 AND ord = $2', ord),
    rowHead: (ord) => one<StoredRowHead>(`SELECT ${HEAD} FROM indicators WHERE generation = $1 AND ord = $2`, ord),
    rowsForScoring: (ords) => run(`SELECT ord, ${HEAD}, scoring FROM indicators WHERE generation = $1 AND ord = ANY($2::integer[])`, [g, ords]),
    rowTerm: (term) => one('SELECT df, rows FROM indicator_terms WHERE generation = $1 AND term = $2', term),
    regionRowTerm: (region, term) => column<Uint8Array>('SELECT rows FROM indicator_region_terms WHERE generation = $1 AND region = $2 AND term = $3', region, term)[0],
    rowOrdOf: (id) => column<number>('SELECT ord FROM indicators WHERE generation = $1 AND id = $2 ORDER BY ord DESC LIMIT 1', id)[0],
    companionOrds: (id) => column('SELECT ord FROM indicators WHERE generation = $1 AND related_to = $2 ORDER BY ord', id),
    ordsIn: (scope) => {
      const where = ['generation = $1'];
      const params: Array<string | number> = [];
      const add = (sql: string, value: string | number) => (params.push(value), where.push(`${sql} = $${params.length + 1}`));
      if (scope.region) add('region', scope.region);
      if (scope.year !== undefined) add('year', scope.year);
      if (scope.docId) add('doc_id', scope.docId);
      return column(`SELECT ord FROM indicators WHERE ${where.join(' AND ')} ORDER BY ord`, ...params);
    },
    ordsOfDocuments: (docIds) => column('SELECT ord FROM indicators WHERE generation = $1 AND doc_id = ANY($2::text[]) ORDER BY ord', docIds),
  };
}

/**
 * Opens the current generation as the SQLite reader opens its file: a connection of its own (SyncPg)
 * in one REPEATABLE READ transaction, so every query sees the same write; at open only the manifest,
 * the corpus facts and the per-chunk columns are read, everything else by query as questions need it.
 * The vector files, if any, are written to a private temp folder (hnswlib reads files), removed at close.
 */
export async function openCurrentGeneration(url: string, location: string, pgvector: VectorStorage['pgvector']): Promise<IndexReader> {
  const db = await SyncPg.open(url, location);
  let vectorsDir: string | undefined;
  try {
    return db.opening(() => {
      const head = db.query<GenerationHead>(
        `SELECT g.id::text AS generation, g.manifest, g.facts, g.bm25_options
         FROM current_generation c JOIN generations g ON g.id = c.generation`,
      )[0];
      if (!head) throw new AppError('index_unavailable', 503, `the index database ${location} holds no index: run npm run ingest`);
      const manifest = parseManifest(head.manifest, location);
      const files = db.query<{ path: string; body: Uint8Array }>('SELECT path, body FROM vector_files WHERE generation = $1 ORDER BY path', [head.generation]);
      vectorsDir = files.length ? unpackVectorFiles(files) : undefined;
      const unpacked = vectorsDir;
      return storedIndexReader({
        manifest,
        generation: head.generation,
        lookups: pgLookups(db, head),
        vectorsDir,
        vectors: { kept: vectorsDir ? 'database' : 'none', pgvector },
        close: () => {
          try {
            db.close();
          } finally {
            if (unpacked) rmSync(unpacked, { recursive: true, force: true });
          }
        },
      });
    });
  } catch (error) {
    if (vectorsDir) rmSync(vectorsDir, { recursive: true, force: true });
    try {
      db.close();
    } catch {
      // The error that stopped the open is the one to report.
    }
    throw error;
  }
}

/** The HNSW folder as ingest saved it, for hnswlib to load from disk. */
function unpackVectorFiles(files: Array<{ path: string; body: Uint8Array }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'policy-qa-pg-vectors-'));
  for (const file of files) {
    if (isAbsolute(file.path) || file.path.split(/[\\/]/).includes('..')) throw new AppError('index_unavailable', 503, `vector file path ${file.path} leaves its folder`);
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.body);
  }
  return dir;
}
