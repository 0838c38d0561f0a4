import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../ingest/pipeline.js';
import { openEngine, type Engine } from '../src/engine.js';
import { TINY_MODEL_ID, writeTinyModel } from './fixtures/tiny-model.js';

// The whole chain with a real (tiny) ONNX model: ingest embeds chunks into HNSW, the engine loads it
// and fuses dense hits with BM25. A model folder appearing later switches dense retrieval on.
describe('dense retrieval end to end with the tiny model', () => {
  let work: string;
  let modelsDir: string;
  let engine: Engine;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'engine-dense-'));
    modelsDir = path.join(work, 'models');
    await writeTinyModel(modelsDir);
  });

  afterAll(async () => {
    await engine?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('builds keyword-only without a model, then rebuilds with vectors once the model is there', async () => {
    const indexDir = path.join(work, 'index');
    const first = await runIngest({ seedsDir: 'seeds', indexDir, modelDir: path.join(work, 'no-models'), embeddingModel: TINY_MODEL_ID });
    expect(first.dense.active).toBe(false);
    expect(first.dense.reason).toContain(TINY_MODEL_ID);
    expect(first.vectors).toBe(0);

    const second = await runIngest({ seedsDir: 'seeds', indexDir, modelDir: modelsDir, embeddingModel: TINY_MODEL_ID });
    expect(second.changed).toBe(true);
    expect(second.dense.active).toBe(true);
    expect(second.vectors).toBe(second.chunks);

    const third = await runIngest({ seedsDir: 'seeds', indexDir, modelDir: modelsDir, embeddingModel: TINY_MODEL_ID });
    expect(third.changed).toBe(false);

    engine = await openEngine({ indexDir, modelDir: modelsDir, embeddingModel: TINY_MODEL_ID });
    expect(engine.dense.active).toBe(true);
    const response = await engine.ask({ question: '2026年湖北算力目标是多少' });
    expect(response.retrieval.retrievers).toEqual(['indicators', 'bm25', 'dense']);
    expect(response.retrieval.dense.active).toBe(true);
    expect(response.answer).toContain('2.2万P');
  });

  it('reports keyword-only, with the reason, when the model is gone at serve time', async () => {
    const indexDir = path.join(work, 'index');
    const reasons: string[] = [];
    const degraded = await openEngine({
      indexDir,
      modelDir: path.join(work, 'missing'),
      embeddingModel: TINY_MODEL_ID,
      onKeywordOnly: (reason) => reasons.push(reason),
    });
    expect(degraded.dense.active).toBe(false);
    expect(reasons).toHaveLength(1);
    const response = await degraded.ask({ question: '2026年湖北算力目标是多少' });
    expect(response.retrieval.retrievers).toEqual(['indicators', 'bm25']);
    expect(response.answer).toContain('2.2万P');
  });
});
