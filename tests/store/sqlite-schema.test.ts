import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { DEFAULT_EMBEDDING_MODEL } from '../../src/index/embeddings.js';
import { MIGRATIONS, SCHEMA_VERSION, migrate, schemaVersion, type Migration } from '../../src/store/sqlite/migrations.js';
import { SqliteIndexStore } from '../../src/store/sqlite/sqlite-store.js';
import { referenceSnapshot } from './reference-snapshot.js';

describe('SQLite store: schema versions, WAL, damaged files', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'policy-qa-sqlite-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('a new database gets every migration, recorded in schema_version, and runs in WAL mode', async () => {
    const file = join(root, 'fresh', 'index.sqlite');
    const store = new SqliteIndexStore(file);
    await store.write(await referenceSnapshot());
    await store.close();
    const db = new Database(file, { readonly: true });
    try {
      expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
      expect(db.prepare('SELECT version FROM schema_version ORDER BY version').pluck().all()).toEqual(MIGRATIONS.map((m) => m.version));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('migrates an older database step by step, and does not run a step twice', () => {
    const db = new Database(':memory:');
    const steps: Migration[] = [
      { version: 1, description: 'a', sql: 'CREATE TABLE a (x INTEGER)' },
      { version: 2, description: 'b', sql: 'ALTER TABLE a ADD COLUMN y TEXT' },
    ];
    migrate(db, ':memory:', steps.slice(0, 1));
    expect(schemaVersion(db)).toBe(1);
    migrate(db, ':memory:', steps);
    migrate(db, ':memory:', steps);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all('a')).toEqual(['x', 'y']);
    db.close();
  });

  it('refuses a database written by a newer build, with a clear error, and leaves it untouched', async () => {
    const file = join(root, 'newer.sqlite');
    const db = new Database(file);
    db.exec("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL, description TEXT NOT NULL); INSERT INTO schema_version VALUES (99, 'later', 'from the future')");
    db.close();
    const store = new SqliteIndexStore(file);
    const refusal = store.check(DEFAULT_EMBEDDING_MODEL);
    await expect(refusal).rejects.toBeInstanceOf(AppError);
    await expect(refusal).rejects.toMatchObject({ code: 'store_incompatible', message: expect.stringContaining(`schema version 99, newer than this build understands (${SCHEMA_VERSION})`) });
    await expect(store.write(await referenceSnapshot())).rejects.toMatchObject({ code: 'store_incompatible' });
    await expect(store.open()).rejects.toMatchObject({ code: 'store_incompatible' });
    const after = new Database(file, { readonly: true });
    expect(after.prepare('SELECT max(version) FROM schema_version').pluck().get()).toBe(99);
    after.close();
  });

  it('a file that is not a database is corrupt, and the next write replaces it', async () => {
    const file = join(root, 'garbage.sqlite');
    await writeFile(file, 'this is not an SQLite database, just some bytes '.repeat(200));
    const store = new SqliteIndexStore(file);
    expect(await store.check(DEFAULT_EMBEDDING_MODEL)).toMatchObject({ state: 'corrupt', reason: expect.stringMatching(/unreadable/) });
    const snapshot = await referenceSnapshot();
    await store.write(snapshot);
    expect(await store.check(DEFAULT_EMBEDDING_MODEL)).toMatchObject({ state: 'ok' });
    const reader = await store.open();
    expect(reader.documentList()).toHaveLength(snapshot.documents.length);
    reader.close();
    await store.close();
  });

  it('rows missing behind the manifest make the index corrupt', async () => {
    const file = join(root, 'tampered.sqlite');
    const store = new SqliteIndexStore(file);
    await store.write(await referenceSnapshot());
    await store.close();
    const db = new Database(file);
    db.exec('DELETE FROM chunks WHERE ord % 2 = 0');
    db.close();
    expect(await new SqliteIndexStore(file).check(DEFAULT_EMBEDDING_MODEL)).toMatchObject({ state: 'corrupt', reason: expect.stringMatching(/chunks, its manifest says/) });
  });
});
