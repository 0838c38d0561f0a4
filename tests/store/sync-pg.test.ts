import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncPg } from '../../src/store/postgres/sync-pg.js';
import { pgUnavailableReason, startPgTestServer, type PgTestServer } from './pg-test-db.js';

const missing = pgUnavailableReason();
if (missing) console.warn(missing);

describe.skipIf(Boolean(missing))('SyncPg: synchronous queries on one snapshot, through a worker thread', () => {
  let server: PgTestServer;
  let url: string;
  beforeAll(async () => {
    server = await startPgTestServer();
    url = await server.database();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('CREATE TABLE t (n integer PRIMARY KEY, blob bytea NOT NULL)');
    await client.query("INSERT INTO t VALUES (1, '\\x01020304'), (2, '\\x05')");
    await client.end();
  });
  afterAll(() => server?.stop());

  it('returns rows as objects or arrays, bytea as bytes, parameters bound', async () => {
    const db = await SyncPg.open(url, 'test db');
    try {
      expect(db.query<{ n: number }>('SELECT n FROM t WHERE n > $1 ORDER BY n', [0])).toEqual([{ n: 1 }, { n: 2 }]);
      expect(db.query('SELECT n, blob FROM t WHERE n = $1', [1], true)).toEqual([[1, new Uint8Array([1, 2, 3, 4])]]);
      expect(db.query('SELECT n FROM t WHERE n = ANY($1::integer[]) ORDER BY n', [[2, 3]])).toEqual([{ n: 2 }]);
    } finally {
      db.close();
    }
  });

  it('keeps the snapshot of its first query: rows another connection deletes afterwards are still read', async () => {
    const db = await SyncPg.open(url, 'test db');
    try {
      expect(db.query('SELECT count(*)::int AS c FROM t')).toEqual([{ c: 2 }]);
      const writer = new pg.Client({ connectionString: url });
      await writer.connect();
      await writer.query('DELETE FROM t WHERE n = 2');
      await writer.end();
      expect(db.query('SELECT n FROM t ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }]);
      // Nor does a failed query in between lose it.
      expect(() => db.query('SELECT nope FROM t')).toThrow(expect.objectContaining({ code: 'index_unavailable' }));
      expect(db.query('SELECT n FROM t ORDER BY n')).toEqual([{ n: 1 }, { n: 2 }]);
    } finally {
      db.close();
    }
    const fresh = await SyncPg.open(url, 'test db');
    try {
      expect(fresh.query('SELECT n FROM t ORDER BY n')).toEqual([{ n: 1 }]);
    } finally {
      fresh.close();
    }
  });

  it('a failing query is one index_unavailable error naming the database; the reader still answers after it; a closed one refuses', async () => {
    const db = await SyncPg.open(url, 'test db');
    try {
      expect(() => db.query('SELECT nope FROM t')).toThrow(expect.objectContaining({ code: 'index_unavailable', message: expect.stringContaining('test db') }));
      // The failed query is rolled back to the savepoint taken at open: the transaction and its snapshot go on.
      expect(db.query<{ n: number }>('SELECT n FROM t ORDER BY n')).toEqual([{ n: 1 }]);
    } finally {
      db.close();
    }
    expect(() => db.query('SELECT 1')).toThrow(expect.objectContaining({ code: 'index_unavailable', message: expect.stringContaining('closed') }));
  });

  it('a lost connection (its backend terminated, as in a server restart) is replaced: the next query answers', async () => {
    const db = await SyncPg.open(url, 'test db');
    try {
      const [{ pid }] = db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await admin.end();
      expect(db.query<{ n: number }>('SELECT n FROM t ORDER BY n')).toEqual([{ n: 1 }]);
      expect(db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')[0].pid).not.toBe(pid);
    } finally {
      db.close();
    }
  });

  it('an unreachable server fails at open with the database named', async () => {
    await expect(SyncPg.open('postgres://qa@127.0.0.1:1/qa', 'postgres://qa@127.0.0.1:1/qa')).rejects.toMatchObject({ code: 'index_unavailable', field: 'DATABASE_URL' });
  });
});
