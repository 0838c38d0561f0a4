import { describe, expect, it } from 'vitest';
import { headlineFinder } from '../../../src/answer/conversation/article-headline.js';
import { prepareDocument } from '../../../ingest/prepare-document.js';

// A clippings file: two articles, each with a source line, a headline and a plan sub-heading.
const TEXT = [
  '来源: https://example.gov.cn/a.html',
  '江西工业经济稳中有进 新动能加快成长',
  '2025年，全省规上工业增加值增长6.1%。',
  '2026年工作思路',
  '力争规上工业增加值增长6%左右。',
  '',
  '来源: https://example.gov.cn/b.html',
  '湖南锚定先进制造业高地建设 产业升级提速',
  '湖南省工业和信息化厅',
  '2025年，全省规上工业增加值增长7.2%。',
  '2026年工作思路',
  '力争新增规上工业企业2000家。',
].join('\n');

describe('headlineFinder', () => {
  const { sections } = prepareDocument('clips.txt', TEXT);
  const headlineOf = headlineFinder(sections, () => TEXT);

  it('names a cited sentence by the headline of its own article, skipping source lines and sub-headings', () => {
    const second = headlineOf('clips.txt', TEXT.indexOf('2000家'));
    expect(second?.text).toBe('湖南锚定先进制造业高地建设 产业升级提速');
    expect(TEXT.slice(second!.start, second!.end)).toBe(second!.text);
    expect(headlineOf('clips.txt', TEXT.indexOf('6%左右'))?.text).toBe('江西工业经济稳中有进 新动能加快成长');
  });

  it('names an article with no headline line by its dated lead sentence', () => {
    const text = '开局就是冲刺，起步就是决战！3月2日，全市一季度工业经济调度会在某市召开。会议通报了2025年全市工业运行情况，要求全市上下抓紧抓实一季度各项工作，确保实现良好开局。2025年，全市规上工业增加值增长7.1%。';
    const lead = headlineFinder(prepareDocument('lead.txt', text).sections, () => text)('lead.txt', text.indexOf('7.1%'));
    // With the sentence after it, which says what the meeting reported.
    expect(lead?.text).toBe('3月2日，全市一季度工业经济调度会在某市召开。会议通报了2025年全市工业运行情况，要求全市上下抓紧抓实一季度各项工作，确保实现良好开局。');
    expect(text.slice(lead!.start, lead!.end)).toBe(lead!.text);
  });

  it('finds nothing for a document it does not know', () => {
    expect(headlineOf('other.txt', 0)).toBeUndefined();
  });
});
