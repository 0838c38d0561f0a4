/**
 * Conversations over a report written for this test: a province's review of one year with its
 * plan for the next, and a city's review. Follow-ups must land on the right figure or refuse.
 */
import { describe, expect, it } from 'vitest';
import { useReportEngine } from '../../fixtures/report-engine.js';
import type { HistoryTurn } from '../../../src/answer/ask-schema.js';

const PROVINCE = `浙江省经济和信息化工作会议报告
发布时间：2026-01-20
2025年，全省规模以上工业增加值增长6.8%，工业投资完成1.2万亿元，全年新建5G基站3.1万个，集成电路产量达到420亿块，同比增长12.5%。
2026年主要目标：全省规上工业增加值增长6%左右，新建5G基站3.5万个，集成电路产量力争达到500亿块。
`;
const CITY = `杭州市经信局2025年工作总结
发布时间：2026-01-10
2025年，全市规上工业增加值增长7.2%，新建5G基站8600个。
`;

const reports = useReportEngine({ 'province.txt': PROVINCE, 'city.txt': CITY });

async function converse(...turns: string[]) {
  const history: HistoryTurn[] = turns.slice(0, -1);
  return reports.ask({ question: turns[turns.length - 1], history });
}

describe('follow-up questions over an unseen report', () => {
  it('a new year: the same metric and kind for that year', async () => {
    const r = await converse('2025年浙江新建5G基站多少个', '那2026年的目标呢？');
    expect(r.answer).toContain('3.5万个');
    expect(r.answer).toMatch(/^（按上文：浙江 · 5G基站）/);
    expect(r.question).toMatchObject({ followUp: true, resolved: '2026年浙江新建5G基站目标多少个' });
  });

  it('a year with no figure of the inherited kind gets the figure stated, saying no target was found', async () => {
    const r = await converse('2026年浙江新建5G基站目标是多少', '那2025年呢？');
    expect(r.status).toBe('answered');
    expect(r.answer).toMatch(/没有找到.*目标数.*3\.1万个/);
    expect(r.question).toMatchObject({ followUp: true, resolved: '2025年浙江新建5G基站是多少' });
    expect(r.question.inherited).not.toHaveProperty('kind');
  });

  it('a new region gets that region’s figure, and a region with none is refused without a number', async () => {
    expect((await converse('2025年浙江新建5G基站多少个', '杭州呢？')).answer).toContain('8600个');
    const none = await converse('2025年浙江工业投资完成多少', '杭州呢？');
    expect(none.status).toBe('not_found');
    expect(none.answer).not.toMatch(/1\.2万亿/);
  });

  it('target and actual of one metric, asked in turn', async () => {
    expect((await converse('2026年浙江集成电路产量目标是多少', '2025年实际完成了多少？')).answer).toContain('420亿块');
    expect((await converse('2025年浙江集成电路产量是多少', '2026年目标呢？')).answer).toContain('500亿块');
  });

  it('a pronoun asks a measure of the figure before: the growth, never the level again', async () => {
    const r = await converse('2025年浙江集成电路产量是多少', '它的增速呢？');
    expect(r.answer).toContain('12.5%');
    expect(r.answer).not.toContain('420亿块');
    const none = await converse('2025年浙江新建5G基站多少个', '它的增速呢？');
    expect(none.status).toBe('not_found');
    expect(none.answer).not.toMatch(/3\.1万/);
  });

  it('a difference against the target is computed from both cited figures', async () => {
    const r = await converse('2026年浙江集成电路产量目标是多少', '那2025年实际呢', '和目标差多少？');
    expect(r.question.resolved).toBe('2025年浙江集成电路产量实际比目标差多少');
    expect(r.status).toBe('not_found');
    const diff = await converse('2025年浙江新建5G基站多少个', '比杭州多多少？');
    expect(diff.answer).toMatch(/多(约)?2\.24万个|多22400个/);
    expect(diff.citations).toHaveLength(2);
  });

  it('names the report the previous figure came from', async () => {
    const r = await converse('2025年杭州新建5G基站多少个', '这个数字出自哪份报告？');
    expect(r.status).toBe('answered');
    expect(r.answer).toContain('city.txt');
    expect(r.answer).toContain('杭州市经信局2025年工作总结');
    expect(r.citations[0].quote).toContain('8600个');
  });

  it('a new topic is answered on its own', async () => {
    const r = await converse('2026年浙江新建5G基站目标是多少', '2025年杭州规上工业增加值增长多少？');
    expect(r.question.followUp).toBe(false);
    expect(r.answer).toContain('7.2%');
  });

  it('an echoed earlier response counts by its resolved question', async () => {
    const first = await reports.engine.ask({ question: '2026年浙江新建5G基站目标是多少' });
    const r = await reports.engine.ask({ question: '那2025年呢？', history: [first] });
    expect(r.answer).toContain('3.1万个');
  });
});
