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
  {
    version: 2,
    description: 'the columns and indexes a reader answers from by query (as the SQLite store has them); a version-1 index is dropped and re-ingested',
    sql: `
      -- Version-1 rows lack these columns and computing them needs the ingest code: the index is
      -- derived from the seeds, so it is dropped here and the next server start ingests them again.
      DELETE FROM current_generation;
      DELETE FROM documents; DELETE FROM sections; DELETE FROM chunks; DELETE FROM bm25_terms;
      DELETE FROM indicators; DELETE FROM indicator_terms; DELETE FROM vector_files; DELETE FROM generations;
      ALTER TABLE documents ADD COLUMN list_item text NOT NULL;
      CREATE INDEX documents_id ON documents (generation, id);
      CREATE INDEX sections_doc ON sections (generation, doc_id, ord);
      ALTER TABLE chunks ADD COLUMN start integer NOT NULL, ADD COLUMN "end" integer NOT NULL, ADD COLUMN region text NOT NULL,
                         ADD COLUMN year integer NOT NULL, ADD COLUMN text_years text NOT NULL;
      CREATE INDEX chunks_id ON chunks (generation, id);
      CREATE INDEX chunks_doc ON chunks (generation, doc_id, ord);
      ALTER TABLE bm25_terms ADD COLUMN df integer NOT NULL;
      -- scoring holds the row's tokens with the fields scoring reads.
      ALTER TABLE indicators DROP COLUMN tokens;
      ALTER TABLE indicators ADD COLUMN id text NOT NULL, ADD COLUMN region text NOT NULL, ADD COLUMN year integer NOT NULL,
                             ADD COLUMN period text NOT NULL, ADD COLUMN modality text NOT NULL, ADD COLUMN related_to text,
                             ADD COLUMN scoring text NOT NULL, ADD COLUMN undated boolean NOT NULL, ADD COLUMN multi_year boolean NOT NULL;
      CREATE INDEX indicators_id ON indicators (generation, id, ord);
      CREATE INDEX indicators_doc ON indicators (generation, doc_id, ord);
      CREATE INDEX indicators_region_year ON indicators (generation, region, year, ord);
      CREATE INDEX indicators_related ON indicators (generation, related_to, ord) WHERE related_to IS NOT NULL;
      ALTER TABLE indicator_terms ADD COLUMN df integer NOT NULL;
      CREATE UNIQUE INDEX indicator_terms_term ON indicator_terms (generation, term);
      CREATE TABLE indicator_region_terms (generation bigint NOT NULL, region text NOT NULL, term text NOT NULL, rows bytea NOT NULL,
                                           PRIMARY KEY (generation, region, term));
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
