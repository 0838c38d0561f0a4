import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AskResponse } from '../../answer/answer.js';
import { appErrorOf } from './app-error-of.js';
import { askStreamEvents } from './stream-events.js';

/** The body's `stream` flag decides; without it, an `Accept: text/event-stream` header asks for SSE. */
export function wantsEventStream(request: Request, body: { stream?: boolean }): boolean {
  if (body.stream !== undefined) return body.stream;
  return /text\/event-stream/i.test(request.headers.get('accept') ?? '');
}

/**
 * Answers over server-sent events (see stream-events.ts for the protocol). Failures after the
 * stream has opened become one `error` event followed by a clean close, so a client never has to
 * tell a crashed connection from a finished one.
 */
export function streamAsk(c: Context, answer: () => Promise<AskResponse>): Response {
  // Proxies such as nginx buffer responses unless told not to, which would defeat streaming.
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    let response: AskResponse;
    try {
      response = await answer();
    } catch (error) {
      await stream.writeSSE({ event: 'error', data: JSON.stringify(appErrorOf(error).toJSON()) });
      return;
    }
    for (const { event, data } of askStreamEvents(response)) {
      if (stream.aborted) return;
      await stream.writeSSE({ event, data: JSON.stringify(data) });
    }
  });
}
