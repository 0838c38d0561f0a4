/**
 * HTTP request validation and the read endpoints, through createApp() and app.request() on an
 * engine built from the real seeds.
 */
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/serve/app.js';
import { buildTestEngine, type TestEngine } from '../fixtures/engine.js';
import { SEED, SEED_IDS, stripNoise } from '../fixtures/seeds.js';

let built: TestEngine;
let app: Hono;

beforeAll(async () => {
  built = await buildTestEngine();
  app = createApp({ engine: () => built.engine });
});

afterAll(async () => {
  await built?.cleanup();
});

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

function postAsk(body: string, contentType = 'application/json'): Promise<Response> {
  return Promise.resolve(app.request('/ask', { method: 'POST', headers: { 'content-type': contentType }, body }));
}

/** Status and error body of a response that must be an error in the product's one error shape. */
async function errorOf(response: Response): Promise<{ status: number; error: ErrorBody['error'] }> {
  const body = (await response.json()) as ErrorBody;
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error.code).toBe('string');
  expect(typeof body.error.message).toBe('string');
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
  return { status: response.status, error: body.error };
}

describe('POST /ask validation', () => {
  it('malformed JSON → 400 invalid_json', async () => {
    const { status, error } = await errorOf(await postAsk('{"question": "2026年湖北算力目标是多少"'));
    expect(status).toBe(400);
    expect(error.code).toBe('invalid_json');
  });

  it.each([
    ['missing', {}],
    ['a number', { question: 5 }],
    ['null', { question: null }],
    ['an array', { question: ['2026年湖北算力目标是多少'] }],
    ['empty', { question: '' }],
    ['only spaces', { question: '   ' }],
    ['501 characters', { question: '问'.repeat(501) }],
  ])('question %s → 400 naming the question field', async (_label, body) => {
    const { status, error } = await errorOf(await postAsk(JSON.stringify(body)));
    expect(status).toBe(400);
    expect(error.code).toBe('invalid_request');
    expect(error.field).toBe('question');
  });

  // BUG: validationError() means to say "question is required" for a missing field, but the schema's
  // custom message ("question must be a string") hides "received undefined", so a client that
  // forgot the field is told it sent the wrong type. Suspected: validationError in
  // src/serve/validation.ts together with askRequestSchema's `error` option.
  it('a missing question is reported as required', async () => {
    const { error } = await errorOf(await postAsk('{}'));
    expect(error.message).toMatch(/required/);
  });

  it('accepts a question of exactly 500 characters', async () => {
    const response = await postAsk(JSON.stringify({ question: '问'.repeat(500) }));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { status: string }).status).toBe('not_found');
  });

  it('an unknown field → 400 naming that field', async () => {
    const { status, error } = await errorOf(await postAsk(JSON.stringify({ question: '2026年湖北算力目标是多少', foo: 1 })));
    expect(status).toBe(400);
    expect(error.code).toBe('invalid_request');
    expect(error.field).toBe('foo');
  });

  it('an unknown filter → 400 naming filters.<field>', async () => {
    const body = { question: '2026年湖北算力目标是多少', filters: { city: '武汉' } };
    const { status, error } = await errorOf(await postAsk(JSON.stringify(body)));
    expect(status).toBe(400);
    expect(error.field).toMatch(/city/);
  });

  it('a body that is not an object → 400', async () => {
    for (const body of ['[]', 'null', '"2026年湖北算力目标是多少"']) {
      const { status, error } = await errorOf(await postAsk(body));
      expect(status).toBe(400);
      expect(error.code).toBe('invalid_request');
    }
  });

  it('a non-JSON content type → 415', async () => {
    const { status, error } = await errorOf(await postAsk(JSON.stringify({ question: '2026年湖北算力目标是多少' }), 'text/plain'));
    expect(status).toBe(415);
    expect(error.code).toBe('unsupported_media_type');
  });

  it('a valid question → 200 with an answer', async () => {
    const response = await postAsk(JSON.stringify({ question: '2026年湖北算力目标是多少' }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; answer: string };
    expect(body.status).toBe('answered');
    expect(stripNoise(body.answer)).toContain('2.2万P');
  });
});

describe('GET /documents', () => {
  it('lists the five documents without their text', async () => {
    const response = await app.request('/documents');
    expect(response.status).toBe(200);
    const { documents } = (await response.json()) as { documents: Array<Record<string, unknown>> };
    expect(documents.map((d) => d.id).sort()).toEqual([...SEED_IDS].sort());
    for (const d of documents) expect(d).not.toHaveProperty('text');
  });

  it('unknown id → 404 not_found', async () => {
    const { status, error } = await errorOf(await app.request('/documents/unknown'));
    expect(status).toBe(404);
    expect(error.code).toBe('not_found');
  });

  it('serves the exact document text, so /ask citation offsets round-trip', async () => {
    const ask = await postAsk(JSON.stringify({ question: '2025年湖北汽车整车产量是多少？' }));
    const answer = (await ask.json()) as { citations: Array<{ docId: string; start: number; end: number; quote: string }> };
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const citation of answer.citations) {
      const response = await app.request(`/documents/${encodeURIComponent(citation.docId)}`);
      expect(response.status).toBe(200);
      const doc = (await response.json()) as { id: string; text: string; title: string };
      expect(doc.id).toBe(citation.docId);
      expect(doc.text).toBe(built.engine.document(citation.docId)!.text);
      expect(doc.text.slice(citation.start, citation.end)).toBe(citation.quote);
    }
  });
});

describe('GET /indicators', () => {
  it('kind=rank lists the ranks that are left out by default', async () => {
    const response = await app.request(`/indicators?region=${encodeURIComponent('湖北')}&metric=${encodeURIComponent('算力')}&kind=rank`);
    const page = (await response.json()) as { items: Array<{ kind: string; raw: string; period: string }> };
    expect(page.items.every((i) => i.kind === 'rank')).toBe(true);
    expect(page.items.map((i) => `${i.period} ${i.raw}`)).toEqual(expect.arrayContaining(['2024 第二', '2025 第3']));
  });

  it('region=湖北&metric=算力 → the four computing-power rows', async () => {
    const response = await app.request(`/indicators?region=${encodeURIComponent('湖北')}&metric=${encodeURIComponent('算力')}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as {
      total: number;
      items: Array<{ docId: string; period: string; kind: string; raw: string; metric: string; region: string; citation: { quote: string; start: number; end: number } }>;
    };
    // Ranks (算力运载力指数居全国第3, 中部第二) are listed only with kind=rank: exactly the four figures.
    expect(page.items.map((i) => `${i.docId} ${i.period} ${i.kind} ${i.raw}`).sort()).toEqual([
      `${SEED.hubei2024} 2024 actual 7998PFLOPS`,
      `${SEED.hubei2024} 2025 target 12000P`,
      `${SEED.hubei2025} 2025 actual 1.8万P`,
      `${SEED.hubei2025} 2026 target 2.2万P`,
    ]);
    expect(page.total).toBe(page.items.length);
    for (const item of page.items) {
      expect(item.region).toBe('湖北');
      expect(stripNoise(item.citation.quote)).toContain(item.raw);
      expect(built.engine.document(item.docId)!.text.slice(item.citation.start, item.citation.end)).toBe(item.citation.quote);
    }
  });

  it('accepts a region abbreviation and a year filter', async () => {
    const response = await app.request(`/indicators?region=${encodeURIComponent('鄂')}&metric=${encodeURIComponent('算力')}&year=2026`);
    const page = (await response.json()) as { items: Array<{ raw: string; year: number }> };
    expect(page.items.map((i) => i.raw)).toEqual(['2.2万P']);
    for (const item of page.items) expect(item.year).toBe(2026);
  });

  it('an unknown query parameter → 400 naming it', async () => {
    const { status, error } = await errorOf(await app.request('/indicators?foo=1'));
    expect(status).toBe(400);
    expect(error.field).toBe('foo');
  });
});

describe('GET /health', () => {
  it('reports degraded service with indicator and keyword retrieval only', async () => {
    const response = await app.request('/health');
    expect(response.status).toBe(200);
    const health = (await response.json()) as {
      status: string;
      retrievers: string[];
      dense: { active: boolean; reason?: string };
      index: { documents: number; chunks: number; indicators: number };
    };
    expect(health.status).toBe('degraded');
    expect(health.retrievers).toEqual(['indicators', 'bm25']);
    expect(health.dense.active).toBe(false);
    expect(health.dense.reason).toBeTruthy();
    expect(health.index.documents).toBe(5);
    expect(health.index.chunks).toBe(built.ingest.chunks);
    expect(health.index.indicators).toBe(built.ingest.indicators);
  });

  it('reports starting (503) while no engine is loaded', async () => {
    const loading = createApp({ engine: () => undefined });
    const response = await loading.request('/health');
    expect(response.status).toBe(503);
    expect(((await response.json()) as { status: string }).status).toBe('starting');
    const ask = await loading.request('/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: '2026年湖北算力目标是多少' }),
    });
    expect(ask.status).toBe(503);
  });
});
