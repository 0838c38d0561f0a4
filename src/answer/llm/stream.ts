import type { AskRequest, Citation } from '../ask-schema.js';
import type { AskResponse } from '../answer.js';
import { ThinkFilter } from './draft.js';
import { streamText, type Generation } from './generate.js';
import { commitDraft, planLlmAnswer, type LlmContext } from './llm-answer.js';

/**
 * Events of a streamed answer, in order:
 * - sources (LLM mode only, at most once): the numbered passages the draft's [n] markers refer to.
 * - token (LLM mode only, any number): a piece of the draft. Provisional: not yet guarded.
 * - answer (always, exactly once, last): the committed response. When the guard rejected the draft
 *   or the endpoint failed, this is the extractive answer, and the provisional text must be replaced.
 */
export type AskStreamEvent =
  | { type: 'sources'; citations: Citation[] }
  | { type: 'token'; text: string }
  | { type: 'answer'; response: AskResponse };

export interface StreamOptions {
  /** Abort when the client disconnects; the LLM request is cancelled. */
  signal?: AbortSignal;
}

const CANCELLED: Generation = { ok: false, reason: 'cancelled', attempts: 0 };

/** Streams an LLM answer for a question whose extractive answer is already known; guards before the final event. */
export async function* streamLlmAnswer(
  context: LlmContext,
  request: AskRequest,
  extractive: AskResponse,
  options: StreamOptions = {},
): AsyncGenerator<AskStreamEvent, void> {
  const started = performance.now();
  const plan = planLlmAnswer(context, request, extractive);
  if (plan.kind === 'skip') {
    yield { type: 'answer', response: plan.response };
    return;
  }
  yield { type: 'sources', citations: plan.prepared.citations };

  const { settings } = context;
  const generation = streamText(context.client, plan.messages, { ...settings, signal: options.signal });
  const filter = new ThinkFilter();
  let result: Generation;
  try {
    for (;;) {
      const next = await generation.next();
      if (next.done) {
        result = next.value;
        break;
      }
      const text = filter.push(next.value);
      if (text) yield { type: 'token', text };
    }
  } finally {
    // Runs when the consumer stops early: ends streamText, which cancels the HTTP request.
    await generation.return(CANCELLED);
  }

  const llmMs = performance.now() - started;
  yield { type: 'answer', response: commitDraft(context, { request, extractive, prepared: plan.prepared, generation: result, llmMs }) };
}
