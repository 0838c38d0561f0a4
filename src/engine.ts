import { join, resolve } from 'node:path';
import type { DocumentMeta, StoredDocument } from './documents/document.js';
import { findRegionMentions, regionInfo } from './domain/regions.js';
import { AppError } from './errors.js';
import { Bm25Index } from './index/bm25.js';
import { DEFAULT_EMBEDDING_MODEL, loadEmbedder } from './index/embeddings.js';
import { FILES, readManifest, readPayload } from './index/index-files.js';
import type { Manifest } from './index/manifest.js';
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
  close(): Promise<void>;
}

/** Loads a built index into memory: documents, indicator table, BM25 and, when possible, dense vectors. */
export async function openEngine(options: EngineOptions): Promise<Engine> {
  const indexDir = resolve(options.indexDir);
  const manifest = await readManifest(indexDir);
  if (!manifest) throw new AppError('index_unavailable', 503, `no valid index in ${indexDir}: run npm run ingest`);
  const payload = await readPayload(indexDir, manifest);

  const model = manifest.embedding.model ?? options.embeddingModel ?? DEFAULT_EMBEDDING_MODEL;
  let dense: RetrievalReport['dense'] = { active: false, model, reason: manifest.embedding.reason ?? 'index built without vectors' };
  let denseParts: ConstructorParameters<typeof HybridRetriever>[2];
  if (manifest.embedding.active) {
    const load = await loadEmbedder({ modelId: model, modelDir: options.modelDir, allowRemote: options.allowModelDownload });
    if (load.ok) {
      try {
        const index = await VectorIndex.load(join(indexDir, FILES.vectors), load.embedder);
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

  const documents = new Map(payload.documents.map((d) => [d.id, d]));
  const bm25 = new Bm25Index(payload.bm25);
  const table = new IndicatorTable(payload.indicators);
  const retriever = new HybridRetriever(payload.chunks, bm25, denseParts);
  const sectionRegions = new Set(payload.sections.map((s) => s.region).filter(Boolean));
  const mentionedRegions = new Set(sectionRegions);
  for (const doc of payload.documents) {
    const mentions = findRegionMentions(doc.text, { counties: true });
    const named = new Set(mentions.filter((m) => !m.weak).map((m) => m.name));
    // A bare county name (正定, 海宁) counts where the document names its city or province too; 新建 alone is a verb.
    for (const m of mentions) {
      const info = m.weak ? regionInfo(m.name) : undefined;
      if (!m.weak || (info && ((info.city && named.has(info.city)) || (info.province && named.has(info.province))))) mentionedRegions.add(m.name);
    }
  }
  for (const row of payload.indicators) mentionedRegions.add(row.region);
  // Years the reports speak of: sections, rows, and every 20xx年 in the text ("部署2026年八项重点工作").
  const years = new Set([...payload.sections.map((s) => s.year), ...payload.indicators.map((r) => r.year)]);
  for (const doc of payload.documents) for (const m of doc.text.matchAll(/(20\d{2})年/g)) years.add(Number(m[1]));

  const writtenYears = new Map<string, number>();
  for (const s of payload.sections) {
    const year = Number(s.written?.slice(0, 4));
    if (s.region && year > (writtenYears.get(s.region) ?? 0)) writtenYears.set(s.region, year);
  }

  const corpus: Corpus = {
    table,
    retriever,
    bm25,
    document: (id) => documents.get(id),
    sectionRegions,
    mentionedRegions,
    years,
    writtenYears,
    dense,
  };

  const spell = (text: string) => spellOutCountyWords(text, sectionRegions);
  const headlineOf = headlineFinder(payload.sections, (id) => documents.get(id)?.text);
  const llm: LlmContext | undefined = options.llm ? createLlmContext(options.llm, { document: (id) => documents.get(id) }) : undefined;

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
    document: (id) => documents.get(id),
    // The list leaves out each document's text and its structure (pages, headings, table cells): both can be large.
    documents: () => payload.documents.map(({ text: _text, structure: _structure, ...meta }) => meta),
    indicators: table,
    manifest,
    dense,
    close: async () => {},
  };
}
