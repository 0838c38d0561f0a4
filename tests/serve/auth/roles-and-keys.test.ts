import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestEngine, type TestEngine } from '../../fixtures/engine.js';
import { askRequest, expectError } from '../http-helpers.js';
import { acceptedJob, finishedJob } from '../jobs-helpers.js';
import { authApp, jsonBody, signIn, withSession } from './auth-app.js';

const API_KEY = 'static-api-key-123';
const ADMIN_TOKEN = 'static-admin-token-0123456789';
const bearer = (token: string, init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });

describe('roles per route, per-user API keys, static keys', () => {
  let fixture: TestEngine;
  beforeAll(async () => {
    fixture = await buildTestEngine();
  });
  afterAll(() => fixture.cleanup());

  it('reader reads and asks; editor also re-indexes; only admin manages users (403, not 401, below)', async () => {
    const { app, reindexCalls } = await authApp(fixture.engine);
    const reader = await signIn(app, 'reader');
    const editor = await signIn(app, 'editor');
    const admin = await signIn(app, 'admin');

    const reindex = (s: typeof reader) => app.request('/admin/reindex', withSession(s, { method: 'POST' }));
    const forbidden = await expectError(await reindex(reader), 403, 'forbidden');
    expect(forbidden.error.message).toBe('this endpoint needs the editor role; the credential used has reader');
    // 202 with a job each; the second is queued after the first finished, so each runs a re-index.
    for (const session of [editor, admin]) {
      const { job } = await finishedJob(app, await acceptedJob(await reindex(session)), withSession(session).headers as Record<string, string>);
      expect(job).toMatchObject({ kind: 'reindex', state: 'done', reindex: { status: 'reindexed' } });
    }
    expect(reindexCalls()).toBe(2);

    await expectError(await app.request('/admin/users', withSession(editor)), 403, 'forbidden');
    const list = (await (await app.request('/admin/users', withSession(admin))).json()) as { users: Array<{ name: string; role: string }> };
    expect(list.users.map((u) => `${u.name}:${u.role}`)).toEqual(['reader:reader', 'editor:editor', 'admin:admin']);
    expect(JSON.stringify(list)).not.toContain('passwordHash');
  });

  it('admin creates, changes and removes users; the last admin stays', async () => {
    const { app, users } = await authApp(fixture.engine);
    const admin = await signIn(app, 'admin');
    const created = await app.request('/admin/users', withSession(admin, jsonBody('POST', { name: 'Wang.Fang', password: 'another-long-password', role: 'editor' })));
    expect(created.status).toBe(201);
    const { user } = (await created.json()) as { user: { id: string; name: string; role: string } };
    expect(user).toMatchObject({ name: 'wang.fang', role: 'editor' });
    await expectError(await app.request('/admin/users', withSession(admin, jsonBody('POST', { name: 'wang.fang', password: 'another-long-password' }))), 409, 'conflict', 'name');
    await expectError(await app.request('/admin/users', withSession(admin, jsonBody('POST', { name: 'x y', password: 'another-long-password' }))), 400, 'invalid_request', 'name');
    await expectError(await app.request('/admin/users', withSession(admin, jsonBody('POST', { name: 'short', password: 'short' }))), 400, 'invalid_request', 'password');

    const wang = await signIn(app, 'wang.fang', 'another-long-password');
    const patched = await app.request(`/admin/users/${user.id}`, withSession(admin, jsonBody('PATCH', { password: 'a-brand-new-password' })));
    expect(patched.status).toBe(200);
    // A new password ends the user's open sessions.
    await expectError(await app.request('/documents', withSession(wang)), 401, 'unauthorized');
    await signIn(app, 'wang.fang', 'a-brand-new-password');

    const demoteSelf = await expectError(await app.request(`/admin/users/${users.admin}`, withSession(admin, jsonBody('PATCH', { role: 'reader' }))), 409, 'conflict');
    expect(demoteSelf.error.message).toMatch(/last active admin/);
    await expectError(await app.request(`/admin/users/${users.admin}`, withSession(admin, { method: 'DELETE' })), 409, 'conflict');
    expect((await app.request(`/admin/users/${user.id}`, withSession(admin, { method: 'DELETE' }))).status).toBe(200);
    await expectError(await app.request(`/admin/users/${user.id}`, withSession(admin, { method: 'DELETE' })), 404, 'not_found', 'id');
    await expectError(await app.request('/admin/users/u_nobody', withSession(admin, jsonBody('PATCH', {}))), 400, 'invalid_request');
  });

  it('a user creates their own key, shown once and stored hashed; it works as a bearer without CSRF, until revoked', async () => {
    const { app, accounts } = await authApp(fixture.engine);
    const editor = await signIn(app, 'editor');
    const created = await app.request('/auth/keys', withSession(editor, jsonBody('POST', { label: 'nightly import' })));
    expect(created.status).toBe(201);
    const { key, secret } = (await created.json()) as { key: { id: string; role: string; prefix: string }; secret: string };
    expect(secret).toMatch(/^pqa_[A-Za-z0-9_-]{43}$/);
    expect(key).toMatchObject({ role: 'editor', prefix: secret.slice(0, 10) });
    const listed = await (await app.request('/auth/keys', withSession(editor))).text();
    expect(listed).toContain(key.id);
    expect(listed).not.toContain(secret);
    const stored = JSON.stringify(await accounts.store.listApiKeys());
    expect(stored).not.toContain(secret);

    // Bearer: no cookie, no CSRF token, and the key's role applies.
    expect((await app.request('/ask', bearer(secret, askRequest({ question: '2026年湖北算力目标是多少？' })))).status).toBe(200);
    expect((await app.request('/admin/reindex', bearer(secret, { method: 'POST' }))).status).toBe(202);
    await expectError(await app.request('/admin/users', bearer(secret)), 403, 'forbidden');
    const me = (await (await app.request('/auth/me', bearer(secret))).json()) as Record<string, unknown>;
    expect(me).toMatchObject({ via: 'api-key', role: 'editor', user: { name: 'editor' } });
    expect(me.csrfToken).toBeUndefined();

    // Another user cannot revoke it; its owner can.
    const reader = await signIn(app, 'reader');
    await expectError(await app.request(`/auth/keys/${key.id}`, withSession(reader, { method: 'DELETE' })), 404, 'not_found');
    const revoked = await app.request(`/auth/keys/${key.id}`, withSession(editor, { method: 'DELETE' }));
    expect(((await revoked.json()) as { key: { revokedAt?: string } }).key.revokedAt).toMatch(/^\d{4}-/);
    const refused = await app.request('/documents', bearer(secret));
    await expectError(refused, 401, 'unauthorized');
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="api", error="invalid_token"');
  });

  it('a key never outranks its owner, and demoting the owner demotes the key', async () => {
    const { app, accounts, users } = await authApp(fixture.engine);
    const reader = await signIn(app, 'reader');
    await expectError(await app.request('/auth/keys', withSession(reader, jsonBody('POST', { label: 'x', role: 'admin' }))), 403, 'forbidden', 'role');
    const admin = await signIn(app, 'admin');
    const made = await app.request(`/admin/users/${users.editor}/keys`, withSession(admin, jsonBody('POST', { label: 'for ci' })));
    expect(made.status).toBe(201);
    const { key, secret } = (await made.json()) as { key: { id: string }; secret: string };
    expect((await app.request('/admin/reindex', bearer(secret, { method: 'POST' }))).status).toBe(202);
    await accounts.updateUser(users.editor, { role: 'reader' });
    await expectError(await app.request('/admin/reindex', bearer(secret, { method: 'POST' })), 403, 'forbidden');
    const all = (await (await app.request('/admin/keys', withSession(admin))).json()) as { keys: Array<{ id: string }> };
    expect(all.keys.map((k) => k.id)).toEqual([key.id]);
    expect((await app.request(`/admin/keys/${key.id}`, withSession(admin, { method: 'DELETE' }))).status).toBe(200);
    await expectError(await app.request('/documents', bearer(secret)), 401, 'unauthorized');
  });

  it('static API_KEY (reader) and ADMIN_TOKEN (admin) keep working beside accounts; neither owns keys', async () => {
    const { app } = await authApp(fixture.engine, { protection: { apiKey: API_KEY }, admin: { token: ADMIN_TOKEN, reindex: async () => { throw new Error('not used'); } } });
    expect((await app.request('/indicators?pageSize=1', bearer(API_KEY))).status).toBe(200);
    await expectError(await app.request('/admin/users', bearer(API_KEY)), 403, 'forbidden');
    expect((await app.request('/admin/users', bearer(ADMIN_TOKEN))).status).toBe(200);
    const created = await app.request('/admin/users', bearer(ADMIN_TOKEN, jsonBody('POST', { name: 'li.na', password: 'long-enough-password' })));
    expect(created.status).toBe(201);
    const own = await expectError(await app.request('/auth/keys', bearer(ADMIN_TOKEN, jsonBody('POST', { label: 'x' }))), 403, 'forbidden');
    expect(own.error.message).toMatch(/needs a user account/);
    expect(await (await app.request('/auth/me', bearer(API_KEY))).json()).toEqual({ authenticated: true, via: 'static-key', role: 'reader', accounts: true });
  });

  it('a wrong bearer token does not block the open routes', async () => {
    const { app } = await authApp(fixture.engine);
    for (const path of ['/health', '/openapi.json', '/']) expect((await app.request(path, bearer('pqa_wrong'))).status, path).toBe(200);
    const me = await expectError(await app.request('/auth/me', bearer('pqa_wrong')), 401, 'unauthorized');
    expect(me.error.message).toBe('invalid bearer token');
  });
});
