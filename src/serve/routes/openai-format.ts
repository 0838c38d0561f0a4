import { randomUUID } from 'node:crypto';
import type { AskResponse } from '../../answer/answer.js';
import { MAX_QUESTION_LENGTH } from '../../answer/ask-schema.js';
import { CONTEXT_TURNS } from '../../answer/conversation/conversation.js';
import { AppError } from '../../errors.js';
import type { ChatCompletion, ChatCompletionChunk, ChatMessage } from './openai-schemas.js';

function textOf(message: ChatMessage): string {
  const content = message.content ?? '';
  return (typeof content === 'string' ? content : content.map((part) => (part.type === 'text' ? part.text ?? '' : '')).join('')).trim();
}

/**
 * The question is the last user message; the user messages before it are the conversation it may
 * follow up on (stateless, as OpenAI clients resend the history). Assistant, system and tool messages
 * are not read, so answers written by another tool do no harm.
 */
export function conversationOf(messages: ChatMessage[]): { question: string; history: string[] } {
  const users = messages.map((message, index) => ({ message, index })).filter(({ message }) => message.role === 'user');
  const last = users.pop();
  if (!last) throw new AppError('invalid_request', 400, 'messages: no message with role "user"', 'messages');
  const question = textOf(last.message);
  if (!question) throw new AppError('invalid_request', 400, 'messages: the last user message has no text', 'messages');
  const tooLong = (index: number) =>
    new AppError('invalid_request', 400, `messages[${index}]: a user message must be at most ${MAX_QUESTION_LENGTH} characters`, `messages.${index}.content`);
  if (question.length > MAX_QUESTION_LENGTH) throw tooLong(last.index);
  const history: string[] = [];
  for (const { message, index } of users) {
    const text = textOf(message);
    if (text.length > MAX_QUESTION_LENGTH) throw tooLong(index);
    if (text) history.push(text);
  }
  return { question, history: history.slice(-CONTEXT_TURNS) };
}

/**
 * The numbered source list appended to the answer, matching its [n] markers. A refusal gets none:
 * its related passages hold figures the answer just said it could not give.
 */
export function sourceList(response: AskResponse): string {
  if (response.status !== 'answered' || response.citations.length === 0) return '';
  const lines = response.citations.map((c) => `[${c.n}] ${c.title}：“${c.quote}”`);
  return `\n\n来源：\n${lines.join('\n')}`;
}

export function completionText(response: AskResponse): string {
  return response.answer + sourceList(response);
}

/**
 * A rough token count (one per CJK character, one per four other characters) so that clients that
 * track usage get plausible numbers; nothing here is billed or limited by it.
 */
export function estimateTokens(text: string): number {
  const cjk = text.match(/[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/g)?.length ?? 0;
  return cjk + Math.ceil((text.length - cjk) / 4);
}

function usage(question: string, content: string): ChatCompletion['usage'] {
  const prompt = estimateTokens(question);
  const completion = estimateTokens(content);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

export function completionId(): string {
  return `chatcmpl-${randomUUID().replace(/-/g, '')}`;
}

export function chatCompletion(response: AskResponse, question: string, model: string): ChatCompletion {
  const content = completionText(response);
  return {
    id: completionId(),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
    usage: usage(question, content),
  };
}

/** Splits text into short pieces at punctuation so a streamed answer arrives clause by clause. */
export function textPieces(text: string, maxLength = 24): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const char of text) {
    current += char;
    if (/[，。；：！？,.;:!?\n]/.test(char) || current.length >= maxLength) {
      pieces.push(current);
      current = '';
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/**
 * The chunks of a streamed completion: role, the answer clause by clause, the sources, the stop, and
 * usage if asked. `response` is the committed answer (past the guard in LLM mode): nothing provisional
 * is ever sent, since a chat client cannot take back a delta.
 */
export function chatCompletionChunks(response: AskResponse, question: string, model: string, includeUsage: boolean): ChatCompletionChunk[] {
  const id = completionId();
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: ChatCompletionChunk['choices'][number]['delta'], finish: 'stop' | null = null): ChatCompletionChunk => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
  });
  const sources = sourceList(response);
  const chunks = [
    chunk({ role: 'assistant', content: '' }),
    ...textPieces(response.answer).map((content) => chunk({ content })),
    ...(sources ? [chunk({ content: sources })] : []),
    chunk({}, 'stop'),
  ];
  if (includeUsage) {
    chunks.push({ id, object: 'chat.completion.chunk', created, model, choices: [], usage: usage(question, completionText(response)) });
  }
  return chunks;
}
