import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestEngine, type TestEngine } from '../../fixtures/engine.js';
import { askRequest, expectError } from '../http-helpers.js';
import { authApp, jsonBody, PASSWORD, signIn, withSession } from './auth-app.js';

const QUESTION = '2026年湖北算力目标是多少？';

describe('sign-in, session cookie, CSRF, sign-out', () => {
  let fixture: TestEngine;
  beforeAll(async () => {
    fixture = await buildTestEngine();
  });
  afterAll(() => fixture.cleanup());

  it('with accounts on, data routes need a sign-in; GET /auth/me says 401 to the page', async () => {
    const { app } = await authApp(fixture.engine);
    await expectError(await app.request('/ask', askRequest({ question: QUESTION })), 401, 'unauthorized');
    await expectError(await app.request('/documents'), 401, 'unauthorized');
    const me = await expectError(await app.request('/auth/me'), 401, 'unauthorized');
    expect(me.error.message).toBe('not signed in');
    expect((await app.request('/')).status).toBe(200);
    expect((await app.request('/health')).status).toBe(200);
  });

  it('signs in with an HttpOnly, SameSite cookie; the session reads and asks with its CSRF token', async () => {
    const { app } = await authApp(fixture.engine);
    const session = await signIn(app, 'READER');
    expect(session.setCookie).toMatch(/^qa_session=[A-Za-z0-9_-]{43}; /);
    expect(session.setCookie).toMatch(/HttpOnly/);
    expect(session.setCookie).toMatch(/SameSite=Lax/);
    expect(session.setCookie).toMatch(/Path=\//);
    expect(session.setCookie).not.toMatch(/Secure/);

    const me = (await (await app.request('/auth/me', withSession(session))).json()) as Record<string, unknown>;
    expect(me).toMatchObject({ authenticated: true, via: 'session', role: 'reader', user: { name: 'reader', role: 'reader' }, csrfToken: session.csrfToken, accounts: true });
    expect(JSON.stringify(me)).not.toMatch(/passwordHash|scrypt/);

    expect((await app.request('/documents', withSession(session, {}, false))).status).toBe(200);
    const answered = await app.request('/ask', withSession(session, askRequest({ question: QUESTION })));
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as { answer: string }).answer).toContain('2.2万P');
  });

  it('a cookie-authenticated write without the CSRF token, or with another session\'s, is 403 csrf_failed', async () => {
    const { app } = await authApp(fixture.engine);
    const alice = await signIn(app, 'reader');
    const bob = await signIn(app, 'editor');
    const missing = await expectError(await app.request('/ask', withSession(alice, askRequest({ question: QUESTION }), false)), 403, 'csrf_failed', 'x-csrf-token');
    expect(missing.error.message).toMatch(/X-CSRF-Token/);
    const foreign = { ...alice, csrfToken: bob.csrfToken };
    await expectError(await app.request('/ask', withSession(foreign, askRequest({ question: QUESTION }))), 403, 'csrf_failed');
    await expectError(await app.request('/auth/logout', withSession(alice, { method: 'POST' }, false)), 403, 'csrf_failed');
    // Signing in again needs the password only (sign-in is JSON-only, which a cross-site form cannot send).
    const again = await app.request('/auth/login', withSession(alice, jsonBody('POST', { username: 'reader', password: PASSWORD }), false));
    expect(again.status).toBe(200);
    // With the token the same request goes through.
    expect((await app.request('/ask', withSession(alice, askRequest({ question: QUESTION })))).status).toBe(200);
  });

  it('behind TLS the cookie is Secure (https URL, or X-Forwarded-Proto from a trusted proxy)', async () => {
    const direct = await authApp(fixture.engine);
    const viaHttps = await direct.app.request('https://qa.example.gov.cn/auth/login', jsonBody('POST', { username: 'reader', password: PASSWORD }));
    expect(viaHttps.headers.get('set-cookie')).toMatch(/; Secure/);
    const proxied = await authApp(fixture.engine, { protection: { trustProxy: true } });
    expect((await signIn(proxied.app, 'reader', PASSWORD, { 'x-forwarded-proto': 'https' })).setCookie).toMatch(/; Secure/);
    // Without TRUST_PROXY the header is the client's word and is ignored.
    expect((await signIn(direct.app, 'reader', PASSWORD, { 'x-forwarded-proto': 'https' })).setCookie).not.toMatch(/Secure/);
  });

  it('signs out: the cookie is cleared and the session token no longer works', async () => {
    const { app } = await authApp(fixture.engine);
    const session = await signIn(app, 'reader');
    const out = await app.request('/auth/logout', withSession(session, { method: 'POST' }));
    expect(out.status).toBe(200);
    expect(await out.json()).toEqual({ status: 'signed_out' });
    expect(out.headers.get('set-cookie')).toMatch(/^qa_session=; Max-Age=0/);
    const after = await expectError(await app.request('/documents', withSession(session)), 401, 'unauthorized');
    expect(after.error.message).toMatch(/sign in again/);
  });

  it('a wrong password and an unknown name get the same 401', async () => {
    const { app } = await authApp(fixture.engine);
    const wrong = await expectError(await app.request('/auth/login', jsonBody('POST', { username: 'reader', password: 'not-the-password' })), 401, 'unauthorized');
    const unknown = await expectError(await app.request('/auth/login', jsonBody('POST', { username: 'nobody', password: 'not-the-password' })), 401, 'unauthorized');
    expect(wrong.error.message).toBe(unknown.error.message);
    await expectError(await app.request('/auth/login', jsonBody('POST', { username: 'reader' })), 400, 'invalid_request', 'password');
    // A cross-site form post (not JSON) is refused before any password is checked.
    await expectError(await app.request('/auth/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=reader&password=x' }), 415, 'unsupported_media_type');
  });

  it('sessions expire after SESSION_HOURS, and a disabled user is signed out at once', async () => {
    let now = Date.parse('2026-03-01T08:00:00Z');
    const { app, accounts, users } = await authApp(fixture.engine, {}, () => now);
    const session = await signIn(app, 'reader');
    now += 11 * 3600_000;
    expect((await app.request('/documents', withSession(session))).status).toBe(200);
    now += 2 * 3600_000;
    await expectError(await app.request('/documents', withSession(session)), 401, 'unauthorized');

    const again = await signIn(app, 'reader');
    await accounts.updateUser(users.reader, { disabled: true });
    await expectError(await app.request('/documents', withSession(again)), 401, 'unauthorized');
    await expectError(await app.request('/auth/login', jsonBody('POST', { username: 'reader', password: PASSWORD })), 401, 'unauthorized');
  });

  it('rate-limits failed sign-in attempts per address and per user name', async () => {
    const now = () => 1_000_000;
    const { app } = await authApp(fixture.engine, { accounts: undefined, protection: { clientKey: (c) => c.req.header('x-test-client') ?? 'anon' } }, now);
    const attempt = (client: string, username: string) =>
      app.request('/auth/login', jsonBody('POST', { username, password: 'guess-guess-guess' }, { 'x-test-client': client }));
    // One address guessing many names: 10 per minute, then 429.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt('mallory', `user${i}`)).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429]);
    const limited = await attempt('mallory', 'someone');
    await expectError(limited, 429, 'rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Many addresses guessing one name: the name's bucket runs out too.
    const perName: number[] = [];
    for (let i = 0; i < 12; i++) perName.push((await attempt(`botnet-${i}`, 'admin')).status);
    expect(perName).toEqual([...Array(10).fill(401), 429, 429]);
    // Other people are unaffected, and successful sign-ins spend nothing (one office behind one address).
    expect((await attempt('alice-pc', 'reader')).status).toBe(401);
    const ok: number[] = [];
    for (let i = 0; i < 12; i++) {
      ok.push((await app.request('/auth/login', jsonBody('POST', { username: 'editor', password: PASSWORD }, { 'x-test-client': 'office-proxy' }))).status);
    }
    expect(ok).toEqual(Array(12).fill(200));
  });
});
