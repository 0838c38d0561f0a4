/**
 * The LLM answer mode end to end: the real engine on the seed index, talking to a local
 * OpenAI-compatible stand-in on 127.0.0.1 that plays scripted replies.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_PROMPT } from '../../../src/answer/llm/prompt.js';
import type { Engine } from '../../../src/engine.js';
import { startOpenAiStandIn, type RecordedRequest } from '../../fixtures/openai-stand-in.js';
import { citationsAreExact, FAITHFUL, MODEL, promptData, QUESTION, startLlmTestBed, type LlmTestBed } from './llm-engines.js';

let bed: LlmTestBed;
let llmEngine: Engine;

beforeAll(async () => {
  bed = await startLlmTestBed();
  llmEngine = await bed.open();
});
afterAll(() => bed?.close());
beforeEach(() => bed.reset());

describe('LLM answer mode, whole answers', () => {
  it('shows a faithful draft, with passages numbered as the model saw them', async () => {
    bed.queue.push({ kind: 'answer', content: FAITHFUL });
    const response = await llmEngine.ask({ question: QUESTION, mode: 'llm' });

    expect(response.mode).toBe('llm');
    expect(response.guard).toEqual({ passed: true, reasons: [] });
    expect(response.llm).toEqual({ status: 'answered', model: MODEL, attempts: 1 });
    expect(response.status).toBe('answered');
    expect(response.answer).toBe(FAITHFUL);
    expect(response.timingMs.llm).toBeGreaterThanOrEqual(0);

    const base = await bed.extractive();
    expect(response.citations.slice(0, base.citations.length)).toEqual(base.citations);
    expect(response.citations.length).toBeGreaterThan(base.citations.length);
    expect(response.citations.map((c) => c.n)).toEqual(response.citations.map((_, i) => i + 1));
    expect(citationsAreExact(llmEngine, response)).toBe(true);

    const [request] = bed.standIn.requests;
    expect(request).toMatchObject({ model: MODEL, temperature: 0, authorization: 'Bearer test-key' });
    expect(request.stream).toBeFalsy();
    expect(request.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(request.messages[0].content).toBe(SYSTEM_PROMPT);
    const data = promptData(request);
    expect(data.question).toBe(QUESTION);
    expect(data.passages.map((p) => p.n)).toEqual(response.citations.map((c) => c.n));
    expect(data.indicators[0]).toMatchObject({ citation: 1, figure: '突破2.2万P' });
  });

  it('rejects a draft with an invented number and serves the extractive answer', async () => {
    bed.queue.push({ kind: 'answer', content: '2026年湖北算力规模的目标是突破2.5万P[1]。' });
    const response = await llmEngine.ask({ question: QUESTION, mode: 'llm' });
    const base = await bed.extractive();

    expect(response.mode).toBe('extractive');
    expect(response.answer).toBe(base.answer);
    expect(response.citations).toEqual(base.citations);
    expect(response.llm).toMatchObject({ status: 'rejected', model: MODEL });
    expect(response.guard?.passed).toBe(false);
    expect(response.guard?.reasons.some((r) => r.includes('"2.5万P"'))).toBe(true);
  });

  it('rejects a draft citing a passage that does not exist', async () => {
    bed.queue.push({ kind: 'answer', content: '2026年湖北算力规模的目标是突破2.2万P[12]。' });
    const response = await llmEngine.ask({ question: QUESTION, mode: 'llm' });

    expect(response.mode).toBe('extractive');
    expect(response.answer).toBe((await bed.extractive()).answer);
    expect(response.guard?.passed).toBe(false);
    expect(response.guard?.reasons.join('\n')).toContain('citation marker [12] refers to no passage');
  });

  it('rejects a draft that answers with a true figure other than the one asked for', async () => {
    // 6.5% is in a passage the model saw, and cited correctly, but it is not the computing-power target.
    bed.queue.push((request) => {
      const passage = promptData(request).passages.find((p) => p.text.includes('6.5%'));
      return { kind: 'answer', content: `2026年湖北力争规上工业增加值增长6.5%左右[${passage?.n ?? 0}]。` };
    });
    const response = await llmEngine.ask({ question: QUESTION, mode: 'llm' });
    expect(response.mode).toBe('extractive');
    expect(response.guard).toEqual({
      passed: false,
      reasons: ['the draft does not state the figure the indicator table answered with: 2.2万P [1]'],
    });
  });

  it('rejects a not-found draft when the indicator table has the figure', async () => {
    bed.queue.push({ kind: 'answer', content: '【未找到】资料中没有2026年湖北算力目标。' });
    const response = await llmEngine.ask({ question: QUESTION, mode: 'llm' });
    expect(response.mode).toBe('extractive');
    expect(response.status).toBe('answered');
    expect(response.guard?.reasons.join('\n')).toContain('indicator table holds');
  });

  it('answers a list question from the retrieved passages', async () => {
    const question = '湖北2025年有哪些重点工作';
    bed.queue.push((request) => {
      const data = promptData(request);
      const figures = data.indicators.map((row) => `${row.figure}[${row.citation}]`);
      const passage = data.passages.find((p) => p.text.includes('12000P'));
      const cited = passage ? `实施数字基建强基行动，力争算力总规模超12000P[${passage.n}]。` : '';
      return { kind: 'answer', content: `2025年湖北的重点工作包括：${cited}${figures.length ? `相关指标：${figures.join('，')}。` : ''}` };
    });
    const response = await llmEngine.ask({ question, mode: 'llm' });
    expect(response.guard).toEqual({ passed: true, reasons: [] });
    expect(response.mode).toBe('llm');
    expect(response.answer).toContain('12000P');
    expect(citationsAreExact(llmEngine, response)).toBe(true);
  });

  it('may restate a difference the extractive composer computed, but not one of its own', async () => {
    const question = '与2024年相比，2025年湖北国家级专精特新“小巨人”企业累计数量增加了多少家？';
    const base = await bed.extractive(question);
    expect(base.answer).toContain('63家');
    const draft = (difference: string) => (request: RecordedRequest) => {
      const rows = promptData(request).indicators.map((row) => `${row.figure}[${row.citation}]`);
      return { kind: 'answer' as const, content: `2025年比2024年增加${difference}（${rows.join('，')}）。` };
    };
    bed.queue.push(draft('63家'), draft('65家'));

    const restated = await llmEngine.ask({ question, mode: 'llm' });
    expect(restated.guard).toEqual({ passed: true, reasons: [] });
    expect(restated.answer).toContain('增加63家');
    const data = promptData(bed.standIn.requests[0]) as ReturnType<typeof promptData> & { reference_answer?: string };
    expect(data.reference_answer).toBe(base.answer);

    const miscounted = await llmEngine.ask({ question, mode: 'llm' });
    expect(miscounted.mode).toBe('extractive');
    expect(miscounted.guard?.reasons.join('\n')).toContain('"65家"');
  });

  it('leaves an uncovered region or year to the extractive not-found, without calling the model', async () => {
    const response = await llmEngine.ask({ question: '2030年西藏GDP是多少', mode: 'llm' });
    expect(response.status).toBe('not_found');
    expect(response.mode).toBe('extractive');
    expect(response.llm?.status).toBe('skipped');
    expect(bed.standIn.requests).toHaveLength(0);
  });
});

describe('LLM answer mode, choosing the mode', () => {
  it('uses a configured LLM by default and never when extractive is requested', async () => {
    bed.queue.push({ kind: 'answer', content: FAITHFUL });
    expect((await llmEngine.ask({ question: QUESTION })).mode).toBe('llm');
    const forced = await llmEngine.ask({ question: QUESTION, mode: 'extractive' });
    expect(forced.mode).toBe('extractive');
    expect(forced.llm).toBeUndefined();
    expect(bed.standIn.requests).toHaveLength(1);
    expect(llmEngine.llm).toEqual({ configured: true, model: MODEL });
  });

  it('says so when LLM mode is requested but none is configured', async () => {
    const response = await bed.plain.ask({ question: QUESTION, mode: 'llm' });
    expect(response.mode).toBe('extractive');
    expect(response.llm).toMatchObject({ status: 'disabled' });
    expect(response.guard).toBeUndefined();
    expect(bed.plain.llm).toEqual({ configured: false, model: undefined });
  });
});

describe('LLM answer mode, endpoint trouble', () => {
  it('falls back with a degraded status when the endpoint does not answer in time', async () => {
    const impatient = await bed.open({ timeoutMs: 300 });
    bed.queue.push({ kind: 'hang' });
    const started = performance.now();
    const response = await impatient.ask({ question: QUESTION, mode: 'llm' });

    expect(performance.now() - started).toBeLessThan(2000);
    expect(response.mode).toBe('extractive');
    expect(response.answer).toBe((await bed.extractive()).answer);
    expect(response.llm).toEqual({ status: 'unavailable', model: MODEL, reason: 'timed out after 300 ms', attempts: 1 });
    expect(response.guard).toBeUndefined();
  });

  it('times out a reply that is merely too slow', async () => {
    const impatient = await bed.open({ timeoutMs: 300 });
    bed.queue.push({ kind: 'answer', content: FAITHFUL, delayMs: 1500 });
    const response = await impatient.ask({ question: QUESTION, mode: 'llm' });
    expect(response.llm?.status).toBe('unavailable');
    expect(response.llm?.reason).toBe('timed out after 300 ms');
  });

  it('retries server errors with backoff and then answers', async () => {
    bed.queue.push({ kind: 'error', status: 503 }, { kind: 'drop' }, { kind: 'answer', content: FAITHFUL });
    const response = await llmEngine.ask({ question: QUESTION, mode: 'llm' });
    expect(response.mode).toBe('llm');
    expect(response.llm).toEqual({ status: 'answered', model: MODEL, attempts: 3 });
  });

  it('gives up after LLM_MAX_RETRIES and reports why', async () => {
    bed.queue.push({ kind: 'error', status: 503 }, { kind: 'error', status: 502 }, { kind: 'error', status: 500, message: 'overloaded' });
    const response = await llmEngine.ask({ question: QUESTION, mode: 'llm' });
    expect(response.mode).toBe('extractive');
    expect(response.llm).toEqual({
      status: 'unavailable',
      model: MODEL,
      reason: 'endpoint answered HTTP 500: overloaded (gave up after 3 attempts)',
      attempts: 3,
    });
  });

  it('does not retry a configuration error', async () => {
    bed.queue.push({ kind: 'error', status: 401, message: 'invalid api key' });
    const response = await llmEngine.ask({ question: QUESTION, mode: 'llm' });
    expect(response.llm).toEqual({ status: 'unavailable', model: MODEL, reason: 'endpoint answered HTTP 401: invalid api key', attempts: 1 });
  });

  it('serves the extractive answer when nothing listens at LLM_BASE_URL', async () => {
    const gone = await startOpenAiStandIn(() => ({ kind: 'hang' }));
    await gone.close();
    const down = await bed.open({ baseURL: gone.baseURL });
    const response = await down.ask({ question: QUESTION, mode: 'llm' });
    expect(response.mode).toBe('extractive');
    expect(response.answer).toBe((await bed.extractive()).answer);
    expect(response.llm).toMatchObject({ status: 'unavailable', attempts: 3 });
    expect(response.llm?.reason).toMatch(/^endpoint unreachable: .*gave up after 3 attempts/);
  });
});
