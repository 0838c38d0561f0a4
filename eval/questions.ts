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

function parseLines(text: string, file: string): { questions: NumberedQuestion[]; issues: QuestionFileIssue[] } {
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
    const result = questionSchema.safeParse(value);
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
export function parseQuestions(text: string, file: string): Question[] {
  const { questions, issues } = parseLines(text, file);
  if (issues.length > 0) throw new QuestionFileError(issues);
  return questions.map(({ question }) => question);
}

/** Reads and validates every file; duplicate ids are an error because results are keyed by id. */
export async function loadQuestions(files: string[]): Promise<Question[]> {
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
    const parsed = parseLines(text, file);
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
