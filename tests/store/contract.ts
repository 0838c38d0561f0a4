/**
 * The contract every IndexStore passes (run by contract.test.ts for each implementation): what
 * ingest writes comes back exactly, searches over it score exactly as the in-memory indexes do,
 * a write replaces the whole index at once, and a failed write leaves the previous index serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoringFields } from '../../src/indicators/indicator-source.js';
import { IndicatorTable } from '../../src/indicators/indicator-table.js';
import { Bm25Index } from '../../src/index/bm25.js';
import { DEFAULT_EMBEDDING_MODEL } from '../../src/index/embeddings.js';
import { memoryChunkSource } from '../../src/retrieve/chunk-source.js';
import { chunkPasses } from '../../src/retrieve/hybrid-retriever.js';
import { computeCorpusFacts } from '../../src/store/corpus-facts.js';
import type { IndexReader, IndexSnapshot, IndexStore } from '../../src/store/index-store.js';
import { referenceSnapshot, subsetOf } from './reference-snapshot.js';

export interface StoreUnderTest {
  /** A new, empty store. */
  create(): Promise<IndexStore>;
  /** The same store opened again, as another process (or a restart) would. */
  reopen(store: IndexStore): Promise<IndexStore>;
  cleanup?(): Promise<void>;
}

const KEYWORD_QUERIES = ['算力规模', '2026年湖北数字经济核心产业增加值', '武汉 软件和信息服务业', '新能源汽车产量增长', '不存在的词语组合'];
const INDICATOR_QUERIES = [
  { terms: ['算力', '规模'], regions: ['湖北'] },
  { terms: ['软件', '业务', '收入'], regions: ['武汉'], intent: 'actual' as const },
  { terms: ['工业', '增加值', '增长'] },
  { terms: ['5g', '基站'], regions: ['湖北', '武汉'], intent: 'target' as const },
  { terms: ['数字经济', '核心产业'], period: { key: '2025', year: 2025, label: '2025年' } },
];

export function describeIndexStoreContract(name: string, subject: StoreUnderTest): void {
  describe(`IndexStore contract: ${name}`, () => {
    let snapshot: IndexSnapshot;
    let store: IndexStore;
    let reader: IndexReader;

    beforeAll(async () => {
      snapshot = await referenceSnapshot();
      store = await subject.create();
    });
    afterAll(async () => {
      reader?.close();
      await store?.close();
      await subject.cleanup?.();
    });

    it('an empty store has no index: missing, no manifest, no documents', async () => {
      expect((await store.check(DEFAULT_EMBEDDING_MODEL)).state).toBe('missing');
      expect(await store.readManifest()).toBeUndefined();
      expect(await store.storedDocuments()).toEqual([]);
      await expect(store.open()).rejects.toMatchObject({ code: 'index_unavailable' });
    });

    it('returns what was written: manifest, documents, sections, chunks', async () => {
      await store.write(snapshot);
      const check = await store.check(DEFAULT_EMBEDDING_MODEL);
      expect(check.state).toBe('ok');
      const manifest = await store.readManifest();
      expect(manifest && { ...manifest, files: {} }).toEqual(snapshot.manifest);
      expect((await store.storedDocuments()).map((d) => d.id)).toEqual(snapshot.documents.map((d) => d.id));

      reader = await store.open();
      expect(reader.documentList()).toEqual(snapshot.documents.map(({ text: _t, structure: _s, ...meta }) => meta));
      for (const doc of snapshot.documents) {
        expect(reader.document(doc.id)).toEqual(doc);
        expect(reader.sectionsOf(doc.id)).toEqual(snapshot.sections.filter((s) => s.docId === doc.id));
      }
      expect(reader.document('no-such-document.txt')).toBeUndefined();
      expect(reader.sectionsOf('no-such-document.txt')).toEqual([]);
      const memory = memoryChunkSource(snapshot.chunks);
      for (const chunk of snapshot.chunks) expect(reader.chunks.chunk(chunk.id)).toEqual(chunk);
      for (const doc of snapshot.documents) {
        for (const offset of [0, 100, 1000, 2130, doc.text.length - 1, doc.text.length + 5]) {
          expect(reader.chunks.chunkAt(doc.id, offset)).toEqual(memory.chunkAt(doc.id, offset));
        }
      }
      expect(reader.chunks.chunk('no-such-document.txt#0')).toBeUndefined();
    });

    it("a store's own filter check agrees with chunkPasses over every chunk", () => {
      const passes = reader.chunks.passes?.bind(reader.chunks);
      if (!passes) return;
      const filterSets = [{}, { regions: ['湖北'] }, { regions: ['武汉', '湖北'], year: 2025 }, { year: 2026 }, { year: 2024 }, { year: 123 }, { docIds: [snapshot.documents[2].id], year: 2025 }];
      let passed = 0;
      for (const chunk of snapshot.chunks) {
        for (const filters of filterSets) {
          const expected = chunkPasses(chunk, filters);
          expect(passes(chunk.id, filters)).toBe(expected);
          if (expected) passed++;
        }
      }
      expect(passed).toBeGreaterThan(snapshot.chunks.length);
      expect(passes('no-such-document.txt#0', {})).toBe(false);
    });

    it('knows the regions and years the corpus speaks of, as a scan of every text finds them', () => {
      const expected = computeCorpusFacts(snapshot.documents, snapshot.sections, snapshot.indicators);
      expect(new Set(reader.facts.sectionRegions)).toEqual(new Set(expected.sectionRegions));
      expect(new Set(reader.facts.mentionedRegions)).toEqual(new Set(expected.mentionedRegions));
      expect(new Set(reader.facts.years)).toEqual(new Set(expected.years));
      expect(reader.facts.mentionedRegions).toContain('湖北');
      expect(reader.facts.years).toContain(2026);
    });

    it('keyword search scores exactly as BM25 over the postings in memory', () => {
      const expected = new Bm25Index(snapshot.bm25);
      const actual = new Bm25Index(reader.bm25);
      expect(actual.size).toBe(snapshot.chunks.length);
      expect(actual.vocabularySize).toBe(expected.vocabularySize);
      for (const query of KEYWORD_QUERIES) {
        const hits = actual.search(query, 10);
        expect(hits).toEqual(expected.search(query, 10));
        expect(actual.idf(query.slice(0, 2))).toBe(expected.idf(query.slice(0, 2)));
      }
      expect(actual.search('算力规模', 10).length).toBeGreaterThan(0);
      const onlyWuhan = (id: string) => id.startsWith('002_');
      expect(actual.search('软件业务收入', 5, onlyWuhan)).toEqual(expected.search('软件业务收入', 5, onlyWuhan));
    });

    it('indicator rows: search, listing, companions and the docIds restriction match the table in memory', () => {
      const expected = new IndicatorTable(snapshot.indicators);
      const actual = new IndicatorTable(reader.indicators);
      expect(actual.size).toBe(snapshot.indicators.length);
      for (const query of INDICATOR_QUERIES) {
        const hits = actual.search(query, 10);
        expect(hits).toEqual(expected.search(query, 10));
      }
      expect(actual.search(INDICATOR_QUERIES[0], 1)[0]?.row.raw).toBe('2.2万P');
      for (const filter of [{ region: '湖北' }, { year: 2025 }, { region: '武汉', metric: '软件' }, { kind: 'rank' as const }, { docId: snapshot.documents[1].id }]) {
        expect(actual.list(filter)).toEqual(expected.list(filter));
      }
      for (const row of snapshot.indicators.filter((r, i) => i % 25 === 0 || r.relatedTo)) {
        expect(actual.get(row.id)).toEqual(expected.get(row.id));
        expect(actual.companionsOf(row.id)).toEqual(expected.companionsOf(row.id));
      }
      expect(actual.get('no-such-row')).toBeUndefined();
      const scoring = reader.indicators.scoring?.bind(reader.indicators);
      if (scoring) snapshot.indicators.forEach((row, ord) => expect(scoring(ord)).toEqual(JSON.parse(JSON.stringify(scoringFields(row)))));
      const head = reader.indicators.head?.bind(reader.indicators);
      if (head) {
        snapshot.indicators.forEach((row, ord) => {
          expect(head(ord)).toEqual({ region: row.region, year: row.year, period: row.period, modality: row.modality });
        });
      }
      const docIds = [snapshot.documents[0].id];
      expect(actual.restrictedTo(docIds).search(INDICATOR_QUERIES[2], 10)).toEqual(expected.restrictedTo(docIds).search(INDICATOR_QUERIES[2], 10));
    });

    it('keys holding U+0000 (a question or URL can carry one) match nothing, and the reader answers on after them', () => {
      const nul = '\u0000';
      expect(reader.document(`${snapshot.documents[0].id}${nul}`)).toBeUndefined();
      expect(reader.sectionsOf(`x${nul}`)).toEqual([]);
      expect(reader.chunks.chunk(`x${nul}`)).toBeUndefined();
      expect(reader.bm25.postings(`算力${nul}`)).toBeUndefined();
      expect(reader.indicators.postings(`算力${nul}`)).toEqual([]);
      expect(reader.indicators.postings('算力', `湖北${nul}`)).toEqual([]);
      expect(reader.indicators.ordOf(`x${nul}`)).toBeUndefined();
      expect(reader.indicators.ordsIn({ region: `湖北${nul}` })).toEqual([]);
      const docId = snapshot.documents[0].id;
      expect(reader.indicators.rowsOfDocuments([docId, `x${nul}`])).toEqual(snapshot.indicators.filter((r) => r.docId === docId));
      expect(reader.document(docId)).toEqual(snapshot.documents[0]);
    });

    it('a write replaces the whole index; a reader opened before keeps its own view until closed', async () => {
      const smaller = subsetOf(snapshot, 2);
      await store.write(smaller);
      const after = await store.open();
      try {
        expect(after.documentList().map((d) => d.id)).toEqual(smaller.documents.map((d) => d.id));
        expect(after.document(snapshot.documents[4].id)).toBeUndefined();
        expect(new Bm25Index(after.bm25).search('算力规模', 10)).toEqual(new Bm25Index(smaller.bm25).search('算力规模', 10));
        expect(new IndicatorTable(after.indicators).search(INDICATOR_QUERIES[2], 10)).toEqual(new IndicatorTable(smaller.indicators).search(INDICATOR_QUERIES[2], 10));
        // The reader from before the write still answers from the five documents, consistently.
        expect(reader.documentList()).toHaveLength(snapshot.documents.length);
        expect(new Bm25Index(reader.bm25).search('算力规模', 10)).toEqual(new Bm25Index(snapshot.bm25).search('算力规模', 10));
      } finally {
        after.close();
      }
      const reopened = await subject.reopen(store);
      try {
        expect((await reopened.readManifest())?.corpusHash).toBe(smaller.manifest.corpusHash);
      } finally {
        await reopened.close();
      }
    });

    it('a write that fails midway leaves the previous index whole and serving', async () => {
      await store.write(snapshot);
      await expect(
        store.write(subsetOf(snapshot, 1), {
          saveVectors: async () => {
            throw new Error('disk full while writing vectors');
          },
        }),
      ).rejects.toThrow(/disk full/);
      const reopened = await subject.reopen(store);
      try {
        expect(await reopened.check(DEFAULT_EMBEDDING_MODEL)).toMatchObject({ state: 'ok' });
        const after = await reopened.open();
        try {
          expect(after.documentList()).toHaveLength(snapshot.documents.length);
          expect(after.manifest.corpusHash).toBe(snapshot.manifest.corpusHash);
        } finally {
          after.close();
        }
      } finally {
        await reopened.close();
      }
    });

    it('an index built with another embedding model is reported, not served as current', async () => {
      expect(await store.check('BAAI/bge-m3')).toMatchObject({ state: 'model_mismatch', reason: expect.stringMatching(/bge-m3/) });
    });
  });
}
