import type { Chunk } from '../documents/document.js';
import type { Bm25Index } from '../index/bm25.js';
import type { TextEmbedder } from '../index/embeddings.js';
import type { VectorIndex } from '../index/vector-store.js';
import type { RetrieverName } from '../answer/answer.js';
import { memoryChunkSource, type ChunkSource } from './chunk-source.js';
import { reciprocalRankFusion, type RankedId } from './fusion.js';

export interface RetrievalFilters {
  regions?: string[];
  year?: number;
  docIds?: string[];
}

export interface RetrievedChunk {
  chunk: Chunk;
  score: number;
}

export interface RetrievalOutcome {
  chunks: RetrievedChunk[];
  retrievers: RetrieverName[];
}

const CANDIDATES = 30;

export function chunkPasses(chunk: Chunk, filters: RetrievalFilters): boolean {
  if (filters.regions?.length && !filters.regions.includes(chunk.region)) return false;
  if (filters.docIds?.length && !filters.docIds.includes(chunk.docId)) return false;
  if (filters.year !== undefined && chunk.year !== filters.year && !chunk.text.includes(`${filters.year}年`)) return false;
  return true;
}

/** BM25 ⊕ dense (when a model is loaded) ⊕ extra ranked lists, fused by reciprocal rank, with filters applied inside each retriever. */
export class HybridRetriever {
  private readonly chunks: ChunkSource;

  constructor(
    chunks: Chunk[] | ChunkSource,
    private readonly bm25: Bm25Index,
    private readonly dense?: { index: VectorIndex; embedder: TextEmbedder },
  ) {
    this.chunks = Array.isArray(chunks) ? memoryChunkSource(chunks) : chunks;
  }

  get denseActive(): boolean {
    return Boolean(this.dense);
  }

  chunk(id: string): Chunk | undefined {
    return this.chunks.chunk(id);
  }

  /** The chunk after this one in the same document. */
  nextChunk(chunk: Chunk): Chunk | undefined {
    const next = this.chunks.chunk(`${chunk.docId}#${Number(chunk.id.split('#').pop()) + 1}`);
    return next?.docId === chunk.docId ? next : undefined;
  }

  /** The chunk holding a given offset of a document. */
  chunkAt(docId: string, offset: number): Chunk | undefined {
    return this.chunks.chunkAt(docId, offset);
  }

  async retrieve(query: string, topK: number, filters: RetrievalFilters, extra: RankedId[][] = []): Promise<RetrievalOutcome> {
    const passes = this.chunks.passes?.bind(this.chunks);
    const accept = (id: string) => {
      if (passes) return passes(id, filters);
      const chunk = this.chunks.chunk(id);
      return chunk !== undefined && chunkPasses(chunk, filters);
    };
    const lists: RankedId[][] = [this.bm25.search(query, CANDIDATES, accept)];
    const retrievers: RetrieverName[] = ['bm25'];
    if (this.dense) {
      const vector = await this.dense.embedder.embedQuery(query);
      lists.push(await this.dense.index.search(vector, CANDIDATES, accept));
      retrievers.push('dense');
    }
    const extraLists = extra.map((list) => list.filter((item) => accept(item.id))).filter((list) => list.length);
    if (extraLists.length) retrievers.unshift('indicators');
    const fused = reciprocalRankFusion([...extraLists, ...lists]).slice(0, topK);
    return {
      chunks: fused.flatMap((item) => {
        const chunk = this.chunks.chunk(item.id);
        return chunk ? [{ chunk, score: item.score }] : [];
      }),
      retrievers,
    };
  }
}
