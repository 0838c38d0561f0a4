import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { AskStreamEvent as EngineStreamEvent } from '../../answer/llm/stream.js';
import { appErrorOf } from './app-error-of.js';
import { sseEventsOf } from './stream-events.js';

/** The body's `stream` flag decides; without it, an `Accept: text/event-stream` header asks for SSE. */
export function wantsEventStream(request: Request, body: { stream?: boolean }): boolean {
  if (body.stream !== undefined) return body.stream;
  return /text\/event-stream/i.test(request.headers.get('accept') ?? '');
}

async function sendError(stream: SSEStreamingApi, error: unknown): Promise<void> {
  const body = appErrorOf(error).toJSON();
  if (stream.aborted) return;
  // The client may vanish between the check and the write; there is no one left to tell.
  await stream.writeSSE({ event: 'error', data: JSON.stringify(body) }).catch(() => undefined);
}

/**
 * Answers over server-sent events (see stream-events.ts for the protocol), from engine.askStream.
 * Failures after the stream has opened become one `error` event followed by a clean close, so a
 * client never has to tell a crashed connection from a finished one. `events` is called inside the
 * stream so that even an engine that cannot start answering is reported that way.
 */
export function streamAsk(c: Context, events: () => AsyncIterable<EngineStreamEvent>): Response {
  // Proxies such as nginx buffer responses unless told not to, which would defeat streaming.
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    try {
      for await (const event of events()) {
        for (const { event: name, data } of sseEventsOf(event)) {
          // Leaving the loop returns the engine's generator, which cancels the LLM request.
          if (stream.aborted) return;
          await stream.writeSSE({ event: name, data: JSON.stringify(data) });
        }
      }
    } catch (error) {
      await sendError(stream, error);
    }
  });
}
