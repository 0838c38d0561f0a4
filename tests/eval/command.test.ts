import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../eval/args.js';
import { runEvalCommand, type CommandDeps, type OpenOptions } from '../../eval/command.js';
import type { ScorableResponse } from '../../eval/score.js';
import type { EvalTarget } from '../../eval/target.js';

const DOC = '湖北：算力规模突破2.2万P。武汉、宜昌、襄阳入选试点城市。';
const questions = [
  { id: 'a', question: '算力目标？', answer: '2.2万P', accept: ['2.2万P'], numbers: [], doc: 'd.txt', quote: '算力规模突破2.2万P', region: '湖北', period: '2026', kind: 'target' },
  { id: 'b', question: '哪些城市？', answer: '武汉、宜昌、襄阳', accept: ['武汉、宜昌、襄阳'], numbers: [], doc: 'd.txt', quote: '武汉、宜昌、襄阳入选', region: '湖北', period: '2024', kind: 'list' },
  { id: 'c', question: '河南？', answer: '文档中未提及', accept: [], numbers: [], doc: null, quote: null, region: null, period: '2025', kind: 'unanswerable' },
];

function span(text: string): { docId: string; start: number; end: number } {
  const start = DOC.indexOf(text);
  return { docId: 'd', start, end: start + text.length };
}

/** A target that answers from a table, so the command runs without an index or a model. */
function fakeTarget(answers: Record<string, ScorableResponse>, label: string): EvalTarget & { closed: boolean } {
  return {
    closed: false,
    ask: async (question) => answers[question],
    documentText: (docId) => (docId === 'd.txt' || docId === 'd' ? DOC : undefined),
    describe: () => label,
    async close() {
      this.closed = true;
    },
  };
}

const ours = fakeTarget(
  {
    '算力目标？': { status: 'answered', answer: '突破2.2万P[1]', citations: [span('算力规模')], retrieval: { chunks: [span('算力规模突破')] } },
    '哪些城市？': { status: 'answered', answer: '武汉、宜昌[1]', citations: [span('武汉、宜昌')], retrieval: { chunks: [span('武汉')] } },
    '河南？': { status: 'not_found', answer: '报告未覆盖河南。', citations: [], retrieval: { chunks: [] } },
  },
  'fake pipeline',
);
const wholeDoc: ScorableResponse = { status: 'answered', answer: DOC, citations: [span(DOC)], retrieval: { chunks: [span(DOC)] } };
const baseline = fakeTarget({ '算力目标？': wholeDoc, '哪些城市？': wholeDoc, '河南？': wholeDoc }, 'fake baseline');

let dir: string;
let opened: OpenOptions[];
let stdout: string[];
let stderr: string[];
const io = { stdout: (text: string) => stdout.push(text), stderr: (text: string) => stderr.push(text) };
const deps: CommandDeps = {
  openPipeline: async (options) => {
    opened.push(options);
    return ours;
  },
  openBaseline: async () => baseline,
};

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'eval-command-'));
  await writeFile(path.join(dir, 'q.jsonl'), questions.map((question) => JSON.stringify(question)).join('\n'));
  opened = [];
  stdout = [];
  stderr = [];
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runEvalCommand', () => {
  it('scores both systems, writes the report and ends stdout with the JSON summary', async () => {
    const out = path.join(dir, 'out');
    const code = await runEvalCommand(['--questions', path.join(dir, 'q.jsonl'), '--baseline', '--json', '--out', out, '--mode', 'llm'], io, deps);
    expect(code).toBe(0);
    expect(opened[0]).toMatchObject({ mode: 'llm', seedsDir: 'seeds' });
    expect(opened[0].indexDir).toBeDefined();
    expect(ours.closed && baseline.closed).toBe(true);

    const summary = JSON.parse(stdout.join('\n').trimEnd().split('\n').at(-1) ?? '');
    expect(summary.n).toBe(3);
    expect(summary.system).toBe('fake pipeline');
    expect(summary.overall).toMatchObject({ accuracy: 2 / 3, citationAccuracy: 1, refusalAccuracy: 1, recallAt5: 1, falseRefusals: 0 });
    expect(summary.byKind.list.accuracy).toBe(0);
    expect(summary.failures).toEqual([{ id: 'b', kind: 'list', why: ['list lacks 襄阳'] }]);
    expect(summary.baseline.overall).toMatchObject({ accuracy: 2 / 3, citationAccuracy: 1, refusalAccuracy: 0 });
    expect(summary.ratio).toMatchObject({ accuracy: 1, citationAccuracy: 1, refusalAccuracy: null });

    const printed = stdout.join('\n');
    expect(printed).toMatch(/^overall\s+3\s+66\.7%\s+66\.7%\s+100\.0%\s+100\.0%\s+100\.0%\s+0\.0%/m);
    expect(printed).toMatch(/^ours\/baseline\s+×1\.00\s+×1\.00\s+∞\s+×1\.00/m);
    expect(printed).toContain('- b [list] 哪些城市？');

    const report = await readFile(path.join(out, 'report.md'), 'utf8');
    expect(report).toContain('| kind | n | accuracy ours | accuracy base |');
    expect(report).toContain('## Failures (baseline)');
    const results = JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8'));
    expect(results.ours).toHaveLength(3);
  });

  it('asks for a throwaway index with --seeds', async () => {
    const code = await runEvalCommand(['--questions', path.join(dir, 'q.jsonl'), '--seeds', dir, '--out', path.join(dir, 'o')], io, deps);
    expect(code).toBe(0);
    expect(opened[0]).toMatchObject({ seedsDir: dir, indexDir: undefined, mode: 'extractive' });
  });

  it('exits non-zero naming file, line and field for a bad question file', async () => {
    const bad = path.join(dir, 'bad.jsonl');
    const { kind: _kind, ...noKind } = questions[0];
    await writeFile(bad, `${JSON.stringify(questions[2])}\n${JSON.stringify(noKind)}\nnot json\n`);
    const code = await runEvalCommand(['--questions', bad], io, deps);
    expect(code).toBe(1);
    expect(stderr.join('\n')).toContain(`${bad}:2: field "kind" is missing`);
    expect(stderr.join('\n')).toMatch(new RegExp(`${bad}:3: invalid JSON`));
    expect(opened).toHaveLength(0);
  });

  it('exits 2 on usage errors', async () => {
    expect(await runEvalCommand(['--mode', 'chat'], io, deps)).toBe(2);
    expect(await runEvalCommand(['--seeds', path.join(dir, 'nope')], io, deps)).toBe(2);
    expect(stderr.join('\n')).toContain('--mode must be extractive or llm');
  });
});

describe('parseArgs', () => {
  it('takes several files after one --questions and repeated flags', () => {
    expect(parseArgs(['--questions', 'a', 'b', '--json', '--questions', 'c']).questions).toEqual(['a', 'b', 'c']);
    expect(parseArgs([])).toMatchObject({ questions: ['eval/dev.jsonl'], out: 'eval/out', mode: 'extractive', baseline: false, json: false });
  });

  it('rejects unknown flags and missing values', () => {
    expect(() => parseArgs(['--verbose'])).toThrow(UsageError);
    expect(() => parseArgs(['--out'])).toThrow('--out needs a value');
    expect(() => parseArgs(['--questions', '--json'])).toThrow('--questions needs at least one file');
  });
});
