/**
 * POST /documents and DELETE /documents/:id: refusals a caller can fix come back at once (4xx naming the file,
 * nothing written); the rest is a job polled at GET /jobs/:id that reads the file page by page, re-indexes,
 * and leaves the seeds folder as it was when it fails. The same bytes again change nothing.
 */
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { AppError } from '../../src/errors.js';
import { DEFAULT_EMBEDDING_MODEL } from '../../src/index/embeddings.js';
import { openOrRebuild } from '../../src/index/open-or-rebuild.js';
import { createApp } from '../../src/serve/app.js';
import { jobSchema, type Job } from '../../src/serve/jobs/job-schema.js';
import { swapOnReindex, type AdminOptions } from '../../src/serve/routes/admin.js';
import { FORMATS_DIR, fixtureBytes } from '../ingest/load/format-fixtures.js';
import { expectError } from './http-helpers.js';
import { acceptedJob, finishedJob } from './jobs-helpers.js';

const TOKEN = 'upload-admin-token-0123456789';
const AUTH = { authorization: `Bearer ${TOKEN}` };
let root: string;
let seedsDir: string;
let engine: Engine | undefined;
let app: Hono;
let reindex: AdminOptions['reindex'];
/** Holds the re-index back while a test looks at a running job. */
let gate: Promise<void> = Promise.resolve();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'policy-qa-upload-'));
  seedsDir = join(root, 'seeds');
  await mkdir(seedsDir);
  await copyFile(join(FORMATS_DIR, 'report.txt'), join(seedsDir, 'report.txt'));
  const source = { seedsDir, indexDir: join(root, 'index'), embeddingModel: DEFAULT_EMBEDDING_MODEL, embedder: null };
  engine = (await openOrRebuild(source)).engine;
  const slot = { current: () => engine, replace: (next: Engine) => (engine = next) };
  const swap = swapOnReindex(source, slot);
  reindex = async (request) => {
    await gate;
    return swap(request);
  };
  app = createApp({ engine: () => engine, admin: { token: TOKEN, seedsDir, reindex: (request) => reindex(request) } });
});

afterAll(async () => {
  await engine?.close();
  await rm(root, { recursive: true, force: true });
});

function upload(name: string, bytes: Uint8Array, headers: Record<string, string> = AUTH): Promise<Response> {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(bytes)], name));
  return Promise.resolve(app.request('/documents', { method: 'POST', body: form, headers }));
}

async function waitUntil(id: string, test: (job: Job) => boolean): Promise<Job> {
  for (;;) {
    const job = jobSchema.parse(await (await app.request(`/jobs/${id}`, { headers: AUTH })).json());
    if (test(job)) return job;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('POST /documents', () => {
  it('needs the admin token', async () => {
    await expectError(await upload('report.pdf', fixtureBytes('report.pdf'), { authorization: 'Bearer wrong-token' }), 401, 'unauthorized');
    expect(await readdir(seedsDir)).toEqual(['report.txt']);
  });

  it('answers 202 with a job that reads the PDF page by page, queues the next upload, then answers from the new table', async () => {
    let open = () => {};
    gate = new Promise((resolve) => (open = resolve));
    let job: Job;
    let next: Job;
    try {
      job = await acceptedJob(await upload('report.pdf', fixtureBytes('report.pdf')));
      expect(job).toMatchObject({ kind: 'upload', file: 'report.pdf' });
      expect(['queued', 'running']).toContain(job.state);

      // Held before the re-index: every page has been read and the file goes in place; the old index still serves.
      const reading = await waitUntil(job.id, (j) => j.progress.unit === 'page' && j.progress.done === j.progress.total);
      expect(reading).toMatchObject({ state: 'running', progress: { done: 3, total: 3, unit: 'page' } });
      while (!(await readdir(seedsDir)).includes('report.pdf')) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(engine?.document('report.pdf')).toBeUndefined();
      expect((await waitUntil(job.id, () => true)).state).toBe('running');
      next = await acceptedJob(await upload('report.docx', fixtureBytes('report.docx')));
      expect(next.state).toBe('queued');
    } finally {
      open();
    }
    const { job: done } = await finishedJob(app, job, AUTH);
    expect(done).toMatchObject({
      state: 'done',
      documents: [{ id: 'report.pdf', status: 'created', format: 'pdf' }],
      reindex: { changed: true, documents: 2 },
    });
    expect(done.error).toBeUndefined();
    expect(done.finishedAt).toBeDefined();
    const answer = await engine?.ask({ question: '2025年襄阳高新技术企业数量实际完成了多少', filters: { docIds: ['report.pdf'] } });
    expect(answer?.citations[0]).toMatchObject({ docId: 'report.pdf', quote: '1620家', page: 2 });

    const { job: second } = await finishedJob(app, next, AUTH);
    expect(second).toMatchObject({ state: 'done', documents: [{ id: 'report.docx', status: 'created', format: 'docx' }], reindex: { documents: 3 } });
  });

  it('the same bytes again change nothing', async () => {
    const { job } = await finishedJob(app, await acceptedJob(await upload('report.pdf', fixtureBytes('report.pdf'))), AUTH);
    expect(job).toMatchObject({ state: 'done', documents: [{ id: 'report.pdf', status: 'unchanged' }] });
    expect(job.reindex).toBeUndefined();
  });

  it('new bytes under a name already indexed replace that document', async () => {
    const text = new TextEncoder().encode('襄阳市2026年工作要点\n\n2026年，全市规上工业增加值增长8%以上。\n');
    const { job } = await finishedJob(app, await acceptedJob(await upload('report.txt', text)), AUTH);
    expect(job).toMatchObject({ state: 'done', documents: [{ id: 'report.txt', status: 'replaced', format: 'txt' }], reindex: { changed: true, documents: 3 } });
    expect(engine?.document('report.txt')?.text).toContain('全市规上工业增加值增长8%以上');
  });

  it.each([
    ['scanned.pdf', /scanned\.pdf: the PDF has no text layer/],
    ['encrypted.pdf', /encrypted\.pdf: the PDF is encrypted/],
    ['broken.pdf', /broken\.pdf: not a readable PDF/],
  ])('refuses %s at once (422 naming the file and the reason) and writes nothing', async (name, message) => {
    const body = await expectError(await upload(name, fixtureBytes(name)), 422, 'ingest_failed');
    expect(body.error.message).toMatch(message);
    expect((await readdir(seedsDir)).sort()).toEqual(['report.docx', 'report.pdf', 'report.txt']);
  });

  it('refuses a file type it cannot read, a name with a folder in it, an empty file and a form without a file', async () => {
    const wrongType = await expectError(await upload('table.xlsx', fixtureBytes('report.docx')), 415, 'unsupported_media_type', 'file');
    expect(wrongType.error.message).toContain('table.xlsx');
    await expectError(await upload('..', fixtureBytes('report.txt')), 400, 'invalid_request', 'file');
    const empty = await expectError(await upload('empty.txt', new Uint8Array()), 400, 'invalid_request', 'file');
    expect(empty.error.message).toBe('empty.txt: the file is empty');
    const form = new FormData();
    form.append('note', 'no file here');
    const missing = await expectError(await app.request('/documents', { method: 'POST', body: form, headers: AUTH }), 400, 'invalid_request', 'file');
    expect(missing.error.message).toContain('the form has no file field');
    expect((await readdir(seedsDir)).sort()).toEqual(['report.docx', 'report.pdf', 'report.txt']);
  });

  it('a re-index that fails fails the job with its error, and the uploaded file is taken out again', async () => {
    const working = reindex;
    reindex = async () => {
      throw new AppError('index_unwritable', 500, 'the index folder is not writable');
    };
    try {
      const text = new TextEncoder().encode('2026年，全市工业投资增长10%以上。');
      const { job } = await finishedJob(app, await acceptedJob(await upload('new.txt', text)), AUTH);
      expect(job).toMatchObject({ state: 'failed', error: { code: 'index_unwritable', message: 'the index folder is not writable' } });
      expect(job.documents).toBeUndefined();
    } finally {
      reindex = working;
    }
    expect((await readdir(seedsDir)).sort()).toEqual(['report.docx', 'report.pdf', 'report.txt']);
    expect(engine?.document('new.txt')).toBeUndefined();
  });
});

describe('GET /jobs/:id', () => {
  it('404 for an unknown job, 400 for something that is not a job id, 401 without the token', async () => {
    await expectError(await app.request('/jobs/7d444840-9dc0-11d1-b245-5ffdce74fad2', { headers: AUTH }), 404, 'not_found', 'id');
    await expectError(await app.request('/jobs/..%2Fetc', { headers: AUTH }), 400, 'invalid_request', 'id');
    await expectError(await app.request('/jobs/7d444840-9dc0-11d1-b245-5ffdce74fad2'), 401, 'unauthorized');
  });
});

describe('DELETE /documents/:id', () => {
  it('removes the file and its rows, as a job', async () => {
    const { job } = await finishedJob(app, await acceptedJob(await app.request('/documents/report.pdf', { method: 'DELETE', headers: AUTH })), AUTH);
    expect(job).toMatchObject({ kind: 'delete', state: 'done', documents: [{ id: 'report.pdf', status: 'deleted' }], reindex: { documents: 2 } });
    expect((await readdir(seedsDir)).sort()).toEqual(['report.docx', 'report.txt']);
    expect(engine?.document('report.pdf')).toBeUndefined();
  });

  it('404 at once for a document that is not there; 401 without the token', async () => {
    await expectError(await app.request('/documents/nope.pdf', { method: 'DELETE', headers: AUTH }), 404, 'not_found', 'id');
    await expectError(await app.request('/documents/report.txt', { method: 'DELETE' }), 401, 'unauthorized');
  });
});
