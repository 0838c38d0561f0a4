import type { Chunk } from '../documents/document.js';
import { findRegionMentions } from '../domain/regions.js';
import { canonicalize } from '../domain/synonyms.js';
import type { RetrievedChunk } from '../retrieve/hybrid-retriever.js';
import type { CitationList } from './citations.js';
import { notFound, type Composed } from './compose.js';
import type { ParsedQuestion } from './parse-question.js';

export const MIN_PASSAGE_COVERAGE = 0.5;

interface ScoredSentence {
  chunk: Chunk;
  sentence: Chunk['sentences'][number];
  score: number;
  coverage: number;
}

const LEADING_VERBS =
  /^.*?(突破性发展|推动|推进|支持|聚焦|加快|实施|打造|发展|培育|围绕|按照|以打好|打好|包括|重点发展|建设|入选|开展|以)/;
const TRAILING_CUT = /(等|的|建设|入选|为|转型|成为|被|获批|共同|分别|“|”).*$/;

/** Scores sentences of the retrieved chunks by the weighted share of question terms they contain. */
function rankSentences(question: ParsedQuestion, retrieved: RetrievedChunk[], weight: (t: string) => number): ScoredSentence[] {
  const terms = question.terms.filter((t) => t.length > 1);
  const total = terms.reduce((sum, t) => sum + weight(t), 0) || 1;
  const results: ScoredSentence[] = [];
  retrieved.forEach(({ chunk }, rank) => {
    const heading = canonicalize(chunk.heading);
    for (const sentence of chunk.sentences) {
      const text = canonicalize(sentence.text);
      const hit = terms.reduce((sum, t) => sum + (text.includes(t) ? weight(t) : 0), 0);
      const headingHit = terms.reduce((sum, t) => sum + (!text.includes(t) && heading.includes(t) ? weight(t) : 0), 0);
      const coverage = (hit + 0.5 * headingHit) / total;
      const quotedOk = question.quoted.every((q) => text.includes(canonicalize(q)));
      const score = coverage + (quotedOk && question.quoted.length ? 0.5 : 0) - rank * 0.01;
      results.push({ chunk, sentence, score, coverage: quotedOk ? coverage : Math.min(coverage, 0.3) });
    }
  });
  return results.sort((a, b) => b.score - a.score);
}

function cleanItem(item: string): string {
  return item.replace(/[“”"（）()]/g, '').trim();
}

/** "A、B、C" runs in a sentence; the one nearest the anchor, with verbs before the first item and words after the last cut off. */
export function extractEnumeration(text: string, anchor: number): string[] | undefined {
  const runs = [...text.matchAll(/[^，。；：、（）()]{1,24}(?:、[^，。；：、（）()]{1,24})+/g)];
  if (runs.length === 0) return undefined;
  const distance = (m: RegExpMatchArray) => Math.min(Math.abs((m.index ?? 0) - anchor), Math.abs((m.index ?? 0) + m[0].length - anchor));
  const run = runs.sort((a, b) => distance(a) - distance(b))[0];
  const items = run[0].split('、');
  items[0] = items[0].replace(LEADING_VERBS, '');
  const last = items.length - 1;
  items[last] = items[last].replace(TRAILING_CUT, '') || items[last];
  const cleaned = items.map(cleanItem).filter(Boolean);
  return cleaned.length >= 2 ? cleaned : undefined;
}

/** "“三园”（现代产业园、特色产业园、都市工业园）": the definition in brackets after the term. */
function bracketAfter(text: string, term: string): string | undefined {
  const at = text.indexOf(term);
  if (at < 0) return undefined;
  const rest = text.slice(at + term.length).replace(/^[”"]/, '');
  const m = /^[（(]([^）)]+)[）)]/.exec(rest);
  return m?.[1];
}

function anchorOf(question: ParsedQuestion, text: string): number {
  for (const q of question.quoted) {
    const at = text.indexOf(q);
    if (at >= 0) return at;
  }
  const term = [...question.terms].sort((a, b) => b.length - a.length).find((t) => text.includes(t));
  return term ? text.indexOf(term) : 0;
}

function coreAnswer(question: ParsedQuestion, text: string): string | undefined {
  for (const q of question.quoted) {
    const inside = bracketAfter(text, q);
    if (inside) return inside;
  }
  if (question.type === 'entity') {
    const asked = new Set(question.regions);
    const places = findRegionMentions(text).filter((m) => !asked.has(m.name)).map((m) => m.surface);
    if (places.length) return [...new Set(places)].join('、');
  }
  if (question.type === 'list' || question.type === 'descriptive') {
    return extractEnumeration(text, anchorOf(question, text))?.join('、');
  }
  return undefined;
}

/** List, entity and descriptive questions: the best supporting sentence, with the asked part pulled out. */
export function answerFromPassages(
  question: ParsedQuestion,
  retrieved: RetrievedChunk[],
  citations: CitationList,
  weight: (t: string) => number,
): Composed {
  const best = rankSentences(question, retrieved, weight)[0];
  if (!best || best.coverage < MIN_PASSAGE_COVERAGE) {
    return notFound('报告中没有找到能回答该问题的内容。');
  }
  const n = citations.add(best.chunk.docId, best.sentence.start, best.sentence.end, best.score);
  const text = best.sentence.text;
  const core = coreAnswer(question, text);
  const answer = core ? `${core}[${n}]。原文：“${text}”` : `${text}[${n}]`;
  return { status: 'answered', answer, used: [], related: [] };
}
