import OpenAI, { APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatCompletionChunkSchema, chatCompletionSchema, MODEL_ID } from '../../src/serve/routes/openai-schemas.js';
import { startTestServer, type TestServer } from './test-server.js';

const QUESTION = '2026年湖北算力目标是多少';

let server: TestServer;
let client: OpenAI;

beforeAll(async () => {
  server = await startTestServer();
  // The official client, pointed at this server: what Open WebUI, LangChain and scripts use.
  client = new OpenAI({ apiKey: 'not-needed', baseURL: `${server.url}/v1`, maxRetries: 0 });
});

afterAll(async () => {
  await server?.close();
});

async function post(body: unknown): Promise<Response> {
  return fetch(`${server.url}/v1/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('OpenAI-compatible API with the openai client', () => {
  it('lists the model', async () => {
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual([MODEL_ID]);
  });

  it('answers the last user message, with a numbered source list', async () => {
    const completion = await client.chat.completions.create({
      model: MODEL_ID,
      messages: [
        { role: 'system', content: '你是助手' },
        { role: 'user', content: '2025年湖北汽车整车产量是多少？' },
        { role: 'assistant', content: '183.6万辆' },
        { role: 'user', content: QUESTION },
      ],
    });
    expect(chatCompletionSchema.safeParse(completion).success).toBe(true);
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe(MODEL_ID);
    const { message, finish_reason } = completion.choices[0];
    expect(finish_reason).toBe('stop');
    expect(message.role).toBe('assistant');
    const content = message.content ?? '';
    expect(content).toContain('2.2万P[1]');
    expect(content).not.toContain('183.6万');
    expect(content).toMatch(/\n\n来源：\n\[1\] 湖北经信这一年：“[^”]*2\.2万P[^”]*”/);
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('streams chat.completion.chunk events that add up to the same text, then [DONE]', async () => {
    const plain = await client.chat.completions.create({ model: MODEL_ID, messages: [{ role: 'user', content: QUESTION }] });
    const stream = await client.chat.completions.create({
      model: MODEL_ID,
      messages: [{ role: 'user', content: [{ type: 'text', text: QUESTION }] }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    for (const chunk of chunks) expect(chatCompletionChunkSchema.safeParse(chunk).success).toBe(true);
    expect(chunks.length).toBeGreaterThan(3);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    expect(chunks[0].choices[0].delta.role).toBe('assistant');
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe(plain.choices[0].message.content);
    const finishes = chunks.flatMap((c) => c.choices.map((choice) => choice.finish_reason)).filter(Boolean);
    expect(finishes).toEqual(['stop']);
    expect(chunks.at(-1)?.usage?.total_tokens).toBeGreaterThan(0);

    const raw = await (await post({ model: MODEL_ID, messages: [{ role: 'user', content: QUESTION }], stream: true })).text();
    expect(raw.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('reads a follow-up against the earlier user messages, ignoring what another tool wrote as the assistant', async () => {
    const messages = [
      { role: 'system' as const, content: '你是助手' },
      { role: 'user' as const, content: '2025年湖北汽车整车产量是多少？' },
      { role: 'assistant' as const, content: '大约两百万辆吧（另一个工具写的）' },
      { role: 'user' as const, content: '它的增速呢？' },
    ];
    const completion = await client.chat.completions.create({ model: MODEL_ID, messages });
    const content = completion.choices[0].message.content ?? '';
    expect(content).toMatch(/^（按上文：湖北 · 2025年 · 汽车整车产量）/);
    expect(content).not.toContain('两百万');
    expect(content).not.toContain('183.6万辆');

    const stream = await client.chat.completions.create({ model: MODEL_ID, messages, stream: true });
    let streamed = '';
    for await (const chunk of stream) streamed += chunk.choices[0]?.delta.content ?? '';
    expect(streamed).toBe(content);
  });

  it('says plainly when the reports do not answer, with no sources', async () => {
    const completion = await client.chat.completions.create({ model: MODEL_ID, messages: [{ role: 'user', content: '河南省2025年规上工业增加值增长了多少' }] });
    const content = completion.choices[0].message.content ?? '';
    expect(content).toContain('河南');
    expect(content).not.toContain('来源');
    expect(content).not.toMatch(/\d+(\.\d+)?%/);
  });

  it('rejects an unknown model with a 400 the client surfaces', async () => {
    const error = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: QUESTION }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBe(400);
    expect((error as APIError).message).toContain(MODEL_ID);
  });
});

describe('POST /v1/chat/completions input validation', () => {
  it.each([
    ['no messages', { model: MODEL_ID, messages: [] }, 'messages'],
    ['no user message', { model: MODEL_ID, messages: [{ role: 'system', content: 'hi' }] }, 'messages'],
    ['an empty question', { model: MODEL_ID, messages: [{ role: 'user', content: '   ' }] }, 'messages'],
    ['a wrong role', { model: MODEL_ID, messages: [{ role: 'robot', content: QUESTION }] }, 'messages.0.role'],
    ['a question that is too long', { model: MODEL_ID, messages: [{ role: 'user', content: '湖'.repeat(501) }] }, 'messages.0.content'],
    [
      'an earlier user message that is too long',
      { model: MODEL_ID, messages: [{ role: 'user', content: '湖'.repeat(501) }, { role: 'assistant', content: 'x' }, { role: 'user', content: QUESTION }] },
      'messages.0.content',
    ],
    ['no model', { messages: [{ role: 'user', content: QUESTION }] }, 'model'],
    ['n > 1', { model: MODEL_ID, n: 2, messages: [{ role: 'user', content: QUESTION }] }, 'n'],
  ])('400 with the error shape for %s', async (_name, body, field) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_request', field, message: expect.any(String) } });
  });

  it('ignores OpenAI parameters it has no use for', async () => {
    const response = await post({ model: MODEL_ID, messages: [{ role: 'user', content: QUESTION }], temperature: 0.2, top_p: 1, user: 'x', tools: [] });
    expect(response.status).toBe(200);
  });
});

describe('with API_KEY set', () => {
  it('accepts the key the client sends as a bearer token and refuses a wrong one', async () => {
    const guarded = await startTestServer({ protection: { apiKey: 'secret-key-for-tests' } });
    try {
      const good = new OpenAI({ apiKey: 'secret-key-for-tests', baseURL: `${guarded.url}/v1`, maxRetries: 0 });
      const bad = new OpenAI({ apiKey: 'wrong-key', baseURL: `${guarded.url}/v1`, maxRetries: 0 });
      const completion = await good.chat.completions.create({ model: MODEL_ID, messages: [{ role: 'user', content: QUESTION }] });
      expect(completion.choices[0].message.content).toContain('2.2万P');
      const error = await bad.models.list().catch((e: unknown) => e);
      expect((error as APIError).status).toBe(401);
    } finally {
      await guarded.close();
    }
  });
});
