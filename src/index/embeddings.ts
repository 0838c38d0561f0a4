import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import type { FeatureExtractionPipeline, Tensor } from '@huggingface/transformers';

export const DEFAULT_EMBEDDING_MODEL = 'Xenova/bge-small-zh-v1.5';
export const DEFAULT_EMBEDDING_BATCH_SIZE = 16;

// From the BAAI model card: bge v1.5 retrieves better when only the query side carries this instruction.
export const BGE_ZH_QUERY_INSTRUCTION = '为这个句子生成表示以用于检索相关文章：';
const BGE_EN_QUERY_INSTRUCTION = 'Represent this sentence for searching relevant passages: ';

export interface EmbedderOptions {
  modelId: string;
  modelDir?: string;
  allowRemote?: boolean;
  batchSize?: number;
  // Overrides the instruction derived from modelId (e.g. a bge copy stored under another name).
  queryInstruction?: string;
}

export type EmbedderLoad = { ok: true; embedder: TextEmbedder } | { ok: false; reason: string };

export type EmbedBatch = (texts: string[]) => Promise<number[][]>;

export interface TextEmbedderInit {
  modelId: string;
  dimensions: number;
  embedBatch: EmbedBatch;
  batchSize?: number;
  queryInstruction?: string;
}

// An instruction meant for bge would skew any other model's query vectors, so it is only applied by name.
export function queryInstructionFor(modelId: string): string {
  if (/bge-(small|base|large)-zh/i.test(modelId)) return BGE_ZH_QUERY_INSTRUCTION;
  if (/bge-(small|base|large)-en/i.test(modelId)) return BGE_EN_QUERY_INSTRUCTION;
  return '';
}

// Outside node_modules, so installs where the package folder is read-only still work when downloading.
export function defaultModelDir(): string {
  const cacheRoot = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cacheRoot, 'policy-report-qa', 'models');
}

export class TextEmbedder extends Embeddings {
  readonly modelId: string;
  readonly dimensions: number;
  readonly batchSize: number;
  readonly queryInstruction: string;
  private readonly embedBatch: EmbedBatch;

  // Public so tests elsewhere can build a TextEmbedder over a fake embedBatch without an ONNX model.
  constructor(init: TextEmbedderInit) {
    // Retries cannot fix a local model failure, so the inherited caller is never used for them.
    super({ maxRetries: 0 });
    if (!Number.isInteger(init.dimensions) || init.dimensions <= 0) {
      throw new Error(`embedding dimensions must be a positive integer, got ${init.dimensions}`);
    }
    const batchSize = init.batchSize ?? DEFAULT_EMBEDDING_BATCH_SIZE;
    if (!Number.isInteger(batchSize) || batchSize <= 0) {
      throw new Error(`embedding batchSize must be a positive integer, got ${batchSize}`);
    }
    this.modelId = init.modelId;
    this.dimensions = init.dimensions;
    this.batchSize = batchSize;
    this.queryInstruction = init.queryInstruction ?? queryInstructionFor(init.modelId);
    this.embedBatch = init.embedBatch;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    // Sequential batches bound peak memory: padding makes a batch cost batch × longest text.
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize);
      const out = await this.embedBatch(batch);
      if (out.length !== batch.length) {
        throw new Error(`embedding model ${this.modelId} returned ${out.length} vectors for ${batch.length} texts`);
      }
      for (const vector of out) {
        checkVector(vector, this.dimensions, this.modelId);
        vectors.push(vector);
      }
    }
    return vectors;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([this.queryInstruction + text]);
    return vector;
  }
}

function checkVector(vector: number[], dimensions: number, modelId: string): void {
  if (vector.length !== dimensions) {
    throw new Error(`embedding model ${modelId} returned a ${vector.length}-dim vector, expected ${dimensions}`);
  }
  // A NaN here would silently poison every cosine score in the index.
  for (const x of vector) {
    if (!Number.isFinite(x)) throw new Error(`embedding model ${modelId} returned a non-finite value`);
  }
}

function tensorToRows(tensor: Tensor): number[][] {
  const [rows, cols] = tensor.dims;
  if (tensor.dims.length !== 2 || rows === undefined || cols === undefined) {
    throw new Error(`expected pooled embeddings of shape [batch, dim], got [${tensor.dims.join(', ')}]`);
  }
  const data = tensor.data;
  if (!(data instanceof Float32Array)) throw new Error(`expected float32 embeddings, got ${tensor.type}`);
  const out: number[][] = [];
  for (let r = 0; r < rows; r += 1) out.push(Array.from(data.subarray(r * cols, (r + 1) * cols)));
  return out;
}

type OnnxDtype = 'fp32' | 'q8';

// transformers.js on Node asks for onnx/model.onnx (fp32) unless told otherwise; many copied model
// folders carry only the quantized file, so pick whichever is present instead of failing.
function localDtype(folder: string): OnnxDtype | undefined {
  if (existsSync(path.join(folder, 'onnx', 'model.onnx'))) return 'fp32';
  if (existsSync(path.join(folder, 'onnx', 'model_quantized.onnx'))) return 'q8';
  return undefined;
}

function missingLocalFiles(folder: string): string | undefined {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return 'folder does not exist';
  const missing = ['config.json', 'tokenizer.json', 'tokenizer_config.json'].filter(
    (file) => !existsSync(path.join(folder, file)),
  );
  if (localDtype(folder) === undefined) missing.push('onnx/model.onnx (or onnx/model_quantized.onnx)');
  return missing.length > 0 ? `missing ${missing.join(', ')}` : undefined;
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'unknown error';
}

// pipeline()'s overloads map every task to its pipeline class, which makes TypeScript give up
// ("union type too complex"); narrowing the signature to the one task used keeps the call typed.
type FeatureExtractionFactory = (
  task: 'feature-extraction',
  model: string,
  options: { dtype: OnnxDtype; local_files_only: boolean },
) => Promise<FeatureExtractionPipeline>;

// transformers.js reads its settings from one global `env` while loading, so concurrent loads with
// different folders must not interleave.
let loadQueue: Promise<unknown> = Promise.resolve();

function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = loadQueue.then(task, task);
  loadQueue = run.catch(() => undefined);
  return run;
}

export async function loadEmbedder(options: EmbedderOptions): Promise<EmbedderLoad> {
  const modelId = options.modelId;
  const modelDir = path.resolve(options.modelDir ?? defaultModelDir());
  const folder = path.join(modelDir, ...modelId.split('/'));
  const allowRemote = options.allowRemote ?? false;
  const where = `model "${modelId}" in ${folder}`;

  if (!allowRemote) {
    const problem = missingLocalFiles(folder);
    if (problem) return { ok: false, reason: `embedding ${where} is not usable: ${problem} (remote download disabled)` };
  }

  return serialized(async (): Promise<EmbedderLoad> => {
    try {
      // Imported when a model folder is there to load: onnxruntime is not worth loading for keyword-only serving.
      const { env, pipeline } = await import('@huggingface/transformers');
      const loadFeatureExtraction = pipeline as unknown as FeatureExtractionFactory;
      env.allowLocalModels = true;
      env.localModelPath = modelDir;
      env.allowRemoteModels = allowRemote;
      // Offline, the cache would only be a second place to look, and a stale entry there could shadow
      // the folder the operator configured. Online, caching into modelDir stores downloads in exactly
      // the <modelDir>/<modelId>/ layout, so the next offline start finds them.
      env.useFSCache = allowRemote;
      env.cacheDir = modelDir;

      const extractor = await loadFeatureExtraction('feature-extraction', modelId, {
        dtype: localDtype(folder) ?? 'fp32',
        local_files_only: !allowRemote,
      });

      const embedBatch: EmbedBatch = async (texts) => {
        const output = await extractor(texts, { pooling: 'cls', normalize: true });
        try {
          return tensorToRows(output);
        } finally {
          output.dispose();
        }
      };

      // A trial run catches graphs that load but cannot execute, and tells us the dimension.
      const trial = await embedBatch(['测试']);
      const dimensions = trial[0]?.length ?? 0;
      if (dimensions === 0) return { ok: false, reason: `embedding ${where} produced no output on a trial text` };
      const embedder = new TextEmbedder({
        modelId,
        dimensions,
        embedBatch,
        batchSize: options.batchSize,
        queryInstruction: options.queryInstruction,
      });
      checkVector(trial[0], dimensions, modelId);
      return { ok: true, embedder };
    } catch (error) {
      return { ok: false, reason: `embedding ${where} failed to load: ${oneLine(error)}` };
    }
  });
}
