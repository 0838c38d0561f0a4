/** Streaming answers: tokens first, the guard before the one final 'answer' event. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AskRequest } from '../../../src/answer/ask-schema.js';
import type { AskResponse } from '../../../src/answer/answer.js';
import { createLlmContext } from '../../../src/answer/llm/llm-answer.js';
import { streamLlmAnswer, type AskStreamEvent } from '../../../src/answer/llm/stream.js';
import type { Engine } from '../../../src/engine.js';
import { citationsAreExact, FAITHFUL, MODEL, QUESTION, startLlmTestBed, type LlmTestBed } from './llm-engines.js';

let bed: LlmTestBed;
let engine: Engine;

beforeAll(async () => {
  bed = await startLlmTestBed();
  engine = await bed.open();
});
afterAll(() => bed?.close());
beforeEach(() => bed.reset());

async function collect(events: AsyncIterable<AskStreamEvent>): Promise<AskStreamEvent[]> {
  const out: AskStreamEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

function finalOf(events: AskStreamEvent[]): AskResponse {
  const answers = events.filter((e) => e.type === 'answer');
  expect(answers).toHaveLength(1);
  const last = events[events.length - 1];
  if (last.type !== 'answer') throw new Error(`last event is ${last.type}, not answer`);
  return last.response;
}

const tokensOf = (events: AskStreamEvent[]) => events.flatMap((e) => (e.type === 'token' ? [e.text] : [])).join('');
const request: AskRequest = { question: QUESTION, mode: 'llm' };

describe('engine.askStream', () => {
  it('streams sources, then tokens, then the guarded answer', async () => {
    bed.queue.push({ kind: 'answer', content: FAITHFUL, chunkChars: 3 });
    const events = await collect(engine.askStream(request));

    expect(events[0].type).toBe('sources');
    expect(events.filter((e) => e.type === 'token').length).toBeGreaterThan(3);
    expect(tokensOf(events)).toBe(FAITHFUL);
    const response = finalOf(events);
    expect(response).toMatchObject({ mode: 'llm', answer: FAITHFUL, guard: { passed: true, reasons: [] }, llm: { status: 'answered' } });
    if (events[0].type === 'sources') expect(events[0].citations).toEqual(response.citations);
    expect(citationsAreExact(engine, response)).toBe(true);
    expect(bed.standIn.requests[0].stream).toBe(true);
  });

  it('streams a draft with an invented number, then commits the extractive answer instead', async () => {
    const invented = '2026年湖北算力规模的目标是突破2.5万P[1]。';
    bed.queue.push({ kind: 'answer', content: invented, chunkChars: 2 });
    const events = await collect(engine.askStream(request));

    expect(tokensOf(events)).toBe(invented);
    const response = finalOf(events);
    const extractive = await bed.extractive();
    expect(response.mode).toBe('extractive');
    expect(response.answer).toBe(extractive.answer);
    expect(response.citations).toEqual(extractive.citations);
    expect(response.guard?.passed).toBe(false);
    expect(response.guard?.reasons.join('\n')).toContain('"2.5万P"');
  });

  it('commits the extractive answer when the stream breaks off', async () => {
    bed.queue.push({ kind: 'answer', content: FAITHFUL, chunkChars: 3, dropAfterChunks: 2 });
    const events = await collect(engine.askStream(request));
    const response = finalOf(events);
    expect(tokensOf(events).length).toBeGreaterThan(0);
    expect(response.mode).toBe('extractive');
    expect(response.llm).toMatchObject({ status: 'unavailable', attempts: 1 });
    expect(response.llm?.reason).toContain('the stream broke off after tokens were sent');
  });

  it('retries a failure before the first token, then streams', async () => {
    bed.queue.push({ kind: 'error', status: 503 }, { kind: 'answer', content: FAITHFUL });
    const response = finalOf(await collect(engine.askStream(request)));
    expect(response.llm).toEqual({ status: 'answered', model: MODEL, attempts: 2 });
  });

  it('times out a stream that never starts', async () => {
    const impatient = await bed.open({ timeoutMs: 300, maxRetries: 0 });
    bed.queue.push({ kind: 'hang' });
    const started = performance.now();
    const response = finalOf(await collect(impatient.askStream(request)));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(response.llm).toEqual({ status: 'unavailable', model: MODEL, reason: 'timed out after 300 ms', attempts: 1 });
  });

  it('stops the model when the consumer stops listening', async () => {
    bed.queue.push({ kind: 'answer', content: FAITHFUL.repeat(50), chunkChars: 1, chunkDelayMs: 20 });
    const abandonedBefore = bed.standIn.abandoned;
    const started = performance.now();
    for await (const event of engine.askStream(request)) {
      if (event.type === 'token') break;
    }
    expect(performance.now() - started).toBeLessThan(1000);
    await expect.poll(() => bed.standIn.abandoned, { timeout: 2000 }).toBe(abandonedBefore + 1);
  });

  it('yields a single answer event in extractive mode', async () => {
    const events = await collect(engine.askStream({ question: QUESTION, mode: 'extractive' }));
    expect(events).toEqual([{ type: 'answer', response: { ...(await bed.extractive()), mode: 'extractive', timingMs: expect.any(Object) } }]);
    expect(bed.standIn.requests).toHaveLength(0);
  });
});

describe('streamLlmAnswer', () => {
  it('composes on a given extractive answer, for routes that already have one', async () => {
    bed.queue.push({ kind: 'answer', content: FAITHFUL });
    const context = createLlmContext(
      { baseURL: bed.standIn.baseURL, model: MODEL, timeoutMs: 3000 },
      { document: (id) => engine.document(id) },
    );
    const extractive = await bed.extractive();
    const response = finalOf(await collect(streamLlmAnswer(context, request, extractive)));
    expect(response).toMatchObject({ mode: 'llm', answer: FAITHFUL, guard: { passed: true } });
  });
});
