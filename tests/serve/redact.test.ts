/** Server file paths stay out of API responses; the start-up log keeps them. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../ingest/pipeline.js';
import { openEngine, type Engine } from '../../src/engine.js';
import { createApp } from '../../src/serve/app.js';
import { redactPaths } from '../../src/serve/redact.js';
import { healthSchema } from '../../src/serve/schemas.js';
import { SEEDS_DIR } from '../fixtures/seeds.js';
import { TINY_MODEL_ID } from '../fixtures/tiny-model.js';

const BGE = 'Xenova/bge-small-zh-v1.5';

describe('redactPaths', () => {
  it.each([
    [
      `embedding model "${BGE}" in /home/alice/.cache/policy-report-qa/models/${BGE} is not usable: folder does not exist (remote download disabled)`,
      `embedding model "${BGE}" in <MODEL_DIR>/${BGE} is not usable: folder does not exist (remote download disabled)`,
    ],
    [
      `embedding model "${BGE}" in /srv/my models/${BGE} failed to load: no such file, open '/srv/my models/${BGE}/onnx/model.onnx'`,
      `embedding model "${BGE}" in <MODEL_DIR>/${BGE} failed to load: no such file, open '<MODEL_DIR>/${BGE}/onnx/model.onnx'`,
    ],
    [
      `embedding model "${BGE}" in C:\\Users\\bob\\models\\Xenova\\bge-small-zh-v1.5 is not usable: missing onnx/model.onnx (or onnx/model_quantized.onnx)`,
      `embedding model "${BGE}" in <MODEL_DIR>/${BGE} is not usable: missing onnx/model.onnx (or onnx/model_quantized.onnx)`,
    ],
    [`vector index unreadable: ENOENT: no such file or directory, open '/var/lib/qa/index/vectors/hnsw.bin'`, `vector index unreadable: ENOENT: no such file or directory, open '<PATH>'`],
    ['index built without vectors', 'index built without vectors'],
    [`fetch failed for https://huggingface.co/${BGE}/resolve/main/config.json`, `fetch failed for https://huggingface.co/${BGE}/resolve/main/config.json`],
  ])('%s', (reason, expected) => {
    expect(redactPaths(reason, BGE)).toBe(expected);
  });
});

describe('dense.reason in responses', () => {
  let root: string;
  let engine: Engine;
  const logged: string[] = [];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'policy-qa-redact-'));
    // No model in modelDir: the real loader's reason names the absolute folder it looked in.
    const modelDir = join(root, 'models');
    const indexDir = join(root, 'index');
    await runIngest({ seedsDir: SEEDS_DIR, indexDir, modelDir, embeddingModel: TINY_MODEL_ID });
    engine = await openEngine({ indexDir, modelDir, embeddingModel: TINY_MODEL_ID, onKeywordOnly: (reason) => logged.push(reason) });
  });
  afterAll(async () => {
    await engine?.close();
    await rm(root, { recursive: true, force: true });
  });

  const expected = `<MODEL_DIR>/${TINY_MODEL_ID}`;

  it('the start-up log keeps the full path', () => {
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(join(root, 'models', ...TINY_MODEL_ID.split('/')));
  });

  it('GET /health shows the reason with <MODEL_DIR> instead of the folder', async () => {
    const text = await (await createApp({ engine: () => engine }).request('/health')).text();
    const body = healthSchema.parse(JSON.parse(text));
    expect(body.dense.reason).toContain(`in ${expected} is not usable`);
    expect(text).not.toContain(root);
  });

  it('POST /ask shows it the same way, as JSON and as the streamed retrieval event', async () => {
    const app = createApp({ engine: () => engine });
    const post = (stream: boolean) =>
      app.request('/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '2026年湖北算力目标是多少', stream }) });

    const jsonText = await (await post(false)).text();
    const json = JSON.parse(jsonText) as { answer: string; retrieval: { dense: { reason: string } } };
    expect(json.answer).toContain('2.2万P');
    expect(json.retrieval.dense.reason).toContain(`in ${expected} is not usable`);
    expect(jsonText).not.toContain(root);

    const sse = await (await post(true)).text();
    expect(sse).toContain('event: retrieval');
    expect(sse).toContain(expected);
    expect(sse).not.toContain(root);
  });
});
