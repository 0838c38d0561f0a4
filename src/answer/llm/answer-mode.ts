import type { AskRequest } from '../ask-schema.js';
import type { AskResponse, LlmReport } from '../answer.js';
import { generateText } from './generate.js';
import { commitDraft, extractiveWith, planLlmAnswer, type LlmContext } from './llm-answer.js';
import { streamLlmAnswer, type AskStreamEvent, type StreamOptions } from './stream.js';

const DISABLED: LlmReport = { status: 'disabled', reason: 'no LLM is configured (set LLM_BASE_URL and LLM_MODEL)' };

/**
 * Which composer answers. `mode: "extractive"` always wins. `mode: "llm"` uses the LLM when one is
 * configured and otherwise answers extractively, saying so. Without `mode`, a configured LLM is
 * used: configuring one is the operator's opt-in, and the guard keeps it from showing unsupported numbers.
 */
export function useLlm(request: AskRequest, llm: LlmContext | undefined): boolean {
  return request.mode !== 'extractive' && llm !== undefined;
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
  if (!llm || !useLlm(request, llm)) return extractiveOnly(request, extractive);
  const started = performance.now();
  const plan = planLlmAnswer(llm, request, extractive);
  if (plan.kind === 'skip') return plan.response;
  const result = await generateText(llm.client, plan.messages, { ...llm.settings, signal: options.signal });
  const ms = performance.now() - started;
  if (!result.ok) {
    return extractiveWith(extractive, { status: 'unavailable', model: llm.client.model, reason: result.reason, attempts: result.attempts }, ms);
  }
  return commitDraft(llm, request, extractive, plan.prepared, result.text, result.attempts, ms);
}

/** The streaming form of answerInMode: in extractive mode a single 'answer' event. */
export async function* streamInMode(
  request: AskRequest,
  extractive: AskResponse,
  llm: LlmContext | undefined,
  options: StreamOptions = {},
): AsyncGenerator<AskStreamEvent, void> {
  if (!llm || !useLlm(request, llm)) {
    yield { type: 'answer', response: extractiveOnly(request, extractive) };
    return;
  }
  yield* streamLlmAnswer(llm, request, extractive, options);
}
