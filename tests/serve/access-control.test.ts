import { cp, mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { openOrRebuild, type IndexSource } from '../../src/index/open-or-rebuild.js';
import { DEFAULT_EMBEDDING_MODEL } from '../../src/index/embeddings.js';
import { createApp } from '../../src/serve/app.js';
import { swapOnReindex, type ReindexReport } from '../../src/serve/routes/admin.js';
import { SEED, SEEDS_DIR } from '../fixtures/seeds.js';
import { askRequest, expectError } from './http-helpers.js';
import { acceptedJob, finishedJob } from './jobs-helpers.js';

const API_KEY = 'test-api-key-123';
const ADMIN_TOKEN = 'test-admin-token-0123456789';
const QUESTION = '2026年湖北算力目标是多少？';

describe('access control', () => {
  let root: string;
  let source: IndexSource;
  let engine: Engine | undefined;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'policy-qa-access-'));
    await cp(SEEDS_DIR, join(root, 'seeds'), { recursive: true });
    source = { seedsDir: join(root, 'seeds'), indexDir: join(root, 'index'), embeddingModel: DEFAULT_EMBEDDING_MODEL, embedder: null };
    engine = (await openOrRebuild(source)).engine;
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  describe('API key', () => {
    const app = () => createApp({ engine: () => engine, protection: { apiKey: API_KEY } });

    it('/ask without a key is 401 with a Bearer challenge', async () => {
      const response = await app().request('/ask', askRequest({ question: QUESTION }));
      await expectError(response, 401, 'unauthorized');
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="api"');
    });

    it('a wrong key, another scheme or an empty token is 401', async () => {
      for (const authorization of [`Bearer ${API_KEY}x`, `Bearer ${API_KEY.slice(0, -1)}`, `Basic ${btoa(`user:${API_KEY}`)}`, 'Bearer ', API_KEY]) {
        const response = await app().request('/ask', askRequest({ question: QUESTION }, { authorization }));
        await expectError(response, 401, 'unauthorized');
      }
    });

    it('the right key answers (scheme case-insensitive)', async () => {
      for (const authorization of [`Bearer ${API_KEY}`, `bearer ${API_KEY}`]) {
        const response = await app().request('/ask', askRequest({ question: QUESTION }, { authorization }));
        expect(response.status).toBe(200);
      }
    });

    it('guards /v1/* too, and an encoded path cannot slip past it', async () => {
      await expectError(await app().request('/v1/models'), 401, 'unauthorized');
      await expectError(await app().request('/v1/chat/completions', askRequest({ model: 'x', messages: [] })), 401, 'unauthorized');
      await expectError(await app().request('/%61sk', askRequest({ question: QUESTION })), 401, 'unauthorized');
      const ok = await app().request('/v1/models', { headers: { authorization: `Bearer ${API_KEY}` } });
      expect(ok.status).toBe(200);
    });

    it('is checked before the body is read: an unauthenticated bad body is 401, not 400', async () => {
      await expectError(await app().request('/ask', askRequest('{broken')), 401, 'unauthorized');
    });

    it('guards every data route: document list, full texts and indicator rows need the key too', async () => {
      const id = encodeURIComponent((engine as Engine).documents()[0].id);
      for (const path of ['/documents', `/documents/${id}`, '/indicators', '/indicators?region=湖北', '/%64ocuments']) {
        const response = await app().request(path);
        await expectError(response, 401, 'unauthorized');
        expect(response.headers.get('www-authenticate'), path).toBe('Bearer realm="api"');
        const ok = await app().request(path, { headers: { authorization: `Bearer ${API_KEY}` } });
        expect(ok.status, path).toBe(200);
      }
      const text = (await (await app().request(`/documents/${id}`, { headers: { authorization: `Bearer ${API_KEY}` } })).json()) as { text: string };
      expect(text.text.length).toBeGreaterThan(1000);
    });

    it('leaves /health, the OpenAPI document and the web page open', async () => {
      for (const path of ['/health', '/openapi.json', '/', '/web/app.js', '/docs']) {
        expect((await app().request(path)).status, path).toBe(200);
      }
    });

    it('without API_KEY, /ask is open', async () => {
      const open = createApp({ engine: () => engine });
      expect((await open.request('/ask', askRequest({ question: QUESTION }))).status).toBe(200);
    });
  });

  describe('POST /admin/reindex', () => {
    it('does not exist without ADMIN_TOKEN', async () => {
      const app = createApp({ engine: () => engine, protection: { apiKey: API_KEY } });
      await expectError(await app.request('/admin/reindex', { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }), 404, 'not_found');
    });

    it('requires the admin token; the API key is not enough (403)', async () => {
      let calls = 0;
      const app = createApp({
        engine: () => engine,
        protection: { apiKey: API_KEY },
        admin: {
          token: ADMIN_TOKEN,
          reindex: async () => {
            calls++;
            throw new Error('must not run');
          },
        },
      });
      const missing = await app.request('/admin/reindex', { method: 'POST' });
      await expectError(missing, 401, 'unauthorized');
      expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="admin"');
      // The API key is a valid credential of the reader role: known, but not allowed (403, not 401).
      await expectError(await app.request('/admin/reindex', { method: 'POST', headers: { authorization: `Bearer ${API_KEY}` } }), 403, 'forbidden');
      await expectError(await app.request('/admin/reindex?force=true', { method: 'POST', headers: { authorization: 'Bearer nope' } }), 401, 'unauthorized');
      expect(calls).toBe(0);
    });

    it('re-ingests as a job and swaps the engine while /ask keeps answering; concurrent calls share one job', async () => {
      let swaps = 0;
      const reindex = swapOnReindex(source, {
        current: () => engine,
        replace: (next) => {
          swaps++;
          engine = next;
        },
      });
      const app = createApp({ engine: () => engine, admin: { token: ADMIN_TOKEN, reindex } });
      const before = engine as Engine;
      expect(before.documents()).toHaveLength(5);
      // The seeds change: one report is withdrawn.
      await unlink(join(source.seedsDir, SEED.wuhanPlan));

      let reindexing = true;
      const statuses: number[] = [];
      const traffic = (async () => {
        while (reindexing) {
          const response = await app.request('/ask', askRequest({ question: QUESTION }));
          statuses.push(response.status);
          await response.text();
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      })();
      const call = () => app.request('/admin/reindex', { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      const [first, second] = await Promise.all([call(), call()]);
      const [firstJob, secondJob] = [await acceptedJob(first), await acceptedJob(second)];
      // The second request joined the first one's job instead of starting a second ingest.
      expect(secondJob.id).toBe(firstJob.id);
      const { job } = await finishedJob(app, firstJob, { authorization: `Bearer ${ADMIN_TOKEN}` });
      reindexing = false;
      await traffic;

      expect(job.state).toBe('done');
      const report = job.reindex as ReindexReport;
      expect(report).toMatchObject({ status: 'reindexed', changed: true, documents: 4 });
      expect(swaps).toBe(1);
      expect(engine).not.toBe(before);
      expect(engine?.documents().map((d) => d.id)).not.toContain(SEED.wuhanPlan);
      expect(report.index.corpusHash).toBe(engine?.manifest.corpusHash);
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.every((s) => s === 200)).toBe(true);
      const documents = (await (await app.request('/documents')).json()) as { documents: unknown[] };
      expect(documents.documents).toHaveLength(4);
    });

    it('a failed reindex leaves the engine in service and its job reports the error', async () => {
      const current = engine as Engine;
      const broken: IndexSource = { ...source, seedsDir: join(root, 'no-such-seeds') };
      const reindex = swapOnReindex(broken, {
        current: () => engine,
        replace: (next) => {
          engine = next;
        },
      });
      const app = createApp({ engine: () => engine, admin: { token: ADMIN_TOKEN, reindex } });
      const accepted = await acceptedJob(await app.request('/admin/reindex', { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }));
      const { job } = await finishedJob(app, accepted, { authorization: `Bearer ${ADMIN_TOKEN}` });
      expect(job).toMatchObject({ state: 'failed', error: { code: 'ingest_failed' } });
      expect(job.error?.message).toContain('no-such-seeds');
      expect(job.reindex).toBeUndefined();
      expect(engine).toBe(current);
      expect((await app.request('/ask', askRequest({ question: QUESTION }))).status).toBe(200);
    });

    it('rejects unknown query parameters', async () => {
      const app = createApp({ engine: () => engine, admin: { token: ADMIN_TOKEN, reindex: async () => { throw new Error('must not run'); } } });
      await expectError(await app.request('/admin/reindex?everything=1', { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }), 400, 'invalid_request', 'everything');
    });
  });
});
