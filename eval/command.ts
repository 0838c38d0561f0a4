import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../src/errors.js';
import { loadConfig, type Config } from '../src/config.js';
import { llmSettingsFromConfig, type LlmSettingsInput } from '../src/answer/llm/llm-config.js';
import { parseArgs, USAGE, UsageError, type AnswerMode, type EvalArgs } from './args.js';
import { evaluate } from './evaluate.js';
import { loadQuestions, QuestionFileError, type Question } from './questions.js';
import { jsonSummary, renderConsole, renderMarkdown, systemRun, type EvalRun } from './report.js';
import type { EvalTarget } from './target.js';
import { perturbRun, renderPerturb, type PerturbResult } from './perturb.js';

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface OpenOptions {
  seedsDir: string;
  /** Absent with --seeds: the pipeline must build a throwaway index. */
  indexDir?: string;
  /** DATABASE_URL: which store the index is written to and read from. */
  databaseUrl?: string;
  modelDir?: string;
  embeddingModel?: string;
  allowModelDownload?: boolean;
  mode: AnswerMode;
  /** The LLM_* settings; with --mode llm and none configured, answers stay extractive and say so. */
  llm?: LlmSettingsInput;
  log: (line: string) => void;
}

/** How the systems under test are opened; tests pass fakes so no index or model is needed. */
export interface CommandDeps {
  openPipeline: (options: OpenOptions) => Promise<EvalTarget>;
  openBaseline: (options: OpenOptions) => Promise<EvalTarget>;
}

// Imported lazily: the engine and the embedding runtime are heavy, and a usage error or a bad
// question file should be reported without loading either.
export const defaultDeps: CommandDeps = {
  openPipeline: async (options) => (await import('./pipeline-target.js')).openPipelineTarget(options),
  openBaseline: async (options) => (await import('./baseline-target.js')).openBaselineTarget(options),
};

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

async function withTarget<T>(target: EvalTarget, use: (target: EvalTarget) => Promise<T>): Promise<T> {
  try {
    return await use(target);
  } finally {
    await target.close();
  }
}

/** Runs `npm run eval` and returns the exit code: 0 for any measurement, non-zero only for bad input. */
export async function runEvalCommand(argv: string[], io: CommandIo, deps: CommandDeps = defaultDeps): Promise<number> {
  let args: EvalArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`eval: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    io.stdout(USAGE);
    return 0;
  }
  if (args.seeds !== undefined && !(await isDirectory(args.seeds))) {
    io.stderr(`eval: --seeds ${args.seeds} is not a directory`);
    return 2;
  }

  let questions: Question[];
  try {
    questions = [...(await loadQuestions(args.questions)), ...(await loadQuestions(args.conversations, 'conversations'))];
  } catch (error) {
    if (!(error instanceof QuestionFileError)) throw error;
    io.stderr(`eval: invalid question file\n${error.message}`);
    return 1;
  }

  // The same environment settings the server reads, so eval measures what POST /ask would answer.
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    io.stderr(`eval: ${error.message}`);
    return 2;
  }
  const seedsDir = args.seeds ?? config.SEEDS_DIR;
  const options: OpenOptions = {
    seedsDir,
    indexDir: args.seeds === undefined ? config.INDEX_DIR : undefined,
    databaseUrl: config.DATABASE_URL,
    modelDir: config.MODEL_DIR,
    embeddingModel: config.EMBEDDING_MODEL,
    allowModelDownload: config.ALLOW_MODEL_DOWNLOAD,
    mode: args.mode,
    llm: llmSettingsFromConfig(config),
    log: (line) => io.stderr(line),
  };
  const progress = (label: string) => (done: number, total: number) => {
    if (done === total || done % 20 === 0) io.stderr(`${label}: ${done}/${total} questions`);
  };

  const measure = (label: string) => async (target: EvalTarget) => {
    const results = await evaluate(target, questions, progress(label));
    // Read after the run, so it can report the retrievers the answers actually used.
    return systemRun(target.describe(), results);
  };
  let perturbed: PerturbResult[] | undefined;
  const ours = await withTarget(await deps.openPipeline(options), async (target) => {
    const run = await measure('ours')(target);
    if (args.perturb) perturbed = await perturbRun((q) => target.ask(q), questions);
    return run;
  });
  const baseline = args.baseline ? await withTarget(await deps.openBaseline(options), measure('baseline')) : undefined;
  const complete: EvalRun = { questions: [...args.questions, ...args.conversations], seeds: seedsDir, mode: args.mode, ours, baseline };

  await mkdir(args.out, { recursive: true });
  const reportPath = path.join(args.out, 'report.md');
  await writeFile(reportPath, renderMarkdown(complete));
  await writeFile(path.join(args.out, 'results.json'), `${JSON.stringify({ ours: complete.ours.results, baseline: complete.baseline?.results }, null, 2)}\n`);
  io.stdout(renderConsole(complete));
  if (perturbed) io.stdout(`\n${renderPerturb(perturbed)}`);
  io.stdout(`\nreport: ${reportPath}`);
  if (args.json) io.stdout(JSON.stringify(jsonSummary(complete)));
  return 0;
}
