import { describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { createApp } from '../../src/serve/app.js';
import { useTestApp } from '../fixtures/engine.js';
import { askRequest, expectError } from './http-helpers.js';

const QUESTION = '2026年湖北算力目标是多少？';

describe('input limits and validation on /ask', () => {
  const served = useTestApp();

  it('answers a well-formed question', async () => {
    const response = await served.app.request('/ask', askRequest({ question: QUESTION }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; answer: string };
    expect(body.status).toBe('answered');
    expect(body.answer).toContain('2.2万P');
  });

  it('rejects a body over 64 KiB with 413, declared or streamed', async () => {
    const big = JSON.stringify({ question: QUESTION, topK: 3, filters: { docIds: ['x'.repeat(70 * 1024)] } });
    await expectError(await served.app.request('/ask', askRequest(big)), 413, 'payload_too_large');

    // No Content-Length: the limit is enforced on the bytes as they arrive.
    const chunks = [new TextEncoder().encode('{"question":"'), new Uint8Array(70 * 1024).fill(0x61), new TextEncoder().encode('"}')];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    const streamed = await served.app.request('/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expectError(streamed, 413, 'payload_too_large');
  });

  it('accepts a body just under the limit (the limit is not off by a lot)', async () => {
    const padding = 60 * 1024;
    const body = JSON.stringify({ question: QUESTION, filters: { docIds: ['a'.repeat(100)] } }) + ' '.repeat(padding);
    const response = await served.app.request('/ask', askRequest(body));
    expect(response.status).toBe(200);
  });

  it('415 for a body that is not JSON, 400 invalid_json for malformed JSON', async () => {
    await expectError(await served.app.request('/ask', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: QUESTION }), 415, 'unsupported_media_type');
    await expectError(await served.app.request('/ask', { method: 'POST', body: QUESTION }), 415, 'unsupported_media_type');
    await expectError(await served.app.request('/ask', askRequest('{"question": "湖北')), 400, 'invalid_json', 'body');
    await expectError(await served.app.request('/ask', askRequest('')), 400, 'invalid_json', 'body');
  });

  it('names the field of a wrong type or an unknown field', async () => {
    await expectError(await served.app.request('/ask', askRequest({ question: 123 })), 400, 'invalid_request', 'question');
    await expectError(await served.app.request('/ask', askRequest({})), 400, 'invalid_request', 'question');
    await expectError(await served.app.request('/ask', askRequest({ question: QUESTION, topK: '5' })), 400, 'invalid_request', 'topK');
    await expectError(await served.app.request('/ask', askRequest({ question: QUESTION, topK: 500 })), 400, 'invalid_request', 'topK');
    await expectError(await served.app.request('/ask', askRequest({ question: QUESTION, filters: { year: '2026' } })), 400, 'invalid_request', 'filters.year');
    await expectError(await served.app.request('/ask', askRequest({ question: QUESTION, admin: true })), 400, 'invalid_request', 'admin');
    await expectError(await served.app.request('/ask', askRequest([QUESTION])), 400, 'invalid_request');
    await expectError(await served.app.request('/ask', askRequest('null')), 400, 'invalid_request');
  });

  it('answers a follow-up from history, and names the field of a malformed or oversized history', async () => {
    const followUp = await served.app.request('/ask', askRequest({ question: '那2025年呢？', history: [QUESTION] }));
    const body = (await followUp.json()) as { answer: string; question: { resolved: string; followUp: boolean } };
    expect(body.question).toMatchObject({ followUp: true, resolved: expect.stringMatching(/^2025年湖北算力/) });
    // The 2024 report set a 2025 target, so the inherited kind finds it.
    expect(body.answer).toContain('12000P');
    await expectError(await served.app.request('/ask', askRequest({ question: QUESTION, history: QUESTION })), 400, 'invalid_request', 'history');
    await expectError(await served.app.request('/ask', askRequest({ question: QUESTION, history: [42] })), 400, 'invalid_request', 'history.0');
    await expectError(await served.app.request('/ask', askRequest({ question: QUESTION, history: ['湖'.repeat(501)] })), 400, 'invalid_request', 'history.0');
    const long = await expectError(
      await served.app.request('/ask', askRequest({ question: QUESTION, history: Array.from({ length: 51 }, () => QUESTION) })),
      400,
      'invalid_request',
      'history',
    );
    expect(long.error.message).toMatch(/50/);
  });

  it('limits the question to 500 characters and rejects an empty one', async () => {
    const ok = await served.app.request('/ask', askRequest({ question: '湖'.repeat(500) }));
    expect(ok.status).toBe(200);
    const long = await expectError(await served.app.request('/ask', askRequest({ question: '湖'.repeat(501) })), 400, 'invalid_request', 'question');
    expect(long.error.message).toMatch(/500/);
    await expectError(await served.app.request('/ask', askRequest({ question: '   ' })), 400, 'invalid_request', 'question');
  });

  it('strips control and invisible formatting characters from the question, so it is answered like the clean one', async () => {
    const clean = (await (await served.app.request('/ask', askRequest({ question: QUESTION }))).json()) as { answer: string };
    const dirty = '2026年湖北\u0000算力\u202e目标\u200b是\u001b多少？\u0007';
    const response = await served.app.request('/ask', askRequest({ question: dirty }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; answer: string };
    expect(body.status).toBe('answered');
    expect(body.answer).toBe(clean.answer);
  });

  it('a question that is only control characters is empty, not answered', async () => {
    await expectError(await served.app.request('/ask', askRequest({ question: '\u0000\u0001\u200b' })), 400, 'invalid_request', 'question');
  });

  it('rejects lone surrogates (invalid UTF-16) with 400 naming the field; a real surrogate pair is fine', async () => {
    const lone = await expectError(await served.app.request('/ask', askRequest('{"question":"湖北\\ud800算力"}')), 400, 'invalid_request', 'question');
    expect(lone.error.message).toMatch(/surrogate/);
    await expectError(await served.app.request('/ask', askRequest('{"question":"\\udfff2026年湖北算力"}')), 400, 'invalid_request', 'question');
    await expectError(
      await served.app.request('/ask', askRequest('{"question":"湖北算力","filters":{"region":"湖\\udc00北"}}')),
      400,
      'invalid_request',
      'filters.region',
    );
    const pair = await served.app.request('/ask', askRequest({ question: `${QUESTION}😀` }));
    expect(pair.status).toBe(200);
  });

  it('rejects absurdly nested bodies without overflowing the stack', async () => {
    const deep = `{"question":"湖北","filters":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    await expectError(await served.app.request('/ask', askRequest(deep)), 400, 'invalid_request', 'body');
  });

  it('404 for unknown routes and methods, in the same error shape', async () => {
    await expectError(await served.app.request('/nope'), 404, 'not_found');
    await expectError(await served.app.request('/ask'), 404, 'not_found');
    await expectError(await served.app.request('/documents/does-not-exist.txt'), 404, 'not_found', 'id');
  });

  it('503 index_unavailable while the index is loading', async () => {
    const starting = createApp({ engine: () => undefined });
    await expectError(await starting.request('/ask', askRequest({ question: QUESTION })), 503, 'index_unavailable');
    await expectError(await starting.request('/documents'), 503, 'index_unavailable');
  });

  it('an unexpected failure is a 500 with a fixed message: no stack, no internals', async () => {
    const broken: Engine = {
      ...served.engine,
      ask: async () => {
        throw new TypeError('secret detail at /srv/app/src/engine.ts:42');
      },
    };
    const app500 = createApp({ engine: () => broken });
    const response = await app500.request('/ask', askRequest({ question: QUESTION }));
    const body = await expectError(response, 500, 'internal');
    expect(body.error.message).toBe('internal error');
    expect(JSON.stringify(body)).not.toMatch(/secret|engine\.ts/);
  });
});
