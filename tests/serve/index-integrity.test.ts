import { cp, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runIngest } from '../../ingest/pipeline.js';
import { openEngine } from '../../src/engine.js';
import { AppError } from '../../src/errors.js';
import { DEFAULT_EMBEDDING_MODEL } from '../../src/index/embeddings.js';
import { checkIndex, openOrRebuild, type IndexSource } from '../../src/index/open-or-rebuild.js';
import { SEEDS_DIR } from '../fixtures/seeds.js';
import { startServer } from './child-server.js';

const QUESTION = '2026年湖北算力目标是多少？';

// The JSON index's checksums; the SQLite store's own checks are in tests/store/sqlite-schema.test.ts.
describe('index integrity at start-up (JSON store)', () => {
  const roots: string[] = [];
  let source: IndexSource;
  let warnings: string[];
  let originalHash: string;

  beforeEach(async () => {
    const root = await mkdtemp(join(tmpdir(), 'policy-qa-integrity-'));
    roots.push(root);
    await cp(SEEDS_DIR, join(root, 'seeds'), { recursive: true });
    warnings = [];
    source = {
      seedsDir: join(root, 'seeds'),
      indexDir: join(root, 'index'),
      databaseUrl: 'json:',
      embeddingModel: DEFAULT_EMBEDDING_MODEL,
      embedder: null,
      onWarning: (message) => warnings.push(message),
    };
    const built = await runIngest({ seedsDir: source.seedsDir, indexDir: source.indexDir, databaseUrl: 'json:', embedder: null });
    const manifest = JSON.parse(await readFile(join(source.indexDir, 'manifest.json'), 'utf8')) as { createdAt: string; files: Record<string, { sha256: string }> };
    originalHash = manifest.files['indicators.json'].sha256;
    expect(built.changed).toBe(true);
  });
  afterAll(async () => {
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });

  const file = (name: string) => join(source.indexDir, name);

  it('an intact index passes the check and is served as is', async () => {
    expect((await checkIndex(source.indexDir, DEFAULT_EMBEDDING_MODEL)).state).toBe('ok');
    const opened = await openOrRebuild(source);
    expect(opened.ingest.changed).toBe(false);
    expect(opened.rebuiltBecause).toBeUndefined();
    expect(warnings.filter((w) => /rebuild/.test(w))).toEqual([]);
  });

  it('a truncated file is detected, named, and the index rebuilt (default policy)', async () => {
    await truncate(file('chunks.json'), 1000);
    const check = await checkIndex(source.indexDir, DEFAULT_EMBEDDING_MODEL);
    expect(check).toMatchObject({ state: 'corrupt' });
    expect(check.state !== 'ok' && check.reason).toMatch(/chunks\.json.*truncated/);
    // The engine itself refuses it too: nothing serves a damaged index silently.
    await expect(openEngine({ indexDir: source.indexDir, databaseUrl: 'json:' })).rejects.toThrow(/chunks\.json/);

    const opened = await openOrRebuild(source);
    expect(opened.rebuiltBecause).toMatch(/chunks\.json/);
    expect(opened.ingest.changed).toBe(true);
    expect(warnings.some((w) => /chunks\.json.*rebuilding/.test(w))).toBe(true);
    expect((await opened.engine.ask({ question: QUESTION })).answer).toContain('2.2万P');
    expect((await checkIndex(source.indexDir, DEFAULT_EMBEDDING_MODEL)).state).toBe('ok');
  });

  it('a tampered file (same size, one figure changed) fails its checksum and is rebuilt', async () => {
    const original = await readFile(file('indicators.json'), 'utf8');
    const tampered = original.replace('2.2万P', '9.9万P');
    expect(tampered).not.toBe(original);
    expect(Buffer.byteLength(tampered)).toBe(Buffer.byteLength(original));
    await writeFile(file('indicators.json'), tampered);

    const check = await checkIndex(source.indexDir, DEFAULT_EMBEDDING_MODEL);
    expect(check.state !== 'ok' && check.reason).toMatch(/indicators\.json.*checksum/);
    const opened = await openOrRebuild(source);
    expect(opened.rebuiltBecause).toMatch(/indicators\.json/);
    const answer = await opened.engine.ask({ question: QUESTION });
    expect(answer.answer).toContain('2.2万P');
    expect(answer.answer).not.toContain('9.9万');
    const manifest = JSON.parse(await readFile(file('manifest.json'), 'utf8')) as { files: Record<string, { sha256: string }> };
    expect(manifest.files['indicators.json'].sha256).toBe(originalHash);
  });

  it('INDEX_ON_CORRUPT=refuse: a tampered index stops start-up with the reason and is left for inspection', async () => {
    const original = await readFile(file('indicators.json'), 'utf8');
    await writeFile(file('indicators.json'), original.replace('2.2万P', '9.9万P'));
    const refusal = openOrRebuild({ ...source, onCorrupt: 'refuse' });
    await expect(refusal).rejects.toBeInstanceOf(AppError);
    await expect(refusal).rejects.toMatchObject({ code: 'index_unavailable', message: expect.stringMatching(/indicators\.json.*checksum.*INDEX_ON_CORRUPT=refuse/) });
    expect(await readFile(file('indicators.json'), 'utf8')).toContain('9.9万P');
  });

  it('an index built with another embedding model is detected; rebuilt by default, refused on request', async () => {
    const manifestPath = file('manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { embedding: { model: string } };
    manifest.embedding.model = 'BAAI/bge-m3';
    await writeFile(manifestPath, JSON.stringify(manifest));

    const check = await checkIndex(source.indexDir, DEFAULT_EMBEDDING_MODEL);
    expect(check).toMatchObject({ state: 'model_mismatch' });
    expect(check.state !== 'ok' && check.reason).toMatch(/BAAI\/bge-m3.*EMBEDDING_MODEL is "Xenova\/bge-small-zh-v1\.5"/);
    await expect(openOrRebuild({ ...source, onCorrupt: 'refuse' })).rejects.toThrow(/BAAI\/bge-m3/);

    const opened = await openOrRebuild(source);
    expect(opened.rebuiltBecause).toMatch(/BAAI\/bge-m3/);
    expect(opened.engine.manifest.embedding.model).toBe(DEFAULT_EMBEDDING_MODEL);
  });

  it('a truncated manifest or a missing payload file is corrupt, not "no index"', async () => {
    const manifestText = await readFile(file('manifest.json'), 'utf8');
    await writeFile(file('manifest.json'), manifestText.slice(0, 200));
    expect(await checkIndex(source.indexDir, DEFAULT_EMBEDDING_MODEL)).toMatchObject({ state: 'corrupt', reason: expect.stringMatching(/manifest\.json is not valid JSON/) });
    await writeFile(file('manifest.json'), manifestText);
    await rm(file('bm25.json'));
    expect(await checkIndex(source.indexDir, DEFAULT_EMBEDDING_MODEL)).toMatchObject({ state: 'corrupt', reason: expect.stringMatching(/bm25\.json is missing/) });
    await expect(openOrRebuild({ ...source, onCorrupt: 'refuse' })).rejects.toThrow(/bm25\.json/);
  });

  it('a missing index is simply built, even under refuse', async () => {
    await rm(source.indexDir, { recursive: true });
    expect((await checkIndex(source.indexDir, DEFAULT_EMBEDDING_MODEL)).state).toBe('missing');
    const opened = await openOrRebuild({ ...source, onCorrupt: 'refuse' });
    expect(opened.ingest.changed).toBe(true);
    expect(opened.rebuiltBecause).toBeUndefined();
  });

  it('npm start with INDEX_ON_CORRUPT=refuse exits 1 with one clear line naming the file', async () => {
    await truncate(file('sections.json'), 10);
    const server = startServer({ DATABASE_URL: 'json:', SEEDS_DIR: source.seedsDir, INDEX_DIR: source.indexDir, INDEX_ON_CORRUPT: 'refuse' });
    const exit = await server.exited;
    expect(exit.code).toBe(1);
    const fatal = server.logs.find((line) => line.level === 60);
    expect(fatal).toMatchObject({ code: 'index_unavailable', msg: expect.stringMatching(/sections\.json.*truncated.*refusing/) });
    expect(server.logs.some((line) => String(line.msg).includes('listening on'))).toBe(false);
  });

  it('npm start by default rebuilds the damaged index, says why, and serves', async () => {
    await truncate(file('sections.json'), 10);
    const server = startServer({ DATABASE_URL: 'json:', SEEDS_DIR: source.seedsDir, INDEX_DIR: source.indexDir });
    try {
      const ready = await server.waitForLog((line) => String(line.msg).includes('listening on'));
      expect(server.logs.some((line) => line.level === 40 && /sections\.json.*rebuilding/.test(String(line.msg)))).toBe(true);
      const response = await fetch(`http://127.0.0.1:${String(ready.port)}/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: QUESTION }),
      });
      expect(response.status).toBe(200);
    } finally {
      server.process.kill('SIGTERM');
      await server.exited;
    }
  });
});
