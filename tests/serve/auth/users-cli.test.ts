import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../../fixtures/seeds.js';
import { PROJECT_DIR, startServer, type ChildServer } from '../child-server.js';

/** `npm run users -- …args` with the password on stdin, as an operator's script would run it. */
function users(authFile: string, args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/users.ts', ...args], {
      cwd: PROJECT_DIR,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', AUTH_FILE: authFile },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

async function listening(server: ChildServer): Promise<string> {
  const ready = await server.waitForLog((line) => String(line.msg).includes('listening on'), 60_000);
  return `http://127.0.0.1:${String(ready.port)}`;
}

const login = (url: string, username: string, password: string) =>
  fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

describe('npm run users and the first admin', () => {
  let root: string;
  let server: ChildServer | undefined;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'policy-qa-users-cli-'));
  });
  afterAll(async () => {
    server?.process.kill('SIGTERM');
    if (server) await server.exited;
    await rm(root, { recursive: true, force: true });
  });

  it('adds an admin with the password from stdin, makes a key shown once, and a running server honours a revoke at once', async () => {
    const authFile = join(root, 'cli', 'auth.json');
    const added = await users(authFile, ['add', 'Zhang.Wei', '--role', 'admin'], 'cli-password-123\n');
    expect(added.stderr).toBe('');
    expect(added.stdout).toMatch(/^created zhang\.wei \(admin, id u_[0-9a-f]{12}\)\nnote: the server signs users in only with AUTH_USERS=true/);
    expect((await readFile(authFile, 'utf8'))).not.toContain('cli-password-123');

    const key = await users(authFile, ['key', 'zhang.wei', '--label', 'ci', '--role', 'reader']);
    const secret = key.stdout.split('\n')[0];
    expect(secret).toMatch(/^pqa_[A-Za-z0-9_-]{43}$/);
    expect(await readFile(authFile, 'utf8')).not.toContain(secret);
    const keyId = /key (k_[0-9a-f]{12})/.exec(key.stdout)?.[1] ?? '';

    server = startServer({ AUTH_USERS: 'true', AUTH_FILE: authFile, INDEX_DIR: join(root, 'index'), SEEDS_DIR });
    const url = await listening(server);
    expect((await login(url, 'zhang.wei', 'cli-password-123')).status).toBe(200);
    expect((await fetch(`${url}/documents`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);
    expect((await fetch(`${url}/documents`)).status).toBe(401);

    const revoked = await users(authFile, ['revoke', keyId]);
    expect(revoked.stdout).toBe(`revoked ${keyId} (ci)\n`);
    expect((await fetch(`${url}/documents`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);
    const listed = await users(authFile, ['keys']);
    expect(listed.stdout).toMatch(new RegExp(`^${keyId}\tzhang\\.wei\treader\t${secret.slice(0, 10)}…\tci\trevoked \\d{4}-`));

    server.process.kill('SIGTERM');
    await server.exited;
    server = undefined;
  });

  it('refuses a short password, an unknown role and removing the last admin, with one line and exit 1', async () => {
    const authFile = join(root, 'refusals', 'auth.json');
    expect(await users(authFile, ['add', 'bob'], 'short\n')).toMatchObject({ code: 1, stdout: '', stderr: 'error: password: at least 10 characters\n' });
    const badRole = await users(authFile, ['add', 'bob', '--role', 'root'], 'long-enough-password\n');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/^error: role: /);
    expect((await users(authFile, ['add', 'bob', '--role', 'admin'], 'long-enough-password\n')).code).toBe(0);
    expect(await users(authFile, ['remove', 'bob'])).toMatchObject({ code: 1, stderr: 'error: this is the last active admin: make another user admin first\n' });
    expect((await users(authFile, ['list'])).stdout).toMatch(/\tbob\tadmin\tactive\t/);
  });

  it('creates the first admin from ADMIN_USER/ADMIN_PASSWORD when the store is empty, and only then', async () => {
    const authFile = join(root, 'env', 'auth.json');
    const env = { AUTH_USERS: 'true', AUTH_FILE: authFile, INDEX_DIR: join(root, 'index'), SEEDS_DIR, ADMIN_USER: 'root-admin', ADMIN_PASSWORD: 'env-password-123' };
    server = startServer(env);
    const url = await listening(server);
    expect(server.logs.some((line) => line.msg === 'user accounts: created the first admin "root-admin" from ADMIN_USER')).toBe(true);
    const signedIn = await login(url, 'root-admin', 'env-password-123');
    expect(signedIn.status).toBe(200);
    expect(((await signedIn.json()) as { user: { role: string } }).user.role).toBe('admin');
    server.process.kill('SIGTERM');
    await server.exited;

    // A changed ADMIN_PASSWORD later does not reset the account.
    server = startServer({ ...env, ADMIN_PASSWORD: 'other-password-456' });
    const again = await listening(server);
    expect(server.logs.some((line) => line.msg === 'user accounts: users exist, ADMIN_USER/ADMIN_PASSWORD ignored')).toBe(true);
    expect((await login(again, 'root-admin', 'other-password-456')).status).toBe(401);
    expect((await login(again, 'root-admin', 'env-password-123')).status).toBe(200);
  });
});
