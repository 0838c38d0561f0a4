import { describe, expect, it } from 'vitest';
import { DEFAULT_CHUNK_CHARS, chunkSection } from '../../ingest/chunk.js';
import { normalizeText } from '../../ingest/normalize.js';
import type { SectionSpan } from '../../ingest/sections.js';
import { makePeriod } from '../../src/domain/period.js';
import { SEED_IDS, comparable, preparedSeed, seedText, withoutBoilerplate } from '../fixtures/seeds.js';

function sectionOver(source: string, heading: string, region: string, year: number): { span: SectionSpan; normalized: ReturnType<typeof normalizeText> } {
  const normalized = normalizeText(source);
  return {
    normalized,
    span: {
      cleanStart: 0,
      cleanEnd: normalized.text.length,
      section: {
        docId: 'doc.txt',
        start: 0,
        end: source.length,
        heading,
        region,
        role: 'review',
        year,
        defaultPeriod: makePeriod(year),
      },
    },
  };
}

describe('chunkSection', () => {
  const source = '一是稳增长，工业经济稳中向好。二是优结构；三是强韧性。\n\n四是增动能，实数融合纵深推进。五是育主体！';

  it('packs whole sentences up to maxChars and numbers chunks from firstIndex', () => {
    const { normalized, span } = sectionOver(source, '2024年重点工作', '湖北', 2024);
    const chunks = chunkSection(normalized, span, 7, 20);
    expect(chunks.map((c) => c.id)).toEqual(chunks.map((_, i) => `doc.txt#${7 + i}`));
    // Lengths 15, 6, 6, 15, 6 (+1 for the paragraph break): a chunk closes when the next sentence would pass 20.
    expect(chunks.map((c) => c.sentences.map((s) => s.text))).toEqual([
      ['一是稳增长，工业经济稳中向好。'],
      ['二是优结构；', '三是强韧性。'],
      ['四是增动能，实数融合纵深推进。'],
      ['五是育主体！'],
    ]);
    for (const c of chunks) {
      expect(c).toMatchObject({ docId: 'doc.txt', region: '湖北', year: 2024, role: 'review', heading: '2024年重点工作' });
      expect(c.text).not.toContain('\n');
    }
  });

  it('keeps a single sentence longer than maxChars whole', () => {
    const { normalized, span } = sectionOver(source, 'h', '湖北', 2024);
    const chunks = chunkSection(normalized, span, 0, 5);
    expect(chunks.flatMap((c) => c.sentences.map((s) => s.text))).toHaveLength(5);
    for (const c of chunks) expect(c.sentences).toHaveLength(1);
  });

  it('gives chunk and sentence offsets into the source text', () => {
    const bold = '前三季度，湖南工业经济增长**7.8%**，居全国第**10**。\n\n1—10月，产值分别增长**9.7%**和**9.8%**。';
    const { normalized, span } = sectionOver(bold, 'h', '湖南', 2025);
    const [chunk] = chunkSection(normalized, span, 0);
    expect(bold.slice(chunk.start, chunk.end)).toBe(bold.trimEnd());
    expect(chunk.sentences.map((s) => bold.slice(s.start, s.end))).toEqual([
      '前三季度，湖南工业经济增长**7.8%**，居全国第**10**。',
      '1—10月，产值分别增长**9.7%**和**9.8%**。',
    ]);
  });
});

describe('chunks of every seed', () => {
  for (const id of SEED_IDS) {
    describe(id, () => {
      const { chunks, sections } = preparedSeed(id);
      const text = seedText(id);

      it('numbers chunks in order and never lets them overlap', () => {
        expect(chunks.length).toBeGreaterThan(5);
        chunks.forEach((c, i) => {
          expect(c.id).toBe(`${id}#${i}`);
          expect(c.start).toBeLessThan(c.end);
          expect(c.end).toBeLessThanOrEqual(text.length);
          if (i > 0) expect(c.start).toBeGreaterThanOrEqual(chunks[i - 1].end);
        });
      });

      it('keeps each chunk inside one section and carries that section’s region, year and role', () => {
        for (const c of chunks) {
          const owners = sections.filter((s) => s.start <= c.start && c.end <= s.end);
          expect(owners, c.id).toHaveLength(1);
          const [s] = owners;
          expect({ region: c.region, year: c.year, role: c.role, heading: c.heading }).toEqual({
            region: s.region,
            year: s.year,
            role: s.role,
            heading: s.heading,
          });
        }
      });

      it('serves the chunk text at the chunk offsets', () => {
        for (const c of chunks) {
          expect(comparable(withoutBoilerplate(text.slice(c.start, c.end))), c.id).toBe(comparable(c.text));
        }
      });

      it('starts and ends chunks on sentence boundaries and respects the size limit', () => {
        for (const c of chunks) {
          const before = text.slice(0, c.start).replace(/[\s*●•■▲◆—]+$/, '');
          const skipped = text.slice(before.length, c.start);
          expect(before === '' || skipped.includes('\n') || /[。！？；;!?”’」）)]$/.test(before), `${c.id} starts mid-sentence`).toBe(true);
          const last = c.sentences[c.sentences.length - 1].text;
          const after = text.slice(c.end);
          expect(/[。！？；;!?][”’」）)]*$/.test(last) || /^(\*\*)?[^\S\n]*(\n|$)/.test(after), `${c.id} ends mid-sentence`).toBe(true);
          if (c.sentences.length > 1) expect(c.text.length, c.id).toBeLessThanOrEqual(DEFAULT_CHUNK_CHARS);
        }
      });

      it('lists sentences inside the chunk, in order, each served at its offsets', () => {
        for (const c of chunks) {
          expect(c.sentences.length).toBeGreaterThan(0);
          expect(c.sentences[0].start).toBe(c.start);
          expect(c.sentences[c.sentences.length - 1].end).toBe(c.end);
          let previousEnd = c.start;
          for (const s of c.sentences) {
            expect(s.start).toBeGreaterThanOrEqual(previousEnd);
            expect(s.end).toBeLessThanOrEqual(c.end);
            expect(comparable(withoutBoilerplate(text.slice(s.start, s.end))), `${c.id} ${s.text}`).toBe(comparable(s.text));
            expect(comparable(c.text)).toContain(comparable(s.text));
            previousEnd = s.end;
          }
        }
      });
    });
  }
});
