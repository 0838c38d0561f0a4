import { NOT_FOUND_PREFIX } from './prompt.js';

export interface Draft {
  text: string;
  saysNotFound: boolean;
}

// Reasoning models served through compatible endpoints (DeepSeek-R1, Qwen3 on Ollama/vLLM) often
// put their deliberation inline; it is not the answer and must not reach the guard or the user.
const THINK_BLOCK = /^\s*<think>[\s\S]*?(<\/think>|$)/;

/** The model's reply as an answer: deliberation removed, the not-found prefix read and stripped. */
export function readDraft(reply: string): Draft {
  const text = reply.replace(THINK_BLOCK, '').trim();
  const prefix = /^[【\[]?\s*未找到\s*[】\]]?[：:，,\s]*/;
  if (text.startsWith(NOT_FOUND_PREFIX) || prefix.test(text)) {
    return { text: text.replace(prefix, '').trim(), saysNotFound: true };
  }
  return { text, saysNotFound: false };
}

/**
 * Passes streamed tokens through, holding back a leading <think>…</think> block, so a streaming
 * client never shows the model's deliberation.
 */
export class ThinkFilter {
  private buffer = '';
  private state: 'start' | 'thinking' | 'answer' = 'start';

  push(token: string): string {
    if (this.state === 'answer') return token;
    this.buffer += token;
    if (this.state === 'start') {
      const trimmed = this.buffer.trimStart();
      if ('<think>'.startsWith(trimmed)) return '';
      if (!trimmed.startsWith('<think>')) return this.release();
      this.state = 'thinking';
    }
    const close = this.buffer.indexOf('</think>');
    if (close < 0) return '';
    this.buffer = this.buffer.slice(close + '</think>'.length).trimStart();
    return this.release();
  }

  private release(): string {
    const out = this.buffer;
    this.buffer = '';
    this.state = 'answer';
    return out;
  }
}
