import type { Chunk } from '../src/documents/document.js';
import { toSourceSpan, type NormalizedText } from './normalize.js';
import type { SectionSpan } from './sections.js';
import { splitSentences } from './sentences.js';

export const DEFAULT_CHUNK_CHARS = 240;

/**
 * Packs whole sentences of one section into chunks of about `maxChars`, so a chunk never mixes
 * regions or review/plan and its offsets always fall on sentence boundaries.
 */
export function chunkSection(
  normalized: NormalizedText,
  span: SectionSpan,
  firstIndex: number,
  maxChars = DEFAULT_CHUNK_CHARS,
): Chunk[] {
  const chunks: Chunk[] = [];
  const sentences = splitSentences(normalized.text, span.cleanStart, span.cleanEnd);
  let group: typeof sentences = [];
  const flush = () => {
    if (group.length === 0) return;
    const cleanStart = group[0].start;
    const cleanEnd = group[group.length - 1].end;
    const source = toSourceSpan(normalized, cleanStart, cleanEnd);
    const { section } = span;
    chunks.push({
      id: `${section.docId}#${firstIndex + chunks.length}`,
      docId: section.docId,
      start: source.start,
      end: source.end,
      text: normalized.text.slice(cleanStart, cleanEnd).replace(/\n/g, ' '),
      region: section.region,
      year: section.year,
      role: section.role,
      heading: section.heading,
      ...(section.scope ? { scopeHow: section.scope.region } : {}),
      sentences: group.map((sentence) => ({ ...toSourceSpan(normalized, sentence.start, sentence.end), text: sentence.text })),
    });
    group = [];
  };
  for (const sentence of sentences) {
    const length = group.length ? sentence.end - group[0].start : 0;
    if (group.length && length > maxChars) flush();
    group.push(sentence);
  }
  flush();
  return chunks;
}
