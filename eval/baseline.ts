import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { Bm25Index } from './bm25.js';
import type { ScorableResponse, ScorableSpan } from './score.js';
import type { EvalTarget } from './target.js';

/**
 * The pipeline a user of the design card would build first: LangChain's recursive splitter over
 * the raw seed texts, one retriever, and the top chunk returned verbatim as the answer. It never
 * refuses. Its numbers are the bar the real pipeline has to clear.
 */

export const BASELINE_CHUNK_SIZE = 500;
export const BASELINE_CHUNK_OVERLAP = 50;
const RETRIEVED = 5;

export interface BaselineOptions {
  seedsDir: string;
  /** Dense retrieval with these embeddings; BM25 over jieba tokens when absent. */
  embeddings?: EmbeddingsInterface;
  /** Why there are no embeddings, for the report. */
  embeddingsUnavailable?: string;
}

export interface BaselineChunk extends ScorableSpan {
  text: string;
}

export interface BaselineResponse extends ScorableResponse {
  citations: (BaselineChunk & { n: number; quote: string; score: number })[];
  retrieval: { retrievers: string[]; chunks: (BaselineChunk & { score: number })[] };
}

/** Splits one document and recovers each chunk's offsets (the splitter returns bare strings). */
export async function chunkDocument(docId: string, text: string): Promise<BaselineChunk[]> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: BASELINE_CHUNK_SIZE, chunkOverlap: BASELINE_CHUNK_OVERLAP });
  const chunks: BaselineChunk[] = [];
  let cursor = 0;
  for (const chunkText of await splitter.splitText(text)) {
    // Chunks come in document order and overlap, so the next one starts after the previous start.
    const start = text.indexOf(chunkText, cursor);
    if (start === -1) throw new Error(`baseline chunk of ${docId} is not a substring of the document`);
    chunks.push({ docId, start, end: start + chunkText.length, text: chunkText });
    cursor = start + 1;
  }
  return chunks;
}

function cosine(a: number[], b: number[]): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i] * b[i];
    normA += a[i] * a[i];
    normB += b[i] * b[i];
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

type Ranker = (question: string) => Promise<{ index: number; score: number }[]>;

async function denseRanker(chunks: BaselineChunk[], embeddings: EmbeddingsInterface): Promise<Ranker> {
  const vectors = await embeddings.embedDocuments(chunks.map((chunk) => chunk.text));
  return async (question) => {
    const query = await embeddings.embedQuery(question);
    return vectors
      .map((vector, index) => ({ index, score: cosine(query, vector) }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, RETRIEVED);
  };
}

function bm25Ranker(chunks: BaselineChunk[]): Ranker {
  const index = new Bm25Index(chunks.map((chunk) => chunk.text));
  return async (question) => index.search(question, RETRIEVED);
}

function describeBaseline(chunkCount: number, options: BaselineOptions): string {
  const retrieval = options.embeddings
    ? 'dense retrieval'
    : `BM25 over jieba tokens${options.embeddingsUnavailable ? ` (no embeddings: ${options.embeddingsUnavailable})` : ''}`;
  return `LangChain RecursiveCharacterTextSplitter ${BASELINE_CHUNK_SIZE}/${BASELINE_CHUNK_OVERLAP} (${chunkCount} chunks), ${retrieval}, top-1 chunk verbatim`;
}

export async function openBaseline(options: BaselineOptions): Promise<EvalTarget> {
  const files = (await readdir(options.seedsDir)).filter((file) => file.endsWith('.txt')).sort();
  const texts = new Map<string, string>();
  const chunks: BaselineChunk[] = [];
  for (const file of files) {
    const text = await readFile(path.join(options.seedsDir, file), 'utf8');
    texts.set(file, text);
    chunks.push(...(await chunkDocument(file, text)));
  }
  const retriever = options.embeddings ? 'dense' : 'bm25';
  const rank = options.embeddings ? await denseRanker(chunks, options.embeddings) : bm25Ranker(chunks);

  return {
    async ask(question: string, history: string[] = []): Promise<BaselineResponse> {
      // A plain chat pipeline's memory: the previous user turn is prepended to the query.
      const query = [...history.slice(-1), question].join(' ');
      const hits = (await rank(query)).map((hit) => ({ ...chunks[hit.index], score: hit.score }));
      const top = hits[0];
      return {
        status: 'answered',
        answer: top?.text ?? '',
        citations: top ? [{ ...top, n: 1, quote: top.text }] : [],
        retrieval: { retrievers: [retriever], chunks: hits },
      };
    },
    documentText: (docId) => texts.get(docId) ?? texts.get(`${docId}.txt`),
    describe: () => describeBaseline(chunks.length, options),
    close: async () => undefined,
  };
}
