import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { AppError } from '../../src/errors.js';
import { createApp } from '../../src/serve/app.js';
import { askStreamEventSchemas } from '../../src/serve/routes/stream-events.js';
import { startTestServer, type TestServer } from './test-server.js';

interface SseEvent {
  event: string;
  data: unknown;
}

/** A strict reader of the SSE wire format: every block must have an event name and JSON data. */
function parseSse(text: string): SseEvent[] {
  expect(text.endsWith('\n\n'), 'the stream ends after a complete event').toBe(true);
  return text
    .trim()
    .split(/\n\n+/)
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? '';
      const data = lines
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      return { event, data: JSON.parse(data) as unknown };
    });
}

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
});

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}/ask`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe('POST /ask with stream: true', () => {
  it('sends retrieval, answer, citations and done, in that order, over HTTP', async () => {
    const response = await post({ question: '2026年湖北算力目标是多少', stream: true });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);

    // Read the body as it arrives, as an EventSource would.
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += chunk.value;
    const events = parseSse(text);
    expect(events.map((e) => e.event)).toEqual(['retrieval', 'answer', 'citations', 'done']);

    for (const { event, data } of events) {
      const schema = askStreamEventSchemas[event as keyof typeof askStreamEventSchemas];
      expect(schema.safeParse(data).success, `${event} payload matches its documented schema`).toBe(true);
    }
    const [retrieval, answer, citations, done] = events.map((e) => e.data) as [
      { retrieval: { retrievers: string[]; chunks: unknown[] }; question: { regions: string[]; periods: string[] } },
      { status: string; answer: string },
      { citations: Array<{ n: number; docId: string; quote: string; start: number; end: number }>; indicators: Array<{ value: number; kind: string }> },
      { timingMs: { total: number } },
    ];
    expect(retrieval.retrieval.retrievers).toContain('indicators');
    expect(retrieval.question.regions).toContain('湖北');
    expect(retrieval.question.periods).toContain('2026');
    expect(answer.status).toBe('answered');
    expect(answer.answer).toContain('2.2万P');
    expect(answer.answer).toContain('[1]');
    expect(citations.citations[0].n).toBe(1);
    expect(citations.citations[0].quote).toContain('2.2万P');
    expect(citations.indicators[0]).toMatchObject({ value: 22000, kind: 'target' });
    expect(done.timingMs.total).toBeGreaterThanOrEqual(0);

    // The streamed answer is the same as the JSON one.
    const json = (await (await post({ question: '2026年湖北算力目标是多少' })).json()) as { answer: string; citations: unknown[] };
    expect(answer.answer).toBe(json.answer);
    expect(citations.citations).toEqual(json.citations);
  });

  it('streams for Accept: text/event-stream, unless the body says stream: false', async () => {
    const accepted = await post({ question: '2026年湖北算力目标是多少' }, { accept: 'text/event-stream' });
    expect(accepted.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(parseSse(await accepted.text()).map((e) => e.event)).toEqual(['retrieval', 'answer', 'citations', 'done']);

    const refused = await post({ question: '2026年湖北算力目标是多少', stream: false }, { accept: 'text/event-stream' });
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await refused.json()) as { status: string }).status).toBe('answered');
  });

  it('streams not_found as an answer event with no citations', async () => {
    const events = parseSse(await (await post({ question: '河南省2025年规上工业增加值增长了多少', stream: true })).text());
    expect(events.map((e) => e.event)).toEqual(['retrieval', 'answer', 'citations', 'done']);
    expect(events[1].data).toMatchObject({ status: 'not_found' });
    expect((events[2].data as { citations: unknown[] }).citations).toEqual([]);
  });

  it('rejects an invalid body with a plain 400 before any stream opens', async () => {
    const response = await post({ question: '', stream: true });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_request', field: 'question' } });
  });
});

/** An engine.askStream that fails before its first event, as answerQuestion would. */
function failingStream(error: Error): Engine['askStream'] {
  return async function* () {
    throw error;
  };
}

describe('errors after the stream has opened', () => {
  it('become one error event with the error shape, then a clean end', async () => {
    const failing: Engine = { ...server.engine, askStream: failingStream(new Error('disk on fire')) };
    const app = createApp({ engine: () => failing });
    const response = await app.request('/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: '2026年湖北算力目标是多少', stream: true }),
    });
    expect(response.status).toBe(200);
    const events = parseSse(await response.text());
    expect(events).toEqual([{ event: 'error', data: { error: { code: 'internal', message: 'internal error' } } }]);
    expect(JSON.stringify(events)).not.toContain('disk on fire');
  });

  it('report an AppError with its own code', async () => {
    const busy: Engine = { ...server.engine, askStream: failingStream(new AppError('index_unavailable', 503, 'reloading')) };
    const app = createApp({ engine: () => busy });
    const response = await app.request('/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ question: '2026年湖北算力目标是多少' }),
    });
    expect(parseSse(await response.text())).toEqual([{ event: 'error', data: { error: { code: 'index_unavailable', message: 'reloading' } } }]);
  });

  it('follow the events already sent when the engine fails mid-answer', async () => {
    const midway: Engine = {
      ...server.engine,
      askStream: async function* () {
        yield { type: 'sources', citations: [] };
        yield { type: 'token', text: '湖北' };
        throw new Error('socket hang up at /srv/app/secret.ts');
      },
    };
    const response = await createApp({ engine: () => midway }).request('/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: '2026年湖北算力目标是多少', stream: true }),
    });
    expect(parseSse(await response.text())).toEqual([
      { event: 'sources', data: { citations: [] } },
      { event: 'token', data: { text: '湖北' } },
      { event: 'error', data: { error: { code: 'internal', message: 'internal error' } } },
    ]);
  });

  it('include the index still loading', async () => {
    const app = createApp({ engine: () => undefined });
    const response = await app.request('/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: '2026年湖北算力目标是多少', stream: true }),
    });
    const events = parseSse(await response.text());
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ event: 'error', data: { error: { code: 'index_unavailable' } } });
  });
});
