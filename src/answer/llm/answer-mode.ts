import type { AskRequest } from '../ask-schema.js';
import type { AskResponse, LlmReport } from '../answer.js';
import { generateText } from './generate.js';
import { commitDraft, planLlmAnswer, type LlmContext } from './llm-answer.js';
import { streamLlmAnswer, type AskStreamEvent, type StreamOptions } from './stream.js';

const DISABLED: LlmReport = { status: 'disabled', reason: 'no LLM is configured (set LLM_BASE_URL and LLM_MODEL)' };

/**
 * Which composer answers. `mode: "extractive"` always wins. `mode: "llm"` uses the LLM when one is
 * configured and otherwise answers extractively, saying so. Without `mode`, a configured LLM is
 * used: configuring one is the operator's opt-in, and the guard keeps it from showing unsupported numbers.
 */
function llmFor(request: AskRequest, llm: LlmContext | undefined): LlmContext | undefined {
  return request.mode === 'extractive' ? undefined : llm;
}

function extractiveOnly(request: AskRequest, extractive: AskResponse): AskResponse {
  return request.mode === 'llm' ? { ...extractive, mode: 'extractive', llm: DISABLED } : { ...extractive, mode: 'extractive' };
}

/** POST /ask: the extractive answer, or a guarded LLM answer built on it. Never throws for LLM trouble. */
export async function answerInMode(
  request: AskRequest,
  extractive: AskResponse,
  llm: LlmContext | undefined,
  options: StreamOptions = {},
): Promise<AskResponse> {
  const context = llmFor(request, llm);
  if (!context) return extractiveOnly(request, extractive);
  const started = performance.now();
  const plan = planLlmAnswer(context, request, extractive);
  if (plan.kind === 'skip') return plan.response;
  const generation = await generateText(context.client, plan.messages, { ...context.settings, signal: options.signal });
  return commitDraft(context, { request, extractive, prepared: plan.prepared, generation, llmMs: performance.now() - started });
}

/** The streaming form of answerInMode: in extractive mode a single 'answer' event. */
export async function* streamInMode(
  request: AskRequest,
  extractive: AskResponse,
  llm: LlmContext | undefined,
  options: StreamOptions = {},
): AsyncGenerator<AskStreamEvent, void> {
  const context = llmFor(request, llm);
  if (!context) {
    yield { type: 'answer', response: extractiveOnly(request, extractive) };
    return;
  }
  yield* streamLlmAnswer(context, request, extractive, options);
}
