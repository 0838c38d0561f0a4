import type Database from 'better-sqlite3';
import { AppError } from '../../errors.js';

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

/**
 * The schema, one step per version, applied in order inside a transaction each. Never edit a
 * released step: add the next one. SCHEMA_VERSION is the newest this build knows.
 */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'documents, sections, chunks, BM25 postings, indicator rows with their token index',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE documents (ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, list_item TEXT NOT NULL, json TEXT NOT NULL);
      CREATE TABLE sections (ord INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, json TEXT NOT NULL);
      CREATE INDEX sections_doc ON sections (doc_id, ord);
      CREATE TABLE chunks (ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc_id TEXT NOT NULL, start INTEGER NOT NULL,
                           "end" INTEGER NOT NULL, tokens INTEGER NOT NULL, region TEXT NOT NULL, year INTEGER NOT NULL,
                           text_years TEXT NOT NULL, json TEXT NOT NULL);
      CREATE INDEX chunks_doc ON chunks (doc_id, ord);
      CREATE TABLE bm25_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL, postings BLOB NOT NULL) WITHOUT ROWID;
      CREATE TABLE indicators (ord INTEGER PRIMARY KEY, id TEXT NOT NULL, doc_id TEXT NOT NULL, region TEXT NOT NULL,
                               year INTEGER NOT NULL, period TEXT NOT NULL, modality TEXT NOT NULL, related_to TEXT, json TEXT NOT NULL,
                               scoring TEXT NOT NULL);
      CREATE INDEX indicators_id ON indicators (id);
      CREATE INDEX indicators_doc ON indicators (doc_id);
      CREATE INDEX indicators_region_year ON indicators (region, year);
      CREATE INDEX indicators_related ON indicators (related_to) WHERE related_to IS NOT NULL;
      CREATE TABLE indicator_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL, rows BLOB NOT NULL) WITHOUT ROWID;
      CREATE TABLE indicator_region_terms (region TEXT NOT NULL, term TEXT NOT NULL, rows BLOB NOT NULL,
                                           PRIMARY KEY (region, term)) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    description: 'indicator rows whose text never names the year (undated) or that cover several years (multi_year), for the period filter',
    sql: `ALTER TABLE indicators ADD COLUMN undated INTEGER NOT NULL DEFAULT 0;
          ALTER TABLE indicators ADD COLUMN multi_year INTEGER NOT NULL DEFAULT 0;`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export function schemaVersion(db: Database.Database): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").get();
  if (!table) return 0;
  const row = db.prepare('SELECT max(version) AS version FROM schema_version').get() as { version: number | null };
  return row.version ?? 0;
}

/**
 * Brings a database to SCHEMA_VERSION. One written by a newer build is refused, never altered:
 * this build cannot know what its tables mean.
 */
export function migrate(db: Database.Database, location: string, migrations: Migration[] = MIGRATIONS): void {
  const latest = migrations[migrations.length - 1].version;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new AppError(
      'store_incompatible',
      503,
      `the index database ${location} has schema version ${current}, newer than this build understands (${latest}): run a newer server, or point DATABASE_URL/INDEX_DIR at another database`,
      'DATABASE_URL',
    );
  }
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL, description TEXT NOT NULL)');
  for (const step of migrations) {
    if (step.version <= current) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.prepare('INSERT INTO schema_version (version, applied_at, description) VALUES (?, ?, ?)').run(step.version, new Date().toISOString(), step.description);
    })();
  }
}
