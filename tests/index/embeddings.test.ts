import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BGE_ZH_QUERY_INSTRUCTION,
  TextEmbedder,
  loadEmbedder,
  queryInstructionFor,
} from '../../src/index/embeddings.js';
import {
  TINY_HIDDEN_SIZE,
  TINY_MODEL_ID,
  TOKENIZER_FIXTURE_DIR,
  tinyEmbeddingTable,
  writeTinyModel,
} from '../fixtures/tiny-model.js';

let modelsDir: string;
let embedder: TextEmbedder;
let vocab: Map<string, number>;
const table = tinyEmbeddingTable();

function norm(v: number[]): number {
  return Math.sqrt(v.reduce((s, x) => s + x * x, 0));
}

function cosine(a: number[], b: number[]): number {
  return a.reduce((s, x, i) => s + x * b[i], 0) / (norm(a) * norm(b));
}

// What the tiny graph computes at position 0 (CLS), then L2-normalised, for a known token id sequence.
function expectedVector(tokenIds: number[]): number[] {
  const row = (id: number) => Array.from(table.subarray(id * TINY_HIDDEN_SIZE, (id + 1) * TINY_HIDDEN_SIZE));
  const mean = new Array<number>(TINY_HIDDEN_SIZE).fill(0);
  for (const id of tokenIds) row(id).forEach((x, i) => (mean[i] += x / tokenIds.length));
  const cls = row(tokenIds[0]).map((x, i) => x + mean[i]);
  const n = norm(cls);
  return cls.map((x) => x / n);
}

function tokenId(token: string): number {
  const id = vocab.get(token);
  if (id === undefined) throw new Error(`token ${token} not in vocab.txt`);
  return id;
}

beforeAll(async () => {
  modelsDir = await mkdtemp(path.join(os.tmpdir(), 'tiny-embed-'));
  await writeTinyModel(modelsDir);
  const lines = (await readFile(path.join(TOKENIZER_FIXTURE_DIR, 'vocab.txt'), 'utf8')).split('\n');
  vocab = new Map(lines.map((token, i) => [token.trim(), i]));
  const load = await loadEmbedder({ modelId: TINY_MODEL_ID, modelDir: modelsDir });
  if (!load.ok) throw new Error(load.reason);
  embedder = load.embedder;
});

afterAll(async () => {
  if (modelsDir) await rm(modelsDir, { recursive: true, force: true });
});

describe('loadEmbedder with the generated tiny model', () => {
  it('loads offline and learns the dimension from a trial embedding', () => {
    expect(embedder.modelId).toBe(TINY_MODEL_ID);
    expect(embedder.dimensions).toBe(TINY_HIDDEN_SIZE);
    expect(embedder.batchSize).toBe(16);
    // Nothing may be fetched or cached when remote loading is not allowed.
    expect(env.allowRemoteModels).toBe(false);
    expect(env.useFSCache).toBe(false);
  });

  it('returns unit-length vectors of the model dimension, identical across calls', async () => {
    const texts = ['国务院政府工作报告', '新质生产力', ''];
    const first = await embedder.embedDocuments(texts);
    const second = await embedder.embedDocuments(texts);
    expect(first).toHaveLength(3);
    for (const v of first) {
      expect(v).toHaveLength(TINY_HIDDEN_SIZE);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    expect(second).toEqual(first);
  });

  it('tokenizes with the real bge vocabulary and pools the CLS position', async () => {
    const [v] = await embedder.embedDocuments(['算力网络']);
    const ids = [tokenId('[CLS]'), tokenId('算'), tokenId('力'), tokenId('网'), tokenId('络'), tokenId('[SEP]')];
    const expected = expectedVector(ids);
    v.forEach((x, i) => expect(x).toBeCloseTo(expected[i], 5));

    const [a, b] = await embedder.embedDocuments(['数字经济', '数字经济发展']);
    expect(cosine(a, b)).toBeLessThan(0.999);
  });

  it('truncates input to the tokenizer maximum of 512 tokens', async () => {
    const [v] = await embedder.embedDocuments(['国'.repeat(510) + '家'.repeat(490)]);
    // transformers.js 3.8 cuts after adding special tokens, so the model sees [CLS] + the first 511
    // characters and no [SEP]; anything else (or no truncation) would change this vector.
    const ids = [tokenId('[CLS]'), ...new Array<number>(510).fill(tokenId('国')), tokenId('家')];
    const expected = expectedVector(ids);
    v.forEach((x, i) => expect(x).toBeCloseTo(expected[i], 5));
  });

  it('gives the same vectors batched (with padding) as one at a time', async () => {
    const texts = Array.from({ length: 20 }, (_, i) => `第${i}条：${'推进制造业高端化'.slice(0, (i % 8) + 1)}`);
    const batched = await embedder.embedDocuments(texts);
    for (let i = 0; i < texts.length; i += 5) {
      const [single] = await embedder.embedDocuments([texts[i]]);
      single.forEach((x, j) => expect(batched[i][j]).toBeCloseTo(x, 5));
    }
  });

  it('prefixes only queries with the bge retrieval instruction', async () => {
    const text = '人工智能产业规模';
    const query = await embedder.embedQuery(text);
    const [doc] = await embedder.embedDocuments([text]);
    const [prefixed] = await embedder.embedDocuments([BGE_ZH_QUERY_INSTRUCTION + text]);
    expect(query).toEqual(prefixed);
    expect(cosine(query, doc)).toBeLessThan(0.999);
    expect(queryInstructionFor('Xenova/bge-small-zh-v1.5')).toBe(BGE_ZH_QUERY_INSTRUCTION);
    expect(queryInstructionFor('some/other-model')).toBe('');
  });

  it('falls back to onnx/model_quantized.onnx when that is the only graph present', async () => {
    const modelId = 'test/tiny-bge-small-zh-q8';
    await writeTinyModel(modelsDir, { modelId, onnxFiles: ['model_quantized.onnx'] });
    const load = await loadEmbedder({ modelId, modelDir: modelsDir });
    if (!load.ok) throw new Error(load.reason);
    const [q8] = await load.embedder.embedDocuments(['绿色低碳']);
    const [fp32] = await embedder.embedDocuments(['绿色低碳']);
    expect(q8).toEqual(fp32);
  });
});

describe('loadEmbedder with remote loading allowed', () => {
  it('still prefers the local folder and caches into modelDir, not node_modules', async () => {
    const load = await loadEmbedder({ modelId: TINY_MODEL_ID, modelDir: modelsDir, allowRemote: true });
    if (!load.ok) throw new Error(load.reason);
    expect(env.allowRemoteModels).toBe(true);
    expect(env.cacheDir).toBe(path.resolve(modelsDir));
    expect(await load.embedder.embedDocuments(['绿色低碳'])).toEqual(await embedder.embedDocuments(['绿色低碳']));
  });
});

describe('TextEmbedder batching', () => {
  it('splits documents into batches of batchSize', async () => {
    const seen: number[] = [];
    const fake = new TextEmbedder({
      modelId: 'fake',
      dimensions: 2,
      batchSize: 16,
      embedBatch: async (texts) => {
        seen.push(texts.length);
        return texts.map((t) => [t.length, 1]);
      },
    });
    const texts = Array.from({ length: 40 }, (_, i) => 'x'.repeat(i));
    const out = await fake.embedDocuments(texts);
    expect(seen).toEqual([16, 16, 8]);
    expect(out.map((v) => v[0])).toEqual(texts.map((t) => t.length));
  });

  it('rejects vectors of the wrong dimension or with NaN', async () => {
    const wrongDim = new TextEmbedder({ modelId: 'fake', dimensions: 3, embedBatch: async (t) => t.map(() => [1, 0]) });
    await expect(wrongDim.embedDocuments(['a'])).rejects.toThrow(/2-dim vector, expected 3/);
    const nan = new TextEmbedder({ modelId: 'fake', dimensions: 2, embedBatch: async (t) => t.map(() => [Number.NaN, 0]) });
    await expect(nan.embedDocuments(['a'])).rejects.toThrow(/non-finite/);
  });
});

describe('loadEmbedder failures', () => {
  it('reports a missing model folder by model id and folder, without throwing', async () => {
    const load = await loadEmbedder({ modelId: 'nope/missing-model', modelDir: modelsDir });
    expect(load.ok).toBe(false);
    if (load.ok) return;
    expect(load.reason).toContain('nope/missing-model');
    expect(load.reason).toContain(path.join(modelsDir, 'nope', 'missing-model'));
    expect(load.reason).toContain('does not exist');
    expect(load.reason).not.toContain('\n');
  });

  it('reports a folder without an ONNX graph', async () => {
    const modelId = 'test/no-graph';
    const folder = await writeTinyModel(modelsDir, { modelId, onnxFiles: [] });
    const load = await loadEmbedder({ modelId, modelDir: modelsDir });
    expect(load.ok).toBe(false);
    if (load.ok) return;
    expect(load.reason).toContain(folder);
    expect(load.reason).toContain('onnx/model.onnx');
  });

  it('detects a corrupt graph at load time', async () => {
    const modelId = 'test/corrupt';
    const folder = await writeTinyModel(modelsDir, { modelId });
    await writeFile(path.join(folder, 'onnx', 'model.onnx'), 'not an onnx model');
    const load = await loadEmbedder({ modelId, modelDir: modelsDir });
    expect(load.ok).toBe(false);
    if (load.ok) return;
    expect(load.reason).toContain(modelId);
    expect(load.reason).toContain(folder);
    expect(load.reason).toContain('failed to load');
    expect(load.reason).not.toContain('\n');
  });

  it('detects a graph that loads but fails on the trial embedding', async () => {
    const modelId = 'test/fails-at-run-time';
    // Token ids of real text exceed this table, so Gather fails only once the model is run.
    const folder = await writeTinyModel(modelsDir, { modelId, vocabSize: 50 });
    // transformers.js dumps the failing inputs to console.error; the assertion is on the reason instead.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const load = await loadEmbedder({ modelId, modelDir: modelsDir }).finally(() => quiet.mockRestore());
    expect(load.ok).toBe(false);
    if (load.ok) return;
    expect(load.reason).toContain(folder);
    expect(load.reason).toContain('failed to load');
  });

  it('rejects a non-positive batch size with a reason', async () => {
    const load = await loadEmbedder({ modelId: TINY_MODEL_ID, modelDir: modelsDir, batchSize: 0 });
    expect(load.ok).toBe(false);
    if (!load.ok) expect(load.reason).toContain('batchSize');
  });

  it('treats an empty models folder as missing', async () => {
    const empty = path.join(modelsDir, 'empty-models');
    await mkdir(empty, { recursive: true });
    const load = await loadEmbedder({ modelId: 'Xenova/bge-small-zh-v1.5', modelDir: empty });
    expect(load.ok).toBe(false);
    if (!load.ok) expect(load.reason).toContain(path.join(empty, 'Xenova', 'bge-small-zh-v1.5'));
  });
});
