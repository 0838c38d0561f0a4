import { describe, expect, it } from 'vitest';
import type { Section } from '../../src/documents/document.js';
import { prepareDocument } from '../../ingest/prepare-document.js';
import { SEED, SEED_IDS, preparedSeed, seedText, stripNoise } from '../fixtures/seeds.js';

/** Region, role and year of each section, in document order. */
function outline(sections: Section[]): string[] {
  return sections.map((s) => `${s.region} ${s.role} ${s.year}`);
}

/** The section whose served span holds a given phrase (whitespace and ** ignored). */
function sectionHolding(id: string, sections: Section[], phrase: string): Section {
  const text = seedText(id);
  const found = sections.filter((s) => stripNoise(text.slice(s.start, s.end)).includes(phrase));
  expect(found, `sections holding ${phrase}`).toHaveLength(1);
  return found[0];
}

describe('splitSections on the seeds (with catalog metadata)', () => {
  it('000: a 2024 review and a 2025 plan', () => {
    const { sections } = preparedSeed(SEED.hubei2024);
    expect(sections.find((s) => s.heading === '2024年重点工作')).toMatchObject({ role: 'review', year: 2024, region: '湖北' });
    expect(sections.find((s) => s.heading === '2025年工作思路')).toMatchObject({ role: 'plan', year: 2025, region: '湖北' });
    expect(sectionHolding(SEED.hubei2024, sections, '算力规模达7998PFLOPS')).toMatchObject({ role: 'review', year: 2024 });
    expect(sectionHolding(SEED.hubei2024, sections, '力争算力总规模超12000P')).toMatchObject({ role: 'plan', year: 2025 });
    expect(new Set(outline(sections))).toEqual(new Set(['湖北 review 2024', '湖北 plan 2025']));
  });

  it('001: a 2025 review and a 2026 plan', () => {
    const { sections } = preparedSeed(SEED.hubei2025);
    expect(sections.find((s) => s.heading === '2025年工作亮点')).toMatchObject({ role: 'review', year: 2025, region: '湖北' });
    expect(sections.find((s) => s.heading === '2026年工作重点')).toMatchObject({ role: 'plan', year: 2026, region: '湖北' });
    expect(sectionHolding(SEED.hubei2025, sections, '算力规模超1.8万P')).toMatchObject({ role: 'review', year: 2025 });
    expect(sectionHolding(SEED.hubei2025, sections, '算力规模突破2.2万P')).toMatchObject({ role: 'plan', year: 2026 });
  });

  it('002: one 2025 plan for 武汉', () => {
    const { sections } = preparedSeed(SEED.wuhanPlan);
    expect(new Set(outline(sections))).toEqual(new Set(['武汉 plan 2025']));
  });

  it('003: a 2025 review whose unmarked figures default to the first half', () => {
    const { sections } = preparedSeed(SEED.wuhanH1);
    for (const s of sections) {
      expect(s).toMatchObject({ region: '武汉', role: 'review', year: 2025 });
      expect(s.defaultPeriod.key).toBe('2025H1');
    }
  });

  it('004: splits into a 湖南 and a 广东 article, each with a 2025 review and a 2026 plan', () => {
    const { sections } = preparedSeed(SEED.hunanGuangdong);
    const hunan = sections.filter((s) => s.region === '湖南');
    const guangdong = sections.filter((s) => s.region === '广东');
    expect(hunan.length + guangdong.length).toBe(sections.length);
    expect(new Set(outline(hunan))).toEqual(new Set(['湖南 review 2025', '湖南 plan 2026']));
    expect(new Set(outline(guangdong))).toEqual(new Set(['广东 review 2025', '广东 plan 2026']));
    // Every 湖南 section comes before the 广东 article, which starts at its title line.
    expect(Math.max(...hunan.map((s) => s.end))).toBeLessThanOrEqual(Math.min(...guangdong.map((s) => s.start)));
    const firstGuangdong = guangdong.reduce((a, b) => (a.start < b.start ? a : b));
    expect(seedText(SEED.hunanGuangdong).slice(firstGuangdong.start)).toMatch(/^广东坚持守正创新/);

    expect(sectionHolding(SEED.hunanGuangdong, sections, '湖南工业经济增长7.8%')).toMatchObject({ region: '湖南', role: 'review', year: 2025 });
    expect(sectionHolding(SEED.hunanGuangdong, sections, '广东规上工业企业实现营业收入17.3万亿元')).toMatchObject({ region: '广东', role: 'review', year: 2025 });
    expect(sectionHolding(SEED.hunanGuangdong, sections, '减税降费及退税超千亿元')).toMatchObject({ region: '广东', role: 'review', year: 2025 });
    expect(sectionHolding(SEED.hunanGuangdong, sections, '湖南将锚定“三高四新”美好蓝图')).toMatchObject({ region: '湖南', role: 'plan', year: 2026 });
    expect(sectionHolding(SEED.hunanGuangdong, sections, '全省工信系统将按照省委')).toMatchObject({ region: '广东', role: 'plan', year: 2026 });
  });

  it('004 splits into the same articles without the catalog', () => {
    const { sections } = prepareDocument(SEED.hunanGuangdong, seedText(SEED.hunanGuangdong));
    expect(new Set(outline(sections))).toEqual(new Set(['湖南 review 2025', '湖南 plan 2026', '广东 review 2025', '广东 plan 2026']));
  });

  it('sections of every seed are ordered, disjoint and inside the text', () => {
    for (const id of SEED_IDS) {
      const { sections } = preparedSeed(id);
      const text = seedText(id);
      expect(sections.length).toBeGreaterThan(0);
      sections.forEach((s, i) => {
        expect(s.docId).toBe(id);
        expect(s.start).toBeLessThan(s.end);
        expect(s.end).toBeLessThanOrEqual(text.length);
        if (i > 0) expect(s.start).toBeGreaterThanOrEqual(sections[i - 1].end);
        expect(s.defaultPeriod.year).toBe(s.year);
      });
    }
  });
});
