/** PDF repairs on a real LibreOffice PDF: running header and page numbers, two columns, joined lines, layout spaces, errors. */
import { describe, expect, it } from 'vitest';
import { loadFile } from '../../../ingest/load/load-file.js';
import { cleanSpaces } from '../../../ingest/load/pdf-lines.js';
import { locateSpan } from '../../../ingest/load/loader.js';
import { AppError } from '../../../src/errors.js';
import { fixture, fixtureBytes } from './format-fixtures.js';

describe('PDF repairs', () => {
  it('drops the running header and the page numbers of all three pages', async () => {
    const { text } = (await fixture('report.pdf')).loaded;
    expect(text).not.toContain('工作报告');
    expect(text.split('\n').filter((l) => /^\s*\d+\s*$/.test(l))).toEqual([]);
  });

  it('reads the two-column section column by column, each paragraph on one line', async () => {
    const lines = (await fixture('report.pdf')).loaded.text.split('\n');
    const at = (start: string) => lines.findIndex((l) => l.startsWith(start));
    // The second paragraph starts at the foot of the left column and ends at the top of the right one.
    expect(lines[at('高端装备产业')]).toBe(
      '高端装备产业加快发展，轴承、齿轮等基础件产值突破300亿元，新培育国家级专精特新“小巨人”企业12家、省级专精特新中小企业85家，智能制造示范工厂达到24家，关键工序数控化率达到62%。',
    );
    expect(at('新能源汽车产业')).toBeLessThan(at('高端装备产业'));
    expect(at('高端装备产业')).toBeLessThan(at('新材料产业'));
    // "增长 1|1.8%" was split across lines inside the number.
    expect(lines[at('新材料产业')]).toContain('化工新材料产值增长11.8%');
  });

  it('has no space between Chinese characters and figures, and no line break inside a sentence', async () => {
    const { text } = (await fixture('report.pdf')).loaded;
    expect(text).not.toMatch(/[\u4e00-\u9fff] +[\d%]|[\d%] +[\u4e00-\u9fff]/);
    for (const line of text.split('\n').filter((l) => l.length > 40)) expect(line).toMatch(/[。；]$/);
  });

  it('knows the page of every character', async () => {
    const { text, structure } = (await fixture('report.pdf')).loaded;
    expect(structure.pages?.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(structure.pages?.[0].start).toBe(0);
    expect(structure.pages?.[2].end).toBe(text.length);
    expect(locateSpan(structure, text.indexOf('二、主要指标完成情况')).page).toBe(2);
    expect(locateSpan(structure, text.indexOf('算力规模突破1.2万P')).page).toBe(3);
    expect(locateSpan(structure, text.indexOf('高端装备产业')).page).toBe(1);
  });

  it('removes layout spaces next to CJK but keeps those between Latin words', () => {
    expect(cleanSpaces('增长 7.2% ，高于全省 0.3 个百分点')).toBe('增长7.2%，高于全省0.3个百分点');
    expect(cleanSpaces('ITU  国际标准 and  Open Source')).toBe('ITU国际标准and Open Source');
    expect(cleanSpaces('⼯业')).toBe('工业');
  });

  it.each([
    ['broken.pdf', /broken\.pdf: not a readable PDF/],
    ['encrypted.pdf', /encrypted\.pdf: the PDF is encrypted/],
    ['scanned.pdf', /scanned\.pdf: the PDF has no text layer/],
  ])('%s fails with an error naming the file', async (name, message) => {
    const error = await loadFile(fixtureBytes(name), name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('ingest_failed');
    expect((error as AppError).message).toMatch(message);
  });
});

describe('heading paths (DOCX, HTML)', () => {
  it.each(['report.docx', 'report.html'])('%s: a paragraph under （一） has both headings', async (name) => {
    const { text, structure } = (await fixture(name)).loaded;
    expect(locateSpan(structure, text.indexOf('新能源汽车产业集群')).headingPath).toEqual(['一、2025年工作回顾', '（一）产业集群加快壮大']);
    expect(locateSpan(structure, text.indexOf('加快建设算力中心')).headingPath).toEqual(['三、2026年工作思路']);
    expect(locateSpan(structure, text.indexOf('发布日期')).headingPath).toBeUndefined();
  });

  it('the HTML page loses its navigation, sidebar, share links and footer', async () => {
    const { text } = (await fixture('report.html')).loaded;
    for (const furniture of ['首页', '政务公开', '热点推荐', '分享到', 'ICP备', '主办单位']) expect(text).not.toContain(furniture);
  });
});
