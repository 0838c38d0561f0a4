/** POST /documents and DELETE /documents/:id: admin-only, loader-checked uploads that re-index; same bytes change nothing. */
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { DEFAULT_EMBEDDING_MODEL } from '../../src/index/embeddings.js';
import { openOrRebuild } from '../../src/index/open-or-rebuild.js';
import { createApp } from '../../src/serve/app.js';
import { swapOnReindex } from '../../src/serve/routes/admin.js';
import { FORMATS_DIR, fixtureBytes } from '../ingest/load/format-fixtures.js';

const TOKEN = 'upload-admin-token-0123456789';
let root: string;
let seedsDir: string;
let engine: Engine | undefined;
let app: Hono;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'policy-qa-upload-'));
  seedsDir = join(root, 'seeds');
  await mkdir(seedsDir);
  await copyFile(join(FORMATS_DIR, 'report.txt'), join(seedsDir, 'report.txt'));
  const source = { seedsDir, indexDir: join(root, 'index'), embeddingModel: DEFAULT_EMBEDDING_MODEL, embedder: null };
  engine = (await openOrRebuild(source)).engine;
  const slot = { current: () => engine, replace: (next: Engine) => (engine = next) };
  app = createApp({ engine: () => engine, admin: { token: TOKEN, seedsDir, reindex: swapOnReindex(source, slot) } });
});

afterAll(async () => {
  await engine?.close();
  await rm(root, { recursive: true, force: true });
});

function upload(name: string, bytes: Uint8Array, token = TOKEN): Promise<Response> {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(bytes)], name));
  return Promise.resolve(app.request('/documents', { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } }));
}

describe('POST /documents', () => {
  it('needs the admin token', async () => {
    const response = await upload('report.pdf', fixtureBytes('report.pdf'), 'wrong-token');
    expect(response.status).toBe(401);
    expect(await readdir(seedsDir)).toEqual(['report.txt']);
  });

  it('adds a PDF, re-indexes, and answers from its table', async () => {
    const response = await upload('report.pdf', fixtureBytes('report.pdf'));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ status: 'created', id: 'report.pdf', format: 'pdf', reindex: { changed: true, documents: 2 } });
    const answer = await engine?.ask({ question: '2025年襄阳高新技术企业数量实际完成了多少', filters: { docIds: ['report.pdf'] } });
    expect(answer?.citations[0]).toMatchObject({ docId: 'report.pdf', quote: '1620家', page: 2 });
  });

  it('the same bytes again change nothing', async () => {
    const response = await upload('report.pdf', fixtureBytes('report.pdf'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'unchanged', id: 'report.pdf' });
  });

  it.each([
    ['scanned.pdf', 422, /no text layer/],
    ['encrypted.pdf', 422, /encrypted/],
  ])('refuses %s with the loader’s reason and writes nothing', async (name, status, message) => {
    const response = await upload(name, fixtureBytes(name));
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('ingest_failed');
    expect(body.error.message).toMatch(message);
    expect((await readdir(seedsDir)).sort()).toEqual(['report.pdf', 'report.txt']);
  });

  it('refuses a file type it cannot read and a name with a folder in it', async () => {
    expect((await upload('table.xlsx', fixtureBytes('report.docx'))).status).toBe(415);
    const sneaky = await upload('..', fixtureBytes('report.txt'));
    expect(sneaky.status).toBe(400);
  });
});

describe('DELETE /documents/:id', () => {
  it('removes the file and its rows', async () => {
    const response = await app.request('/documents/report.pdf', { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'deleted', id: 'report.pdf', reindex: { documents: 1 } });
    expect(await readdir(seedsDir)).toEqual(['report.txt']);
    expect(engine?.document('report.pdf')).toBeUndefined();
  });

  it('404 for a document that is not there; 401 without the token', async () => {
    expect((await app.request('/documents/nope.pdf', { method: 'DELETE', headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    expect((await app.request('/documents/report.txt', { method: 'DELETE' })).status).toBe(401);
  });
});
