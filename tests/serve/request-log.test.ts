import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { createApp } from '../../src/serve/app.js';
import { createLogger } from '../../src/serve/logger.js';
import { buildTestEngine, type TestEngine } from '../fixtures/engine.js';
import { askRequest } from './http-helpers.js';

type LogLine = Record<string, unknown>;

function capture(): { lines: LogLine[]; raw: string[]; stream: Writable } {
  const raw: string[] = [];
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as LogLine);
      }
      callback();
    },
  });
  return { lines, raw, stream };
}

describe('structured request logs', () => {
  let fixture: TestEngine;
  beforeAll(async () => {
    fixture = await buildTestEngine();
  });
  afterAll(() => fixture.cleanup());

  it('one JSON line per request with request id, method, path, status, ms and question length, never the question', async () => {
    const log = capture();
    const app = createApp({ engine: () => fixture.engine, logger: createLogger({ destination: log.stream }) });
    const question = '2025年上半年武汉软件业务收入同比增长多少？机密备注';
    const response = await app.request('/ask', askRequest({ question }));
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    expect(log.lines).toHaveLength(1);
    const [line] = log.lines;
    expect(line).toMatchObject({ level: 30, requestId, method: 'POST', path: '/ask', status: 200, questionLength: question.length, msg: 'request' });
    expect(typeof line.ms).toBe('number');
    expect(typeof line.time).toBe('number');
    expect(log.raw.join('\n')).not.toContain('机密备注');
    expect(log.raw.join('\n')).not.toContain('武汉');
  });

  it('names the kind of credential (and the user id for accounts), never the secret itself', async () => {
    const log = capture();
    const key = 'logged-api-key-0123';
    const app = createApp({ engine: () => fixture.engine, logger: createLogger({ destination: log.stream }), protection: { apiKey: key } });
    expect((await app.request('/documents', { headers: { authorization: `Bearer ${key}` } })).status).toBe(200);
    expect((await app.request('/documents', { headers: { authorization: 'Bearer wrong-guess-999' } })).status).toBe(401);
    expect(log.lines[0]).toMatchObject({ path: '/documents', status: 200, via: 'static-key' });
    expect(log.lines[1]).toMatchObject({ path: '/documents', status: 401, msg: 'request rejected' });
    expect(log.lines[1].via).toBeUndefined();
    expect(log.raw.join('\n')).not.toContain(key);
    expect(log.raw.join('\n')).not.toContain('wrong-guess-999');
  });

  it('keeps a caller-supplied request id, and logs rejected requests too', async () => {
    const log = capture();
    const app = createApp({ engine: () => fixture.engine, logger: createLogger({ destination: log.stream }) });
    const response = await app.request('/ask', askRequest({ question: 42 }, { 'x-request-id': 'trace-abc-123' }));
    expect(response.status).toBe(400);
    expect(response.headers.get('x-request-id')).toBe('trace-abc-123');
    expect(log.lines[0]).toMatchObject({ requestId: 'trace-abc-123', status: 400, path: '/ask', msg: 'request rejected' });
  });

  it('an unexpected error is logged with its stack at error level; the client gets none of it', async () => {
    const log = capture();
    const broken: Engine = {
      ...fixture.engine,
      ask: async () => {
        throw new Error('disk on fire');
      },
    };
    const app = createApp({ engine: () => broken, logger: createLogger({ destination: log.stream }) });
    const response = await app.request('/ask', askRequest({ question: '湖北算力' }));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('disk on fire');
    const failure = log.lines.find((l) => l.msg === 'unhandled error') as { level: number; err: { message: string; stack: string }; requestId: string };
    expect(failure.level).toBe(50);
    expect(failure.err.message).toBe('disk on fire');
    expect(failure.err.stack).toMatch(/\n\s+at /);
    expect(failure.requestId).toBe(response.headers.get('x-request-id'));
    expect(log.lines.find((l) => l.msg === 'request failed')).toMatchObject({ status: 500 });
  });
});
