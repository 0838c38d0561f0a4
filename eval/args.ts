/** Command-line options of `npm run eval`. */

export type AnswerMode = 'extractive' | 'llm';

export interface EvalArgs {
  questions: string[];
  /** Multi-turn files (`{id, turns, …, expect_kind}`), graded on the last turn. */
  conversations: string[];
  /** A seed folder to evaluate against with a throwaway index; absent means the configured index. */
  seeds?: string;
  baseline: boolean;
  json: boolean;
  out: string;
  mode: AnswerMode;
  /** Also ask every question retyped (全角, 繁體, colloquial) and count unchanged answers. */
  perturb: boolean;
  help: boolean;
}

export const DEFAULT_QUESTIONS = 'eval/dev.jsonl';
export const DEFAULT_OUT = 'eval/out';

export const USAGE = `usage: npm run eval -- [--questions FILE ...] [--conversations FILE ...] [--seeds DIR] [--baseline] [--perturb] [--json] [--out DIR] [--mode extractive|llm]

  --questions FILE ...  JSON-lines question files (default ${DEFAULT_QUESTIONS}); repeat the flag or list several
  --conversations FILE ...  multi-turn JSON-lines files ({id, turns, accept, numbers, doc, quote, expect_kind});
                        the last turn is graded, the earlier ones are sent as history
  --seeds DIR           evaluate against another document folder, indexed into a temporary directory
  --baseline            also score a plain LangChain pipeline and print the ratio ours/baseline
  --perturb             also ask each question retyped (全角 digits, traditional, colloquial) and report unchanged answers
  --json                print one JSON summary object as the last line of stdout
  --out DIR             where report.md and results.json go (default ${DEFAULT_OUT})
  --mode MODE           answer mode passed to every request: extractive (default) or llm`;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

function valueOf(argv: string[], index: number, flag: string): string {
  const value = argv[index + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  return value;
}

export function parseArgs(argv: string[]): EvalArgs {
  const args: EvalArgs = { questions: [], conversations: [], baseline: false, json: false, out: DEFAULT_OUT, mode: 'extractive', perturb: false, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    switch (flag) {
      case '--questions':
      case '--conversations': {
        const start = i;
        const list = flag === '--questions' ? args.questions : args.conversations;
        while (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) list.push(argv[++i]);
        if (i === start) throw new UsageError(`${flag} needs at least one file`);
        break;
      }
      case '--seeds':
        args.seeds = valueOf(argv, i++, flag);
        break;
      case '--out':
        args.out = valueOf(argv, i++, flag);
        break;
      case '--mode': {
        const mode = valueOf(argv, i++, flag);
        if (mode !== 'extractive' && mode !== 'llm') throw new UsageError(`--mode must be extractive or llm, got "${mode}"`);
        args.mode = mode;
        break;
      }
      case '--baseline':
        args.baseline = true;
        break;
      case '--json':
        args.json = true;
        break;
      case '--perturb':
        args.perturb = true;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new UsageError(`unknown argument "${flag}"`);
    }
  }
  if (args.questions.length === 0 && args.conversations.length === 0) args.questions.push(DEFAULT_QUESTIONS);
  return args;
}
