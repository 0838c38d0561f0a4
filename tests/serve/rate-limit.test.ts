import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../src/serve/middleware/token-bucket.js';
import { createApp } from '../../src/serve/app.js';
import { buildTestEngine, type TestEngine } from '../fixtures/engine.js';
import { askRequest, expectError } from './http-helpers.js';

describe('TokenBuckets', () => {
  it('allows a burst of `capacity`, then refuses until a token has refilled', () => {
    let now = 0;
    const buckets = new TokenBuckets({ capacity: 3, refillPerSecond: 3 / 60, now: () => now });
    expect([1, 2, 3].map(() => buckets.take('a').allowed)).toEqual([true, true, true]);
    const refused = buckets.take('a');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 20 });
    now += 10_000;
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    now += 10_000;
    expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('b').allowed).toBe(true);
  });

  it('never holds more than maxKeys buckets', () => {
    const buckets = new TokenBuckets({ capacity: 5, refillPerSecond: 1, now: () => 0, maxKeys: 100 });
    for (let i = 0; i < 1000; i++) buckets.take(`client-${i}`);
    expect(buckets.size).toBeLessThanOrEqual(100);
  });
});

describe('rate limiting middleware', () => {
  let fixture: TestEngine;
  beforeAll(async () => {
    fixture = await buildTestEngine();
  });
  afterAll(() => fixture.cleanup());

  it('429 with Retry-After after RATE_LIMIT_PER_MINUTE requests, per client, and recovers', async () => {
    let now = 1_000_000;
    const app = createApp({
      engine: () => fixture.engine,
      protection: { rateLimitPerMinute: 5, now: () => now, clientKey: (c) => c.req.header('x-test-client') ?? 'anon' },
    });
    const ask = (client: string) => app.request('/ask', askRequest({ question: '2026年湖北算力目标是多少？' }, { 'x-test-client': client }));
    for (let i = 0; i < 5; i++) expect((await ask('alice')).status).toBe(200);
    const limited = await ask('alice');
    const body = await expectError(limited, 429, 'rate_limited');
    expect(body.error.message).toMatch(/5 per minute/);
    expect(limited.headers.get('retry-after')).toBe('12');
    // Another client has its own bucket.
    expect((await ask('bob')).status).toBe(200);
    // Health probes are never limited.
    expect((await app.request('/health', { headers: { 'x-test-client': 'alice' } })).status).toBe(200);
    // 60/5 = 12 s per token.
    now += 12_000;
    expect((await ask('alice')).status).toBe(200);
    expect((await ask('alice')).status).toBe(429);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY, so clients cannot pick their own bucket', async () => {
    const untrusting = createApp({ engine: () => fixture.engine, protection: { rateLimitPerMinute: 2 } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await untrusting.request('/documents', { headers: { 'x-forwarded-for': `10.0.0.${i}` } })).status);
    expect(statuses).toEqual([200, 200, 429]);

    // Behind the proxy 192.168.1.1 (listed in TRUSTED_PROXIES), the entry it appended names the client.
    const trusting = createApp({ engine: () => fixture.engine, protection: { rateLimitPerMinute: 2, trustProxy: true, trustedProxies: ['192.168.1.1'] } });
    const perClient: number[] = [];
    for (let i = 0; i < 3; i++) perClient.push((await trusting.request('/documents', { headers: { 'x-forwarded-for': `10.0.0.${i}, 192.168.1.1` } })).status);
    expect(perClient).toEqual([200, 200, 200]);
  });

  it('with TRUST_PROXY, fake leftmost X-Forwarded-For entries do not buy new buckets', async () => {
    // nginx's $proxy_add_x_forwarded_for keeps what the client sent and appends the address it saw.
    const app = createApp({ engine: () => fixture.engine, protection: { rateLimitPerMinute: 120, trustProxy: true, now: () => 5_000_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) {
      const fake = `${(i % 250) + 1}.${i % 7}.${i % 13}.${i % 251}`;
      const response = await app.request('/health', { headers: { 'x-forwarded-for': `${fake}, 203.0.113.9` } });
      expect(response.status).toBe(200);
      statuses.push((await app.request('/indicators?pageSize=1', { headers: { 'x-forwarded-for': `${fake}, 203.0.113.9` } })).status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(120);
    expect(statuses.filter((s) => s === 429)).toHaveLength(80);
    // Another real client (another address appended by the proxy) still has its own bucket.
    expect((await app.request('/indicators?pageSize=1', { headers: { 'x-forwarded-for': '1.2.3.4, 198.51.100.7' } })).status).toBe(200);
  });

  it('is off when RATE_LIMIT_PER_MINUTE is 0', async () => {
    const app = createApp({ engine: () => fixture.engine, protection: { rateLimitPerMinute: 0 } });
    for (let i = 0; i < 50; i++) expect((await app.request('/documents')).status).toBe(200);
  });
});
