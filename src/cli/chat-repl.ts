import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { AskResponse } from '../answer/answer.js';
import { askRequestSchema, type HistoryTurn } from '../answer/ask-schema.js';
import { CONTEXT_TURNS } from '../answer/conversation/conversation.js';
import type { Engine } from '../engine.js';
import { formatAnswer, type Style } from './format-answer.js';

export interface ChatOptions {
  input: Readable;
  output: Writable;
  style: Style;
  json: boolean;
  verbose: boolean;
}

const NEW_TOPIC = /^\/(new|clear|reset)$|^(新话题|清空)$/;

/**
 * `npm run ask -- --chat`: one question per line; each is asked with the earlier turns as history,
 * so "那2025年呢？" follows the question before it. Reads piped input as well as a terminal.
 */
export async function runChat(engine: Pick<Engine, 'ask'>, options: ChatOptions): Promise<void> {
  const { output, style } = options;
  const terminal = 'isTTY' in options.input && Boolean(options.input.isTTY);
  const lines = createInterface({ input: options.input, output: terminal ? output : undefined, terminal });
  const write = (text: string) => output.write(`${text}\n`);
  let history: HistoryTurn[] = [];
  if (terminal) write(style.dim('多轮对话：输入问题后回车；/new 开始新话题；Ctrl-D 退出。'));
  const prompt = () => {
    if (terminal) lines.prompt();
  };
  lines.setPrompt('> ');
  prompt();
  try {
    // The async iterator buffers lines that arrive while an answer is computed (piped input).
    for await (const raw of lines) {
      const line = raw.trim();
      if (!line) {
        prompt();
        continue;
      }
      if (NEW_TOPIC.test(line)) {
        history = [];
        write(style.dim('（已开始新话题）'));
        prompt();
        continue;
      }
      const parsed = askRequestSchema.safeParse({ question: line, history });
      if (!parsed.success) {
        write(`输入有误：${parsed.error.issues[0]?.message ?? 'invalid question'}`);
        prompt();
        continue;
      }
      const response: AskResponse = await engine.ask(parsed.data);
      if (options.json) write(JSON.stringify(response));
      else {
        if (response.question.followUp) write(style.dim(`按上文理解为：${response.question.resolved}`));
        write(formatAnswer(response, style, options.verbose));
        write('');
      }
      // The resolved question stands for the turn, so the next follow-up builds on what was answered.
      history = [...history, { question: { resolved: response.question.resolved } }].slice(-CONTEXT_TURNS);
      prompt();
    }
  } finally {
    lines.close();
  }
}
