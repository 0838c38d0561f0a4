import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDigitRuns } from '../../bench/digit-runs.js';
import { perturbValue } from '../../bench/perturb-value.js';
import { questionMixForCorpus, readDevQuestions, UNCOVERED_YEAR } from '../../bench/question-mix.js';
import { seededRandom } from '../../bench/seeded-random.js';
import {
  readSourceReports,
  synthesizeAt,
  writeSyntheticCorpus,
  type SourceReport,
} from '../../bench/synthetic-corpus.js';
import { findRegionMentions, provinceOf, regionInfo } from '../../src/domain/regions.js';

let sources: SourceReport[];
let tmp: string;

beforeAll(async () => {
  sources = await readSourceReports('seeds');
  tmp = await mkdtemp(path.join(os.tmpdir(), 'synthetic-corpus-'));
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** The text with every region name as @ and every digit as d: what must survive synthesis unchanged. */
function skeleton(text: string): string {
  let out = '';
  let cursor = 0;
  for (const m of findRegionMentions(text)) {
    out += text.slice(cursor, m.start) + '@';
    cursor = m.end;
  }
  return (out + text.slice(cursor)).replace(/\d/g, 'd');
}

// Documents 0..9 cover every source report twice, with different generators.
const SAMPLE = Array.from({ length: 10 }, (_, i) => i);

describe('synthetic reports', () => {
  it('swap regions consistently: one stand-in per region, a different province, cities inside it', () => {
    for (const i of SAMPLE) {
      const doc = synthesizeAt(sources, i);
      const source = sources[i % sources.length].text;
      const before = findRegionMentions(source).map((m) => m.name);
      const after = findRegionMentions(doc.text).map((m) => m.name);
      expect(after).toEqual(before.map((name) => doc.regions[name] ?? name));

      const targets = Object.values(doc.regions);
      expect(new Set(targets).size).toBe(targets.length);
      for (const [from, to] of Object.entries(doc.regions)) {
        expect(to).not.toBe(from);
        const info = regionInfo(from);
        if (info?.level === 'city') expect(provinceOf(to)).toBe(doc.regions[info.province ?? '']);
        else expect(regionInfo(to)?.level).toBe('province');
      }
    }
  });

  it('names the report after its stand-ins: 湖北 and 武汉 are gone from the Hubei reports', () => {
    const doc = synthesizeAt(sources, 0);
    expect(sources[0].text).toContain('湖北省经济和信息化厅');
    expect(doc.text).toContain(`${regionInfo(doc.regions['湖北'])?.fullName}经济和信息化厅`);
    expect(findRegionMentions(doc.text).map((m) => m.name)).not.toContain('湖北');
    expect(findRegionMentions(doc.text).map((m) => m.name)).not.toContain('武汉');
  });

  it('shifts every year by the same non-zero amount', () => {
    for (const i of SAMPLE) {
      const doc = synthesizeAt(sources, i);
      expect(doc.yearShift).not.toBe(0);
      expect(Math.abs(doc.yearShift)).toBeLessThanOrEqual(3);
      const source = findDigitRuns(sources[i % sources.length].text);
      const synthetic = findDigitRuns(doc.text);
      expect(synthetic.map((r) => r.kind)).toEqual(source.map((r) => r.kind));
      const years = source.flatMap((r, k) => (r.kind === 'year' ? [[Number(r.text), Number(synthetic[k].text)]] : []));
      expect(years.length).toBeGreaterThan(0);
      for (const [from, to] of years) expect(to - from).toBe(doc.yearShift);
    }
  });

  it('changes every quantity but keeps units, digit counts, decimals and markdown', () => {
    for (const i of SAMPLE) {
      const doc = synthesizeAt(sources, i);
      const source = sources[i % sources.length].text;
      expect(skeleton(doc.text)).toBe(skeleton(source));
      const before = findDigitRuns(source);
      const after = findDigitRuns(doc.text);
      before.forEach((run, k) => {
        if (run.kind === 'value') expect(after[k].text).not.toBe(run.text);
        if (run.kind === 'fixed') expect(after[k].text).toBe(run.text);
      });
    }
    const hubei2025 = synthesizeAt(sources, 1).text;
    expect(hubei2025).not.toContain('2.2万P');
    expect(hubei2025).toMatch(/算力规模突破\d\.\d万P/);
    const hubei2024 = synthesizeAt(sources, 0).text;
    expect(hubei2024).not.toContain('7998PFLOPS');
    expect(hubei2024).toMatch(/算力规模达\d{4}PFLOPS/);
    expect(hubei2024).toContain('1—11月');
    expect(hubei2024).toContain('5G');
    const twoArticles = synthesizeAt(sources, 4).text;
    expect(twoArticles).toMatch(/工业经济增长\*\*\d\.\d%\*\*/);
    expect(twoArticles).not.toContain('**7.8%**');
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(synthesizeAt(sources, 3, 7)).toEqual(synthesizeAt(sources, 3, 7));
    expect(synthesizeAt(sources, 3, 7).text).not.toBe(synthesizeAt(sources, 3, 8).text);
    expect(synthesizeAt(sources, 3, 7).text).not.toBe(synthesizeAt(sources, 8, 7).text);
  });
});

describe('writeSyntheticCorpus', () => {
  it('writes N reports without a catalog, each the same whatever N is', async () => {
    const small = await writeSyntheticCorpus({ seedsDir: 'seeds', outDir: path.join(tmp, 'small'), docs: 3, seed: 11 });
    const large = await writeSyntheticCorpus({ seedsDir: 'seeds', outDir: path.join(tmp, 'large'), docs: 7, seed: 11 });
    const files = await readdir(small.dir);
    expect(files.sort()).toEqual(small.documents.map((d) => d.id).sort());
    expect(files).not.toContain('catalog.json');
    expect(large.documents.map((d) => d.sourceId)).toEqual(Array.from({ length: 7 }, (_, i) => sources[i % 5].id));
    for (const doc of small.documents) {
      expect(await readFile(path.join(small.dir, doc.id), 'utf8')).toBe(await readFile(path.join(large.dir, doc.id), 'utf8'));
    }
    expect(small.bytes).toBe(small.documents.reduce((sum, d) => sum + d.bytes, 0));
  });
});

describe('perturbValue', () => {
  it('keeps the written shape and always changes the value', () => {
    const random = seededRandom(1);
    for (const raw of ['2.2', '7.7', '12.0', '7998', '0.5', '3', '183.6', '100', '1']) {
      for (let k = 0; k < 50; k++) {
        const next = perturbValue(raw, random);
        expect(next).not.toBe(raw);
        expect(next.replace(/\d/g, 'd')).toBe(raw.replace(/\d/g, 'd'));
      }
    }
  });
});

describe('questionMixForCorpus', () => {
  it('re-asks dev questions about synthetic reports with their regions and years, plus not-found ones', async () => {
    const corpus = await writeSyntheticCorpus({ seedsDir: 'seeds', outDir: path.join(tmp, 'mix'), docs: 10, seed: 5 });
    const dev = await readDevQuestions();
    const mix = questionMixForCorpus(dev, corpus.documents, 5);
    expect(mix.length).toBeGreaterThanOrEqual(45);
    expect(mix.length).toBeLessThanOrEqual(55);
    expect(mix.filter((q) => q.unanswerable).length).toBeGreaterThanOrEqual(8);
    expect(mix.some((q) => q.question.includes(`${UNCOVERED_YEAR}年`))).toBe(true);
    expect(new Set(mix.map((q) => q.kind))).toEqual(new Set(dev.map((q) => q.kind)));
    const first = mix.find((q) => q.id === 'dev-001');
    expect(first?.question).not.toContain('湖北');
    expect(first?.question).toMatch(/^20\d\d年.+算力目标是多少$/);
    expect(first?.question).not.toBe(dev[0].question);
  });
});
