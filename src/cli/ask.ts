import { parseArgs } from 'node:util';
import { askRequestSchema } from '../answer/ask-schema.js';
import { indexSourceFromConfig } from '../index-source.js';
import { loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { openOrRebuild } from '../index/open-or-rebuild.js';
import { validationError } from '../serve/validation.js';
import { runChat } from './chat-repl.js';
import { formatAnswer, style } from './format-answer.js';

const USAGE = `用法: npm run ask -- [选项] "问题"
      npm run ask -- --chat          多轮对话：逐行提问，追问（“那2025年呢？”）沿用上文

  例: npm run ask -- "2026年湖北算力目标是多少"

选项:
  --chat          交互式对话（REPL）；输入 /new 开始新话题，Ctrl-D 退出
  --json          输出完整的 AskResponse JSON
  --top-k <n>     检索段落数 (1–20)
  --region <地区> 只在该地区中检索，如 湖北
  --year <年份>   只在该年份中检索，如 2026
  --verbose       显示索引与检索器信息
  -h, --help      显示本帮助

运行前与 npm start 一样检查索引：缺失或过期时先从 SEEDS_DIR 重建到 INDEX_DIR。`;

/** "Not found" is a valid answer, so it exits 0 like any other; npm would print a failure banner otherwise. */
const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

function parseCommandLine(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      chat: { type: 'boolean', default: false },
      'top-k': { type: 'string' },
      region: { type: 'string' },
      year: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { help: true as const };
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const filters = values.region || values.year ? { region: values.region, year: number(values.year) } : undefined;
  if (values.chat) return { help: false as const, chat: true as const, json: values.json, verbose: values.verbose };
  // The same schema as POST /ask, so the CLI accepts exactly what the API accepts.
  const parsed = askRequestSchema.safeParse({ question: positionals.join(' '), topK: number(values['top-k']), filters });
  if (!parsed.success) throw validationError(parsed.error, 'question');
  return { help: false as const, chat: false as const, request: parsed.data, json: values.json, verbose: values.verbose };
}

async function main(argv: string[]): Promise<number> {
  let command: ReturnType<typeof parseCommandLine>;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (command.help) {
    console.log(USAGE);
    return EXIT.ok;
  }

  const config = loadConfig();
  // Keyword-only retrieval is the normal state on offline machines; say so only when asked.
  const { engine } = await openOrRebuild(
    indexSourceFromConfig(config, (message) => {
      if (command.verbose) console.error(message);
    }),
  );
  const colours = style(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
  try {
    if (command.chat) {
      await runChat(engine, { input: process.stdin, output: process.stdout, style: colours, json: command.json, verbose: command.verbose });
      return EXIT.ok;
    }
    const response = await engine.ask(command.request);
    if (command.json) console.log(JSON.stringify(response, null, 2));
    else console.log(formatAnswer(response, colours, command.verbose));
    return EXIT.ok;
  } finally {
    await engine.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof AppError ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : error);
    process.exitCode = EXIT.failure;
  },
);
