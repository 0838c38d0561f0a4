import { beforeAll, describe, expect, it } from 'vitest';
import type { Chunk } from '../../src/documents/document.js';
import { Bm25Index } from '../../src/index/bm25.js';
import { TextEmbedder } from '../../src/index/embeddings.js';
import { buildVectorIndex, type VectorIndex } from '../../src/index/vector-store.js';
import { HybridRetriever, chunkPasses } from '../../src/retrieve/hybrid-retriever.js';

function chunk(id: string, text: string, region: string, year: number, docId = id.split('#')[0]): Chunk {
  return { id, docId, start: 0, end: text.length, text, region, year, role: 'review', heading: '', sentences: [] };
}

const CHUNKS: Chunk[] = [
  chunk('hubei.txt#0', '累计建成5G基站18.8万个，算力规模超1.8万P。', '湖北', 2025),
  chunk('hubei.txt#1', '算力规模突破2.2万P，新建5G及5G-A基站1.58万个。', '湖北', 2026),
  chunk('hubei.txt#2', '全年汽车整车、新能源汽车产量分别达183.6万辆、82.4万辆。', '湖北', 2025),
  chunk('wuhan.txt#0', '上半年，规上工业增加值同比增长5.1%，算力规模持续扩大。', '武汉', 2025),
  chunk('guangdong.txt#0', '至10月末，累计建成5G基站43.8万个，数字经济产业收入8.3万亿元。', '广东', 2025),
  // Reachable only by meaning: shares no keyword with the query "zhisuan" below.
  chunk('hunan.txt#0', '湖南布局建设国省创新中心和中试平台，培育智算中心集群。', '湖南', 2025),
  chunk('hunan.txt#1', '2026年湖南将锚定“三高四新”美好蓝图。', '湖南', 2025),
];

const DIMENSIONS = 4;
/** Deterministic stand-in for a model: a few "concepts" by keyword, one axis each. */
function fakeVector(text: string): number[] {
  const v = [0, 0, 0, 0.01];
  if (/zhisuan|智算/i.test(text)) v[0] = 1;
  if (/汽车|整车/.test(text)) v[1] = 1;
  if (/基站|5G/.test(text)) v[2] = 1;
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

const embedder = new TextEmbedder({
  modelId: 'test/fake-keyword-embedder',
  dimensions: DIMENSIONS,
  embedBatch: async (texts) => texts.map(fakeVector),
});

const ids = (outcome: { chunks: Array<{ chunk: Chunk }> }) => outcome.chunks.map((c) => c.chunk.id);

describe('chunkPasses', () => {
  const c = CHUNKS[0];
  it('applies region, docIds and year filters', () => {
    expect(chunkPasses(c, {})).toBe(true);
    expect(chunkPasses(c, { regions: ['湖北'] })).toBe(true);
    expect(chunkPasses(c, { regions: ['武汉'] })).toBe(false);
    expect(chunkPasses(c, { docIds: ['hubei.txt'] })).toBe(true);
    expect(chunkPasses(c, { docIds: ['wuhan.txt'] })).toBe(false);
    expect(chunkPasses(c, { year: 2025 })).toBe(true);
    expect(chunkPasses(c, { year: 2026 })).toBe(false);
  });

  it('lets a chunk of another section year through when its text names the year', () => {
    expect(chunkPasses(CHUNKS[6], { year: 2026 })).toBe(true);
  });
});

describe('HybridRetriever, keyword only', () => {
  const bm25 = Bm25Index.build(CHUNKS.map((c) => ({ id: c.id, text: c.text })));
  const retriever = new HybridRetriever(CHUNKS, bm25);

  it('reports bm25 as the only retriever', async () => {
    const outcome = await retriever.retrieve('算力规模', 5, {});
    expect(retriever.denseActive).toBe(false);
    expect(outcome.retrievers).toEqual(['bm25']);
    expect(ids(outcome)).toEqual(expect.arrayContaining(['hubei.txt#0', 'hubei.txt#1', 'wuhan.txt#0']));
  });

  it('filters by region, year and docIds inside retrieval', async () => {
    expect(ids(await retriever.retrieve('算力规模', 5, { regions: ['武汉'] }))).toEqual(['wuhan.txt#0']);
    expect(ids(await retriever.retrieve('算力规模', 5, { regions: ['湖北'], year: 2026 }))).toEqual(['hubei.txt#1']);
    expect(ids(await retriever.retrieve('5G基站', 5, { docIds: ['guangdong.txt'] }))).toEqual(['guangdong.txt#0']);
    expect(ids(await retriever.retrieve('算力规模', 5, { regions: ['广东'] }))).toEqual([]);
  });

  it('cuts the fused list at topK', async () => {
    expect((await retriever.retrieve('5G基站 算力规模', 2, {})).chunks).toHaveLength(2);
  });

  it('fuses extra ranked lists (indicator hits), filtered like the rest', async () => {
    const extra = [[{ id: 'hubei.txt#2', score: 1 }, { id: 'guangdong.txt#0', score: 1 }]];
    const outcome = await retriever.retrieve('算力规模', 5, { regions: ['湖北'] }, extra);
    expect(outcome.retrievers).toEqual(['indicators', 'bm25']);
    expect(ids(outcome)).toContain('hubei.txt#2');
    expect(ids(outcome)).not.toContain('guangdong.txt#0');
    const none = await retriever.retrieve('算力规模', 5, { regions: ['湖北'] }, [[{ id: 'guangdong.txt#0', score: 1 }]]);
    expect(none.retrievers).toEqual(['bm25']);
  });

  it('navigates chunks: by id, the next chunk of the same document, the chunk at an offset', () => {
    expect(retriever.chunk('hubei.txt#1')?.text).toContain('2.2万P');
    expect(retriever.nextChunk(CHUNKS[0])?.id).toBe('hubei.txt#1');
    expect(retriever.nextChunk(CHUNKS[2])).toBeUndefined();
    expect(retriever.chunkAt('wuhan.txt', 3)?.id).toBe('wuhan.txt#0');
    expect(retriever.chunkAt('wuhan.txt', 10_000)).toBeUndefined();
  });
});

describe('HybridRetriever with a dense index', () => {
  const bm25 = Bm25Index.build(CHUNKS.map((c) => ({ id: c.id, text: c.text })));
  let vectors: VectorIndex;
  let retriever: HybridRetriever;

  beforeAll(async () => {
    vectors = await buildVectorIndex(CHUNKS.map((c) => ({ id: c.id, text: c.text })), embedder);
    retriever = new HybridRetriever(CHUNKS, bm25, { index: vectors, embedder });
  });

  it('adds the dense list and reports it', async () => {
    const outcome = await retriever.retrieve('zhisuan', 3, {});
    expect(retriever.denseActive).toBe(true);
    expect(outcome.retrievers).toEqual(['bm25', 'dense']);
    // BM25 has nothing for "zhisuan"; only the dense list (where the 智算 chunk ranks first) finds it.
    expect(bm25.search('zhisuan', 5)).toEqual([]);
    expect(ids(outcome)[0]).toBe('hunan.txt#0');
    expect(outcome.chunks[0].score).toBeCloseTo(1 / 61, 10);
  });

  it('fuses both lists: a chunk found by both outranks one found by either alone', async () => {
    const outcome = await retriever.retrieve('新能源汽车产量', 7, {});
    expect(ids(outcome)[0]).toBe('hubei.txt#2');
    const [first, second] = outcome.chunks;
    expect(first.score).toBeCloseTo(2 / 61, 10);
    expect(second.score).toBeLessThan(first.score);
  });

  it('applies the filters to dense hits too', async () => {
    const outcome = await retriever.retrieve('zhisuan', 5, { regions: ['湖北'] });
    expect(ids(outcome)).not.toContain('hunan.txt#0');
    for (const { chunk } of outcome.chunks) expect(chunk.region).toBe('湖北');
  });
});
