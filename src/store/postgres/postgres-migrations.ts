import type pg from 'pg';
import { AppError } from '../../errors.js';

export interface PgMigration {
  version: number;
  description: string;
  sql: string;
}

/**
 * The schema, one step per version; never edit a released step, add the next. Every row carries the
 * generation (one write) it belongs to: a write fills a new generation, then moves the
 * current_generation pointer to it and deletes the others, all in one transaction.
 */
export const PG_MIGRATIONS: PgMigration[] = [
  {
    version: 1,
    description: 'generations with a current pointer; documents, sections, chunks, BM25 postings, indicator rows and their token index, vector files',
    sql: `
      CREATE SEQUENCE generation_ids;
      CREATE TABLE generations (id bigint PRIMARY KEY, written_at timestamptz NOT NULL DEFAULT now(), manifest text NOT NULL,
                                facts text NOT NULL, bm25_options text NOT NULL);
      CREATE TABLE current_generation (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
                                       generation bigint NOT NULL REFERENCES generations (id));
      CREATE TABLE documents (generation bigint NOT NULL, ord integer NOT NULL, id text NOT NULL, body text NOT NULL,
                              PRIMARY KEY (generation, ord));
      CREATE TABLE sections (generation bigint NOT NULL, ord integer NOT NULL, doc_id text NOT NULL, body text NOT NULL,
                             PRIMARY KEY (generation, ord));
      -- terms: the chunk's jieba tokens as a tsvector, for SQL-side search; the engine scores BM25 from bm25_terms.
      CREATE TABLE chunks (generation bigint NOT NULL, ord integer NOT NULL, id text NOT NULL, doc_id text NOT NULL,
                           tokens integer NOT NULL, body text NOT NULL, terms tsvector NOT NULL, PRIMARY KEY (generation, ord));
      CREATE INDEX chunks_terms ON chunks USING gin (terms);
      CREATE TABLE bm25_terms (generation bigint NOT NULL, term text NOT NULL, postings bytea NOT NULL, PRIMARY KEY (generation, term));
      CREATE TABLE indicators (generation bigint NOT NULL, ord integer NOT NULL, doc_id text NOT NULL, body text NOT NULL,
                               tokens text NOT NULL, PRIMARY KEY (generation, ord));
      CREATE TABLE indicator_terms (generation bigint NOT NULL, ord integer NOT NULL, term text NOT NULL, rows bytea NOT NULL,
                                    PRIMARY KEY (generation, ord));
      CREATE TABLE vector_files (generation bigint NOT NULL, path text NOT NULL, body bytea NOT NULL, PRIMARY KEY (generation, path));
    `,
  },
];

export const PG_SCHEMA_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1].version;

/** Any number: one lock key for migrations and writes, so two servers never interleave them. */
export const PG_LOCK_KEY = 7_314_014;

export async function pgSchemaVersion(client: pg.ClientBase): Promise<number> {
  const table = await client.query<{ exists: boolean }>("SELECT to_regclass('schema_version') IS NOT NULL AS exists");
  if (!table.rows[0].exists) return 0;
  const row = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_version');
  return row.rows[0].version ?? 0;
}

/**
 * Brings the database to the newest version this build knows, under an advisory lock (several servers
 * may start at once). One written by a newer build is refused, never altered.
 */
export async function pgMigrate(client: pg.ClientBase, location: string, migrations: PgMigration[] = PG_MIGRATIONS): Promise<void> {
  const latest = migrations[migrations.length - 1].version;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [PG_LOCK_KEY]);
    const current = await pgSchemaVersion(client);
    if (current > latest) {
      throw new AppError(
        'store_incompatible',
        503,
        `the index database ${location} has schema version ${current}, newer than this build understands (${latest}): run a newer server, or point DATABASE_URL at another database`,
        'DATABASE_URL',
      );
    }
    await client.query('CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL, description text NOT NULL)');
    for (const step of migrations) {
      if (step.version <= current) continue;
      await client.query(step.sql);
      await client.query('INSERT INTO schema_version (version, applied_at, description) VALUES ($1, now(), $2)', [step.version, step.description]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
