import type { Hono } from 'hono';
import { AppError } from '../../errors.js';
import type { Engine } from '../../engine.js';
import { publicResponse } from '../redact.js';
import { askRequestSchema } from '../schemas.js';
import { parseWith } from '../validation.js';
import { streamAsk, wantsEventStream } from './stream.js';

/** Parses a JSON body; malformed JSON or a non-JSON body is a 400/415 naming the problem. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/application\/json/i.test(type)) {
    throw new AppError('unsupported_media_type', 415, 'request body must be application/json');
  }
  const text = await request.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('invalid_json', 400, 'request body is not valid JSON', 'body');
  }
}

export function registerAsk(app: Hono, engine: () => Engine): void {
  app.post('/ask', async (c) => {
    const body = parseWith(askRequestSchema, await readJsonBody(c.req.raw), 'body');
    // The request's signal aborts when the client disconnects, which cancels any LLM request in flight.
    const options = { signal: c.req.raw.signal };
    if (wantsEventStream(c.req.raw, body)) return streamAsk(c, () => engine().askStream(body, options));
    return c.json(publicResponse(await engine().ask(body, options)));
  });
}
