import type { Section, StoredDocument } from '../documents/document.js';
import { findRegionMentions, regionInfo } from '../domain/regions.js';
import type { Indicator } from '../indicators/indicator.js';
import { voiceLevel, type VoiceLevel } from '../domain/region-voice.js';
import { toSimplified } from '../domain/simplified.js';
import { findZones } from '../domain/zones.js';

const ZONE_LEAD = 200;

/** What the answerer knows about the corpus as a whole: which regions and years it speaks of. */
export interface CorpusFacts {
  /** Regions that sections are about (strict filters apply). */
  sectionRegions: string[];
  /** Every region named anywhere in the corpus. */
  mentionedRegions: string[];
  years: number[];
  /** Region → the year its newest report was written in, which 今年/去年 in a question count from. */
  writtenYears: Array<[string, number]>;
  /** Regions with figures from texts that never name their year: a year asked there may still be answered. */
  undatedRegions: string[];
  /** Documents that never name their place ("我县…", "全市…"), with the level they speak as. */
  unplaced: Array<[string, VoiceLevel]>;
  /** Zones a report is about, named in its opening lines ("金华开发区召开…"), with its document. */
  zones: Array<[string, string]>;
}

/**
 * Scans every document's text for region names and 20xx年: costly at scale, so ingest computes it
 * once and a store keeps it; the JSON index computes it at open, as it always has.
 */
export function computeCorpusFacts(documents: StoredDocument[], sections: Section[], indicators: Indicator[]): CorpusFacts {
  const sectionRegions = new Set(sections.map((s) => s.region).filter(Boolean));
  const mentionedRegions = new Set(sectionRegions);
  for (const doc of documents) {
    const mentions = findRegionMentions(doc.text, { counties: true });
    const named = new Set(mentions.filter((m) => !m.weak).map((m) => m.name));
    // A bare county name (正定, 海宁) counts where the document names its city or province too; 新建 alone is a verb.
    for (const m of mentions) {
      const info = m.weak ? regionInfo(m.name) : undefined;
      if (!m.weak || (info && ((info.city && named.has(info.city)) || (info.province && named.has(info.province))))) mentionedRegions.add(m.name);
    }
  }
  for (const row of indicators) mentionedRegions.add(row.region);
  // Years the reports speak of: sections, rows, and every 20xx年 in the text ("部署2026年八项重点工作").
  const years = new Set([...sections.map((s) => s.year), ...indicators.filter((r) => !r.undated).map((r) => r.year)]);
  const undatedRegions = new Set(indicators.filter((r) => r.undated).map((r) => r.region));
  for (const doc of documents) for (const m of doc.text.matchAll(/(20\d{2})年/g)) years.add(Number(m[1]));
  const writtenYears = new Map<string, number>();
  for (const s of sections) {
    const year = Number(s.written?.slice(0, 4));
    if (s.region && year > (writtenYears.get(s.region) ?? 0)) writtenYears.set(s.region, year);
  }
  const placed = new Set(sections.filter((s) => s.region).map((s) => s.docId));
  const unplaced = documents.flatMap((doc): Array<[string, VoiceLevel]> => {
    const voice = placed.has(doc.id) ? undefined : voiceLevel(toSimplified(doc.text));
    return voice ? [[doc.id, voice]] : [];
  });
  // A zone named in the first lines is what the report is about, though it is filed under its city.
  const zones = documents.flatMap((doc) => [...new Set(findZones(toSimplified(doc.text.slice(0, ZONE_LEAD))).map((z) => z.zone))].map((zone): [string, string] => [zone, doc.id]));
  return {
    sectionRegions: [...sectionRegions],
    mentionedRegions: [...mentionedRegions],
    years: [...years],
    writtenYears: [...writtenYears],
    undatedRegions: [...undatedRegions],
    unplaced,
    zones,
  };
}
