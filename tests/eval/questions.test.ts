import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestions, parseQuestions, QuestionFileError } from '../../eval/questions.js';

const good = {
  id: 'q1',
  question: '2026年湖北算力目标是多少',
  answer: '算力规模突破2.2万P',
  accept: ['2.2万P'],
  numbers: ['2.2万'],
  doc: '001_89a872acc90dcb9c.txt',
  quote: '算力规模突破2.2万P',
  region: '湖北',
  period: '2026',
  kind: 'target',
};
const unanswerable = { ...good, id: 'q2', accept: [], numbers: [], doc: null, quote: null, kind: 'unanswerable' };

function errorOf(run: () => unknown): QuestionFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof QuestionFileError) return error;
    throw error;
  }
  throw new Error('expected a QuestionFileError');
}

describe('parseQuestions', () => {
  it('reads valid lines and skips blank ones', () => {
    const questions = parseQuestions(`${JSON.stringify(good)}\n\n${JSON.stringify(unanswerable)}\n`, 'x.jsonl');
    expect(questions.map((question) => question.id)).toEqual(['q1', 'q2']);
    expect(questions[1].doc).toBeNull();
  });

  it('names file and line of a malformed JSON line', () => {
    const error = errorOf(() => parseQuestions(`${JSON.stringify(good)}\n{"id": "q3", "question": \n`, 'eval/bad.jsonl'));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ file: 'eval/bad.jsonl', line: 2 });
    expect(error.message).toMatch(/^eval\/bad\.jsonl:2: invalid JSON: /);
  });

  it('names file, line and field of a missing field', () => {
    const { quote: _dropped, ...withoutQuote } = good;
    const error = errorOf(() => parseQuestions(`${JSON.stringify(unanswerable)}\n${JSON.stringify(withoutQuote)}`, 'set.jsonl'));
    expect(error.message).toBe('set.jsonl:2: field "quote" is missing');
  });

  it('names a field of the wrong type or value', () => {
    const error = errorOf(() => parseQuestions(JSON.stringify({ ...good, accept: '2.2万P', kind: 'guess' }), 'set.jsonl'));
    expect(error.issues.map((issue) => issue.field)).toEqual(['accept', 'kind']);
    expect(error.message).toContain('set.jsonl:1: field "accept" ');
  });

  it('rejects gold data that contradicts the kind', () => {
    const error = errorOf(() => parseQuestions(JSON.stringify({ ...unanswerable, accept: ['1500亿元'] }), 'set.jsonl'));
    expect(error.message).toBe('set.jsonl:1: field "accept" must be empty for unanswerable items');
    const answerable = errorOf(() => parseQuestions(JSON.stringify({ ...good, doc: null }), 'set.jsonl'));
    expect(answerable.message).toBe('set.jsonl:1: field "doc" is required for answerable items');
  });

  it('rejects an empty file', () => {
    expect(errorOf(() => parseQuestions('\n\n', 'empty.jsonl')).message).toBe('empty.jsonl:1: no questions in file');
  });
});

describe('loadQuestions', () => {
  it('loads the shipped dev set', async () => {
    const questions = await loadQuestions(['eval/dev.jsonl']);
    expect(questions).toHaveLength(62);
    expect(questions.filter((question) => question.kind === 'unanswerable')).toHaveLength(6);
  });

  it('reports duplicate ids across files and unreadable files', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'eval-questions-'));
    const a = path.join(dir, 'a.jsonl');
    const b = path.join(dir, 'b.jsonl');
    await writeFile(a, `${JSON.stringify(good)}\n`);
    await writeFile(b, `${JSON.stringify(unanswerable)}\n${JSON.stringify(good)}\n`);
    const error = await loadQuestions([a, b, path.join(dir, 'missing.jsonl')]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(QuestionFileError);
    const issues = (error as QuestionFileError).issues;
    expect(issues[0]).toMatchObject({ file: b, line: 2, field: 'id' });
    expect(issues[0].message).toBe(`duplicates "q1" first seen at ${a}:1`);
    expect(issues[1].line).toBeUndefined();
    expect(issues[1].message).toMatch(/^cannot read file: ENOENT/);
    await rm(dir, { recursive: true, force: true });
    expect((error as QuestionFileError).message.split('\n')[1]).toMatch(new RegExp(`^${path.join(dir, 'missing.jsonl')}: cannot read file`));
  });
});
