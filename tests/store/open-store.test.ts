import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { indexStoreFor } from '../../src/store/open-store.js';

describe('DATABASE_URL picks the index store', () => {
  it('unset: SQLite in INDEX_DIR/index.sqlite', () => {
    const store = indexStoreFor({ indexDir: 'data/index' });
    expect(store.kind).toBe('sqlite');
    expect(store.location).toBe(join(resolve('data/index'), 'index.sqlite'));
    expect(indexStoreFor({ indexDir: 'data/index', databaseUrl: '  ' }).kind).toBe('sqlite');
  });

  it('sqlite:PATH puts the database elsewhere; json: keeps the JSON files in INDEX_DIR', () => {
    expect(indexStoreFor({ indexDir: 'x', databaseUrl: 'sqlite:/var/lib/qa/index.sqlite' }).location).toBe('/var/lib/qa/index.sqlite');
    expect(indexStoreFor({ indexDir: 'x', databaseUrl: 'sqlite:///var/lib/qa/index.sqlite' }).location).toBe('/var/lib/qa/index.sqlite');
    expect(indexStoreFor({ indexDir: 'x', databaseUrl: 'sqlite:rel/index.sqlite' }).location).toBe(resolve('rel/index.sqlite'));
    const json = indexStoreFor({ indexDir: 'data/index', databaseUrl: 'json:' });
    expect(json.kind).toBe('json');
    expect(json.location).toBe(resolve('data/index'));
  });

  it('postgres:// and postgresql:// pick the PostgreSQL store; its location hides the password', () => {
    const store = indexStoreFor({ indexDir: 'x', databaseUrl: 'postgres://qa:secret@db:5432/qa' });
    expect(store.kind).toBe('postgres');
    expect(store.location).toBe('postgres://qa@db:5432/qa');
    expect(indexStoreFor({ indexDir: 'x', databaseUrl: 'postgresql://db/qa' }).kind).toBe('postgres');
    expect(() => indexStoreFor({ indexDir: 'x', databaseUrl: 'mysql://db/qa' })).toThrow(expect.objectContaining({ code: 'config_invalid', field: 'DATABASE_URL' }));
  });

  it('the config accepts the three forms and rejects anything else', () => {
    expect(loadConfig({ DATABASE_URL: 'sqlite:/tmp/i.sqlite' }).DATABASE_URL).toBe('sqlite:/tmp/i.sqlite');
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});
