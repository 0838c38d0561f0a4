/** Ingest progress: per file and per PDF page from a real ingest, as a bar on a terminal and as plain lines otherwise. */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest, type IngestProgress } from '../../ingest/pipeline.js';
import { createProgressReporter } from '../../ingest/progress.js';
import { FORMATS_DIR } from './load/format-fixtures.js';

let root: string;
const events: IngestProgress[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'policy-qa-progress-'));
  await mkdir(join(root, 'seeds'));
  for (const name of ['report.pdf', 'report.txt']) await copyFile(join(FORMATS_DIR, name), join(root, 'seeds', name));
  await runIngest({ seedsDir: join(root, 'seeds'), indexDir: join(root, 'index'), embedder: null, onProgress: (e) => events.push(structuredClone(e)) });
});

afterAll(() => rm(root, { recursive: true, force: true }));

function replay(isTTY: boolean): string {
  let out = '';
  const report = createProgressReporter({ isTTY, write: (text: string) => (out += text) });
  for (const event of events) report(event);
  return out;
}

describe('ingest progress events', () => {
  it('count files while loading and every page of the PDF, then documents, chunks and steps', () => {
    const pages = events.filter((e) => e.file?.pages).map((e) => `${e.file?.name} ${e.file?.pages?.done}/${e.file?.pages?.total}`);
    expect(pages).toEqual(['report.pdf 1/3', 'report.pdf 2/3', 'report.pdf 3/3']);
    const files = events.filter((e) => e.stage === 'load' && !e.file?.pages).map((e) => `${e.done}/${e.total} ${e.file?.name ?? '-'}`);
    expect(files).toEqual(['0/2 report.pdf', '1/2 report.txt', '2/2 -']);
    expect(events.every((e) => e.stage !== 'load' || e.unit === 'file')).toBe(true);
    expect(events.find((e) => e.stage === 'prepare')?.unit).toBe('document');
    expect(events.at(-1)).toMatchObject({ stage: 'done', done: 1, total: 1 });
  });
});

describe('the reporter', () => {
  it('writes plain lines without a terminal: each file, the pages by quarters, each stage once done', () => {
    const lines = replay(false).trimEnd().split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'load: file 1/2 report.pdf',
      'load: report.pdf page 1/3',
      'load: report.pdf page 2/3',
      'load: report.pdf page 3/3',
      'load: file 2/2 report.txt',
      'load: 2 files read',
    ]);
    expect(lines).toContain('prepare: 2/2 documents report.txt');
    expect(lines.at(-1)).toMatch(/^done: 1\/1 step \d+ indicators, \d+ chunks$/);
    expect(replay(false)).not.toContain('\r');
  });

  it('redraws one bar on a terminal, filled by the pages read of the file being read', () => {
    const out = replay(true);
    const frames = out.split('\r').filter(Boolean);
    expect(frames.length).toBe(events.length);
    const page2 = frames.find((f) => f.includes('report.pdf page 2/3')) ?? '';
    // File 1 of 2 with 2 of its 3 pages read: a third of the bar (8 of 24 cells).
    expect(page2).toContain(`${'█'.repeat(8)}${'░'.repeat(16)} 0/2 files report.pdf page 2/3`);
    expect(out.endsWith('\n')).toBe(true);
    expect(out.split('\n').length).toBe(2);
  });
});
