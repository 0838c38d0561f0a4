import type { DocumentMeta, StoredDocument } from './documents/document.js';
import { Bm25Index } from './index/bm25.js';
import { DEFAULT_EMBEDDING_MODEL, loadEmbedder } from './index/embeddings.js';
import type { Manifest } from './index/manifest.js';
import type { IndexReader, IndexStore, StoreKind, VectorStorage } from './store/index-store.js';
import { indexStoreFor } from './store/open-store.js';
import { VectorIndex } from './index/vector-store.js';
import { IndicatorTable } from './indicators/indicator-table.js';
import { HybridRetriever } from './retrieve/hybrid-retriever.js';
import type { AskRequest } from './answer/ask-schema.js';
import type { AskResponse, RetrievalReport } from './answer/answer.js';
import { answerQuestion, spellOutCountyWords, type Corpus } from './answer/answer-question.js';
import { answerResolved, inConversation } from './answer/conversation/answer-in-conversation.js';
import { headlineFinder } from './answer/conversation/article-headline.js';
import { answerInMode, streamInMode } from './answer/llm/answer-mode.js';
import { createLlmContext, type LlmContext } from './answer/llm/llm-answer.js';
import type { LlmSettingsInput } from './answer/llm/llm-config.js';
import type { AskStreamEvent, StreamOptions } from './answer/llm/stream.js';

export interface EngineOptions {
  indexDir: string;
  /** DATABASE_URL (see src/store/open-store.ts); ignored when `store` is given. */
  databaseUrl?: string;
  /** The store to read; default: the one INDEX_DIR and DATABASE_URL name. */
  store?: IndexStore;
  modelDir?: string;
  embeddingModel?: string;
  allowModelDownload?: boolean;
  /** Called once when dense retrieval cannot be used, with the reason. */
  onKeywordOnly?: (reason: string) => void;
  /** An OpenAI-compatible endpoint for the LLM answer mode (llmSettingsFromConfig); absent = extractive only. */
  llm?: LlmSettingsInput;
}

export interface Engine {
  /** Extractive, or LLM when configured and not refused by `mode`; LLM trouble degrades to extractive, never throws. */
  ask(request: AskRequest, options?: StreamOptions): Promise<AskResponse>;
  /** The same answer as events: sources, provisional tokens, then the guarded final 'answer' (see answer/llm/stream.ts). */
  askStream(request: AskRequest, options?: StreamOptions): AsyncGenerator<AskStreamEvent, void>;
  /** The LLM answer mode's model, when one is configured. */
  readonly llm: { configured: boolean; model?: string };
  document(id: string): StoredDocument | undefined;
  documents(): DocumentMeta[];
  readonly indicators: IndicatorTable;
  readonly manifest: Manifest;
  readonly dense: RetrievalReport['dense'];
  /** Which store the index is read from, for /health; `vectors` for a store shared across servers. */
  readonly store: { kind: StoreKind; vectors?: VectorStorage };
  /** The store's generation this engine answers from (IndexStore.currentGeneration() names the newest). */
  readonly generation: string;
  close(): Promise<void>;
}

/**
 * Opens a built index: documents, indicator table, BM25 and, when possible, dense vectors. The JSON
 * store loads everything into the heap; a database store is read as questions need it.
 */
export async function openEngine(options: EngineOptions): Promise<Engine> {
  const store = options.store ?? indexStoreFor({ indexDir: options.indexDir, databaseUrl: options.databaseUrl });
  let reader: IndexReader;
  try {
    reader = await store.open();
  } finally {
    if (!options.store) await store.close();
  }
  try {
    return await engineOver(reader, store.kind, options);
  } catch (error) {
    reader.close();
    throw error;
  }
}

async function engineOver(reader: IndexReader, storeKind: StoreKind, options: EngineOptions): Promise<Engine> {
  const { manifest } = reader;
  const model = manifest.embedding.model ?? options.embeddingModel ?? DEFAULT_EMBEDDING_MODEL;
  let dense: RetrievalReport['dense'] = { active: false, model, reason: manifest.embedding.reason ?? 'index built without vectors' };
  let denseParts: ConstructorParameters<typeof HybridRetriever>[2];
  if (manifest.embedding.active) {
    const load = await loadEmbedder({ modelId: model, modelDir: options.modelDir, allowRemote: options.allowModelDownload });
    if (load.ok) {
      try {
        if (!reader.vectorsDir) throw new Error('the index records no vector folder');
        const index = await VectorIndex.load(reader.vectorsDir, load.embedder);
        denseParts = { index, embedder: load.embedder };
        dense = { active: true, model };
      } catch (error) {
        dense = { active: false, model, reason: `vector index unreadable: ${(error as Error).message}` };
      }
    } else {
      dense = { active: false, model, reason: load.reason };
    }
  }
  if (!dense.active) options.onKeywordOnly?.(dense.reason ?? 'no embedding model');

  const document = (id: string) => reader.document(id);
  const bm25 = new Bm25Index(reader.bm25);
  const table = new IndicatorTable(reader.indicators);
  const retriever = new HybridRetriever(reader.chunks, bm25, denseParts);
  const sectionRegions = new Set(reader.facts.sectionRegions);
  const mentionedRegions = new Set(reader.facts.mentionedRegions);
  const years = new Set(reader.facts.years);

  const writtenYears = new Map(reader.facts.writtenYears);
  const undatedRegions = new Set(reader.facts.undatedRegions ?? []);

  const corpus: Corpus = {
    table,
    retriever,
    bm25,
    document,
    sectionRegions,
    mentionedRegions,
    years,
    writtenYears,
    undatedRegions,
    unplaced: reader.facts.unplaced ?? [],
    zones: groupZones(reader.facts.zones ?? []),
    dense,
  };

  const spell = (text: string) => spellOutCountyWords(text, corpus);
  const headlineOf = headlineFinder((docId) => reader.sectionsOf(docId), (id) => document(id)?.text);
  const llm: LlmContext | undefined = options.llm ? createLlmContext(options.llm, { document }) : undefined;

  return {
    ask: async (asked, askOptions) => {
      const { request, response: extractive, resolution } = await answerResolved(asked, (r) => answerQuestion(r, corpus), new Date(), spell);
      // "出自哪份报告" asks about the sources, so no LLM writes that answer.
      const response = resolution.asksSource ? extractive : await answerInMode(request, extractive, llm, askOptions);
      return inConversation(response, resolution, headlineOf);
    },
    askStream: async function* (asked, askOptions) {
      const { request, response: extractive, resolution } = await answerResolved(asked, (r) => answerQuestion(r, corpus), new Date(), spell);
      if (resolution.asksSource) {
        yield { type: 'answer', response: inConversation(extractive, resolution, headlineOf) };
        return;
      }
      for await (const event of streamInMode(request, extractive, llm, askOptions)) {
        yield event.type === 'answer' ? { type: 'answer', response: inConversation(event.response, resolution) } : event;
      }
    },
    llm: { configured: llm !== undefined, model: llm?.settings.model },
    document,
    documents: () => reader.documentList(),
    indicators: table,
    manifest,
    dense,
    store: { kind: storeKind, ...(reader.vectors ? { vectors: reader.vectors } : {}) },
    generation: reader.generation,
    close: async () => reader.close(),
  };
}

/** Zone → the documents about it. */
function groupZones(zones: ReadonlyArray<readonly [string, string]>): Map<string, string[]> {
  const byZone = new Map<string, string[]>();
  for (const [zone, docId] of zones) byZone.set(zone, [...(byZone.get(zone) ?? []), docId]);
  return byZone;
}
