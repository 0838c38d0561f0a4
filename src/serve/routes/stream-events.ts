import { z } from 'zod';
import type { AskResponse } from '../../answer/answer.js';
import { askResponseSchema, errorSchema } from '../schemas.js';

/**
 * The events of `POST /ask` with `stream: true`, in the order they are sent. The engine is not
 * incremental: the whole AskResponse is computed first, then split so that a client can show
 * what was retrieved before it renders the answer. The schemas document each event's `data`.
 */
const fields = askResponseSchema.shape;

export const askStreamEventSchemas = {
  retrieval: z
    .object({ question: fields.question, retrieval: fields.retrieval })
    .meta({ id: 'AskStreamRetrieval', description: 'event `retrieval` (first): how the question was read and which passages were retrieved' }),
  answer: z
    .object({ status: fields.status, answer: fields.answer })
    .meta({ id: 'AskStreamAnswer', description: 'event `answer`: the answer text with [n] citation markers, and whether it was found' }),
  citations: z
    .object({ citations: fields.citations, indicators: fields.indicators, related: fields.related })
    .meta({ id: 'AskStreamCitations', description: 'event `citations`: the sources behind the [n] markers and the indicator rows used' }),
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

/** Splits a finished answer into the success events, in protocol order. */
export function askStreamEvents(response: AskResponse): AskStreamEvent[] {
  return [
    { event: 'retrieval', data: { question: response.question, retrieval: response.retrieval } },
    { event: 'answer', data: { status: response.status, answer: response.answer } },
    { event: 'citations', data: { citations: response.citations, indicators: response.indicators, related: response.related } },
    { event: 'done', data: { timingMs: response.timingMs } },
  ];
}
