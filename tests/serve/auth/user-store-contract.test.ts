import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors.js';
import { FileUserStore } from '../../../src/serve/auth/file-user-store.js';
import { MemoryUserStore } from '../../../src/serve/auth/memory-user-store.js';
import type { ApiKeyRecord, SessionRecord, UserRecord, UserStore } from '../../../src/serve/auth/user-store.js';

const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

async function freshFile(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'policy-qa-users-'));
  roots.push(root);
  return join(root, 'nested', 'auth.json');
}

const user = (id: string, name: string, role: UserRecord['role'] = 'reader'): UserRecord => ({
  id,
  name,
  role,
  passwordHash: `scrypt$hash-of-${name}`,
  disabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
});
const session = (tokenHash: string, userId: string, expiresAt = '2026-01-02T00:00:00.000Z'): SessionRecord => ({
  tokenHash,
  userId,
  csrfToken: `csrf-${tokenHash}`,
  createdAt: '2026-01-01T00:00:00.000Z',
  expiresAt,
});
const key = (id: string, userId: string, hash: string): ApiKeyRecord => ({
  id,
  userId,
  label: `label ${id}`,
  role: 'reader',
  hash,
  prefix: 'pqa_abcdef',
  createdAt: '2026-01-01T00:00:00.000Z',
});

/** One contract, every implementation: a SQLite or PostgreSQL store joins this list. */
const implementations: Array<[string, () => Promise<UserStore>]> = [
  ['MemoryUserStore', async () => new MemoryUserStore()],
  ['FileUserStore', async () => new FileUserStore(await freshFile())],
];

describe.each(implementations)('UserStore contract: %s', (_name, create) => {
  let store: UserStore;
  beforeEach(async () => {
    store = await create();
  });

  it('adds, finds, lists and updates users; a taken name is a conflict', async () => {
    expect(await store.listUsers()).toEqual([]);
    await store.addUser(user('u1', 'alice', 'admin'));
    await store.addUser(user('u2', 'bob'));
    expect((await store.findUser('u1'))?.name).toBe('alice');
    expect((await store.findUserByName('bob'))?.id).toBe('u2');
    expect(await store.findUserByName('carol')).toBeUndefined();
    const error = await store.addUser(user('u3', 'alice')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'conflict', status: 409, field: 'name' });
    expect((await store.listUsers()).map((u) => u.name)).toEqual(['alice', 'bob']);

    const updated = await store.updateUser('u2', { role: 'editor', disabled: true });
    expect(updated).toMatchObject({ id: 'u2', role: 'editor', disabled: true, passwordHash: 'scrypt$hash-of-bob' });
    expect(await store.findUser('u2')).toMatchObject({ role: 'editor', disabled: true });
    expect(await store.updateUser('nobody', { role: 'admin' })).toBeUndefined();
  });

  it('returns copies: changing a returned record changes nothing stored', async () => {
    await store.addUser(user('u1', 'alice'));
    const found = await store.findUser('u1');
    if (found) found.role = 'admin';
    expect((await store.findUser('u1'))?.role).toBe('reader');
  });

  it('keeps sessions by token hash, ends them per user and prunes expired ones', async () => {
    await store.addUser(user('u1', 'alice'));
    await store.addUser(user('u2', 'bob'));
    await store.addSession(session('h1', 'u1', '2026-01-01T12:00:00.000Z'));
    await store.addSession(session('h2', 'u1', '2026-01-03T00:00:00.000Z'));
    await store.addSession(session('h3', 'u2', '2026-01-03T00:00:00.000Z'));
    expect((await store.findSession('h1'))?.csrfToken).toBe('csrf-h1');
    expect(await store.pruneSessions('2026-01-02T00:00:00.000Z')).toBe(1);
    expect(await store.findSession('h1')).toBeUndefined();
    await store.removeSession('h3');
    expect(await store.findSession('h3')).toBeUndefined();
    expect(await store.removeSessionsOf('u1')).toBe(1);
    expect(await store.findSession('h2')).toBeUndefined();
  });

  it('finds active keys by hash only; revoking keeps the record with its time', async () => {
    await store.addUser(user('u1', 'alice'));
    await store.addUser(user('u2', 'bob'));
    await store.addApiKey(key('k1', 'u1', 'hash-1'));
    await store.addApiKey(key('k2', 'u2', 'hash-2'));
    const missingOwner = await store.addApiKey(key('k3', 'nobody', 'hash-3')).catch((e: unknown) => e);
    expect(missingOwner).toMatchObject({ code: 'not_found' });
    expect((await store.findApiKeyByHash('hash-1'))?.id).toBe('k1');
    expect((await store.listApiKeys('u2')).map((k) => k.id)).toEqual(['k2']);
    expect((await store.listApiKeys()).map((k) => k.id)).toEqual(['k1', 'k2']);
    expect(await store.revokeApiKey('k1', '2026-02-01T00:00:00.000Z')).toMatchObject({ id: 'k1', revokedAt: '2026-02-01T00:00:00.000Z' });
    expect(await store.findApiKeyByHash('hash-1')).toBeUndefined();
    expect((await store.listApiKeys('u1'))[0].revokedAt).toBe('2026-02-01T00:00:00.000Z');
    expect(await store.revokeApiKey('k9', '2026-02-01T00:00:00.000Z')).toBeUndefined();
  });

  it('removing a user removes their sessions and keys', async () => {
    await store.addUser(user('u1', 'alice'));
    await store.addSession(session('h1', 'u1'));
    await store.addApiKey(key('k1', 'u1', 'hash-1'));
    expect(await store.removeUser('u1')).toBe(true);
    expect(await store.removeUser('u1')).toBe(false);
    expect(await store.findSession('h1')).toBeUndefined();
    expect(await store.findApiKeyByHash('hash-1')).toBeUndefined();
    expect(await store.listApiKeys()).toEqual([]);
  });
});

describe('FileUserStore on disk', () => {
  it('persists across instances, private to the owner, leaving no temporary files', async () => {
    const file = await freshFile();
    const first = new FileUserStore(file);
    await Promise.all([first.addUser(user('u1', 'alice')), first.addUser(user('u2', 'bob')), first.addApiKey(key('k1', 'u1', 'hash-1'))]);
    const second = new FileUserStore(file);
    expect((await second.listUsers()).map((u) => u.name).sort()).toEqual(['alice', 'bob']);
    expect((await second.findApiKeyByHash('hash-1'))?.userId).toBe('u1');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readdir(join(file, '..'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1 });
  });

  it('sees changes another process wrote (the CLI) and does not write a stale copy over them', async () => {
    const file = await freshFile();
    const server = new FileUserStore(file);
    await server.addUser(user('u1', 'alice'));
    await server.addApiKey(key('k1', 'u1', 'hash-1'));
    expect(await server.findApiKeyByHash('hash-1')).toBeDefined();
    const cli = new FileUserStore(file);
    await cli.revokeApiKey('k1', '2026-02-01T00:00:00.000Z');
    await cli.addUser(user('u2', 'bob'));
    expect(await server.findApiKeyByHash('hash-1')).toBeUndefined();
    await server.addUser(user('u3', 'carol'));
    expect((await new FileUserStore(file).listUsers()).map((u) => u.name)).toEqual(['alice', 'bob', 'carol']);
  });

  it('refuses a damaged file, naming it and AUTH_FILE, rather than starting with no users', async () => {
    const file = await freshFile();
    await new FileUserStore(file).addUser(user('u1', 'alice'));
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.slice(0, text.length / 2));
    const error = await new FileUserStore(file).listUsers().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(new RegExp(`^the user store ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(AUTH_FILE\\) cannot be used: not valid JSON`));
    await writeFile(file, JSON.stringify({ version: 1, users: [{ id: 'u1' }], sessions: [], keys: [] }));
    expect(await new FileUserStore(file).listUsers().catch((e: unknown) => (e as Error).message)).toMatch(/users\.0\.name/);
  });
});
