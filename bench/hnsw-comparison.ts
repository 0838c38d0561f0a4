import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import type { Chunk } from '../src/documents/document.js';
import { loadEmbedder, TextEmbedder } from '../src/index/embeddings.js';
import { buildVectorIndex, DEFAULT_EF_SEARCH, type VectorIndex } from '../src/index/vector-store.js';
import { TINY_MODEL_ID, writeTinyModel } from '../tests/fixtures/tiny-model.js';
import { ExactSearch } from './exact-search.js';
import { summarize, type LatencySummary } from './percentiles.js';
import { randomUnitVectors } from './random-vectors.js';
import { seededRandom, shuffled } from './seeded-random.js';

// hnswlib-node is CommonJS: named imports do not resolve under Node's ESM loader.
const { BruteforceSearch } = hnswlib;

export type VectorSourceChoice = 'auto' | 'tiny' | 'random' | 'both';

export const DIMENSIONS = 512; // bge-small-zh-v1.5, the model the product ships for
const K = 10;
// What HybridRetriever asks the vector index for on every /ask.
const RETRIEVAL_CANDIDATES = 30;
const SENTENCE_QUERIES = 150;
const WARMUP_QUERIES = 20;
const EF_SWEEP = [16, 32, 64, 128, 256, 512];
// The tiny model embeds every chunk only if that fits this budget; otherwise random vectors stand in.
const EMBED_BUDGET_MS = 180_000;
const EMBED_PROBE = 256;
// Scores closer than this are the same neighbour for recall purposes (float32 rounding).
const TIE_EPSILON = 1e-5;

export interface EfPoint {
  ef: number;
  recallAt10: number;
  recallAt10ById: number;
  meanMs: number;
}

export interface HnswRun {
  source: 'tiny-model' | 'random';
  description: string;
  vectors: number;
  dimensions: number;
  /** Tiny model only: time to embed every chunk text. */
  embedMs?: number;
  buildMs: number;
  queries: number;
  efSearch: number;
  /** VectorIndex.search (LangChain HNSWLib wrapper, k = 10) at the shipped ef. */
  hnsw: LatencySummary;
  /** The call /ask makes: k = 30 with an id filter callback. */
  hnswAsRetrieved: LatencySummary;
  /** Exact scan in JavaScript over a Float32Array. */
  exactJs: LatencySummary;
  /** hnswlib's native BruteforceSearch (exact, C++). */
  exactNative: LatencySummary;
  /** A hit counts when its true score reaches the 10th exact score (ties are interchangeable). */
  recallAt10: number;
  /** Strict: the same ids as the exact top 10. */
  recallAt10ById: number;
  speedupVsExactJs: number;
  speedupVsExactNative: number;
  efSweep: EfPoint[];
}

export interface HnswComparison {
  chunks: number;
  choice: VectorSourceChoice;
  /** Why the vectors are what they are (tiny model fast enough or not). */
  note: string;
  runs: HnswRun[];
}

interface VectorSet {
  source: HnswRun['source'];
  description: string;
  vectors: number[][];
  queries: number[][];
  embedMs?: number;
}

function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / (xs.length || 1);
}

/** An embedder that hands back vectors computed earlier, so VectorIndex.build indexes exactly those. */
function replayEmbedder(vectors: number[][]): TextEmbedder {
  let cursor = 0;
  return new TextEmbedder({
    modelId: 'bench/precomputed',
    dimensions: vectors[0]?.length ?? DIMENSIONS,
    batchSize: 1024,
    embedBatch: async (texts) => {
      const out = vectors.slice(cursor, cursor + texts.length);
      cursor += texts.length;
      return out;
    },
  });
}

function sentenceSample(chunks: Chunk[], seed: number): string[] {
  const sentences = chunks.flatMap((c) => c.sentences.map((s) => s.text)).filter((t) => t.length >= 12);
  return shuffled(seededRandom(seed), sentences).slice(0, SENTENCE_QUERIES);
}

async function tinyModelVectors(chunks: Chunk[], questions: string[], seed: number, choice: VectorSourceChoice): Promise<VectorSet | string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-tiny-'));
  try {
    await writeTinyModel(dir, { hiddenSize: DIMENSIONS });
    const load = await loadEmbedder({ modelId: TINY_MODEL_ID, modelDir: dir, batchSize: 32 });
    if (!load.ok) return `tiny model did not load: ${load.reason}`;
    const texts = chunks.map((c) => c.text);
    const probeStarted = performance.now();
    const probe = await load.embedder.embedDocuments(texts.slice(0, EMBED_PROBE));
    const probeMs = performance.now() - probeStarted;
    const projectedMs = (probeMs / Math.max(1, probe.length)) * texts.length;
    if (choice === 'auto' && projectedMs > EMBED_BUDGET_MS) {
      return `tiny model would take ~${Math.round(projectedMs / 1000)} s to embed ${texts.length} chunks (budget ${EMBED_BUDGET_MS / 1000} s)`;
    }
    const started = performance.now();
    const rest = await load.embedder.embedDocuments(texts.slice(EMBED_PROBE));
    const embedMs = performance.now() - started + probeMs;
    const queryTexts = [...questions, ...sentenceSample(chunks, seed)];
    const queries: number[][] = [];
    for (const q of queryTexts) queries.push(await load.embedder.embedQuery(q));
    return {
      source: 'tiny-model',
      description: `tiny generated ONNX model (tests/fixtures/tiny-model.ts, ${DIMENSIONS}-dim) over the chunk texts; ${questions.length} questions + ${queryTexts.length - questions.length} chunk sentences as queries. Not semantically meaningful: used for speed and recall only`,
      vectors: [...probe, ...rest],
      queries,
      embedMs,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function randomVectors(count: number, seed: number): VectorSet {
  const random = seededRandom(seed ^ 0x5eed);
  const queries = 200;
  return {
    source: 'random',
    description: `seeded random unit vectors, ${DIMENSIONS}-dim (isotropic: no cluster structure, the hardest case for HNSW); ${queries} random queries`,
    vectors: randomUnitVectors(random, count, DIMENSIONS),
    queries: randomUnitVectors(random, queries, DIMENSIONS),
  };
}

async function timed<T>(task: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await task();
  return { value, ms: performance.now() - started };
}

function recall(found: string[], exact: Array<{ index: number; score: number }>, scoreOf: (id: string) => number): { byScore: number; byId: number } {
  const exactIds = new Set(exact.map((e) => `v${e.index}`));
  const threshold = exact[exact.length - 1].score - TIE_EPSILON;
  const distinct = [...new Set(found)];
  return {
    byScore: distinct.filter((id) => scoreOf(id) >= threshold).length / exact.length,
    byId: distinct.filter((id) => exactIds.has(id)).length / exact.length,
  };
}

async function compare(set: VectorSet): Promise<HnswRun> {
  const ids = set.vectors.map((_, i) => ({ id: `v${i}`, text: '' }));
  const built = await timed(() => buildVectorIndex(ids, replayEmbedder(set.vectors)));
  const index: VectorIndex = built.value;
  const exact = new ExactSearch(set.vectors, DIMENSIONS);
  const native = new BruteforceSearch('cosine', DIMENSIONS);
  native.initIndex(set.vectors.length);
  set.vectors.forEach((v, i) => native.addPoint(v, i));

  // Untimed passes first: V8 compiles the scan loop, and hnswlib's pages are touched, before any sample counts.
  for (const q of set.queries.slice(0, WARMUP_QUERIES)) {
    exact.search(q, K);
    native.searchKnn(q, K);
  }
  for (const q of set.queries) await index.search(q, K);

  const truth: Array<Array<{ index: number; score: number }>> = [];
  const exactJsMs: number[] = [];
  const exactNativeMs: number[] = [];
  for (const q of set.queries) {
    const js = await timed(() => exact.search(q, K));
    truth.push(js.value);
    exactJsMs.push(js.ms);
    exactNativeMs.push((await timed(() => native.searchKnn(q, K))).ms);
  }

  const scoreOf = (q: number) => {
    const query = Float32Array.from(set.queries[q]);
    return (id: string) => exact.score(query, Number(id.slice(1)));
  };
  const sweep: EfPoint[] = [];
  let shipped: { ms: number[]; byScore: number; byId: number } | undefined;
  for (const ef of [...new Set([...EF_SWEEP, DEFAULT_EF_SEARCH])].sort((a, b) => a - b)) {
    index.setEfSearch(ef);
    const ms: number[] = [];
    const byScore: number[] = [];
    const byId: number[] = [];
    for (let q = 0; q < set.queries.length; q++) {
      const hits = await timed(() => index.search(set.queries[q], K));
      ms.push(hits.ms);
      const r = recall(hits.value.map((h) => h.id), truth[q], scoreOf(q));
      byScore.push(r.byScore);
      byId.push(r.byId);
    }
    sweep.push({ ef, recallAt10: mean(byScore), recallAt10ById: mean(byId), meanMs: mean(ms) });
    if (ef === DEFAULT_EF_SEARCH) shipped = { ms, byScore: mean(byScore), byId: mean(byId) };
  }
  index.setEfSearch(DEFAULT_EF_SEARCH);
  const admitted = new Set(ids.map((i) => i.id));
  const asRetrieved: number[] = [];
  for (const q of set.queries) asRetrieved.push((await timed(() => index.search(q, RETRIEVAL_CANDIDATES, (id) => admitted.has(id)))).ms);

  if (!shipped) throw new Error('the shipped ef was not measured');
  const hnsw = summarize(shipped.ms);
  const exactJs = summarize(exactJsMs);
  const exactNative = summarize(exactNativeMs);
  return {
    source: set.source,
    description: set.description,
    vectors: set.vectors.length,
    dimensions: DIMENSIONS,
    embedMs: set.embedMs,
    buildMs: built.ms,
    queries: set.queries.length,
    efSearch: DEFAULT_EF_SEARCH,
    hnsw,
    hnswAsRetrieved: summarize(asRetrieved),
    exactJs,
    exactNative,
    recallAt10: shipped.byScore,
    recallAt10ById: shipped.byId,
    speedupVsExactJs: exactJs.mean / hnsw.mean,
    speedupVsExactNative: exactNative.mean / hnsw.mean,
    efSweep: sweep,
  };
}

/**
 * HNSW (as shipped: VectorIndex over LangChain's HNSWLib, DEFAULT_EF_SEARCH) against exact search
 * over the same vectors, at the chunk count of the largest corpus.
 */
export async function compareHnsw(options: { chunksFile: string; questions: string[]; vectors: VectorSourceChoice; seed: number }): Promise<HnswComparison> {
  const chunks = JSON.parse(await readFile(options.chunksFile, 'utf8')) as Chunk[];
  const runs: HnswRun[] = [];
  let note = '';
  if (options.vectors !== 'random') {
    const tiny = await tinyModelVectors(chunks, options.questions, options.seed, options.vectors);
    if (typeof tiny === 'string') note = `${tiny}; using random vectors instead`;
    else {
      note = `tiny model embedded ${chunks.length} chunks in ${Math.round((tiny.embedMs ?? 0) / 1000)} s`;
      runs.push(await compare(tiny));
    }
  }
  if (options.vectors === 'random' || options.vectors === 'both' || runs.length === 0) {
    runs.push(await compare(randomVectors(chunks.length, options.seed)));
  }
  return { chunks: chunks.length, choice: options.vectors, note, runs };
}
