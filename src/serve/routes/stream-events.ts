import { z } from 'zod';
import type { AskResponse } from '../../answer/answer.js';
import type { AskStreamEvent as EngineStreamEvent } from '../../answer/llm/stream.js';
import { publicResponse } from '../redact.js';
import { askResponseSchema, errorSchema } from '../schemas.js';

/**
 * The events of `POST /ask` with `stream: true`, in the order they are sent:
 *
 *   extractive: retrieval, answer, citations, done
 *   LLM:        sources, token…, retrieval, answer, citations, done
 *
 * In LLM mode the `token` events are the model's draft as it is written, before the numeric
 * guard has seen it; they are shown so the wait feels short, and are provisional. The `answer` and
 * `citations` that follow are the committed response: the draft when the guard passed it, otherwise
 * the extractive answer with `guard`/`llm` saying why. A client replaces the token text with `answer`.
 * The schemas document each event's `data`.
 */
const fields = askResponseSchema.shape;

const guardSchema = z
  .object({ passed: z.boolean(), reasons: z.array(z.string()) })
  .meta({ description: 'the numeric-faithfulness check of the LLM draft; present whenever a draft was generated' });
const llmReportSchema = z
  .object({
    status: z.enum(['answered', 'rejected', 'unavailable', 'disabled', 'skipped']),
    model: z.string().optional(),
    reason: z.string().optional(),
    attempts: z.number().optional(),
  })
  .meta({ description: 'what happened with the LLM: answered (the draft is shown), rejected by the guard, unavailable, disabled, skipped' });

export const askStreamEventSchemas = {
  sources: z.object({ citations: fields.citations }).meta({
    id: 'AskStreamSources',
    description: 'event `sources` (LLM mode only, once, first): the numbered passages the draft\'s [n] markers refer to',
  }),
  token: z.object({ text: z.string() }).meta({
    id: 'AskStreamToken',
    description: 'event `token` (LLM mode only, any number): the next piece of the draft. Provisional: not yet checked by the guard, and replaced by the `answer` event',
  }),
  retrieval: z
    .object({ question: fields.question, retrieval: fields.retrieval })
    .meta({ id: 'AskStreamRetrieval', description: 'event `retrieval`: how the question was read and which passages were retrieved' }),
  answer: z
    .object({
      status: fields.status,
      answer: fields.answer,
      mode: z.enum(['extractive', 'llm']),
      guard: guardSchema.optional(),
      llm: llmReportSchema.optional(),
    })
    .meta({
      id: 'AskStreamAnswer',
      description:
        'event `answer`: the committed answer text with [n] citation markers, whether it was found, and which composer wrote it. ' +
        'In LLM mode it has passed the guard, or it is the extractive answer (mode "extractive", guard.passed false or llm.status saying why)',
    }),
  citations: z
    .object({ citations: fields.citations, indicators: fields.indicators, related: fields.related })
    .meta({ id: 'AskStreamCitations', description: 'event `citations`: the sources behind the committed answer\'s [n] markers and the indicator rows used' }),
  done: z
    .object({ timingMs: fields.timingMs })
    .meta({ id: 'AskStreamDone', description: 'event `done` (last on success): timings; the stream then closes' }),
  /** event `error`: replaces the remaining events when answering fails; the same shape as every HTTP error body. */
  error: errorSchema,
} as const;

export type AskStreamEventName = keyof typeof askStreamEventSchemas;

export interface AskStreamEvent {
  event: AskStreamEventName;
  data: unknown;
}

/** Splits a finished answer into the final events, in protocol order. */
export function askStreamEvents(response: AskResponse): AskStreamEvent[] {
  const shown = publicResponse(response);
  const { guard, llm } = shown;
  return [
    { event: 'retrieval', data: { question: shown.question, retrieval: shown.retrieval } },
    { event: 'answer', data: { status: shown.status, answer: shown.answer, mode: shown.mode ?? 'extractive', ...(guard ? { guard } : {}), ...(llm ? { llm } : {}) } },
    { event: 'citations', data: { citations: shown.citations, indicators: shown.indicators, related: shown.related } },
    { event: 'done', data: { timingMs: shown.timingMs } },
  ];
}

/** The SSE events for one event of engine.askStream. */
export function sseEventsOf(event: EngineStreamEvent): AskStreamEvent[] {
  switch (event.type) {
    case 'sources':
      return [{ event: 'sources', data: { citations: event.citations } }];
    case 'token':
      return [{ event: 'token', data: { text: event.text } }];
    case 'answer':
      return askStreamEvents(event.response);
  }
}
