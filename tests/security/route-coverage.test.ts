import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/serve/app.js';
import { Accounts } from '../../src/serve/auth/accounts.js';
import { MemoryUserStore } from '../../src/serve/auth/memory-user-store.js';
import { buildTestEngine, type TestEngine } from '../fixtures/engine.js';

/** What may answer without a credential: probes, the API description and what the page needs to show its sign-in form. */
const OPEN = new Set(['GET /health', 'GET /openapi.json', 'GET /docs', 'GET /docs/assets/:file', 'GET /', 'GET /web/:file', 'POST /auth/login', 'POST /auth/logout', 'GET /auth/me']);

/** A concrete path for a route pattern. */
function concrete(path: string): string {
  return path.replace(':id', 'x1').replace(':name', 'report.txt').replace(':file', 'app.js').replace('/*', '/x');
}

describe('no open data routes: every route the app registers needs a credential unless listed as open', () => {
  let fixture: TestEngine;
  beforeAll(async () => {
    fixture = await buildTestEngine();
  });
  afterAll(() => fixture.cleanup());

  for (const mode of ['API_KEY', 'user accounts'] as const) {
    it(`with ${mode}`, async () => {
      const app = createApp({
        engine: () => fixture.engine,
        protection: mode === 'API_KEY' ? { apiKey: 'route-coverage-key' } : {},
        admin: { token: 'route-coverage-admin-token', seedsDir: '/nonexistent/seeds', reindex: () => Promise.reject(new Error('must not run')) },
        accounts: mode === 'user accounts' ? { accounts: new Accounts({ store: new MemoryUserStore() }) } : undefined,
      });
      const routes = [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
      expect(routes.length).toBeGreaterThanOrEqual(mode === 'API_KEY' ? 14 : 23);
      const opened: string[] = [];
      for (const route of routes) {
        const [method, path] = route.split(' ');
        const response = await app.request(concrete(path), { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
        if (OPEN.has(route)) continue;
        if (response.status !== 401) opened.push(`${route} → ${response.status}`);
      }
      expect(opened).toEqual([]);
    });
  }
});
