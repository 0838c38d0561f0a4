import { readFileSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runIngest, type IngestProgress } from '../../ingest/pipeline.js';
import { openEngine } from '../../src/engine.js';
import { DEFAULT_EMBEDDING_MODEL, TextEmbedder } from '../../src/index/embeddings.js';
import { checkIndex } from '../../src/index/open-or-rebuild.js';
import { SEED_IDS, SEEDS_DIR } from '../fixtures/seeds.js';

/** Files whose name is listed here disappear right after the seeds folder is listed: the race of a file deleted mid-run. */
const vanishing = new Set<string>();
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const readdir = async (...args: Parameters<typeof actual.readdir>) => {
    const entries = await (actual.readdir as (...a: Parameters<typeof actual.readdir>) => Promise<unknown[]>)(...args);
    for (const name of entries) {
      if (typeof name === 'string' && vanishing.has(name)) await actual.rm(join(String(args[0]), name), { force: true });
    }
    return entries;
  };
  return { ...actual, default: { ...actual, readdir }, readdir };
});

/** A GB18030 encoder for common characters, built from Node's own decoder (Node ships no GBK encoder). */
function encodeGb18030(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) bytes.push(char.charCodeAt(0));
    else {
      const code = table.get(char);
      if (!code) throw new Error(`no GB18030 code for ${char}`);
      bytes.push(...code);
    }
  }
  return Buffer.from(bytes);
}

const GBK_REPORT = [
  '河南省工业和信息化厅2025年工作总结',
  '2025年，全省规模以上工业增加值增长8.1%，高技术制造业增加值增长12.3%。',
  '2026年，力争规上工业增加值增长6%以上，新建5G基站1.2万个。',
].join('\n');

describe('ingest robustness: bad files are skipped with a message naming them, the rest is indexed', () => {
  let root: string;
  let seeds: string;
  const warnings: string[] = [];
  let result: Awaited<ReturnType<typeof runIngest>>;

  beforeAll(async () => {
    root = await fs.mkdtemp(join(tmpdir(), 'policy-qa-robust-'));
    seeds = join(root, 'seeds');
    await fs.cp(SEEDS_DIR, seeds, { recursive: true });
    await fs.writeFile(join(seeds, 'empty.txt'), '');
    await fs.writeFile(join(seeds, 'blank.md'), ' \n\t\n  ');
    await fs.writeFile(join(seeds, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
    await fs.writeFile(join(seeds, 'henan-gbk.txt'), encodeGb18030(GBK_REPORT));
    // Sparse: 21 MiB on paper, no disk used.
    const huge = await fs.open(join(seeds, 'huge.txt'), 'w');
    await huge.truncate(21 * 1024 * 1024);
    await huge.close();
    await fs.writeFile(join(seeds, 'vanishing.txt'), '2025年湖北某指标增长5%。');
    vanishing.add('vanishing.txt');
    result = await runIngest({ seedsDir: seeds, indexDir: join(root, 'index'), embedder: null });
    warnings.push(...result.warnings);
  });
  afterAll(() => fs.rm(root, { recursive: true, force: true }));

  it('indexes the five reports plus the GB18030 file', async () => {
    expect(result.documents).toBe(SEED_IDS.length + 1);
    const engine = await openEngine({ indexDir: join(root, 'index') });
    expect(engine.documents().map((d) => d.id).sort()).toEqual([...SEED_IDS, 'henan-gbk.txt'].sort());
    expect((await engine.ask({ question: '2026年湖北算力目标是多少？' })).answer).toContain('2.2万P');
  });

  it('names each skipped file and why', () => {
    const about = (name: string) => warnings.filter((w) => w.startsWith(`${name}:`));
    expect(about('empty.txt')).toEqual(['empty.txt: skipped, the file is empty']);
    expect(about('blank.md')).toEqual(['blank.md: skipped, the file is empty']);
    expect(about('binary.txt')).toEqual(['binary.txt: skipped, the file is binary, not text']);
    expect(about('huge.txt')).toHaveLength(1);
    expect(about('huge.txt')[0]).toMatch(/^huge\.txt: skipped, 22020096 bytes is over the \d+-byte limit$/);
    expect(about('vanishing.txt')).toEqual(['vanishing.txt: skipped, could not be read (ENOENT)']);
    expect(about('henan-gbk.txt')).toEqual(['henan-gbk.txt: decoded as GB18030 (not valid UTF-8)']);
  });

  it('decodes the GB18030 file to the right text, searchable like any other', async () => {
    const engine = await openEngine({ indexDir: join(root, 'index') });
    expect(engine.document('henan-gbk.txt')?.text).toBe(GBK_REPORT);
    const response = await engine.ask({ question: '河南高技术制造业增加值增长多少？' });
    expect(response.retrieval.chunks.some((c) => c.docId === 'henan-gbk.txt')).toBe(true);
  });
});

describe('the previous index stays in service until the new one is complete (JSON store)', () => {
  let root: string;
  let seeds: string;
  let indexDir: string;
  let oldHash: string;

  beforeAll(async () => {
    root = await fs.mkdtemp(join(tmpdir(), 'policy-qa-swap-'));
    seeds = join(root, 'seeds');
    indexDir = join(root, 'index');
    await fs.cp(SEEDS_DIR, seeds, { recursive: true });
    await runIngest({ seedsDir: seeds, indexDir, databaseUrl: 'json:', embedder: null });
    oldHash = (JSON.parse(readFileSync(join(indexDir, 'manifest.json'), 'utf8')) as { corpusHash: string }).corpusHash;
  });
  afterAll(() => fs.rm(root, { recursive: true, force: true }));

  const manifestHash = () => (JSON.parse(readFileSync(join(indexDir, 'manifest.json'), 'utf8')) as { corpusHash: string }).corpusHash;

  it('at every stage of a rebuild, the folder in service holds the old, complete index', async () => {
    const engine = await openEngine({ indexDir, databaseUrl: 'json:' });
    writeFileSync(join(seeds, 'extra.txt'), '2025年湖北新增一项指标增长9.9%。\n');
    const seen: Array<{ stage: IngestProgress['stage']; hash: string }> = [];
    const result = await runIngest({
      seedsDir: seeds,
      indexDir,
      databaseUrl: 'json:',
      embedder: null,
      onProgress: (event) => {
        if (event.stage !== 'done' && !(event.stage === 'write' && event.done === 1)) seen.push({ stage: event.stage, hash: manifestHash() });
      },
    });
    expect(result.changed).toBe(true);
    expect(new Set(seen.map((s) => s.stage))).toEqual(new Set(['load', 'prepare', 'bm25', 'write']));
    expect(seen.every((s) => s.hash === oldHash)).toBe(true);
    expect(manifestHash()).not.toBe(oldHash);
    expect((await checkIndex(indexDir, DEFAULT_EMBEDDING_MODEL)).state).toBe('ok');
    // The engine opened before keeps answering from memory after the swap.
    expect((await engine.ask({ question: '2026年湖北算力目标是多少？' })).answer).toContain('2.2万P');
    await fs.rm(join(seeds, 'extra.txt'));
  });

  it('an ingest that fails midway (embedding error, broken catalog) leaves the old index intact and servable', async () => {
    await runIngest({ seedsDir: seeds, indexDir, databaseUrl: 'json:', embedder: null, force: true });
    const before = manifestHash();
    writeFileSync(join(seeds, 'extra.txt'), '2025年湖北新增一项指标增长9.9%。\n');
    const failing = new TextEmbedder({
      modelId: 'test/failing',
      dimensions: 4,
      embedBatch: async () => {
        throw new Error('embedding backend crashed');
      },
    });
    await expect(runIngest({ seedsDir: seeds, indexDir, databaseUrl: 'json:', embedder: failing })).rejects.toThrow(/embedding backend crashed/);
    expect(manifestHash()).toBe(before);
    expect((await checkIndex(indexDir, DEFAULT_EMBEDDING_MODEL)).state).toBe('ok');

    const catalog = await fs.readFile(join(seeds, 'catalog.json'), 'utf8');
    await fs.writeFile(join(seeds, 'catalog.json'), catalog.slice(0, 100));
    await expect(runIngest({ seedsDir: seeds, indexDir, databaseUrl: 'json:', embedder: null })).rejects.toThrow(/catalog\.json is not valid JSON/);
    await fs.writeFile(join(seeds, 'catalog.json'), catalog);
    expect(manifestHash()).toBe(before);

    const engine = await openEngine({ indexDir, databaseUrl: 'json:' });
    expect(engine.documents()).toHaveLength(SEED_IDS.length);
    expect((await engine.ask({ question: '2026年湖北算力目标是多少？' })).answer).toContain('2.2万P');
    await fs.rm(join(seeds, 'extra.txt'));
  });
});
