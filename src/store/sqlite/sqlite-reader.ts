import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Manifest } from '../../index/manifest.js';
import { manifestGeneration, type IndexReader } from '../index-store.js';
import { storedIndexReader } from '../stored-reader.js';
import type { ChunkColumns, StoredLookups, StoredRowHead } from '../stored-lookups.js';

/** The lookups of a SQLite index as prepared statements, inside the read transaction the store opened. */
function sqliteLookups(db: Database.Database): StoredLookups {
  const statement = (sql: string) => db.prepare(sql);
  const value = (sql: string) => db.prepare(sql).pluck();
  const q = {
    meta: value('SELECT value FROM meta WHERE key = ?'),
    chunkColumns: statement('SELECT id, doc_id, region, year, text_years, tokens FROM chunks ORDER BY ord').raw(),
    chunk: value('SELECT json FROM chunks WHERE id = ?'),
    chunkAt: value('SELECT json FROM chunks WHERE doc_id = ? AND start <= ? AND ? < "end" ORDER BY ord LIMIT 1'),
    bm25Term: statement('SELECT df, postings FROM bm25_terms WHERE term = ?'),
    documentList: value('SELECT list_item FROM documents ORDER BY ord'),
    document: value('SELECT json FROM documents WHERE id = ?'),
    sections: value('SELECT json FROM sections WHERE doc_id = ? ORDER BY ord'),
    row: value('SELECT json FROM indicators WHERE ord = ?'),
    scoring: value('SELECT scoring FROM indicators WHERE ord = ?'),
    head: statement('SELECT region, year, period, modality, undated, multi_year FROM indicators WHERE ord = ?'),
    rowTerm: statement('SELECT df, rows FROM indicator_terms WHERE term = ?'),
    regionRowTerm: value('SELECT rows FROM indicator_region_terms WHERE region = ? AND term = ?'),
    ordOf: value('SELECT ord FROM indicators WHERE id = ? ORDER BY ord DESC LIMIT 1'),
    companions: value('SELECT ord FROM indicators WHERE related_to = ? ORDER BY ord'),
    ofDocuments: value('SELECT ord FROM indicators WHERE doc_id IN (SELECT value FROM json_each(?)) ORDER BY ord'),
  };
  return {
    meta: (key) => q.meta.get(key) as string | undefined,
    chunkColumns: () => q.chunkColumns.all() as ChunkColumns[],
    chunkJson: (id) => q.chunk.get(id) as string | undefined,
    chunkJsonAt: (docId, offset) => q.chunkAt.get(docId, offset, offset) as string | undefined,
    bm25Term: (term) => q.bm25Term.get(term) as { df: number; postings: Buffer } | undefined,
    documentListJson: () => q.documentList.all() as string[],
    documentJson: (id) => q.document.get(id) as string | undefined,
    sectionJsons: (docId) => q.sections.all(docId) as string[],
    rowJson: (ord) => q.row.get(ord) as string | undefined,
    rowScoringJson: (ord) => q.scoring.get(ord) as string | undefined,
    rowHead: (ord) => q.head.get(ord) as StoredRowHead | undefined,
    rowTerm: (term) => q.rowTerm.get(term) as { df: number; rows: Buffer } | undefined,
    regionRowTerm: (region, term) => q.regionRowTerm.get(region, term) as Buffer | undefined,
    rowOrdOf: (id) => q.ordOf.get(id) as number | undefined,
    companionOrds: (id) => q.companions.all(id) as number[],
    ordsIn: (scope) => {
      const where: string[] = [];
      const params: Array<string | number> = [];
      if (scope.region) (where.push('region = ?'), params.push(scope.region));
      if (scope.year !== undefined) (where.push('year = ?'), params.push(scope.year));
      if (scope.docId) (where.push('doc_id = ?'), params.push(scope.docId));
      return db.prepare(`SELECT ord FROM indicators ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ord`).pluck().all(...params) as number[];
    },
    ordsOfDocuments: (docIds) => q.ofDocuments.all(JSON.stringify(docIds)) as number[],
  };
}

/** A read transaction over one SQLite index (opened by the store); every lookup is an indexed query, with small caches in front. */
export function sqliteIndexReader(db: Database.Database, manifest: Manifest, dir: string): IndexReader {
  const lookups = sqliteLookups(db);
  const vectors = lookups.meta('vectors_dir');
  return storedIndexReader({
    manifest,
    generation: manifestGeneration(manifest),
    lookups,
    vectorsDir: vectors ? join(dir, vectors) : undefined,
    close: () => {
      if (!db.open) return;
      if (db.inTransaction) db.exec('ROLLBACK');
      // The reader held the WAL back; let it be folded into the database now.
      db.pragma('wal_checkpoint(PASSIVE)');
      db.close();
    },
  });
}
