import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestEngine, type TestEngine } from '../../fixtures/engine.js';
import { expectError } from '../http-helpers.js';
import { authApp, signIn, withSession } from './auth-app.js';

const REPORT = '2026年，全省工业投资增长10%以上。\n';
const put = (body: BodyInit, type = 'text/plain; charset=utf-8'): RequestInit => ({ method: 'PUT', headers: { 'content-type': type }, body });

describe('PUT /admin/documents/:name (editor uploads a report)', () => {
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

  it('a reader may not upload; an editor adds, then replaces, a report byte for byte', async () => {
    const served = await app();
    const reader = await signIn(served, 'reader');
    await expectError(await served.request('/admin/documents/new.txt', withSession(reader, put(REPORT))), 403, 'forbidden');
    await expectError(await served.request('/admin/documents/new.txt', put(REPORT)), 401, 'unauthorized');

    const editor = await signIn(served, 'editor');
    const added = await served.request('/admin/documents/湖北_2026.txt', withSession(editor, put(REPORT)));
    expect(added.status).toBe(201);
    expect(await added.json()).toEqual({ name: '湖北_2026.txt', bytes: Buffer.byteLength(REPORT), replaced: false, next: 'POST /admin/reindex to ingest it' });
    expect(await readFile(join(seedsDir, '湖北_2026.txt'), 'utf8')).toBe(REPORT);

    // GBK bytes are kept as sent: ingest detects the encoding.
    const gbk = Buffer.from([0xba, 0xfe, 0xb1, 0xb1]);
    const replaced = await served.request(`/admin/documents/${encodeURIComponent('湖北_2026.txt')}`, withSession(editor, put(gbk, 'application/octet-stream')));
    expect(replaced.status).toBe(200);
    expect(((await replaced.json()) as { replaced: boolean }).replaced).toBe(true);
    expect(await readFile(join(seedsDir, '湖北_2026.txt'))).toEqual(gbk);
    expect((await readdir(seedsDir)).sort()).toEqual(['湖北_2026.txt']);
  });

  it('refuses other names, types, empty bodies and cookie writes without the CSRF token', async () => {
    const served = await app();
    const editor = await signIn(served, 'editor');
    for (const name of ['catalog.json', '.hidden.txt', 'report.pdf', '..%2Fescape.txt', '%2E%2E.txt']) {
      const response = await served.request(`/admin/documents/${name}`, withSession(editor, put(REPORT)));
      expect([400, 404], name).toContain(response.status);
    }
    await expectError(await served.request('/admin/documents/report.txt', withSession(editor, put(REPORT, 'application/json'))), 415, 'unsupported_media_type');
    await expectError(await served.request('/admin/documents/report.txt', withSession(editor, put(''))), 400, 'invalid_request', 'body');
    await expectError(await served.request('/admin/documents/report.txt', withSession(editor, put(REPORT), false)), 403, 'csrf_failed');
    expect(await readdir(seedsDir)).not.toContain('report.txt');
    expect((await readdir(join(seedsDir, '..'))).filter((n) => n === 'escape.txt')).toEqual([]);
  });
});
