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
const TRAILING_CUT = /(等|的|建设|入选|为|转型|成为|被|获批|共同|分别|“|”|\d).*$/;

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

const CONTEXT_WINDOW = 16;

/**
 * "A、B、C" runs in a sentence; the one whose surroundings hold the most question terms, with
 * verbs before the first item and words after the last cut off.
 */
export function extractEnumeration(text: string, terms: string[], mustEndBefore?: number): string[] | undefined {
  const runs = [...text.matchAll(/[^，。；：、（）()]{1,24}(?:、[^，。；：、（）()]{1,24})+/g)].filter(
    (m) => mustEndBefore === undefined || Math.abs((m.index ?? 0) + m[0].length - mustEndBefore) <= 8,
  );
  if (runs.length === 0) return undefined;
  const trimmed = (m: RegExpMatchArray) => {
    const items = m[0].split('、');
    const lead = LEADING_VERBS.exec(items[0])?.[0] ?? '';
    items[0] = items[0].slice(lead.length);
    const last = items.length - 1;
    const kept = items[last].replace(TRAILING_CUT, '') || items[last];
    const tail = items[last].slice(kept.length);
    items[last] = kept;
    return { items, lead, tail };
  };
  // The words around a list (including those trimmed off its ends) say what it is a list of.
  const around = (m: RegExpMatchArray) => {
    const start = m.index ?? 0;
    const { lead, tail } = trimmed(m);
    const window =
      text.slice(Math.max(0, start - CONTEXT_WINDOW), start) + lead + tail + text.slice(start + m[0].length, start + m[0].length + CONTEXT_WINDOW);
    return terms.filter((t) => t.length > 1 && window.includes(t)).length;
  };
  const run = runs.sort((a, b) => around(b) - around(a))[0];
  const cleaned = trimmed(run).items.map(cleanItem).filter(Boolean);
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

/** The clause (between ，；) holding most question terms: where an entity answer sits. */
function bestClause(question: ParsedQuestion, text: string): string {
  const clauses = text.split(/[，；。]/);
  const hits = (c: string) => question.terms.filter((t) => t.length > 1 && c.includes(t)).length;
  return clauses.sort((a, b) => hits(b) - hits(a))[0] ?? text;
}

/** "校企合作“双进双转”活动": the words that qualify a quoted term where no list or bracket defines it. */
function qualifiedTerm(text: string, term: string): string | undefined {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`(?:开展|实施|推进|打造|建设|建立|推行|举办|创新开展)?([\\u4e00-\\u9fa5]{2,8})“${escaped}”([\\u4e00-\\u9fa5]{1,3})`).exec(text);
  return m ? `${m[1]}“${term}”${m[2]}` : undefined;
}

const ASKED_RE = /([\u4e00-\u9fa5A-Za-z0-9]{2,8})(?:分别)?(?:是什么|指什么|是指什么|具体指什么|是指|有哪些|包括哪些|是哪些|是哪几)/;

/** What the question asks to be defined: its quoted terms, and the noun right before 是什么 ("三大工程"). */
function anchorsOf(question: ParsedQuestion): string[] {
  const asked = ASKED_RE.exec(question.text)?.[1].split(/[的中在]/).pop();
  return [...question.quoted, ...(asked && asked.length >= 2 ? [asked] : [])];
}

function coreAnswer(question: ParsedQuestion, text: string): string | undefined {
  for (const q of anchorsOf(question)) {
    const inside = bracketAfter(text, q);
    if (inside) return inside;
  }
  if (question.type === 'entity') {
    const asked = new Set(question.regions);
    const places = findRegionMentions(bestClause(question, text)).filter((m) => !asked.has(m.name)).map((m) => m.surface);
    if (places.length) return [...new Set(places)].join('、');
  }
  if (question.type === 'descriptive') {
    // A definition by enumeration stands right before the term: "谋划储备一批、…“四个一批”".
    for (const anchor of anchorsOf(question)) {
      const at = text.indexOf(anchor);
      if (at < 0) continue;
      const list = extractEnumeration(text.slice(0, at), question.terms, at);
      if (list) return list.join('、');
      const qualified = question.quoted.includes(anchor) ? qualifiedTerm(text, anchor) : undefined;
      if (qualified) return qualified;
    }
    return undefined;
  }
  if (question.type === 'list') return extractEnumeration(text, question.terms)?.join('、');
  return undefined;
}

/** The question names the document ("2025年工作要点"): a common run of 4+ characters with its title. */
export function sharesTitle(question: string, title: string): boolean {
  const plain = title.replace(/\d{4}年/g, '');
  for (let i = 0; i + 4 <= plain.length; i++) {
    if (question.includes(plain.slice(i, i + 4))) return true;
  }
  return false;
}

/** List, entity and descriptive questions: the best supporting sentence, with the asked part pulled out. */
export function answerFromPassages(
  question: ParsedQuestion,
  retrieved: RetrievedChunk[],
  citations: CitationList,
  weight: (t: string) => number,
  titleOf: (docId: string) => string = () => '',
  nextChunk: (chunk: Chunk) => Chunk | undefined = () => undefined,
): Composed {
  // Among the closest matches, a sentence that actually spells out the list or definition wins.
  const ranked = rankSentences(question, retrieved, weight)
    .slice(0, 10)
    .map((s) => ({
      ...s,
      score: s.score + (coreAnswer(question, s.sentence.text) ? 0.3 : 0) + (sharesTitle(question.text, titleOf(s.chunk.docId)) ? 0.2 : 0),
    }))
    .sort((a, b) => b.score - a.score);
  let best = ranked[0];
  if (!best || best.coverage < MIN_PASSAGE_COVERAGE) {
    return notFound('报告中没有找到能回答该问题的内容。');
  }
  if (!coreAnswer(question, best.sentence.text)) {
    // A heading-like sentence ("滚动推进“四个一批”。") is often defined by the sentence after it.
    const following = [...best.chunk.sentences, ...(nextChunk(best.chunk)?.sentences ?? [])];
    const index = following.indexOf(best.sentence);
    const next = following
      .slice(index + 1, index + 3)
      .find((s) => anchorsOf(question).some((q) => s.text.includes(q)) && coreAnswer(question, s.text));
    if (next) best = { ...best, sentence: next };
  }
  const n = citations.add(best.chunk.docId, best.sentence.start, best.sentence.end, best.score);
  const text = best.sentence.text;
  const core = coreAnswer(question, text);
  const answer = core ? `${core}[${n}]。原文：“${text}”` : `${text}[${n}]`;
  return { status: 'answered', answer, used: [], related: [] };
}
