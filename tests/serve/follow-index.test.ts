import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../ingest/pipeline.js';
import { openEngine, type Engine } from '../../src/engine.js';
import { DEFAULT_EMBEDDING_MODEL } from '../../src/index/embeddings.js';
import { openExisting, openOrRebuild } from '../../src/index/open-or-rebuild.js';
import { followIndex } from '../../src/serve/follow-index.js';
import { SqliteIndexStore } from '../../src/store/sqlite/sqlite-store.js';
import { SEED, SEED_IDS, SEEDS_DIR } from '../fixtures/seeds.js';

describe('followIndex: a server picks up an index another process wrote (SQLite file shared by two)', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'policy-qa-follow-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('swaps in the new engine once, closes the old one, and leaves a current engine alone', async () => {
    const fewer = join(root, 'four');
    await mkdir(fewer);
    for (const id of SEED_IDS.filter((id) => id !== SEED.hunanGuangdong)) await cp(join(SEEDS_DIR, id), join(fewer, id));
    const file = join(root, 'index', 'index.sqlite');
    const writer = new SqliteIndexStore(file);
    await runIngest({ seedsDir: fewer, indexDir: join(root, 'index'), store: writer, embedder: null });
    const watched = new SqliteIndexStore(file);
    const closed: Engine[] = [];
    const tracked = async (): Promise<Engine> => {
      const engine = await openEngine({ indexDir: root, store: watched });
      const wrapped: Engine = { ...engine, close: async () => (closed.push(wrapped), engine.close()) };
      return wrapped;
    };
    let served = await tracked();
    const first = served;
    const follower = followIndex({ store: watched, intervalMs: 0, current: () => served, open: tracked, replace: (next) => (served = next) });
    try {
      expect(served.generation).toBe(await watched.currentGeneration());
      expect(await follower.check()).toBe(false);
      await runIngest({ seedsDir: SEEDS_DIR, indexDir: join(root, 'index'), store: writer, embedder: null });
      expect(served.documents()).toHaveLength(4);
      // Two looks at once share one reopen.
      const [one, two] = await Promise.all([follower.check(), follower.check()]);
      expect([one, two]).toEqual([true, true]);
      expect(served).not.toBe(first);
      expect(served.documents()).toHaveLength(5);
      expect(served.generation).toBe(await writer.currentGeneration());
      expect(await follower.check()).toBe(false);
      expect(closed).toEqual([first]);
    } finally {
      await follower.stop();
      await served.close();
      await writer.close();
    }
  });

  it('start-up keeps the engine it served early when the seeds check finds the index unchanged', async () => {
    const source = { seedsDir: SEEDS_DIR, indexDir: join(root, 'start'), embeddingModel: DEFAULT_EMBEDDING_MODEL, embedder: null };
    const built = await openOrRebuild(source);
    await built.engine.close();
    const existing = await openExisting(source);
    expect(existing).toBeDefined();
    const opened = await openOrRebuild(source, { serving: existing });
    expect(opened.ingest.changed).toBe(false);
    expect(opened.engine).toBe(existing);
    // Forced (or changed): a new engine, the early one left for the caller to close.
    const forced = await openOrRebuild(source, { serving: existing, force: true });
    expect(forced.engine).not.toBe(existing);
    await existing?.close();
    await forced.engine.close();
  });
});

