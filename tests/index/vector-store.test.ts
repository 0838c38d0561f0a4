import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextEmbedder, loadEmbedder } from '../../src/index/embeddings.js';
import { DEFAULT_EF_SEARCH, VectorIndex, buildVectorIndex } from '../../src/index/vector-store.js';
import { TINY_MODEL_ID, writeTinyModel } from '../fixtures/tiny-model.js';

const SENTENCES = [
  '2023年全国规模以上工业增加值同比增长4.6%',
  '制造业增加值占国内生产总值比重保持基本稳定',
  '高技术制造业投资增长9.9%',
  '新能源汽车产量突破900万辆',
  '光伏组件产量连续多年位居全球首位',
  '5G基站总数达到337.7万个',
  '算力总规模位居全球第二',
  '数字经济核心产业增加值占GDP比重达到10%左右',
  '集成电路产业销售收入稳步增长',
  '工业互联网标识解析体系覆盖全部省份',
  '规模以上工业单位增加值能耗持续下降',
  '培育专精特新中小企业超过10万家',
  '人工智能核心产业规模接近6000亿元',
  '船舶工业三大造船指标全面增长',
  '锂电池出口额首次突破千亿元',
  '农业科技进步贡献率超过63%',
  '研发经费投入强度达到2.65%',
  '高新技术企业数量超过40万家',
  '外贸进出口总额保持稳定',
  '国家级先进制造业集群达到45个',
];
const items = SENTENCES.map((text, i) => ({ id: `chunk-${i}`, text }));

let tmp: string;
let embedder: TextEmbedder;
let vectors: number[][];
let built: VectorIndex;
let loaded: VectorIndex;

function dot(a: number[], b: number[]): number {
  return a.reduce((s, x, i) => s + x * b[i], 0);
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tiny-vector-'));
  const modelsDir = path.join(tmp, 'models');
  await writeTinyModel(modelsDir);
  const load = await loadEmbedder({ modelId: TINY_MODEL_ID, modelDir: modelsDir });
  if (!load.ok) throw new Error(load.reason);
  embedder = load.embedder;
  vectors = await embedder.embedDocuments(SENTENCES);
  built = await buildVectorIndex(items, embedder);
  await built.save(path.join(tmp, 'index'));
  loaded = await VectorIndex.load(path.join(tmp, 'index'), embedder);
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('VectorIndex', () => {
  it('holds one vector per item, before and after save/load', () => {
    expect(built.size).toBe(items.length);
    expect(loaded.size).toBe(items.length);
  });

  it('finds each indexed text first with cosine ≈ 1 after a save/load round trip', async () => {
    for (let i = 0; i < items.length; i += 1) {
      const hits = await loaded.search(vectors[i], 3);
      expect(hits).toHaveLength(3);
      expect(hits[0].id).toBe(items[i].id);
      expect(hits[0].score).toBeCloseTo(1, 4);
      expect(hits[1].score).toBeLessThan(hits[0].score);
    }
  });

  it('returns the same hits from the built and the loaded index', async () => {
    for (const v of vectors.slice(0, 5)) {
      expect(await loaded.search(v, 5)).toEqual(await built.search(v, 5));
    }
  });

  it('scores hits by cosine similarity, best first', async () => {
    const query = vectors[3];
    const hits = await loaded.search(query, 8);
    const byId = new Map(items.map((item, i) => [item.id, vectors[i]]));
    for (const hit of hits) {
      // The tiny model's vectors are unit length, so cosine is the dot product.
      expect(hit.score).toBeCloseTo(dot(query, byId.get(hit.id) ?? []), 4);
    }
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('matches an exact cosine ranking for real queries', async () => {
    for (const text of ['工业增加值增长', '人工智能与算力', '新能源汽车出口']) {
      const query = await embedder.embedQuery(text);
      const exact = items
        .map((item, i) => ({ id: item.id, score: dot(query, vectors[i]) }))
        .sort((x, y) => y.score - x.score)
        .slice(0, 5);
      const hits = await loaded.search(query, 5);
      expect(hits.map((h) => h.id)).toEqual(exact.map((h) => h.id));
      hits.forEach((h, i) => expect(h.score).toBeCloseTo(exact[i].score, 4));
    }
  });

  it('honours the filter', async () => {
    const excluded = await loaded.search(vectors[0], 5, (id) => id !== 'chunk-0');
    expect(excluded).toHaveLength(5);
    expect(excluded.map((h) => h.id)).not.toContain('chunk-0');

    const allowed = new Set(['chunk-7', 'chunk-12']);
    const only = await loaded.search(vectors[0], 5, (id) => allowed.has(id));
    expect(only.map((h) => h.id).sort()).toEqual(['chunk-12', 'chunk-7']);
    expect(only[0].score).toBeGreaterThanOrEqual(only[1].score);

    expect(await loaded.search(vectors[0], 5, () => false)).toEqual([]);
  });

  it('returns every admitted id under a very selective filter, even at efSearch 1', async () => {
    // Seeded pseudo-random unit vectors stand in for a corpus of thousands of chunks.
    let state = 7;
    const next = () => {
      state = (state * 16807) % 2147483647;
      return state / 2147483647 - 0.5;
    };
    const fake = new TextEmbedder({
      modelId: 'fake/random',
      dimensions: 16,
      batchSize: 512,
      embedBatch: async (texts) => texts.map(() => Array.from({ length: 16 }, next)),
    });
    const many = Array.from({ length: 3000 }, (_, i) => ({ id: `c${i}`, text: '' }));
    const index = await buildVectorIndex(many, fake, { efSearch: 1 });
    const allowed = new Set(['c17', 'c901', 'c1500', 'c2222', 'c2999']);
    const hits = await index.search(Array.from({ length: 16 }, next), 5, (id) => allowed.has(id));
    expect(new Set(hits.map((h) => h.id))).toEqual(allowed);
  });

  it('clamps k to the index size and returns nothing for k = 0', async () => {
    expect(await loaded.search(vectors[0], 100)).toHaveLength(items.length);
    expect(await loaded.search(vectors[0], 0)).toEqual([]);
  });

  it('rejects a query of the wrong dimension', async () => {
    await expect(loaded.search([1, 0, 0], 3)).rejects.toThrow(/dimensions/);
  });

  it('sets efSearch on the hnswlib index after build and load', async () => {
    expect(built.efSearch).toBe(DEFAULT_EF_SEARCH);
    expect(loaded.efSearch).toBe(DEFAULT_EF_SEARCH);
    const tuned = await VectorIndex.load(path.join(tmp, 'index'), embedder, { efSearch: 64 });
    expect(tuned.efSearch).toBe(64);
  });

  it('stores ids with the index and records the model it was built with', async () => {
    const manifest = JSON.parse(await readFile(path.join(tmp, 'index', 'vector-index.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ modelId: TINY_MODEL_ID, dimensions: embedder.dimensions, size: items.length });
    const docstore = await readFile(path.join(tmp, 'index', 'docstore.json'), 'utf8');
    expect(docstore).toContain('chunk-19');
  });

  it('refuses to load an index built with a different model', async () => {
    const other = new TextEmbedder({
      modelId: 'other/model',
      dimensions: embedder.dimensions,
      embedBatch: async (texts) => texts.map(() => new Array<number>(embedder.dimensions).fill(1)),
    });
    await expect(VectorIndex.load(path.join(tmp, 'index'), other)).rejects.toThrow(/rebuild/);
    await expect(VectorIndex.load(path.join(tmp, 'nowhere'), embedder)).rejects.toThrow(/no vector index/);
  });

  it('rejects duplicate ids', async () => {
    await expect(buildVectorIndex([items[0], items[0]], embedder)).rejects.toThrow(/duplicate id/);
  });

  it('builds, saves and loads an empty index', async () => {
    const empty = await buildVectorIndex([], embedder);
    expect(empty.size).toBe(0);
    expect(await empty.search(vectors[0], 5)).toEqual([]);
    await empty.save(path.join(tmp, 'empty'));
    const reloaded = await VectorIndex.load(path.join(tmp, 'empty'), embedder);
    expect(reloaded.size).toBe(0);
    expect(await reloaded.search(vectors[0], 5)).toEqual([]);
  });
});
