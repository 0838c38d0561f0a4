import type { Hono } from 'hono';
import type { Engine } from '../../../src/engine.js';
import { createApp, type AppOptions } from '../../../src/serve/app.js';
import { Accounts } from '../../../src/serve/auth/accounts.js';
import { MemoryUserStore } from '../../../src/serve/auth/memory-user-store.js';
import type { Role } from '../../../src/serve/auth/roles.js';
import type { ReindexReport } from '../../../src/serve/routes/admin.js';

/** Cheap scrypt for tests only; the parameters are stored with each hash, so verification is the real code. */
export const TEST_COST = { N: 2 ** 10, r: 8, p: 1 };
export const PASSWORD = 'a-long-test-password';

export interface AuthFixture {
  app: Hono;
  accounts: Accounts;
  users: Record<Role, string>;
  reindexCalls: () => number;
}

/** An app with user accounts on and one user of each role (names = roles, same password). */
export async function authApp(engine: Engine, extra: Partial<Omit<AppOptions, 'engine'>> = {}, now?: () => number): Promise<AuthFixture> {
  const accounts = new Accounts({ store: new MemoryUserStore(), passwordCost: TEST_COST, now });
  const users = {} as Record<Role, string>;
  for (const role of ['reader', 'editor', 'admin'] as const) users[role] = (await accounts.createUser({ name: role, password: PASSWORD, role })).id;
  let calls = 0;
  const report = { status: 'reindexed', changed: false, documents: 5, chunks: 1, indicators: 1, warnings: [], index: { createdAt: 'now', corpusHash: 'h' }, durationMs: 1 } satisfies ReindexReport;
  const app = createApp({
    engine: () => engine,
    admin: {
      reindex: async () => {
        calls++;
        return report;
      },
    },
    ...extra,
    accounts: { accounts, now, ...extra.accounts },
  });
  return { app, accounts, users, reindexCalls: () => calls };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  setCookie: string;
}

export async function signIn(app: Hono, username: string, password = PASSWORD, headers: Record<string, string> = {}): Promise<Session> {
  const response = await app.request('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${username} answered ${response.status}: ${await response.text()}`);
  const setCookie = response.headers.get('set-cookie') ?? '';
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: setCookie.split(';')[0], csrfToken: body.csrfToken, setCookie };
}

export function withSession(session: Session, init: RequestInit = {}, csrf = true): RequestInit {
  return { ...init, headers: { ...(init.headers as Record<string, string>), cookie: session.cookie, ...(csrf ? { 'x-csrf-token': session.csrfToken } : {}) } };
}

export function jsonBody(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}
