import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../ingest/pipeline.js';
import { openEngine } from '../../src/engine.js';
import { DEFAULT_EMBEDDING_MODEL } from '../../src/index/embeddings.js';
import { checkIndex, openOrRebuild } from '../../src/index/open-or-rebuild.js';
import pg from 'pg';
import { PostgresIndexStore } from '../../src/store/postgres/postgres-store.js';
import { SqliteIndexStore } from '../../src/store/sqlite/sqlite-store.js';
import { pgUnavailableReason, startPgTestServer, type PgTestServer } from '../store/pg-test-db.js';
import { SEED_IDS, SEEDS_DIR } from '../fixtures/seeds.js';

const PROJECT_DIR = fileURLToPath(new URL('../..', import.meta.url));
const COPIES = 40;
const QUESTION = '2026年湖北算力目标是多少？';

interface IngestChild {
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
  stdout: () => string;
  kill: () => void;
  onStderr: (listener: (text: string) => void) => void;
}

/** `npm run ingest` as a child process (node + tsx loader, so the pid is the ingest itself). */
function ingestChild(seeds: string, index: string, databaseUrl = 'json:'): IngestChild {
  const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', '--seeds', seeds, '--index', index, '--force'], {
    cwd: PROJECT_DIR,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
  });
  let stderr = '';
  let stdout = '';
  const listeners: Array<(text: string) => void> = [];
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    for (const listener of listeners) listener(stderr);
  });
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  return {
    exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
    stderr: () => stderr,
    stdout: () => stdout,
    kill: () => child.kill('SIGKILL'),
    onStderr: (listener) => listeners.push(listener),
  };
}

/** Many copies of the reports in `root`/many: a run long enough to kill in the middle. */
async function copiesOfSeeds(root: string): Promise<string> {
  const dir = join(root, 'many');
  await mkdir(dir);
  for (let copy = 0; copy < COPIES; copy++) {
    for (const id of SEED_IDS) await cp(join(SEEDS_DIR, id), join(dir, `c${String(copy).padStart(2, '0')}_${id}`));
  }
  return dir;
}

describe('crash safety (JSON store): an ingest killed midway never damages the index in service', () => {
  let root: string;
  let indexDir: string;
  let manySeeds: string;
  let oldHash: string;

  const manifest = async () => JSON.parse(await readFile(join(indexDir, 'manifest.json'), 'utf8')) as { corpusHash: string; counts: { documents: number } };

  /** The old index is still there, whole, and answers. */
  async function expectOldIndexServes(): Promise<void> {
    expect((await manifest()).corpusHash).toBe(oldHash);
    expect((await checkIndex(indexDir, DEFAULT_EMBEDDING_MODEL)).state).toBe('ok');
    const engine = await openEngine({ indexDir, databaseUrl: 'json:' });
    expect(engine.documents()).toHaveLength(SEED_IDS.length);
    const response = await engine.ask({ question: QUESTION });
    expect(response.status).toBe('answered');
    expect(response.answer).toContain('2.2万P');
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'policy-qa-crash-'));
    indexDir = join(root, 'index');
    await runIngest({ seedsDir: SEEDS_DIR, indexDir, databaseUrl: 'json:', embedder: null });
    oldHash = (await manifest()).corpusHash;
    manySeeds = await copiesOfSeeds(root);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('SIGKILL while documents are being prepared', async () => {
    const child = ingestChild(manySeeds, indexDir);
    let killed = false;
    child.onStderr((text) => {
      // Every file has been read: the documents are being prepared now.
      if (!killed && /load: \d+ files read/.test(text)) {
        killed = true;
        setTimeout(child.kill, 300);
      }
    });
    const exit = await child.exited;
    expect(exit.signal).toBe('SIGKILL');
    expect(child.stdout()).not.toMatch(/indexed/);
    await expectOldIndexServes();
  });

  it('SIGKILL the moment the new index starts being written', async () => {
    const child = ingestChild(manySeeds, indexDir);
    const staged: string[] = [];
    const watcher = watch(root, (_event, name) => {
      if (name && String(name).startsWith('index.staging-') && staged.length === 0) {
        staged.push(String(name));
        child.kill();
      }
    });
    const exit = await child.exited;
    watcher.close();
    expect(exit.signal).toBe('SIGKILL');
    expect(staged).toHaveLength(1);
    // The half-written staging folder is left behind, without a manifest, so it can never pass as an index.
    const leftovers = (await readdir(root)).filter((e) => e.startsWith('index.staging-'));
    for (const leftover of leftovers) {
      expect(await stat(join(root, leftover, 'manifest.json')).then(() => true, () => false)).toBe(false);
    }
    await expectOldIndexServes();
    // And start-up does not mistake the leftover for something to recover.
    const opened = await openOrRebuild({ seedsDir: SEEDS_DIR, indexDir, databaseUrl: 'json:', embeddingModel: DEFAULT_EMBEDDING_MODEL, embedder: null });
    expect(opened.ingest.changed).toBe(false);
    expect(opened.engine.manifest.corpusHash).toBe(oldHash);
  });

  it('the next ingest completes, replaces the index and clears the leftovers', async () => {
    const child = ingestChild(manySeeds, indexDir);
    const exit = await child.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(child.stdout()).toMatch(new RegExp(`indexed ${COPIES * SEED_IDS.length} documents`));
    expect((await manifest()).counts.documents).toBe(COPIES * SEED_IDS.length);
    expect((await checkIndex(indexDir, DEFAULT_EMBEDDING_MODEL)).state).toBe('ok');
    expect((await readdir(root)).filter((e) => e.includes('.staging-') || e.includes('.old-'))).toEqual([]);
    const engine = await openEngine({ indexDir, databaseUrl: 'json:' });
    expect((await engine.ask({ question: QUESTION })).answer).toContain('2.2万P');
  });

  it('a crash between the two renames of the swap (no index in place) is repaired at start-up', async () => {
    const before = await manifest();
    // What swapIndex leaves if killed after moving the old index aside but before moving the new one in.
    await rename(indexDir, `${indexDir}.old-12345-1`);
    await mkdir(join(root, 'index.staging-12345-2'));
    const warnings: string[] = [];
    const opened = await openOrRebuild({
      seedsDir: manySeeds,
      indexDir,
      databaseUrl: 'json:',
      embeddingModel: DEFAULT_EMBEDDING_MODEL,
      embedder: null,
      onWarning: (w) => warnings.push(w),
    });
    expect(warnings[0]).toMatch(/interrupted swap; restored the complete index from index\.old-12345-1/);
    expect(opened.ingest.changed).toBe(false);
    expect(opened.engine.manifest.corpusHash).toBe(before.corpusHash);
  });
});

describe('crash safety (SQLite store): SIGKILL mid-ingest loses nothing, the next ingest completes', () => {
  let root: string;
  let indexDir: string;
  let manySeeds: string;
  let oldHash: string;
  const file = () => join(indexDir, 'index.sqlite');
  const manifest = async () => {
    const store = new SqliteIndexStore(file());
    try {
      const found = await store.readManifest();
      if (!found) throw new Error('no manifest in the database');
      return found;
    } finally {
      await store.close();
    }
  };

  async function expectOldIndexServes(): Promise<void> {
    expect((await manifest()).corpusHash).toBe(oldHash);
    const engine = await openEngine({ indexDir });
    try {
      expect(engine.store.kind).toBe('sqlite');
      expect(engine.documents()).toHaveLength(SEED_IDS.length);
      const response = await engine.ask({ question: QUESTION });
      expect(response.answer).toContain('2.2万P');
    } finally {
      await engine.close();
    }
  }

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'policy-qa-crash-sqlite-'));
    indexDir = join(root, 'index');
    await runIngest({ seedsDir: SEEDS_DIR, indexDir, embedder: null });
    oldHash = (await manifest()).corpusHash;
    manySeeds = await copiesOfSeeds(root);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('SIGKILL while documents are being prepared', async () => {
    const child = ingestChild(manySeeds, indexDir, '');
    let killed = false;
    child.onStderr((text) => {
      if (!killed && /load: \d+ files read/.test(text)) {
        killed = true;
        setTimeout(child.kill, 300);
      }
    });
    expect((await child.exited).signal).toBe('SIGKILL');
    await expectOldIndexServes();
  });

  it('SIGKILL inside the write transaction, once new pages reach the WAL', async () => {
    const child = ingestChild(manySeeds, indexDir, '');
    const walBefore = await stat(`${file()}-wal`).then((s) => s.size, () => 0);
    let writing = false;
    let killedAt = -1;
    child.onStderr((text) => {
      writing ||= /bm25: \d+\/\d+/.test(text);
    });
    const watcher = watch(indexDir, (_event, name) => {
      if (writing && killedAt < 0 && String(name) === 'index.sqlite-wal') {
        killedAt = walBefore;
        child.kill();
      }
    });
    const exit = await child.exited;
    watcher.close();
    expect(exit.signal).toBe('SIGKILL');
    expect(killedAt).toBeGreaterThanOrEqual(0);
    expect(child.stdout()).not.toMatch(/indexed/);
    await expectOldIndexServes();
  });

  it('the next ingest completes and serves the new documents', async () => {
    const child = ingestChild(manySeeds, indexDir, '');
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect((await manifest()).counts.documents).toBe(COPIES * SEED_IDS.length);
    const engine = await openEngine({ indexDir });
    try {
      expect(engine.documents()).toHaveLength(COPIES * SEED_IDS.length);
      expect((await engine.ask({ question: QUESTION })).answer).toContain('2.2万P');
    } finally {
      await engine.close();
    }
  });
});

const pgMissing = pgUnavailableReason();
if (pgMissing) console.warn(pgMissing);

describe.skipIf(Boolean(pgMissing))('crash safety (PostgreSQL store): SIGKILL inside the write transaction leaves the old generation serving', () => {
  let pgServer: PgTestServer;
  let root: string;
  let url: string;
  let manySeeds: string;
  let oldGeneration: string | undefined;
  let watcher: pg.Client;

  const engineOver = async (run: (engine: Awaited<ReturnType<typeof openEngine>>) => Promise<void>) => {
    const store = new PostgresIndexStore(url);
    try {
      const engine = await openEngine({ indexDir: root, store });
      try {
        await run(engine);
      } finally {
        await engine.close();
      }
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    pgServer = await startPgTestServer();
    url = await pgServer.database();
    root = await mkdtemp(join(tmpdir(), 'policy-qa-crash-pg-'));
    const store = new PostgresIndexStore(url);
    await runIngest({ seedsDir: SEEDS_DIR, indexDir: join(root, 'index'), store, embedder: null });
    oldGeneration = await store.currentGeneration();
    await store.close();
    manySeeds = await copiesOfSeeds(root);
    watcher = new pg.Client({ connectionString: url });
    await watcher.connect();
  });
  afterAll(async () => {
    await watcher?.end();
    await pgServer?.stop();
    await rm(root, { recursive: true, force: true });
  });

  it('killed while its INSERTs run: the old index answers, and nothing of the new generation is left', async () => {
    const child = ingestChild(manySeeds, join(root, 'index'), url);
    let sawInsert = '';
    const exitedEarly = child.exited.then(() => true);
    // Kill only once the ingest's own backend is inside the write transaction, inserting rows.
    while (!sawInsert) {
      const active = await watcher.query<{ query: string }>(
        "SELECT query FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database() AND state = 'active' AND query LIKE 'INSERT INTO %'",
      );
      if (active.rows[0]) sawInsert = active.rows[0].query;
      else if (await Promise.race([exitedEarly, new Promise<false>((resolve) => setTimeout(() => resolve(false), 5))])) break;
    }
    child.kill();
    const exit = await child.exited;
    expect(sawInsert).toMatch(/^INSERT INTO (documents|sections|chunks|bm25_terms|indicators|indicator_terms)/);
    expect(exit.signal).toBe('SIGKILL');
    // The server rolls the orphaned transaction back once it notices the client is gone.
    for (let i = 0; i < 200; i++) {
      const left = await watcher.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database() AND backend_type = 'client backend'");
      if (left.rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const generations = await watcher.query<{ generation: string }>(
      'SELECT DISTINCT generation::text FROM (SELECT generation FROM documents UNION SELECT generation FROM chunks UNION SELECT generation FROM indicators) g',
    );
    expect(generations.rows.map((r) => r.generation)).toEqual([oldGeneration]);
    await engineOver(async (engine) => {
      expect(engine.generation).toBe(oldGeneration);
      expect(engine.documents()).toHaveLength(SEED_IDS.length);
      expect((await engine.ask({ question: QUESTION })).answer).toContain('2.2万P');
    });
  });

  it('the next ingest completes and serves the new documents', async () => {
    const child = ingestChild(manySeeds, join(root, 'index'), url);
    expect(await child.exited).toEqual({ code: 0, signal: null });
    await engineOver(async (engine) => {
      expect(engine.generation).not.toBe(oldGeneration);
      expect(engine.documents()).toHaveLength(COPIES * SEED_IDS.length);
      expect((await engine.ask({ question: QUESTION })).answer).toContain('2.2万P');
    });
  });
});
