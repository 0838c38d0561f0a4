import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { createApp } from '../../src/serve/app.js';
import { healthSchema } from '../../src/serve/schemas.js';
import { buildTestEngine, type TestEngine } from '../fixtures/engine.js';

describe('/health', () => {
  let fixture: TestEngine;
  beforeAll(async () => {
    fixture = await buildTestEngine();
  });
  afterAll(() => fixture.cleanup());

  it('starting: 503 while no index is loaded', async () => {
    const response = await createApp({ engine: () => undefined }).request('/health');
    expect(response.status).toBe(503);
    const body = healthSchema.parse(await response.json());
    expect(body.status).toBe('starting');
    expect(body.retrievers).toEqual([]);
  });

  it('degraded: keyword + indicator retrieval only, with the reason', async () => {
    const response = await createApp({ engine: () => fixture.engine }).request('/health');
    expect(response.status).toBe(200);
    const body = healthSchema.parse(await response.json());
    expect(body.status).toBe('degraded');
    expect(body.retrievers).toEqual(['indicators', 'bm25']);
    expect(body.dense.reason).toBeTruthy();
    expect(body.index?.documents).toBe(5);
    expect(body.store).toBe(fixture.engine.store.kind);
    expect(body.store).toBe('sqlite');
  });

  it('ready: all three retrievers', async () => {
    const dense: Engine = { ...fixture.engine, dense: { active: true, model: 'Xenova/bge-small-zh-v1.5' } };
    const body = healthSchema.parse(await (await createApp({ engine: () => dense }).request('/health')).json());
    expect(body.status).toBe('ready');
    expect(body.retrievers).toEqual(['indicators', 'bm25', 'dense']);
  });

  it('follows the engine in service (starting → degraded)', async () => {
    let current: Engine | undefined;
    const app = createApp({ engine: () => current });
    expect((await app.request('/health')).status).toBe(503);
    current = fixture.engine;
    expect((await app.request('/health')).status).toBe(200);
  });
});
