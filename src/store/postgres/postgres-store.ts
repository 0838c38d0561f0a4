import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import pg from 'pg';
import type { StoredDocument } from '../../documents/document.js';
import { AppError } from '../../errors.js';
import type { Manifest } from '../../index/manifest.js';
import type { IndexCheck, IndexReader, IndexSnapshot, IndexStore, WriteOptions } from '../index-store.js';
import { detectPgvector } from './pgvector.js';
import { PG_LOCK_KEY, pgMigrate } from './postgres-migrations.js';
import { openCurrentGeneration, parseManifest } from './postgres-reader.js';
import { writeGeneration } from './postgres-write.js';
import { countsMismatch, modelCheck } from '../manifest-check.js';

/** The URL without its password, for messages and /health. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '';
    return parsed.toString().replace(/:@/, '@');
  } catch {
    return 'postgres://(unparseable DATABASE_URL)';
  }
}

/**
 * The index in PostgreSQL, shared by every server pointed at the same DATABASE_URL. Each write is a
 * new generation of rows made current in one transaction; a reader keeps a connection of its own on
 * that generation and reads it as questions need it (as the SQLite reader does its file), and
 * currentGeneration() lets a server see that another one has written a newer index.
 */
export class PostgresIndexStore implements IndexStore {
  readonly kind = 'postgres' as const;
  readonly location: string;
  private pool?: pg.Pool;
  private ready?: Promise<void>;

  constructor(private readonly url: string) {
    this.location = redactedUrl(url);
  }

  /** The DATABASE_URL as given (with its password), to open the same database again. */
  get connectionUrl(): string {
    return this.url;
  }

  /** A pooled client of a migrated database; connection trouble is one clear error naming DATABASE_URL. */
  private async client(): Promise<pg.PoolClient> {
    if (!this.pool) {
      this.pool = new pg.Pool({ connectionString: this.url, max: 4 });
      // An idle client losing its server must not crash the process; the next query reconnects.
      this.pool.on('error', () => {});
    }
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw new AppError('index_unavailable', 503, `cannot reach the index database ${this.location}: ${(error as Error).message}`, 'DATABASE_URL');
    }
    try {
      this.ready ??= pgMigrate(client, this.location);
      await this.ready;
    } catch (error) {
      this.ready = undefined;
      client.release();
      throw error;
    }
    return client;
  }

  private async using<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.client();
    try {
      return await work(client);
    } finally {
      client.release();
    }
  }

  async check(embeddingModel: string): Promise<IndexCheck> {
    return this.using(async (client) => {
      const head = await client.query<{ generation: string; manifest: string }>(
        'SELECT g.id::text AS generation, g.manifest FROM current_generation c JOIN generations g ON g.id = c.generation',
      );
      if (!head.rows[0]) return { state: 'missing', reason: `the index database ${this.location} holds no index yet` };
      const { generation } = head.rows[0];
      let manifest: Manifest;
      try {
        manifest = parseManifest(head.rows[0].manifest, this.location);
      } catch (error) {
        return { state: 'corrupt', reason: (error as Error).message };
      }
      const counts = await client.query<Record<'documents' | 'chunks' | 'indicators', number>>(
        `SELECT (SELECT count(*) FROM documents WHERE generation = $1)::int AS documents,
                (SELECT count(*) FROM chunks WHERE generation = $1)::int AS chunks,
                (SELECT count(*) FROM indicators WHERE generation = $1)::int AS indicators`,
        [generation],
      );
      return countsMismatch(this.location, manifest, counts.rows[0]) ?? modelCheck(this.location, manifest, embeddingModel);
    });
  }

  async readManifest(): Promise<Manifest | undefined> {
    return this.using(async (client) => {
      const row = await client.query<{ manifest: string }>('SELECT g.manifest FROM current_generation c JOIN generations g ON g.id = c.generation');
      if (!row.rows[0]) return undefined;
      try {
        return parseManifest(row.rows[0].manifest, this.location);
      } catch {
        return undefined;
      }
    });
  }

  async storedDocuments(): Promise<StoredDocument[]> {
    return this.using(async (client) => {
      const rows = await client.query<{ body: string }>(
        'SELECT d.body FROM documents d JOIN current_generation c ON d.generation = c.generation ORDER BY d.ord',
      );
      return rows.rows.map((r) => JSON.parse(r.body) as StoredDocument);
    });
  }

  async currentGeneration(): Promise<string | undefined> {
    return this.using(async (client) => {
      const row = await client.query<{ generation: string }>('SELECT generation::text AS generation FROM current_generation');
      return row.rows[0]?.generation;
    });
  }

  async write(snapshot: IndexSnapshot, options: WriteOptions = {}): Promise<void> {
    snapshot.chunks.forEach((chunk, i) => {
      if (snapshot.bm25.ids[i] !== chunk.id) throw new AppError('ingest_failed', 500, `BM25 entry ${i} is ${snapshot.bm25.ids[i]}, chunk ${i} is ${chunk.id}: they must be in one order`);
    });
    // The vectors are saved before the transaction starts: a failure there leaves the database untouched.
    const vectorFiles = options.saveVectors ? await savedVectorFiles(options.saveVectors) : [];
    await this.using(async (client) => {
      await client.query('BEGIN');
      try {
        // Writers from several servers queue here rather than each making its generation current.
        await client.query('SELECT pg_advisory_xact_lock($1)', [PG_LOCK_KEY]);
        await writeGeneration(client, snapshot, vectorFiles);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    });
  }

  async open(): Promise<IndexReader> {
    const pgvector = await this.using(detectPgvector);
    return openCurrentGeneration(this.url, this.location, pgvector);
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    this.ready = undefined;
    await pool?.end();
  }
}

/** Runs saveVectors into a temp folder and reads back every file it wrote, by relative path. */
async function savedVectorFiles(save: NonNullable<WriteOptions['saveVectors']>): Promise<Array<{ path: string; body: Buffer }>> {
  const root = await mkdtemp(join(tmpdir(), 'policy-qa-pg-save-'));
  try {
    const dir = join(root, 'vectors');
    await save(dir);
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    const files: Array<{ path: string; body: Buffer }> = [];
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const full = join(entry.parentPath, entry.name);
      files.push({ path: relative(dir, full), body: await readFile(full) });
    }
    return files;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
