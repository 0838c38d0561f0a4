import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/serve/app.js';
import { openApiDocument } from '../../src/serve/openapi.js';
import { Accounts } from '../../src/serve/auth/accounts.js';
import { MemoryUserStore } from '../../src/serve/auth/memory-user-store.js';

// Admin and account options make the conditional routes (/admin/*, /auth/*, document upload and delete) exist, so they are checked too.
const app = createApp({
  engine: () => undefined,
  admin: { token: 'admin-token-for-tests-only', seedsDir: '/nonexistent/seeds', reindex: () => Promise.reject(new Error('not used')) },
  accounts: { accounts: new Accounts({ store: new MemoryUserStore() }) },
});

type Paths = Record<string, Record<string, unknown>>;

/** Hono writes /documents/:id; OpenAPI writes /documents/{id}. */
function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** Handlers, not middleware: app.use() registers method ALL, often on wildcard paths. */
function registeredRoutes(): Array<{ method: string; path: string }> {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => ({ method: r.method.toLowerCase(), path: openApiPath(r.path) }))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
}

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3 document', async () => {
    const response = await app.request('/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Paths };
    expect(document.openapi).toMatch(/^3\./);
    // validate() dereferences in place; give it a copy.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
  });

  it('documents every route the app registers, and no route it does not have', async () => {
    const document = (await (await app.request('/openapi.json')).json()) as { paths: Paths };
    const routes = registeredRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(12);
    const missing = routes.filter((r) => !document.paths[r.path]?.[r.method]).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(missing).toEqual([]);

    const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));
    const real = new Set(routes.map((r) => `${r.method} ${r.path}`));
    expect(documented.filter((d) => !real.has(d))).toEqual([]);
  });

  it('generates its schemas from the zod schemas the routes validate with', () => {
    const document = openApiDocument() as unknown as {
      components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
      paths: Paths;
    };
    const schemas = document.components.schemas;
    for (const name of ['User', 'ApiKey', 'CreatedApiKey', 'Session', 'Me', 'LoginRequest', 'AskResponse', 'Error', 'Document', 'IndicatorPage', 'Health', 'ChatCompletion', 'ChatCompletionChunk', 'ChatCompletionRequest', 'ModelList']) {
      expect(schemas[name], name).toBeDefined();
    }
    for (const event of ['AskStreamRetrieval', 'AskStreamAnswer', 'AskStreamCitations', 'AskStreamDone']) {
      expect(schemas[event], event).toBeDefined();
    }
    expect(schemas.AskResponse.required).toEqual(expect.arrayContaining(['status', 'answer', 'citations', 'indicators']));
    const ask = JSON.stringify(document.paths['/ask'].post);
    expect(ask).toContain('text/event-stream');
    expect(ask).toContain('"maxLength":500');
  });
});

describe('GET /docs', () => {
  it('serves Swagger UI with its assets from this server, not a CDN', async () => {
    const page = await app.request('/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).not.toMatch(/(src|href)="https?:/);
    const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(expect.arrayContaining(['/docs/assets/swagger-ui.css', '/docs/assets/swagger-ui-bundle.js', '/web/docs.js']));
    for (const asset of assets) {
      const response = await app.request(asset);
      expect(response.status, asset).toBe(200);
    }
    expect((await app.request('/docs/assets/swagger-ui-bundle.js')).headers.get('content-type')).toMatch(/javascript/);
    const init = await (await app.request('/web/docs.js')).text();
    expect(init).toContain("url: '/openapi.json'");
  });

  it('serves only the listed Swagger files and no path outside web/', async () => {
    expect((await app.request('/docs/assets/package.json')).status).toBe(404);
    expect((await app.request('/web/..%2Fpackage.json')).status).toBe(404);
    expect((await app.request('/web/.hidden.js')).status).toBe(404);
  });
});
