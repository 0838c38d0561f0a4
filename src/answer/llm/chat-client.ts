import { ChatOpenAICompletions } from '@langchain/openai';
import { HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import type { LlmSettings } from './llm-config.js';
import type { ChatMessage } from './prompt.js';

/** The one thing the answer mode needs from a model; tests may pass their own. */
export interface ChatClient {
  readonly model: string;
  complete(messages: ChatMessage[], signal: AbortSignal): Promise<string>;
  stream(messages: ChatMessage[], signal: AbortSignal): AsyncIterable<string>;
}

function toLangChain(messages: ChatMessage[]): BaseMessage[] {
  return messages.map((m) => (m.role === 'system' ? new SystemMessage(m.content) : new HumanMessage(m.content)));
}

/**
 * A chat-completions client for any OpenAI-compatible endpoint (Qwen, DeepSeek, Ollama, vLLM).
 * ChatOpenAICompletions rather than ChatOpenAI: ChatOpenAI switches to OpenAI's Responses API for
 * some model names, which these servers do not speak. LangChain's own retries are off (maxRetries 0):
 * generate.ts retries within one time budget, and retrying a stream after tokens were shown would
 * repeat them.
 */
export function createChatClient(settings: LlmSettings): ChatClient {
  const model = new ChatOpenAICompletions({
    model: settings.model,
    apiKey: settings.apiKey ?? 'not-needed',
    configuration: { baseURL: settings.baseURL },
    temperature: 0,
    maxRetries: 0,
    timeout: settings.timeoutMs,
    // stream_options.include_usage is rejected by some compatible servers.
    streamUsage: false,
  });
  return {
    model: settings.model,
    async complete(messages, signal) {
      const reply = await model.invoke(toLangChain(messages), { signal });
      return reply.text;
    },
    async *stream(messages, signal) {
      const stream = await model.stream(toLangChain(messages), { signal });
      for await (const chunk of stream) {
        if (chunk.text) yield chunk.text;
      }
    },
  };
}
