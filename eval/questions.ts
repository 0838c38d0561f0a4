import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export const QUESTION_KINDS = [
  'target',
  'actual',
  'growth',
  'list',
  'entity',
  'descriptive',
  'comparison',
  'trap',
  'unanswerable',
] as const;

export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const questionSchema = z
  .object({
    id: z.string().min(1),
    question: z.string().min(1),
    answer: z.string(),
    accept: z.array(z.string().min(1)),
    numbers: z.array(z.string()),
    doc: z.string().min(1).nullable(),
    quote: z.string().min(1).nullable(),
    region: z.string().nullable(),
    period: z.string().nullable(),
    kind: z.enum(QUESTION_KINDS),
    note: z.string().optional(),
    /** Earlier user turns of a conversation; the question is the graded last turn. */
    history: z.array(z.string().min(1)).optional(),
  })
  .superRefine((item, context) => {
    // An unanswerable item with a gold span (or an answerable one without) would be scored as the
    // opposite of what its author meant, so the file is rejected instead.
    const fail = (field: 'doc' | 'quote' | 'accept', message: string): void => {
      context.addIssue({ code: 'custom', path: [field], message });
    };
    if (item.kind === 'unanswerable') {
      if (item.doc !== null) fail('doc', 'must be null for unanswerable items');
      if (item.quote !== null) fail('quote', 'must be null for unanswerable items');
      if (item.accept.length > 0) fail('accept', 'must be empty for unanswerable items');
    } else {
      if (item.doc === null) fail('doc', 'is required for answerable items');
      if (item.quote === null) fail('quote', 'is required for answerable items');
      if (item.accept.length === 0) fail('accept', 'must not be empty for answerable items');
    }
  });

export type Question = z.infer<typeof questionSchema>;

/**
 * A conversation line (`--conversations`): `{id, turns, accept, numbers, doc, quote, expect_kind}`,
 * graded on its last turn. It is read as a question whose history is the earlier turns.
 */
const conversationSchema = z
  .object({
    id: z.string().min(1),
    turns: z.array(z.string().min(1)).min(2, 'must hold at least two turns (a follow-up and what it follows)'),
    answer: z.string().default(''),
    accept: z.array(z.string().min(1)),
    numbers: z.array(z.string()),
    doc: z.string().min(1).nullable(),
    quote: z.string().min(1).nullable(),
    region: z.string().nullable().default(null),
    period: z.string().nullable().default(null),
    expect_kind: z.enum(QUESTION_KINDS),
    note: z.string().optional(),
  })
  .transform(({ turns, expect_kind, ...rest }): z.input<typeof questionSchema> => ({
    ...rest,
    question: turns[turns.length - 1],
    history: turns.slice(0, -1),
    kind: expect_kind,
  }))
  .pipe(questionSchema);

export type QuestionFileFormat = 'questions' | 'conversations';
const SCHEMAS = { questions: questionSchema, conversations: conversationSchema } as const;

export interface QuestionFileIssue {
  file: string;
  /** 1-based; absent when the file itself could not be read. */
  line?: number;
  field?: string;
  message: string;
}

export class QuestionFileError extends Error {
  readonly issues: QuestionFileIssue[];

  constructor(issues: QuestionFileIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'QuestionFileError';
    this.issues = issues;
  }
}

export function formatIssue(issue: QuestionFileIssue): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  return issue.field ? `${where}: field "${issue.field}" ${issue.message}` : `${where}: ${issue.message}`;
}

function issueMessage(issue: z.core.$ZodIssue, value: unknown): string {
  const field = issue.path[0];
  const present = typeof value === 'object' && value !== null && typeof field === 'string' && field in value;
  if (issue.path.length === 1 && !present) return 'is missing';
  return issue.message;
}

interface NumberedQuestion {
  question: Question;
  line: number;
}

function parseLines(text: string, file: string, format: QuestionFileFormat): { questions: NumberedQuestion[]; issues: QuestionFileIssue[] } {
  const questions: NumberedQuestion[] = [];
  const issues: QuestionFileIssue[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      issues.push({ file, line, message: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    const result = SCHEMAS[format].safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.map(String).join('.') || undefined;
        issues.push({ file, line, field, message: issueMessage(issue, value) });
      }
      return;
    }
    questions.push({ question: result.data, line });
  });
  if (issues.length === 0 && questions.length === 0) issues.push({ file, line: 1, message: 'no questions in file' });
  return { questions, issues };
}

/** Parses JSON-lines text; blank lines are allowed, every other line must be one valid question. */
export function parseQuestions(text: string, file: string, format: QuestionFileFormat = 'questions'): Question[] {
  const { questions, issues } = parseLines(text, file, format);
  if (issues.length > 0) throw new QuestionFileError(issues);
  return questions.map(({ question }) => question);
}

/** Reads and validates every file; duplicate ids are an error because results are keyed by id. */
export async function loadQuestions(files: string[], format: QuestionFileFormat = 'questions'): Promise<Question[]> {
  const all: Question[] = [];
  const issues: QuestionFileIssue[] = [];
  const firstSeen = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      issues.push({ file, message: `cannot read file: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    const parsed = parseLines(text, file, format);
    issues.push(...parsed.issues);
    for (const { question, line } of parsed.questions) {
      const first = firstSeen.get(question.id);
      if (first) issues.push({ file, line, field: 'id', message: `duplicates "${question.id}" first seen at ${first}` });
      else firstSeen.set(question.id, `${file}:${line}`);
      all.push(question);
    }
  }
  if (issues.length > 0) throw new QuestionFileError(issues);
  return all;
}
