import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Engine } from '../../engine.js';
import { parseWith } from '../validation.js';
import { readJsonBody } from './ask.js';
import { chatCompletion, chatCompletionChunks, conversationOf } from './openai-format.js';
import { chatCompletionRequestSchema, MODEL_ID, type ModelList } from './openai-schemas.js';

/** Unix time the model list reports; fixed so that repeated listings are identical. */
const MODEL_CREATED = 1_767_225_600;

/**
 * An OpenAI-compatible face for chat clients (Open WebUI, LangChain, the openai SDK). The answer
 * (extractive, or LLM when one is configured) is computed before any byte is sent, so a failure is
 * an ordinary HTTP error that SDKs surface with its status, rather than an error in the middle of a stream.
 */
export function registerOpenAI(app: Hono, engine: () => Engine): void {
  app.get('/v1/models', (c) => {
    const list: ModelList = { object: 'list', data: [{ id: MODEL_ID, object: 'model', created: MODEL_CREATED, owned_by: 'policy-report-qa' }] };
    return c.json(list);
  });

  app.post('/v1/chat/completions', async (c) => {
    const body = parseWith(chatCompletionRequestSchema, await readJsonBody(c.req.raw), 'body');
    const { question, history } = conversationOf(body.messages);
    // A client that hangs up cancels the LLM request rather than leaving it running.
    const response = await engine().ask({ question, ...(history.length ? { history } : {}) }, { signal: c.req.raw.signal });
    if (!body.stream) return c.json(chatCompletion(response, question, body.model));

    // Deliberately not engine.askStream: its tokens are the unguarded draft, and a chat client
    // appends every delta it receives with no way to take text back if the guard then rejects the
    // draft. So the stream carries only the committed answer, already through the guard, in pieces.
    const chunks = chatCompletionChunks(response, question, body.model, body.stream_options?.include_usage === true);
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      for (const chunk of chunks) {
        if (stream.aborted) return;
        await stream.writeSSE({ data: JSON.stringify(chunk) });
      }
      await stream.writeSSE({ data: '[DONE]' });
    });
  });
}
