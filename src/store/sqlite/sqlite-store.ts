import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { StoredDocument } from '../../documents/document.js';
import { AppError } from '../../errors.js';
import { buildRowIndex, regionPostings } from '../../indicators/row-index.js';
import { indexDirError } from '../../index/index-dir-error.js';
import { manifestSchema, type Manifest } from '../../index/manifest.js';
import { computeCorpusFacts } from '../corpus-facts.js';
import { manifestGeneration, type IndexCheck, type IndexReader, type IndexSnapshot, type IndexStore, type WriteOptions } from '../index-store.js';
import { migrate } from './migrations.js';
import { sqliteIndexReader } from './sqlite-reader.js';
import { encodeInts } from '../int-blob.js';
import { documentListItem, storedScoring, textYears } from '../stored-columns.js';
import { countsMismatch, modelCheck } from '../manifest-check.js';

const VECTORS_PREFIX = 'vectors-';

/**
 * One SQLite database (WAL) holding the whole index. `write` replaces it in one transaction, so a
 * crash mid-ingest leaves the previous index as it was; readers keep a read transaction open and see
 * one index from open to close. Opening reads the manifest and the per-chunk token counts only:
 * rows, chunks, documents and postings are read as questions need them.
 */
export class SqliteIndexStore implements IndexStore {
  readonly kind = 'sqlite' as const;
  readonly location: string;
  private db?: Database.Database;

  constructor(file: string) {
    this.location = resolve(file);
  }

  /** The write connection, created (and migrated) on first use. */
  private connection(): Database.Database {
    if (!this.db) this.db = openDatabase(this.location);
    return this.db;
  }

  async check(embeddingModel: string): Promise<IndexCheck> {
    if (!existsSync(this.location)) return { state: 'missing', reason: `no index database at ${this.location}` };
    let manifest: Manifest | undefined;
    try {
      const db = this.connection();
      manifest = readManifestFrom(db);
      if (!manifest) return { state: 'missing', reason: `the index database ${this.location} holds no index yet` };
      const counts = db.prepare('SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM chunks) AS chunks, (SELECT count(*) FROM indicators) AS indicators').get() as Record<'documents' | 'chunks' | 'indicators', number>;
      const damaged = countsMismatch(this.location, manifest, counts);
      if (damaged) return damaged;
    } catch (error) {
      if (error instanceof AppError) throw error;
      this.forget();
      return { state: 'corrupt', reason: `the index database ${this.location} is unreadable: ${(error as Error).message}` };
    }
    return modelCheck(this.location, manifest, embeddingModel);
  }

  async readManifest(): Promise<Manifest | undefined> {
    if (!existsSync(this.location)) return undefined;
    try {
      return readManifestFrom(this.connection());
    } catch (error) {
      if (error instanceof AppError) throw error;
      return undefined;
    }
  }

  async storedDocuments(): Promise<StoredDocument[]> {
    if (!existsSync(this.location)) return [];
    try {
      const rows = this.connection().prepare('SELECT json FROM documents ORDER BY ord').pluck().all() as string[];
      return rows.map((json) => JSON.parse(json) as StoredDocument);
    } catch (error) {
      if (error instanceof AppError) throw error;
      return [];
    }
  }

  async write(snapshot: IndexSnapshot, options: WriteOptions = {}): Promise<void> {
    const dir = dirname(this.location);
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw indexDirError(error, dir) ?? error;
    }
    let db: Database.Database;
    try {
      db = this.connection();
    } catch (error) {
      if (error instanceof AppError) throw error;
      // A damaged file is replaced: the index is rebuilt from the seeds anyway.
      this.forget();
      await rm(this.location, { force: true });
      await rm(`${this.location}-wal`, { force: true });
      await rm(`${this.location}-shm`, { force: true });
      db = this.connection();
    }
    let vectorsDir: string | undefined;
    if (options.saveVectors) {
      vectorsDir = `${VECTORS_PREFIX}${process.pid}-${Date.now()}`;
      await options.saveVectors(join(dir, vectorsDir));
    }
    const { documents, sections, chunks, indicators, bm25 } = snapshot;
    chunks.forEach((chunk, i) => {
      if (bm25.ids[i] !== chunk.id) throw new AppError('ingest_failed', 500, `BM25 entry ${i} is ${bm25.ids[i]}, chunk ${i} is ${chunk.id}: they must be in one order`);
    });
    const rowIndex = buildRowIndex(indicators);
    const byRegion = regionPostings(indicators, rowIndex.postings);
    const facts = computeCorpusFacts(documents, sections, indicators);

    db.transaction(() => {
      for (const table of ['documents', 'sections', 'chunks', 'bm25_terms', 'indicators', 'indicator_terms', 'indicator_region_terms', 'meta']) {
        db.exec(`DELETE FROM ${table}`);
      }
      const putDocument = db.prepare('INSERT INTO documents (ord, id, list_item, json) VALUES (?, ?, ?, ?)');
      documents.forEach((doc, i) => putDocument.run(i, doc.id, JSON.stringify(documentListItem(doc)), JSON.stringify(doc)));
      const putSection = db.prepare('INSERT INTO sections (ord, doc_id, json) VALUES (?, ?, ?)');
      sections.forEach((s, i) => putSection.run(i, s.docId, JSON.stringify(s)));
      const putChunk = db.prepare('INSERT INTO chunks (ord, id, doc_id, start, "end", tokens, region, year, text_years, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
      chunks.forEach((c, i) =>
        putChunk.run(i, c.id, c.docId, c.start, c.end, bm25.lengths[i], c.region, c.year, JSON.stringify(textYears(c.text)), JSON.stringify(c)),
      );
      const putTerm = db.prepare('INSERT INTO bm25_terms (term, df, postings) VALUES (?, ?, ?)');
      for (const [term, list] of Object.entries(bm25.postings)) putTerm.run(term, list.length, encodeInts(list.flat()));
      const putRow = db.prepare(
        'INSERT INTO indicators (ord, id, doc_id, region, year, period, modality, related_to, json, scoring, undated, multi_year) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      indicators.forEach((row, i) => {
        const tokens = rowIndex.tokens[i];
        putRow.run(i, row.id, row.docId, row.region, row.year, row.period, row.modality, row.relatedTo ?? null, JSON.stringify(row), storedScoring(row, tokens), row.undated ? 1 : 0, row.multiYear ? 1 : 0);
      });
      const putRowTerm = db.prepare('INSERT INTO indicator_terms (term, df, rows) VALUES (?, ?, ?)');
      for (const [term, list] of rowIndex.postings) putRowTerm.run(term, list.length, encodeInts(list));
      const putRegionTerm = db.prepare('INSERT INTO indicator_region_terms (region, term, rows) VALUES (?, ?, ?)');
      for (const [region, terms] of byRegion) for (const [term, list] of terms) putRegionTerm.run(region, term, encodeInts(list));
      const putMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      putMeta.run('facts', JSON.stringify(facts));
      putMeta.run('bm25_options', JSON.stringify(bm25.options));
      if (vectorsDir) putMeta.run('vectors_dir', vectorsDir);
      // Last, as in the JSON index: a database whose manifest row is there holds a whole index.
      putMeta.run('manifest', JSON.stringify(snapshot.manifest));
    })();
    // Vector folders of earlier indexes (and of crashed ingests) are no longer referenced.
    for (const entry of await readdir(dir).catch(() => [] as string[])) {
      if (entry.startsWith(VECTORS_PREFIX) && entry !== vectorsDir) await rm(join(dir, entry), { recursive: true, force: true });
    }
  }

  async currentGeneration(): Promise<string | undefined> {
    if (!existsSync(this.location)) return undefined;
    try {
      // Two fields out of the manifest in SQL: the whole manifest lists every document.
      const row = this.connection()
        .prepare("SELECT json_extract(value, '$.createdAt') AS createdAt, json_extract(value, '$.corpusHash') AS corpusHash FROM meta WHERE key = 'manifest'")
        .get() as { createdAt: string; corpusHash: string } | undefined;
      return row && manifestGeneration(row);
    } catch (error) {
      if (error instanceof AppError) throw error;
      return undefined;
    }
  }

  async open(): Promise<IndexReader> {
    if (!existsSync(this.location)) throw new AppError('index_unavailable', 503, `no index database at ${this.location}: run npm run ingest`);
    const db = openDatabase(this.location);
    // One snapshot for the reader's life: a reindex committing meanwhile is seen by the next reader.
    db.exec('BEGIN');
    const manifest = readManifestFrom(db);
    if (!manifest) {
      db.close();
      throw new AppError('index_unavailable', 503, `the index database ${this.location} holds no index: run npm run ingest`);
    }
    return sqliteIndexReader(db, manifest, dirname(this.location));
  }

  async close(): Promise<void> {
    this.forget();
  }

  private forget(): void {
    try {
      this.db?.close();
    } catch {
      // already unusable
    }
    this.db = undefined;
  }
}

function openDatabase(file: string): Database.Database {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function readManifestFrom(db: Database.Database): Manifest | undefined {
  const value = db.prepare("SELECT value FROM meta WHERE key = 'manifest'").pluck().get() as string | undefined;
  if (value === undefined) return undefined;
  const parsed = manifestSchema.safeParse(JSON.parse(value));
  if (!parsed.success) throw new Error(`its manifest is invalid: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** The database file for an INDEX_DIR. */
export function sqliteFileIn(indexDir: string): string {
  return join(resolve(indexDir), 'index.sqlite');
}
