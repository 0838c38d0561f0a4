import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema, loadConfig } from '../../src/config.js';
import { AppError } from '../../src/errors.js';

describe('configuration of the protections', () => {
  it('defaults: open access, no CORS, 120 requests/min, 64 KiB bodies, rebuild damaged indexes', () => {
    const config = loadConfig({});
    expect(config.API_KEY).toBeUndefined();
    expect(config.ADMIN_TOKEN).toBeUndefined();
    expect(config).toMatchObject({
      CORS_ORIGINS: [],
      RATE_LIMIT_PER_MINUTE: 120,
      TRUST_PROXY: false,
      BODY_LIMIT_BYTES: 65536,
      INDEX_ON_CORRUPT: 'rebuild',
      SHUTDOWN_TIMEOUT_MS: 10_000,
    });
  });

  it('parses lists, numbers and flags from the environment', () => {
    const config = loadConfig({
      API_KEY: 'k-12345678',
      ADMIN_TOKEN: 'admin-0123456789abcdef',
      CORS_ORIGINS: 'https://a.example, https://b.example ,',
      RATE_LIMIT_PER_MINUTE: '0',
      TRUST_PROXY: 'true',
      INDEX_ON_CORRUPT: 'refuse',
    });
    expect(config.CORS_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(config.RATE_LIMIT_PER_MINUTE).toBe(0);
    expect(config.TRUST_PROXY).toBe(true);
    expect(config.INDEX_ON_CORRUPT).toBe('refuse');
  });

  it('an invalid value stops start-up with a message naming the variable', () => {
    for (const [name, value] of [
      ['INDEX_ON_CORRUPT', 'ignore'],
      ['RATE_LIMIT_PER_MINUTE', '-1'],
      ['API_KEY', 'short'],
      ['ADMIN_TOKEN', 'tooshort'],
      ['BODY_LIMIT_BYTES', '10'],
    ]) {
      let caught: unknown;
      try {
        loadConfig({ [name]: value });
      } catch (error) {
        caught = error;
      }
      expect(caught, name).toBeInstanceOf(AppError);
      expect((caught as AppError).field, name).toBe(name);
      expect((caught as AppError).message, name).toContain(name);
    }
  });

  it('refuses ADMIN_TOKEN equal to API_KEY, naming both', () => {
    const secret = 'same-secret-0123456789';
    expect(() => loadConfig({ API_KEY: secret, ADMIN_TOKEN: secret })).toThrow(/invalid configuration ADMIN_TOKEN: ADMIN_TOKEN must differ from API_KEY/);
    expect(loadConfig({ API_KEY: `${secret}-api`, ADMIN_TOKEN: secret }).ADMIN_TOKEN).toBe(secret);
  });

  it('reads TRUSTED_PROXIES as a list and rejects entries that are not addresses or ranges', () => {
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.1' }).TRUSTED_PROXIES).toEqual(['10.0.0.0/8', '192.168.1.1']);
    expect(loadConfig({}).TRUSTED_PROXIES).toEqual([]);
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, nginx' })).toThrow(/TRUSTED_PROXIES/);
  });

  it('user accounts: off by default; ADMIN_USER needs AUTH_USERS and ADMIN_PASSWORD', () => {
    expect(loadConfig({})).toMatchObject({ AUTH_USERS: false, AUTH_FILE: 'data/auth.json', SESSION_HOURS: 12, COOKIE_SECURE: 'auto', LOGIN_ATTEMPTS_PER_MINUTE: 10 });
    expect(loadConfig({ AUTH_USERS: 'true', ADMIN_USER: 'root', ADMIN_PASSWORD: 'long-enough-pw' })).toMatchObject({ AUTH_USERS: true, ADMIN_USER: 'root' });
    expect(() => loadConfig({ ADMIN_USER: 'root', ADMIN_PASSWORD: 'long-enough-pw' })).toThrow('invalid configuration ADMIN_USER: ADMIN_USER and ADMIN_PASSWORD need AUTH_USERS=true');
    expect(() => loadConfig({ AUTH_USERS: 'true', ADMIN_USER: 'root' })).toThrow('invalid configuration ADMIN_PASSWORD: set ADMIN_USER and ADMIN_PASSWORD together');
    expect(() => loadConfig({ AUTH_USERS: 'true', ADMIN_USER: 'root', ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD: at least 10 characters/);
    expect(() => loadConfig({ COOKIE_SECURE: 'yes' })).toThrow(/COOKIE_SECURE/);
  });

  it('.env.example documents every variable of the config schema', () => {
    const example = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8');
    const documented = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    expect([...Object.keys(configSchema.shape)].filter((key) => !documented.has(key))).toEqual([]);
  });
});
