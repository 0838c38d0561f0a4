import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Chunk, DocumentMeta, Section, StoredDocument } from '../../documents/document.js';
import type { Indicator } from '../../indicators/indicator.js';
import type { IndicatorSource, RowHead, RowScope, RowTokens, ScoringFields } from '../../indicators/indicator-source.js';
import type { Bm25Options, Bm25Source } from '../../index/bm25.js';
import type { Manifest } from '../../index/manifest.js';
import type { ChunkSource } from '../../retrieve/chunk-source.js';
import type { CorpusFacts } from '../corpus-facts.js';
import { manifestGeneration, type IndexReader } from '../index-store.js';
import { BoundedCache } from './bounded-cache.js';
import { decodeInts } from '../int-blob.js';

const NONE: readonly number[] = [];

/** A read transaction over one SQLite index; every lookup is an indexed query, with small caches in front. */
export class SqliteIndexReader implements IndexReader {
  readonly facts: CorpusFacts;
  readonly generation: string;
  readonly chunks: ChunkSource;
  readonly bm25: Bm25Source;
  readonly indicators: IndicatorSource;
  readonly vectorsDir?: string;
  private readonly documents = new BoundedCache<string, StoredDocument | undefined>(64);
  private readonly statements: {
    documentList: Database.Statement;
    document: Database.Statement;
    sections: Database.Statement;
  };

  constructor(
    private readonly db: Database.Database,
    readonly manifest: Manifest,
    dir: string,
  ) {
    this.generation = manifestGeneration(manifest);
    const meta = (key: string) => db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
    this.facts = { writtenYears: [], undatedRegions: [], ...(JSON.parse(meta('facts') ?? '{"sectionRegions":[],"mentionedRegions":[],"years":[]}') as Partial<CorpusFacts>) } as CorpusFacts;
    const vectors = meta('vectors_dir');
    this.vectorsDir = vectors ? join(dir, vectors) : undefined;
    const options = JSON.parse(meta('bm25_options') ?? '{"k1":1.2,"b":0.75}') as Bm25Options;
    const chunks = chunkSource(db);
    this.chunks = chunks.source;
    this.bm25 = bm25Source(db, options, manifest.counts.vocabulary, chunks.ids);
    this.indicators = new SqliteIndicatorSource(db, manifest.counts.indicators);
    this.statements = {
      documentList: db.prepare('SELECT list_item FROM documents ORDER BY ord').pluck(),
      document: db.prepare('SELECT json FROM documents WHERE id = ?').pluck(),
      sections: db.prepare('SELECT json FROM sections WHERE doc_id = ? ORDER BY ord').pluck(),
    };
  }

  documentList(): DocumentMeta[] {
    return (this.statements.documentList.all() as string[]).map((json) => JSON.parse(json) as DocumentMeta);
  }

  document(id: string): StoredDocument | undefined {
    return this.documents.get(id, () => {
      const json = this.statements.document.get(id) as string | undefined;
      return json === undefined ? undefined : (JSON.parse(json) as StoredDocument);
    });
  }

  sectionsOf(docId: string): Section[] {
    return (this.statements.sections.all(docId) as string[]).map((json) => JSON.parse(json) as Section);
  }

  close(): void {
    if (!this.db.open) return;
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    // The reader held the WAL back; let it be folded into the database now.
    this.db.pragma('wal_checkpoint(PASSIVE)');
    this.db.close();
  }
}

/** Strings by small integer, so per-chunk columns fit in typed arrays. */
class Interned {
  readonly names: string[] = [];
  private readonly codes = new Map<string, number>();

  code(name: string): number {
    let code = this.codes.get(name);
    if (code === undefined) {
      code = this.names.length;
      this.names.push(name);
      this.codes.set(name, code);
    }
    return code;
  }
}

function chunkSource(db: Database.Database): { source: ChunkSource; ids: string[] } {
  const byId = db.prepare('SELECT json FROM chunks WHERE id = ?').pluck();
  const inDoc = db.prepare('SELECT json FROM chunks WHERE doc_id = ? AND start <= ? AND ? < "end" ORDER BY ord LIMIT 1').pluck();
  const cache = new BoundedCache<string, Chunk | undefined>(5_000);
  const chunk = (id: string) =>
    cache.get(id, () => {
      const json = byId.get(id) as string | undefined;
      return json === undefined ? undefined : (JSON.parse(json) as Chunk);
    });
  // What the retrieval filters read (region, document, year, years named in the text), for every chunk.
  const rows = db.prepare('SELECT id, doc_id, region, year, text_years FROM chunks ORDER BY ord').raw().all() as Array<[string, string, string, number, string]>;
  const ordOf = new Map<string, number>();
  const ids: string[] = new Array<string>(rows.length);
  const regions = new Interned();
  const docs = new Interned();
  const regionOf = new Int32Array(rows.length);
  const docOf = new Int32Array(rows.length);
  const yearOf = new Int32Array(rows.length);
  const namedYears = new Map<number, Uint8Array>();
  rows.forEach(([id, docId, region, year, years], ord) => {
    ordOf.set(id, ord);
    ids[ord] = id;
    regionOf[ord] = regions.code(region);
    docOf[ord] = docs.code(docId);
    yearOf[ord] = year;
    if (years === '[]') return;
    for (const y of JSON.parse(years) as number[]) {
      let bits = namedYears.get(y);
      if (!bits) namedYears.set(y, (bits = new Uint8Array((rows.length >> 3) + 1)));
      bits[ord >> 3] |= 1 << (ord & 7);
    }
  });
  const source: ChunkSource = {
    chunk,
    passes: (id, filters) => {
      const ord = ordOf.get(id);
      if (ord === undefined) return false;
      if (filters.regions?.length && !filters.regions.includes(regions.names[regionOf[ord]])) return false;
      if (filters.docIds?.length && !filters.docIds.includes(docs.names[docOf[ord]])) return false;
      const year = filters.year;
      if (year !== undefined && yearOf[ord] !== year) {
        // The text check of chunkPasses (`${year}年` in the text) from the stored years; other shapes read the chunk.
        if (!Number.isInteger(year) || year < 1000 || year > 9999) {
          const whole = chunk(id);
          return whole !== undefined && whole.text.includes(`${year}年`);
        }
        const bits = namedYears.get(year);
        if (!bits || !(bits[ord >> 3] & (1 << (ord & 7)))) return false;
      }
      return true;
    },
    chunkAt: (docId, offset) => {
      const json = inDoc.get(docId, offset, offset) as string | undefined;
      return json === undefined ? undefined : cache.get(JSON.parse(json).id as string, () => JSON.parse(json) as Chunk);
    },
  };
  return { source, ids };
}

/** BM25 over stored postings; chunk ids by ordinal come from the chunk columns read at open. */
function bm25Source(db: Database.Database, options: Bm25Options, vocabularySize: number, ids: string[]): Bm25Source {
  const lengths = Int32Array.from(db.prepare('SELECT tokens FROM chunks ORDER BY ord').pluck().all() as number[]);
  const term = db.prepare('SELECT df, postings FROM bm25_terms WHERE term = ?');
  // Bounded by posting entries, not terms: a common word at 10k reports has hundreds of thousands.
  const terms = new BoundedCache<string, { df: number; postings?: Int32Array }>(8_000_000, (v) => 16 + (v.postings?.length ?? 0));
  const lookup = (t: string) =>
    terms.get(t, () => {
      const row = term.get(t) as { df: number; postings: Buffer } | undefined;
      return row ? { df: row.df, postings: decodeInts(row.postings) } : { df: 0 };
    });
  return {
    options,
    lengths,
    vocabularySize,
    id: (ord) => ids[ord],
    postings: (t) => lookup(t).postings,
    df: (t) => lookup(t).df,
  };
}

interface StoredScoring {
  fields: ScoringFields;
  tokens: RowTokens;
}

class SqliteIndicatorSource implements IndicatorSource {
  private readonly rows = new BoundedCache<number, Indicator>(5_000);
  private readonly scorings = new BoundedCache<number, StoredScoring>(100_000);
  private readonly heads = new BoundedCache<number, RowHead>(200_000);
  private readonly terms = new BoundedCache<string, { df: number; rows: readonly number[] }>(20_000);
  private readonly regionTerms = new BoundedCache<string, readonly number[]>(50_000);
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    readonly size: number,
  ) {
    this.statements = {
      row: db.prepare('SELECT json FROM indicators WHERE ord = ?').pluck(),
      scoring: db.prepare('SELECT scoring FROM indicators WHERE ord = ?').pluck(),
      head: db.prepare('SELECT region, year, period, modality, undated, multi_year FROM indicators WHERE ord = ?'),
      term: db.prepare('SELECT df, rows FROM indicator_terms WHERE term = ?'),
      regionTerm: db.prepare('SELECT rows FROM indicator_region_terms WHERE region = ? AND term = ?').pluck(),
      // Like a Map filled in row order: the last row with an id is the one it names.
      ordOf: db.prepare('SELECT ord FROM indicators WHERE id = ? ORDER BY ord DESC LIMIT 1').pluck(),
      companions: db.prepare('SELECT ord FROM indicators WHERE related_to = ? ORDER BY ord').pluck(),
      ofDocuments: db.prepare('SELECT ord FROM indicators WHERE doc_id IN (SELECT value FROM json_each(?)) ORDER BY ord').pluck(),
    };
  }

  private term(term: string): { df: number; rows: readonly number[] } {
    return this.terms.get(term, () => {
      const row = this.statements.term.get(term) as { df: number; rows: Buffer } | undefined;
      return row ? { df: row.df, rows: Array.from(decodeInts(row.rows)) } : { df: 0, rows: NONE };
    });
  }

  postings(term: string, region?: string): readonly number[] {
    if (region === undefined) return this.term(term).rows;
    return this.regionTerms.get(`${region}\u0000${term}`, () => {
      const blob = this.statements.regionTerm.get(region, term) as Buffer | undefined;
      return blob ? Array.from(decodeInts(blob)) : NONE;
    });
  }

  df(term: string): number {
    return this.term(term).df;
  }

  private stored(ord: number): StoredScoring {
    return this.scorings.get(ord, () => {
      const json = this.statements.scoring.get(ord) as string | undefined;
      if (json === undefined) throw new Error(`no indicator row ${ord}`);
      return JSON.parse(json) as StoredScoring;
    });
  }

  row(ord: number): Indicator {
    return this.rows.get(ord, () => {
      const json = this.statements.row.get(ord) as string | undefined;
      if (json === undefined) throw new Error(`no indicator row ${ord}`);
      return JSON.parse(json) as Indicator;
    });
  }

  scoring(ord: number): ScoringFields {
    return this.stored(ord).fields;
  }

  tokens(ord: number): RowTokens {
    return this.stored(ord).tokens;
  }

  head(ord: number): RowHead {
    return this.heads.get(ord, () => {
      const { undated, multi_year, ...head } = this.statements.head.get(ord) as Omit<RowHead, 'undated' | 'multiYear'> & { undated: number; multi_year: number };
      return { ...head, ...(undated ? { undated: true } : {}), ...(multi_year ? { multiYear: true } : {}) };
    });
  }

  ordOf(id: string): number | undefined {
    return this.statements.ordOf.get(id) as number | undefined;
  }

  companionsOf(id: string): Indicator[] {
    return (this.statements.companions.all(id) as number[]).map((ord) => this.row(ord));
  }

  ordsIn(scope: RowScope): number[] {
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (scope.region) (where.push('region = ?'), params.push(scope.region));
    if (scope.year !== undefined) (where.push('year = ?'), params.push(scope.year));
    if (scope.docId) (where.push('doc_id = ?'), params.push(scope.docId));
    const sql = `SELECT ord FROM indicators ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ord`;
    return this.db.prepare(sql).pluck().all(...params) as number[];
  }

  rowsOfDocuments(docIds: string[]): Indicator[] {
    return (this.statements.ofDocuments.all(JSON.stringify(docIds)) as number[]).map((ord) => this.row(ord));
  }
}
