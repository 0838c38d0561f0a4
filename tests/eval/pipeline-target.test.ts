import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPipelineTarget } from '../../eval/pipeline-target.js';

async function evalTempDirs(): Promise<string[]> {
  return (await readdir(os.tmpdir())).filter((name) => name.startsWith('policy-qa-eval-'));
}

describe('openPipelineTarget with another seed folder', () => {
  it('builds a throwaway index, answers through the engine and removes the index on close', async () => {
    const seedsDir = await mkdtemp(path.join(os.tmpdir(), 'eval-seeds-'));
    await copyFile('seeds/001_89a872acc90dcb9c.txt', path.join(seedsDir, '001_89a872acc90dcb9c.txt'));
    const before = await evalTempDirs();
    const log: string[] = [];

    const target = await openPipelineTarget({ seedsDir, mode: 'extractive', log: (line) => log.push(line) });
    // Other evals on the machine may create their own folders meanwhile: ours is the one the log names.
    const created = (await evalTempDirs()).filter((name) => !before.includes(name) && log.some((line) => line.includes(`${name}: rebuilt (1 documents`)));
    try {
      expect(created).toHaveLength(1);

      const response = await target.ask('2026年湖北算力目标是多少');
      expect(response.retrieval.chunks.length).toBeGreaterThan(0);
      expect(response.retrieval.chunks.every((chunk) => chunk.docId === '001_89a872acc90dcb9c.txt')).toBe(true);
      // Gold files name documents with or without the .txt suffix; both must reach the served text.
      const text = target.documentText('001_89a872acc90dcb9c.txt');
      expect(text).toContain('算力规模突破2.2万P');
      expect(target.documentText('001_89a872acc90dcb9c')).toBe(text);
      expect(target.describe()).toMatch(/^pipeline \(src\/engine\.ts, mode extractive\), retrievers /);
    } finally {
      await target.close();
      await rm(seedsDir, { recursive: true, force: true });
    }
    expect(await evalTempDirs()).not.toContain(created[0]);
  }, 60_000);
});
