import type { AskRequest } from '../ask-schema.js';
import type { AskResponse, LlmReport } from '../answer.js';
import type { DocumentText } from '../citations.js';
import { createChatClient, type ChatClient } from './chat-client.js';
import { reasonToSkip } from './consult.js';
import { readDraft } from './draft.js';
import type { Generation } from './generate.js';
import { checkDraft } from './guard/guard.js';
import { llmSettingsSchema, type LlmSettings, type LlmSettingsInput } from './llm-config.js';
import { preparePassages, type PreparedPassages } from './passages.js';
import { buildMessages, type ChatMessage } from './prompt.js';

export interface LlmContextDeps {
  /** The served documents, for quoting retrieved chunks as extra citations. */
  document: (id: string) => DocumentText | undefined;
  /** Defaults to a chat-completions client for settings.baseURL. */
  client?: ChatClient;
}

/** Everything one LLM answer needs, or the reason no LLM answer is attempted. */
export type Plan =
  | { kind: 'skip'; response: AskResponse }
  | { kind: 'generate'; prepared: PreparedPassages; messages: ChatMessage[] };

export interface LlmContext {
  settings: LlmSettings;
  client: ChatClient;
  document: (id: string) => DocumentText | undefined;
}

export function createLlmContext(settings: LlmSettingsInput, deps: LlmContextDeps): LlmContext {
  const parsed = llmSettingsSchema.parse(settings);
  return { settings: parsed, client: deps.client ?? createChatClient(parsed), document: deps.document };
}

function withTiming(response: AskResponse, llmMs: number): AskResponse {
  const llm = Math.round(llmMs * 100) / 100;
  const total = Math.round(((response.timingMs.total ?? 0) + llm) * 100) / 100;
  return { ...response, timingMs: { ...response.timingMs, llm, total } };
}

/** The extractive answer, reporting what happened to the LLM step. */
export function extractiveWith(extractive: AskResponse, llm: LlmReport, llmMs = 0, guard?: AskResponse['guard']): AskResponse {
  return withTiming({ ...extractive, mode: 'extractive', llm, ...(guard ? { guard } : {}) }, llmMs);
}

export function planLlmAnswer(context: LlmContext, request: AskRequest, extractive: AskResponse): Plan {
  const prepared = preparePassages(extractive, context.document);
  const skip = reasonToSkip(extractive, prepared.passages);
  if (skip) return { kind: 'skip', response: extractiveWith(extractive, { status: 'skipped', model: context.client.model, reason: skip }) };
  return { kind: 'generate', prepared, messages: buildMessages(request.question, extractive, prepared.passages) };
}

/**
 * Turns a finished generation into the response: the draft when the guard passes, otherwise the
 * extractive answer with the guard's reasons (or the endpoint's failure). This is the only way an
 * LLM answer is committed.
 */
export interface FinishedGeneration {
  request: AskRequest;
  extractive: AskResponse;
  prepared: PreparedPassages;
  generation: Generation;
  /** Time spent on the LLM step, for timingMs.llm. */
  llmMs: number;
}

export function commitDraft(context: LlmContext, finished: FinishedGeneration): AskResponse {
  const { request, extractive, prepared, generation, llmMs } = finished;
  const model = context.client.model;
  const { attempts } = generation;
  if (!generation.ok) return extractiveWith(extractive, { status: 'unavailable', model, reason: generation.reason, attempts }, llmMs);
  const reply = generation.text;
  const draft = readDraft(reply);
  const guard = checkDraft({
    text: draft.text,
    saysNotFound: draft.saysNotFound,
    citations: prepared.citations,
    indicators: extractive.indicators,
    required: extractive.status === 'answered' ? extractive.indicators : [],
    question: request.question,
    reference: extractive.status === 'answered' ? extractive.answer : undefined,
  });
  if (!guard.passed) {
    return extractiveWith(extractive, { status: 'rejected', model, attempts, reason: 'the faithfulness guard rejected the draft' }, llmMs, guard);
  }
  return withTiming(
    {
      ...extractive,
      status: draft.saysNotFound ? 'not_found' : 'answered',
      answer: draft.text,
      citations: prepared.citations,
      mode: 'llm',
      guard,
      llm: { status: 'answered', model, attempts },
    },
    llmMs,
  );
}
