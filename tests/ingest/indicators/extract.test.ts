import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../../ingest/prepare-document.js';

// A report the extractor has never seen, no catalog entry: metadata, sections and rows are inferred.
const REPORT = [
  '江西省工业和信息化厅',
  '发布日期：2026-01-20',
  '2025年工作回顾',
  '全年新增国家级专精特新“小巨人”企业62家、累计达到468家，中小企业净增1.2万户、总量31.5万户。',
  '2026年重点任务',
  '力争新增专精特新“小巨人”企业50家以上，算力规模突破8000P。',
].join('\n\n');

describe('extractIndicators on an unseen report', () => {
  const { meta, indicators } = prepareDocument('005_test.txt', REPORT);
  const row = (raw: string) => {
    const found = indicators.find((r) => r.raw === raw);
    if (!found) throw new Error(`no row ${raw}`);
    return found;
  };

  it('infers region and years from the issuer line, the date and the headings', () => {
    expect(meta.regions).toEqual(['江西']);
    expect([meta.reviewYear, meta.planYear]).toEqual([2025, 2026]);
  });

  it('keeps 新增 and 累计 apart when both follow one subject', () => {
    expect(row('62家')).toMatchObject({ measure: 'count-change', metric: expect.stringContaining('新增') });
    expect(row('468家').metric).toMatch(/^国家级专精特新小巨人企业.*累计/);
    expect(row('468家').metric).not.toContain('新增');
    expect(row('31.5万户').metric).toBe('中小企业总量');
  });

  it('reads plan-section figures as 2026 targets with their qualifiers', () => {
    expect(row('8000P')).toMatchObject({ region: '江西', period: '2026', kind: 'target', qualifier: '突破' });
    expect(row('50家')).toMatchObject({ kind: 'target', qualifier: '以上' });
  });
});
