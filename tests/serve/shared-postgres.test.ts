/**
 * Two `npm start` servers on one PostgreSQL database (and one seeds folder, as a shared volume): a
 * report uploaded through server A is answered by server B within its poll, without a restart.
 */
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED, SEED_IDS, SEEDS_DIR } from '../fixtures/seeds.js';
import { pgUnavailableReason, startPgTestServer, type PgTestServer } from '../store/pg-test-db.js';
import { startServer, type ChildServer } from './child-server.js';

const missing = pgUnavailableReason();
if (missing) console.warn(missing);

const TOKEN = 'shared-admin-token-0123456789';
const QUESTION = '湖南2025年新增的先进级智能工厂数量是否超过广东新认定的省级先进级智能工厂？';

describe.skipIf(Boolean(missing))('two servers sharing one PostgreSQL database', () => {
  let pgServer: PgTestServer;
  let root: string;
  const children: ChildServer[] = [];

  beforeAll(async () => {
    pgServer = await startPgTestServer();
    root = await mkdtemp(join(tmpdir(), 'policy-qa-shared-'));
  });
  afterAll(async () => {
    for (const child of children) {
      child.process.kill('SIGTERM');
      await child.exited;
    }
    await pgServer?.stop();
    await rm(root, { recursive: true, force: true });
  });

  async function listening(env: Record<string, string>): Promise<string> {
    const child = startServer(env);
    children.push(child);
    const line = await child.waitForLog((l) => typeof l.msg === 'string' && l.msg.includes('listening on'), 60_000);
    return `http://127.0.0.1:${String(line.port)}`;
  }

  const ask = async (base: string) => {
    const response = await fetch(`${base}/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: QUESTION }) });
    expect(response.status).toBe(200);
    return (await response.json()) as { status: string; answer: string; citations: Array<{ docId: string }> };
  };

  it('an upload to A is answered by B after a poll; /health names the store and where the vectors are', async () => {
    const seeds = join(root, 'seeds');
    await mkdir(seeds);
    for (const id of SEED_IDS.filter((id) => id !== SEED.hunanGuangdong)) await cp(join(SEEDS_DIR, id), join(seeds, id));
    const databaseUrl = await pgServer.database();
    const env = (name: string) => ({ DATABASE_URL: databaseUrl, SEEDS_DIR: seeds, INDEX_DIR: join(root, name), INDEX_POLL_SECONDS: '0.5', ADMIN_TOKEN: TOKEN, RATE_LIMIT_PER_MINUTE: '0' });
    const a = await listening(env('a'));
    const b = await listening(env('b'));

    const health = (await (await fetch(`${b}/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ store: 'postgres', storeVectors: { kept: 'none', pgvector: expect.stringMatching(/installed|available/) }, index: { documents: 4 } });
    expect((await ask(b)).answer).not.toMatch(/^是，超过，多44家/);

    const form = new FormData();
    form.append('file', new File([await readFile(join(SEEDS_DIR, SEED.hunanGuangdong))], SEED.hunanGuangdong));
    const accepted = await fetch(`${a}/documents`, { method: 'POST', body: form, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(accepted.status).toBe(202);
    const { id } = (await accepted.json()) as { id: string };
    for (;;) {
      const job = (await (await fetch(`${a}/jobs/${id}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { state: string };
      if (job.state === 'done') break;
      expect(job.state).not.toBe('failed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    // B was never told: it notices the new generation on its own.
    const deadline = Date.now() + 15_000;
    let answer = await ask(b);
    while (!/^是，超过，多44家/.test(answer.answer) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      answer = await ask(b);
    }
    expect(answer.answer).toMatch(/^是，超过，多44家/);
    expect(answer.citations.map((c) => c.docId)).toEqual([SEED.hunanGuangdong, SEED.hunanGuangdong]);
    expect(((await (await fetch(`${b}/health`)).json()) as { index: { documents: number } }).index.documents).toBe(5);
    expect(children[1].logs.some((l) => l.msg === 'a newer index was written elsewhere: serving it')).toBe(true);
  });
});
