import { describe, expect, it } from 'vitest';
import { resolveMetadata } from '../../ingest/infer-metadata.js';
import { ISSUER_RE } from '../../ingest/scope/issuer.js';
import { normalizeText } from '../../ingest/normalize.js';
import { splitParagraphs } from '../../ingest/paragraphs.js';
import type { DocumentMeta } from '../../src/documents/document.js';
import { SEED, catalogEntry, seedText } from '../fixtures/seeds.js';

/** Metadata inferred from the text alone, as ingest does for a file with no catalog entry. */
function inferred(id: string): DocumentMeta {
  const normalized = normalizeText(seedText(id));
  return resolveMetadata(id, splitParagraphs(normalized), normalized.text);
}

describe('resolveMetadata without the catalog', () => {
  it('000: 湖北 from the issuer line, written late 2024 (says 明年), 2024 review + 2025 plan', () => {
    const meta = inferred(SEED.hubei2024);
    expect(meta).toMatchObject({ issuer: '湖北省经济和信息化厅', regions: ['湖北'], reviewYear: 2024, planYear: 2025 });
    expect(meta.title).toBe('湖北统筹推进“五大工程”奋力创建国家新型工业化示范区');
    expect(meta.published).toMatch(/^2024/);
    expect(meta.provenance.regions).toMatchObject({ source: 'inferred', how: expect.stringContaining('issuer') });
  });

  it('001: date from the "2026-02-09 09:03" timestamp line, 2025 review + 2026 plan', () => {
    const meta = inferred(SEED.hubei2025);
    expect(meta).toMatchObject({
      title: '湖北经信这一年',
      issuer: '湖北省经济和信息化厅',
      regions: ['湖北'],
      published: '2026-02-09',
      reviewYear: 2025,
      planYear: 2026,
    });
    expect(meta.provenance.published).toEqual({ source: 'inferred', how: 'date line' });
  });

  it('002: 武汉 as the most mentioned region (the title says only 市), date from 发布日期', () => {
    const meta = inferred(SEED.wuhanPlan);
    expect(meta.regions).toEqual(['武汉']);
    expect(meta.provenance.regions).toEqual({ source: 'inferred', how: 'most weighted region (headline, lead, agency names)' });
    expect(meta.published).toBe('2025-04-08');
    expect(meta.provenance.published).toEqual({ source: 'inferred', how: '发布日期 line' });
    expect(meta.issuer).toMatch(/经济和信息化局$/);
    expect(meta.planYear).toBe(2025);
    expect(meta.title).toBe('市经济和信息化局2025年工作要点');
  });

  it('003: 武汉, written in 2025 about the first half of 2025', () => {
    const meta = inferred(SEED.wuhanH1);
    expect(meta.regions).toEqual(['武汉']);
    expect(meta.issuer).toMatch(/经信局|经济和信息化局/);
    expect(meta.published).toMatch(/^2025/);
    expect(meta.reviewYear).toBe(2025);
    expect(meta.title).toBe('全力巩固工业经济回升向好态势');
  });

  it('004: 湖南 issuer first, 2025 review + 2026 plan', () => {
    const meta = inferred(SEED.hunanGuangdong);
    expect(meta.issuer).toContain('湖南省工业和信息化厅');
    expect(meta.regions).toContain('湖南');
    expect(meta).toMatchObject({ reviewYear: 2025, planYear: 2026 });
    expect(meta.published).toMatch(/^2026/);
  });

  // BUG: 004 holds two articles (湖南省工业和信息化厅, then 广东省工业和信息化厅) and its sections are
  // split by region, but the inferred document metadata lists only 湖南, so /documents and region
  // filters on document metadata miss 广东. Suspected: resolveMetadata (takes only the first issuer line).
  it('004: lists both article regions when inferred', () => {
    expect(inferred(SEED.hunanGuangdong).regions).toEqual(['湖南', '广东']);
  });

  it('records provenance for every inferred field, never "catalog"', () => {
    for (const id of Object.values(SEED)) {
      const meta = inferred(id);
      for (const field of ['title', 'issuer', 'regions', 'published', 'reviewYear', 'planYear']) {
        expect(meta.provenance[field], `${id} ${field}`).toBeDefined();
        expect(meta.provenance[field].source).not.toBe('catalog');
        expect(meta.provenance[field].how.length).toBeGreaterThan(0);
      }
      expect(meta.periods).toEqual(expect.arrayContaining([String(meta.reviewYear), String(meta.planYear)]));
    }
  });
});

describe('resolveMetadata with a catalog entry', () => {
  it('takes every field from the catalog and says so', () => {
    const id = SEED.wuhanH1;
    const normalized = normalizeText(seedText(id));
    const meta = resolveMetadata(id, splitParagraphs(normalized), normalized.text, catalogEntry(id));
    expect(meta).toMatchObject({
      title: '全力巩固工业经济回升向好态势',
      issuer: '武汉市经济和信息化局',
      regions: ['武汉'],
      published: '2025-08',
      reviewYear: 2025,
      planYear: 2025,
      defaultPeriod: '2025H1',
    });
    for (const field of ['title', 'issuer', 'regions', 'published', 'reviewYear', 'planYear']) {
      expect(meta.provenance[field]).toEqual({ source: 'catalog', how: 'seeds/catalog.json' });
    }
  });
});

describe('ISSUER_RE', () => {
  it('recognizes provincial and city issuers', () => {
    for (const issuer of ['湖北省经济和信息化厅', '武汉市经济和信息化局', '广东省工业和信息化厅', '湖南省工业和信息化厅']) {
      expect(ISSUER_RE.exec(`${issuer}`)?.[0]).toBe(issuer);
    }
    expect(ISSUER_RE.test('市经信局扎实推进工业项目建设')).toBe(true);
    expect(ISSUER_RE.test('全省工业经济稳中向好')).toBe(false);
  });
});
