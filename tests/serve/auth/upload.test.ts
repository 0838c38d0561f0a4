import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestEngine, type TestEngine } from '../../fixtures/engine.js';
import { expectError } from '../http-helpers.js';
import { authApp, signIn, withSession } from './auth-app.js';

// Roles for adding and removing reports; what an upload does is tested in tests/serve/document-upload.test.ts.
const upload = (name: string, body: string): RequestInit => {
  const form = new FormData();
  form.append('file', new File([body], name));
  return { method: 'POST', body: form };
};

describe('POST /documents, DELETE /documents/:id and GET /jobs/:id need the editor role', () => {
  let fixture: TestEngine;
  let seedsDir: string;
  beforeAll(async () => {
    fixture = await buildTestEngine();
    seedsDir = await mkdtemp(join(tmpdir(), 'policy-qa-upload-'));
  });
  afterAll(async () => {
    await fixture.cleanup();
    await rm(seedsDir, { recursive: true, force: true });
  });

  const app = async () => (await authApp(fixture.engine, { admin: { seedsDir, reindex: () => Promise.reject(new Error('not used')) } })).app;

  it('refuses readers and anonymous callers, lets an editor through to the file checks', async () => {
    const served = await app();
    const reader = await signIn(served, 'reader');
    await expectError(await served.request('/documents', withSession(reader, upload('new.txt', '2026年，全省工业投资增长10%以上。'))), 403, 'forbidden');
    await expectError(await served.request('/documents', upload('new.txt', '2026年，全省工业投资增长10%以上。')), 401, 'unauthorized');
    await expectError(await served.request('/documents/any.txt', withSession(reader, { method: 'DELETE' })), 403, 'forbidden');
    // Jobs (upload and re-index progress) are for those who may start them.
    await expectError(await served.request('/jobs/7d444840-9dc0-11d1-b245-5ffdce74fad2', withSession(reader, {})), 403, 'forbidden');
    // Reading stays a reader's right.
    expect((await served.request('/documents', withSession(reader, {}))).status).toBe(200);

    const editor = await signIn(served, 'editor');
    await expectError(await served.request('/documents', withSession(editor, upload('report.exe', 'x'))), 415, 'unsupported_media_type');
    await expectError(await served.request('/documents', withSession(editor, upload('report.txt', 'x'), false)), 403, 'csrf_failed');
    expect(await readdir(seedsDir)).toEqual([]);
    await expectError(await served.request('/jobs/7d444840-9dc0-11d1-b245-5ffdce74fad2', withSession(editor, {})), 404, 'not_found');
  });
});
