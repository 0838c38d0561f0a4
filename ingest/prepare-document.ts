import type { Chunk, DocumentMeta, Section } from '../src/documents/document.js';
import type { CatalogEntry } from '../src/documents/catalog.js';
import type { Indicator } from '../src/indicators/indicator.js';
import { chunkSection } from './chunk.js';
import { resolveMetadata } from './infer-metadata.js';
import { extractIndicators } from './indicators/extract.js';
import { normalizeText } from './normalize.js';
import { splitParagraphs } from './paragraphs.js';
import { splitArticles } from './scope/articles.js';
import { splitSections, type SectionSpan } from './sections.js';
import type { DocumentStructure } from './load/loader.js';
import { tableIndicators } from './tables/table-indicators.js';

export interface PreparedDocument {
  meta: DocumentMeta;
  text: string;
  sections: Section[];
  chunks: Chunk[];
  indicators: Indicator[];
}

/** Timings in ms per stage, summed over documents (for progress and benchmarks). */
export type StageTimings = Record<'normalize' | 'sections' | 'chunks' | 'indicators', number>;

export function emptyTimings(): StageTimings {
  return { normalize: 0, sections: 0, chunks: 0, indicators: 0 };
}

/** Everything ingest derives from one document's text, before indexing. */
export function prepareDocument(
  id: string,
  text: string,
  entry?: CatalogEntry,
  timings = emptyTimings(),
  structure?: DocumentStructure,
): PreparedDocument {
  let t = performance.now();
  const lap = (stage: keyof StageTimings) => {
    const now = performance.now();
    timings[stage] += now - t;
    t = now;
  };
  const normalized = normalizeText(text);
  const paragraphs = splitParagraphs(normalized);
  lap('normalize');
  const articles = entry ? [] : splitArticles(paragraphs, normalized.text.length);
  let meta: DocumentMeta;
  let spans: SectionSpan[];
  if (articles.length > 1) {
    // Each clipping has its own date and region; the file's metadata is the first article's, with all regions.
    const metas: DocumentMeta[] = [];
    for (const a of articles) {
      const previous = metas[metas.length - 1];
      const inherited = previous ? { date: previous.published, how: 'the article before it in the file', region: previous.regions[0] } : undefined;
      metas.push(resolveMetadata(id, a.paragraphs, normalized.text.slice(a.start, a.end), undefined, inherited));
    }
    // An article naming no place at all ("摘自《某区政府工作报告》" only at its end) is about the file's region.
    metas.forEach((m, i) => {
      if (m.regions.length) return;
      const near = metas.slice(i + 1).find((n) => n.regions.length) ?? metas.slice(0, i).reverse().find((n) => n.regions.length);
      if (near) metas[i] = { ...m, regions: [near.regions[0]], provenance: { ...m.provenance, regions: { source: 'inferred', how: 'the nearest article in the file that names a region' } } };
    });
    meta = { ...metas[0], regions: [...new Set(metas.flatMap((m) => m.regions))], periods: [...new Set(metas.flatMap((m) => m.periods))] };
    spans = articles.flatMap((a, i) => splitSections(metas[i], normalized, a.paragraphs, a));
  } else {
    meta = resolveMetadata(id, paragraphs, normalized.text, entry);
    spans = splitSections(meta, normalized, paragraphs);
  }
  lap('sections');
  const chunks: Chunk[] = [];
  for (const span of spans) chunks.push(...chunkSection(normalized, span, chunks.length));
  lap('chunks');
  const sections = spans.map((s) => s.section);
  const fromTables = tableIndicators({ meta, tables: structure?.tables ?? [], sections });
  // A table read cell by cell replaces what the sentence reader made of its rows run together.
  const tableSpans = (structure?.tables ?? []).filter((t) => fromTables.some((r) => t.start <= r.start && r.end <= t.end));
  const fromText = extractIndicators({ meta, normalized, sections: spans }).filter(
    (r) => !tableSpans.some((t) => t.start <= r.valueStart && r.valueStart < t.end),
  );
  const indicators = [...fromText, ...fromTables].sort((a, b) => a.valueStart - b.valueStart);
  lap('indicators');
  return { meta, text, sections, chunks, indicators };
}
