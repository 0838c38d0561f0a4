import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/serve/app.js';
import { buildTestEngine, type TestEngine } from '../fixtures/engine.js';

describe('security headers', () => {
  let fixture: TestEngine;
  beforeAll(async () => {
    fixture = await buildTestEngine();
  });
  afterAll(() => fixture.cleanup());

  it('the web UI gets a self-only CSP and the usual hardening headers', async () => {
    const app = createApp({ engine: () => fixture.engine });
    const response = await app.request('/');
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('the page loads only same-origin scripts and styles, so the CSP does not break it', async () => {
    const app = createApp({ engine: () => fixture.engine });
    const html = await (await app.request('/')).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\ssrc="\/[^/]/);
      expect(body.trim()).toBe('');
    }
    for (const [, href] of html.matchAll(/<link\b[^>]*href="([^"]+)"/gi)) expect(href).toMatch(/^\/[^/]/);
    expect(html).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/i);
    for (const [, src] of html.matchAll(/<script\b[^>]*src="([^"]+)"/gi)) {
      const asset = await app.request(src);
      expect(asset.status, src).toBe(200);
    }
  });

  it('JSON API responses carry the same headers', async () => {
    const response = await createApp({ engine: () => fixture.engine }).request('/health');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('CORS', () => {
  let fixture: TestEngine;
  beforeAll(async () => {
    fixture = await buildTestEngine();
  });
  afterAll(() => fixture.cleanup());

  it('no CORS_ORIGINS: no Access-Control-Allow-Origin for anyone', async () => {
    const app = createApp({ engine: () => fixture.engine });
    const response = await app.request('/documents', { headers: { origin: 'https://evil.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('listed origins are allowed (with preflight), others are not', async () => {
    const app = createApp({ engine: () => fixture.engine, protection: { corsOrigins: ['https://staff.example.gov.cn'], apiKey: 'key-12345678' } });
    const allowed = await app.request('/documents', { headers: { origin: 'https://staff.example.gov.cn' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://staff.example.gov.cn');
    expect(allowed.headers.get('access-control-expose-headers')).toMatch(/X-Request-Id/i);

    const denied = await app.request('/documents', { headers: { origin: 'https://evil.example' } });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();

    // A preflight carries no credentials: it must be answered without the API key.
    const preflight = await app.request('/ask', {
      method: 'OPTIONS',
      headers: { origin: 'https://staff.example.gov.cn', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://staff.example.gov.cn');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
  });

  it('"*" allows any origin', async () => {
    const app = createApp({ engine: () => fixture.engine, protection: { corsOrigins: ['*'] } });
    const response = await app.request('/documents', { headers: { origin: 'https://anyone.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });
});
