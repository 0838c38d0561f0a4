/**
 * The LLM answer mode over HTTP, against the local OpenAI-protocol stand-in: SSE on POST /ask shows
 * the draft as tokens but commits only what the guard passed; /v1/chat/completions streams only the
 * committed answer; /health names the model and nothing else about the endpoint.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AskResponse } from '../../src/answer/answer.js';
import type { Citation } from '../../src/answer/ask-schema.js';
import type { Engine } from '../../src/engine.js';
import { createApp } from '../../src/serve/app.js';
import { MODEL_ID } from '../../src/serve/routes/openai-schemas.js';
import { askStreamEventSchemas } from '../../src/serve/routes/stream-events.js';
import { healthSchema } from '../../src/serve/schemas.js';
import { FAITHFUL, MODEL, QUESTION, startLlmTestBed, type LlmTestBed } from '../answer/llm/llm-engines.js';

/** A draft whose one figure is not in any source: the report says 2.2万P. */
const INVENTED = '2026年湖北算力规模的目标是突破2.5万P[1]。';

interface Served {
  url: string;
  close(): Promise<void>;
}

async function serveEngine(engine: Engine): Promise<Served> {
  const server = serve({ fetch: createApp({ engine: () => engine }).fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface TimedEvent {
  event: string;
  data: Record<string, unknown>;
  /** ms since the request was sent, when the event's last byte arrived. */
  at: number;
}

/** Reads an SSE body as it arrives, timing each event; every block must be `event:` plus JSON `data:`. */
async function readEvents(response: Response): Promise<TimedEvent[]> {
  const started = performance.now();
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: TimedEvent[] = [];
  let buffer = '';
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    buffer += chunk.value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const lines = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? '';
      const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
      events.push({ event, data: JSON.parse(data) as Record<string, unknown>, at: performance.now() - started });
    }
  }
  expect(buffer, 'the stream ends after a complete event').toBe('');
  return events;
}

function expectDocumented(events: TimedEvent[]): void {
  for (const { event, data } of events) {
    const schema = askStreamEventSchemas[event as keyof typeof askStreamEventSchemas];
    expect(schema, `event ${event} is documented`).toBeDefined();
    expect(schema.safeParse(data).success, `${event} payload matches its documented schema`).toBe(true);
  }
}

const names = (events: TimedEvent[]) => events.map((e) => e.event);
const tokens = (events: TimedEvent[]) => events.filter((e) => e.event === 'token').map((e) => e.data.text as string).join('');
const only = (events: TimedEvent[], name: string) => {
  const found = events.filter((e) => e.event === name);
  expect(found, `exactly one ${name} event`).toHaveLength(1);
  return found[0];
};

let bed: LlmTestBed;
let engine: Engine;
let served: Served;
let extractive: AskResponse;

beforeAll(async () => {
  bed = await startLlmTestBed();
  engine = await bed.open();
  served = await serveEngine(engine);
  extractive = await bed.extractive();
});
afterAll(async () => {
  await served?.close();
  await bed?.close();
});
beforeEach(() => bed.reset());

function ask(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${served.url}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('POST /ask with stream: true, LLM configured', () => {
  it('sends sources, then the draft as tokens while it is written, then the guarded answer', async () => {
    bed.queue.push({ kind: 'answer', content: FAITHFUL, chunkChars: 3, chunkDelayMs: 30 });
    const response = await ask({ question: QUESTION, stream: true });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = await readEvents(response);
    expectDocumented(events);

    const order = names(events);
    expect(order[0]).toBe('sources');
    const tokenCount = order.filter((n) => n === 'token').length;
    expect(tokenCount).toBeGreaterThan(3);
    expect(order).toEqual(['sources', ...Array<string>(tokenCount).fill('token'), 'retrieval', 'answer', 'citations', 'done']);
    expect(tokens(events)).toBe(FAITHFUL);

    // Tokens reach the client as the model writes them, not all at once with the answer.
    const firstToken = events.find((e) => e.event === 'token')!;
    const answer = only(events, 'answer');
    expect(answer.at - firstToken.at).toBeGreaterThan(150);

    expect(answer.data).toEqual({
      status: 'answered',
      answer: FAITHFUL,
      mode: 'llm',
      guard: { passed: true, reasons: [] },
      llm: { status: 'answered', model: MODEL, attempts: 1 },
    });
    const sources = only(events, 'sources').data.citations as Citation[];
    const citations = only(events, 'citations').data.citations as Citation[];
    expect(citations).toEqual(sources);
    expect(citations[0].quote).toContain('2.2万P');
    expect(engine.document(citations[0].docId)?.text.slice(citations[0].start, citations[0].end)).toBe(citations[0].quote);
    expect((only(events, 'done').data.timingMs as Record<string, number>).llm).toBeGreaterThan(0);
    expect(bed.standIn.requests).toHaveLength(1);
    expect(bed.standIn.requests[0].stream).toBe(true);
  });

  it('streams a draft with an invented number, then ends with the extractive answer and guard.passed=false', async () => {
    bed.queue.push({ kind: 'answer', content: INVENTED, chunkChars: 2 });
    const events = await readEvents(await ask({ question: QUESTION, stream: true }));
    expectDocumented(events);

    // The provisional draft did go out; the committed answer replaces it.
    expect(tokens(events)).toBe(INVENTED);
    const answer = only(events, 'answer').data as { answer: string; mode: string; guard: { passed: boolean; reasons: string[] }; llm: { status: string } };
    expect(answer.mode).toBe('extractive');
    expect(answer.answer).toBe(extractive.answer);
    expect(answer.answer).toContain('2.2万P');
    expect(answer.answer).not.toContain('2.5万P');
    expect(answer.guard.passed).toBe(false);
    expect(answer.guard.reasons.join('\n')).toContain('"2.5万P"');
    expect(answer.llm.status).toBe('rejected');
    expect(only(events, 'citations').data.citations).toEqual(extractive.citations);
    expect(names(events).slice(-4)).toEqual(['retrieval', 'answer', 'citations', 'done']);
  });

  it('keeps the extractive event order, with no tokens, when the request asks for mode "extractive"', async () => {
    const events = await readEvents(await ask({ question: QUESTION, stream: true, mode: 'extractive' }));
    expectDocumented(events);
    expect(names(events)).toEqual(['retrieval', 'answer', 'citations', 'done']);
    expect(only(events, 'answer').data).toEqual({ status: 'answered', answer: extractive.answer, mode: 'extractive' });
    expect(bed.standIn.requests).toHaveLength(0);
  });

  it('cancels the model when the client disconnects mid-stream', async () => {
    bed.queue.push({ kind: 'answer', content: FAITHFUL.repeat(40), chunkChars: 1, chunkDelayMs: 20 });
    const abandonedBefore = bed.standIn.abandoned;
    const controller = new AbortController();
    const response = await fetch(`${served.url}/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: QUESTION, stream: true }),
      signal: controller.signal,
    });
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('event: token')) text += (await reader.read()).value ?? '';
    controller.abort();
    await reader.cancel().catch(() => undefined);
    // Streaming all 40 repeats would take over 20 s; the stand-in sees the hang-up long before.
    await expect.poll(() => bed.standIn.abandoned, { timeout: 3000 }).toBe(abandonedBefore + 1);
  });
});

describe('POST /v1/chat/completions, LLM configured', () => {
  const client = () => new OpenAI({ apiKey: 'not-needed', baseURL: `${served.url}/v1`, maxRetries: 0 });

  async function streamed(): Promise<string> {
    const stream = await client().chat.completions.create({ model: MODEL_ID, messages: [{ role: 'user', content: QUESTION }], stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    return text;
  }

  it('answers with the guarded LLM draft, streamed or not', async () => {
    bed.queue.push({ kind: 'answer', content: FAITHFUL }, { kind: 'answer', content: FAITHFUL });
    const plain = await client().chat.completions.create({ model: MODEL_ID, messages: [{ role: 'user', content: QUESTION }] });
    const content = plain.choices[0].message.content ?? '';
    expect(content.startsWith(`${FAITHFUL}\n\n来源：\n[1] `)).toBe(true);
    expect(await streamed()).toBe(content);
  });

  it('streams only the committed text: an invented number never reaches the client', async () => {
    bed.queue.push({ kind: 'answer', content: INVENTED, chunkChars: 2 });
    const text = await streamed();
    expect(text).not.toContain('2.5万P');
    // The extractive answer and its sources, exactly as the extractive-only service would send them.
    expect(text.startsWith(`${extractive.answer}\n\n来源：\n[1] `)).toBe(true);
    expect(text).toContain('2.2万P');
    // The draft was asked for whole, never as a token stream that could leak to the client.
    expect(bed.standIn.requests).toHaveLength(1);
    expect(bed.standIn.requests[0].stream).not.toBe(true);
  });
});

describe('GET /health with an LLM', () => {
  it('reports the model and nothing about the endpoint', async () => {
    const response = await fetch(`${served.url}/health`);
    const text = await response.text();
    const body = healthSchema.parse(JSON.parse(text));
    expect(body.llm).toEqual({ configured: true, model: MODEL });
    expect(text).not.toContain(bed.standIn.baseURL);
    expect(text).not.toContain('127.0.0.1');
    expect(text).not.toContain('test-key');
  });

  it('reports configured: false without one', async () => {
    const response = await createApp({ engine: () => bed.plain }).request('/health');
    expect(healthSchema.parse(await response.json()).llm).toEqual({ configured: false });
  });
});
