import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../ingest/pipeline.js';
import { openEngine, type Engine } from '../../src/engine.js';
import { Bm25Index } from '../../src/index/bm25.js';
import { DEFAULT_EMBEDDING_MODEL } from '../../src/index/embeddings.js';
import { followIndex } from '../../src/serve/follow-index.js';
import { detectPgvector } from '../../src/store/postgres/pgvector.js';
import { PG_MIGRATIONS, PG_SCHEMA_VERSION, pgMigrate, pgSchemaVersion } from '../../src/store/postgres/postgres-migrations.js';
import { PostgresIndexStore } from '../../src/store/postgres/postgres-store.js';
import { SEED, SEED_IDS, SEEDS_DIR } from '../fixtures/seeds.js';
import { TINY_MODEL_ID, writeTinyModel } from '../fixtures/tiny-model.js';
import { pgUnavailableReason, startPgTestServer, type PgTestServer } from './pg-test-db.js';
import { referenceSnapshot, subsetOf } from './reference-snapshot.js';

const missing = pgUnavailableReason();
if (missing) console.warn(missing);

describe.skipIf(Boolean(missing))('PostgreSQL store: schema versions, generations, vectors, the tsvector column', () => {
  let server: PgTestServer;
  beforeAll(async () => {
    server = await startPgTestServer();
  });
  afterAll(() => server?.stop());

  async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  it('a new database gets every migration, recorded in schema_version', async () => {
    const url = await server.database();
    const store = new PostgresIndexStore(url);
    expect((await store.check(DEFAULT_EMBEDDING_MODEL)).state).toBe('missing');
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect(await pgSchemaVersion(client)).toBe(PG_SCHEMA_VERSION);
    } finally {
      await client.end();
    }
    expect((await query<{ version: number }>(url, 'SELECT version FROM schema_version ORDER BY version')).map((r) => r.version)).toEqual(PG_MIGRATIONS.map((m) => m.version));
  });

  it('refuses a database written by a newer build, with a clear error, and leaves it untouched', async () => {
    const url = await server.database();
    const first = new PostgresIndexStore(url);
    await first.write(await referenceSnapshot());
    await first.close();
    await query(url, "INSERT INTO schema_version (version, applied_at, description) VALUES (99, now(), 'from the future')");
    const store = new PostgresIndexStore(url);
    try {
      await expect(store.check(DEFAULT_EMBEDDING_MODEL)).rejects.toMatchObject({
        code: 'store_incompatible',
        field: 'DATABASE_URL',
        message: expect.stringContaining(`schema version 99, newer than this build understands (${PG_SCHEMA_VERSION})`),
      });
      await expect(store.open()).rejects.toMatchObject({ code: 'store_incompatible' });
    } finally {
      await store.close();
    }
    expect((await query<{ n: number }>(url, 'SELECT count(*)::int AS n FROM documents'))[0].n).toBe(5);
  });

  it('a version-1 index (rows without the read-as-you-go columns) is dropped by migration 2: the store reports it missing, so the seeds are ingested again', async () => {
    const url = await server.database();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await pgMigrate(client, url, PG_MIGRATIONS.slice(0, 1));
      await client.query("INSERT INTO generations (id, manifest, facts, bm25_options) VALUES (1, '{}', '{}', '{}')");
      await client.query('INSERT INTO current_generation (generation) VALUES (1)');
      await client.query("INSERT INTO documents (generation, ord, id, body) VALUES (1, 0, 'old', '{}')");
    } finally {
      await client.end();
    }
    const store = new PostgresIndexStore(url);
    try {
      expect((await store.check(DEFAULT_EMBEDDING_MODEL)).state).toBe('missing');
      await store.write(await referenceSnapshot());
      expect((await store.check(DEFAULT_EMBEDDING_MODEL)).state).toBe('ok');
    } finally {
      await store.close();
    }
    expect((await query<{ id: string }>(url, 'SELECT id FROM documents ORDER BY ord')).map((r) => r.id)).toEqual(SEED_IDS);
  });

  it('an unreachable server is one clear error naming DATABASE_URL, without the password', async () => {
    const store = new PostgresIndexStore('postgres://qa:secret@127.0.0.1:1/qa');
    try {
      const error = await store.check(DEFAULT_EMBEDDING_MODEL).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'index_unavailable', field: 'DATABASE_URL', message: expect.stringMatching(/cannot reach the index database postgres:\/\/qa@127\.0\.0\.1:1\/qa/) });
      expect(String((error as Error).message)).not.toContain('secret');
    } finally {
      await store.close();
    }
  });

  it('each write is a new generation; the old one is deleted in the same transaction', async () => {
    const url = await server.database();
    const store = new PostgresIndexStore(url);
    try {
      const snapshot = await referenceSnapshot();
      await store.write(snapshot);
      const first = await store.currentGeneration();
      await store.write(subsetOf(snapshot, 2));
      const second = await store.currentGeneration();
      expect(first).toBeDefined();
      expect(second).not.toBe(first);
      const generations = await query<{ generation: string; n: number }>(url, 'SELECT generation::text, count(*)::int AS n FROM chunks GROUP BY generation');
      expect(generations).toEqual([{ generation: second, n: subsetOf(snapshot, 2).chunks.length }]);
      expect((await query<{ id: string }>(url, 'SELECT id::text FROM generations')).map((r) => r.id)).toEqual([second]);
      const reader = await store.open();
      try {
        expect(reader.generation).toBe(second);
      } finally {
        reader.close();
      }
    } finally {
      await store.close();
    }
  });

  it('the chunks carry their jieba tokens as a tsvector: a GIN-indexed match finds exactly the chunks BM25 lists', async () => {
    const url = await server.database();
    const store = new PostgresIndexStore(url);
    const snapshot = await referenceSnapshot();
    try {
      await store.write(snapshot);
    } finally {
      await store.close();
    }
    for (const term of ['算力', '智能工厂', '软件']) {
      const rows = await query<{ id: string }>(url, 'SELECT id FROM chunks WHERE terms @@ $1::tsquery ORDER BY ord', [term]);
      expect(rows.map((r) => r.id)).toEqual(snapshot.bm25.postings[term].map(([ord]) => snapshot.bm25.ids[ord]));
      expect(rows.length).toBeGreaterThan(0);
    }
    const indexes = await query<{ indexdef: string }>(url, "SELECT indexdef FROM pg_indexes WHERE tablename = 'chunks' AND indexname = 'chunks_terms'");
    expect(indexes[0]?.indexdef).toMatch(/USING gin \(terms\)/);
  });

  it('vector files are rows of the generation: every server unpacks the same folder; pgvector is reported as found', async () => {
    const url = await server.database();
    const store = new PostgresIndexStore(url);
    try {
      await store.write(await referenceSnapshot(), {
        saveVectors: async (dir) => {
          await mkdir(join(dir, 'nested'), { recursive: true });
          await writeFile(join(dir, 'hnswlib.index'), Buffer.from([0, 1, 2, 255]));
          await writeFile(join(dir, 'nested', 'args.json'), '{"space":"cosine"}');
        },
      });
      const reader = await store.open();
      const dir = reader.vectorsDir;
      expect(dir).toBeDefined();
      expect([...(await readFile(join(dir as string, 'hnswlib.index')))]).toEqual([0, 1, 2, 255]);
      expect(await readFile(join(dir as string, 'nested', 'args.json'), 'utf8')).toBe('{"space":"cosine"}');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const pgvector = await detectPgvector(client).finally(() => client.end());
      expect(reader.vectors).toEqual({ kept: 'database', pgvector });
      reader.close();
      // The unpacked copy is the reader's own: gone once it closes.
      expect(await stat(dir as string).then(() => true, () => false)).toBe(false);
      await store.write(await referenceSnapshot());
      const without = await store.open();
      expect(without.vectorsDir).toBeUndefined();
      expect(without.vectors).toEqual({ kept: 'none', pgvector });
      without.close();
    } finally {
      await store.close();
    }
  });

  it('reads back BM25 without re-tokenizing: the stored postings score as the ingest built them', async () => {
    const url = await server.database();
    const store = new PostgresIndexStore(url);
    const snapshot = await referenceSnapshot();
    try {
      await store.write(snapshot);
      const reader = await store.open();
      expect(reader.bm25.vocabularySize).toBe(Object.keys(snapshot.bm25.postings).length);
      expect(reader.bm25.df('算力')).toBe(snapshot.bm25.postings['算力'].length);
      expect(new Bm25Index(reader.bm25).search('智能工厂', 5)).toEqual(new Bm25Index(snapshot.bm25).search('智能工厂', 5));
      reader.close();
    } finally {
      await store.close();
    }
  });
});

describe.skipIf(Boolean(missing))('PostgreSQL store: two servers on one database', () => {
  const QUESTION = '湖南2025年新增的先进级智能工厂数量是否超过广东新认定的省级先进级智能工厂？';
  let server: PgTestServer;
  let root: string;
  beforeAll(async () => {
    server = await startPgTestServer();
    root = await mkdtemp(join(tmpdir(), 'policy-qa-pg-two-'));
  });
  afterAll(async () => {
    await server?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('a report ingested through one store instance is answered by the other server after one poll, no restart', async () => {
    const url = await server.database();
    // Four of the five reports first: without 湖南/广东's.
    const fewer = join(root, 'four');
    await mkdir(fewer);
    for (const id of SEED_IDS.filter((id) => id !== SEED.hunanGuangdong)) await cp(join(SEEDS_DIR, id), join(fewer, id));
    await cp(join(SEEDS_DIR, 'catalog.json'), join(fewer, 'catalog.json'));
    const writerStore = new PostgresIndexStore(url);
    const readerStore = new PostgresIndexStore(url);
    let engineA: Engine | undefined;
    let engineB: Engine | undefined;
    try {
      await runIngest({ seedsDir: fewer, indexDir: join(root, 'unused'), store: writerStore, embedder: null });
      engineA = await openEngine({ indexDir: root, store: writerStore });
      engineB = await openEngine({ indexDir: root, store: readerStore });
      expect(engineB.store).toEqual({ kind: 'postgres', vectors: { kept: 'none', pgvector: expect.stringMatching(/installed|available/) } });
      expect(engineB.documents()).toHaveLength(4);
      const before = await engineB.ask({ question: QUESTION });
      expect(before.answer).not.toMatch(/^是，超过，多44家/);

      let served: Engine = engineB;
      const follower = followIndex({ store: readerStore, intervalMs: 0, current: () => served, open: () => openEngine({ indexDir: root, store: readerStore }), replace: (next) => (served = next) });
      expect(await follower.check()).toBe(false);

      // Server A ingests the fifth report into the shared database.
      const result = await runIngest({ seedsDir: SEEDS_DIR, indexDir: join(root, 'unused'), store: writerStore, embedder: null });
      expect(result.changed).toBe(true);
      expect(engineB.documents()).toHaveLength(4);

      expect(await follower.check()).toBe(true);
      expect(served).not.toBe(engineB);
      expect(served.generation).toBe(await writerStore.currentGeneration());
      expect(served.documents()).toHaveLength(5);
      const after = await served.ask({ question: QUESTION });
      expect(after.status).toBe('answered');
      expect(after.answer).toMatch(/^是，超过，多44家/);
      expect(after.citations.map((c) => c.docId)).toEqual([SEED.hunanGuangdong, SEED.hunanGuangdong]);
      expect(await follower.check()).toBe(false);
      engineB = served;
      await follower.stop();
    } finally {
      await engineA?.close();
      await engineB?.close();
      await writerStore.close();
      await readerStore.close();
    }
  });
});

describe.skipIf(Boolean(missing))('PostgreSQL store: dense vectors with the tiny model, shared through the database', () => {
  let server: PgTestServer;
  let work: string;
  beforeAll(async () => {
    server = await startPgTestServer();
    work = await mkdtemp(join(tmpdir(), 'policy-qa-pg-dense-'));
  });
  afterAll(async () => {
    await server?.stop();
    await rm(work, { recursive: true, force: true });
  });

  it('a server that never saw the ingest disk loads the HNSW vectors from the database and answers with dense on', async () => {
    const modelsDir = join(work, 'models');
    await writeTinyModel(modelsDir);
    const url = await server.database();
    const writer = new PostgresIndexStore(url);
    const reader = new PostgresIndexStore(url);
    try {
      const ingest = await runIngest({ seedsDir: SEEDS_DIR, indexDir: join(work, 'ingest-side'), modelDir: modelsDir, embeddingModel: TINY_MODEL_ID, store: writer });
      expect(ingest.dense.active).toBe(true);
      expect(ingest.vectors).toBe(ingest.chunks);
      const engine = await openEngine({ indexDir: join(work, 'serve-side'), store: reader, modelDir: modelsDir, embeddingModel: TINY_MODEL_ID });
      try {
        expect(engine.dense.active).toBe(true);
        expect(engine.store.vectors?.kept).toBe('database');
        const response = await engine.ask({ question: '2026年湖北算力目标是多少' });
        expect(response.retrieval.retrievers).toEqual(['indicators', 'bm25', 'dense']);
        expect(response.answer).toContain('2.2万P');
      } finally {
        await engine.close();
      }
    } finally {
      await writer.close();
      await reader.close();
    }
  });
});
