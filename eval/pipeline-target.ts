import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runIngest } from '../ingest/pipeline.js';
import type { AskResponse } from '../src/answer/answer.js';
import { openEngine } from '../src/engine.js';
import { documentKey } from './gold-spans.js';
import type { OpenOptions } from './command.js';
import type { EvalTarget } from './target.js';

function describeRetrieval(retrievers: Set<string>, dense: AskResponse['retrieval']['dense'] | undefined): string {
  const denseNote = dense && !dense.active ? `; dense off${dense.reason ? `: ${dense.reason}` : ''}` : '';
  return `retrievers ${[...retrievers].join('+') || 'none'}${denseNote}`;
}

/** The real pipeline, in-process: the same engine POST /ask calls. */
export async function openPipelineTarget(options: OpenOptions): Promise<EvalTarget> {
  // --seeds must never touch data/index, so it gets an index of its own that is deleted on close.
  const temporary = options.indexDir === undefined;
  const indexDir = options.indexDir ?? (await mkdtemp(path.join(os.tmpdir(), 'policy-qa-eval-')));
  const removeTemporary = async (): Promise<void> => {
    if (temporary) await rm(indexDir, { recursive: true, force: true });
  };
  try {
    let lastStage = '';
    const ingest = await runIngest({
      seedsDir: options.seedsDir,
      indexDir,
      databaseUrl: options.databaseUrl,
      modelDir: options.modelDir,
      embeddingModel: options.embeddingModel,
      onProgress: (event) => {
        if (event.stage !== lastStage) options.log(`ingest: ${event.stage}${event.message ? ` — ${event.message}` : ''}`);
        lastStage = event.stage;
      },
    });
    options.log(
      `index ${indexDir}: ${ingest.changed ? 'rebuilt' : 'up to date'} ` +
        `(${ingest.documents} documents, ${ingest.chunks} chunks, ${ingest.indicators} indicators)`,
    );
    for (const warning of ingest.warnings) options.log(`ingest warning: ${warning}`);
    const engine = await openEngine({
      indexDir,
      databaseUrl: options.databaseUrl,
      modelDir: options.modelDir,
      embeddingModel: options.embeddingModel,
      allowModelDownload: options.allowModelDownload,
      llm: options.llm,
    });
    // What the answers report about retrieval, so the report names the retrievers actually used.
    const retrievers = new Set<string>();
    let dense: AskResponse['retrieval']['dense'] | undefined;
    // In LLM mode a fallback answer is extractive; the counts say which mode the score measures.
    const llmOutcomes = new Map<string, number>();
    const describeLlm = () =>
      llmOutcomes.size ? `; llm ${[...llmOutcomes].map(([status, count]) => `${status} ${count}`).join(', ')}` : '';
    return {
      async ask(question, history) {
        const response = await engine.ask({ question, mode: options.mode, ...(history?.length ? { history } : {}) });
        for (const retriever of response.retrieval.retrievers) retrievers.add(retriever);
        dense = response.retrieval.dense;
        if (response.llm) llmOutcomes.set(response.llm.status, (llmOutcomes.get(response.llm.status) ?? 0) + 1);
        return response;
      },
      documentText: (docId) =>
        (engine.document(docId) ?? engine.documents().map((d) => engine.document(d.id)).find((d) => d && documentKey(d.id) === documentKey(docId)))?.text,
      describe: () => `pipeline (src/engine.ts, mode ${options.mode}), ${describeRetrieval(retrievers, dense)}${describeLlm()}`,
      async close() {
        try {
          await engine.close();
        } finally {
          await removeTemporary();
        }
      },
    };
  } catch (error) {
    await removeTemporary();
    throw error;
  }
}
