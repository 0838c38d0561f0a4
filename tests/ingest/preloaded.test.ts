/** runIngest's `preloaded`: a file the caller already read (an upload job) is taken from it by content hash, not parsed again. */
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFile } from '../../ingest/load/load-file.js';
import { runIngest } from '../../ingest/pipeline.js';
import { openEngine } from '../../src/engine.js';
import { sha256 } from '../../src/index/index-files.js';
import { FORMATS_DIR } from './load/format-fixtures.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'policy-qa-preloaded-'));
  await mkdir(join(root, 'seeds'));
  await copyFile(join(FORMATS_DIR, 'report.pdf'), join(root, 'seeds', 'report.pdf'));
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('ingest with preloaded files', () => {
  it('uses the preloaded text for the file with those bytes and reports it as reused', async () => {
    const bytes = await readFile(join(root, 'seeds', 'report.pdf'));
    const loaded = await loadFile(new Uint8Array(bytes), 'report.pdf');
    // A marked copy shows which text was indexed: the preloaded one, not a fresh parse of the file.
    const marked = { ...loaded, text: `${loaded.text}\n（预载）` };
    const result = await runIngest({ seedsDir: join(root, 'seeds'), indexDir: join(root, 'index'), embedder: null, preloaded: new Map([[sha256(bytes), marked]]) });
    expect(result.reusedDocuments).toEqual(['report.pdf']);
    const engine = await openEngine({ indexDir: join(root, 'index') });
    expect(engine.document('report.pdf')?.text.endsWith('（预载）')).toBe(true);
    await engine.close();
  });

  it('ignores preloaded entries whose bytes are not in the folder', async () => {
    const other = await loadFile(new TextEncoder().encode('2026年，全市工业投资增长10%以上。'), 'other.txt');
    const result = await runIngest({ seedsDir: join(root, 'seeds'), indexDir: join(root, 'index-2'), embedder: null, preloaded: new Map([['0'.repeat(64), other]]) });
    expect(result.reusedDocuments).toEqual([]);
    expect(result.documents).toBe(1);
  });
});
