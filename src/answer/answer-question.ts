import type { Period } from '../domain/period.js';
import { makePeriod } from '../domain/period.js';
import { canonicalRegion, findRegionMentions, regionInfo, type RegionMention } from '../domain/regions.js';
import { VOICE_WORD, voiceOfRegion, type VoiceLevel } from '../domain/region-voice.js';
import { findZones } from '../domain/zones.js';
import { normalizeQuestion } from './normalize-question.js';
import type { IndicatorTable } from '../indicators/indicator-table.js';
import type { HybridRetriever, RetrievalFilters } from '../retrieve/hybrid-retriever.js';
import type { Bm25Index } from '../index/bm25.js';
import type { AskRequest } from './ask-schema.js';
import type { AskResponse, RetrievalReport } from './answer.js';
import { CitationList, type DocumentText } from './citations.js';
import { answerCheck, answerDifference } from './comparison-answer.js';
import { notFound, type ComposeContext, type Composed } from './compose.js';
import { answerCountedList } from './counted-list.js';
import { answerEachSubject, eachSubject } from './each-subject-answer.js';
import { answerNumeric } from './numeric-answer.js';
import { answerFromPassages } from './passage-answer.js';
import { parseQuestion, type ParsedQuestion } from './parse-question.js';
import { newestWrittenYear, withAbsoluteYears } from './relative-year.js';
import { checkPremise, premiseOf } from './premise-check.js';

export interface Corpus {
  table: IndicatorTable;
  retriever: HybridRetriever;
  bm25: Bm25Index;
  document: (id: string) => DocumentText | undefined;
  /** Regions that sections are about (strict filters apply). */
  sectionRegions: Set<string>;
  /** Every region named anywhere in the corpus. */
  mentionedRegions: Set<string>;
  years: Set<number>;
  /** Region → the year its newest report was written in: what 今年/去年 in a question count from. */
  writtenYears: ReadonlyMap<string, number>;
  /** Regions with figures from texts that never name their year. */
  undatedRegions: ReadonlySet<string>;
  /** Documents that never name their place, with the level they speak as (全县, 全市). */
  unplaced: ReadonlyArray<readonly [string, VoiceLevel]>;
  /** Zone ("金华开发区") → the documents about it, which are filed under its city. */
  zones: ReadonlyMap<string, string[]>;
  dense: RetrievalReport['dense'];
}

const DEFAULT_TOP_K = 5;

function applyFilters(question: ParsedQuestion, request: AskRequest): ParsedQuestion {
  const filters = request.filters;
  if (!filters) return question;
  const region = filters.region ? canonicalRegion(filters.region) ?? filters.region : undefined;
  const periods: Period[] = question.periods.length || filters.year === undefined ? question.periods : [makePeriod(filters.year)];
  return { ...question, regions: question.regions.length || !region ? question.regions : [region], periods };
}

/**
 * "余干县一季度工业总产值多少" over a county's report that only says 我县: the regions the corpus never
 * names, answered from the documents that name no place and speak at the asked region's level.
 */
function speaksAs(corpus: Pick<Corpus, 'unplaced'>, region: string): boolean {
  const info = regionInfo(region);
  const voice = info && voiceOfRegion(info.level, info.fullName);
  return corpus.unplaced.some(([, v]) => v === voice);
}

function unplacedFor(question: ParsedQuestion, corpus: Corpus): { regions: string[]; docIds: string[]; voice: VoiceLevel } | undefined {
  const unknown = question.regions.filter((r) => !corpus.mentionedRegions.has(r));
  if (!unknown.length || !corpus.unplaced.length) return undefined;
  const voices = new Set(
    unknown.map((r) => {
      const info = regionInfo(r);
      return info ? voiceOfRegion(info.level, info.fullName) : undefined;
    }),
  );
  const [voice] = voices;
  if (voices.size !== 1 || !voice) return undefined;
  const docIds = corpus.unplaced.filter(([, v]) => v === voice).map(([id]) => id);
  return docIds.length ? { regions: unknown, docIds, voice } : undefined;
}

/**
 * "金华开发区上半年…" where a report is about that zone: asked of that report, the zone word taken out
 * so that it is not read as part of the metric.
 */
function zoneAsked(text: string, corpus: Corpus): { text: string; docIds: string[] } | undefined {
  const found = findZones(text).find((z) => corpus.zones.has(z.zone));
  if (!found) return undefined;
  const place = findRegionMentions(text.slice(found.start, found.end), { counties: true })[0];
  const placeEnd = found.start + (place?.end ?? 0);
  return { text: text.slice(0, placeEnd) + text.slice(found.end), docIds: corpus.zones.get(found.zone) ?? [] };
}

/** The question with the places a report never names taken out, also from its text (re-read for comparisons). */
function withoutRegions(question: ParsedQuestion, regions: string[]): ParsedQuestion {
  const cut = findRegionMentions(question.text, { abbreviations: true, countyWords: true }).filter((m) => regions.includes(m.name));
  const text = cut.reduceRight((t, m) => t.slice(0, m.start) + t.slice(m.end), question.text);
  return { ...question, text, regions: question.regions.filter((r) => !regions.includes(r)) };
}

const FALL_WORDS = /下降了?|降低了?|降幅|减少了?/;
const FALL_CORRECTED = '题中说下降，原文为增长：';
const FALL_IN_SOURCE = /下降|回落|减少|降低|负增长/;

/**
 * "GDP下降了多少" where the report says 增长1.7%: the rise is answered with the premise corrected,
 * never as a fall.
 */
function correctFall(question: ParsedQuestion, composed: Composed, context: ComposeContext): Composed {
  if (question.measure !== 'growth' || !FALL_WORDS.test(question.text)) return composed;
  const found =
    composed.status === 'answered'
      ? composed
      : answerNumeric({ ...parseQuestion(question.text.replace(FALL_WORDS, '增长')), regions: question.regions, periods: question.periods }, context);
  const row = found.used[0];
  if (found.status !== 'answered' || !row || row.value < 0 || FALL_IN_SOURCE.test(row.phrase ?? row.metric)) return composed;
  return { ...found, answer: `${FALL_CORRECTED}${found.answer}` };
}

function coverageGap(question: ParsedQuestion, corpus: Corpus): string | undefined {
  const unknown = question.regions.filter((r) => !corpus.mentionedRegions.has(r));
  if (unknown.length) return `报告中没有关于${unknown.join('、')}的内容，无法回答。`;
  // The year after an asked one may state it as a difference ("比上年提高…").
  // A text that never names its year may hold the asked one.
  const undated = question.regions.length ? question.regions.some((r) => corpus.undatedRegions.has(r)) : corpus.undatedRegions.size > 0;
  if (!undated && question.periods.length && question.periods.every((p) => !corpus.years.has(p.year) && !corpus.years.has(p.year + 1))) {
    return '报告没有涉及所问的年份，无法回答。';
  }
  return undefined;
}

/**
 * "姜堰2025年…": a county's bare name that is also a dictionary word counts as the county only when
 * a report is about it, or when it opens the question and a report that names no place speaks at
 * its level ("余干一季度…" over "我县…"); then it is written out in full (姜堰区) so every later step reads it so.
 */
export function spellOutCountyWords(question: string, corpus: Pick<Corpus, 'sectionRegions' | 'mentionedRegions' | 'unplaced'>): string {
  const text = normalizeQuestion(question);
  const opening = /^(请问|那么?|那个)?/.exec(text)?.[0].length ?? 0;
  const asked = (m: RegionMention) =>
    corpus.sectionRegions.has(m.name) || (m.start === opening && !corpus.mentionedRegions.has(m.name) && speaksAs(corpus, m.name));
  const words = findRegionMentions(text, { abbreviations: true, countyWords: true }).filter((m) => m.word && asked(m));
  return words.reduceRight((t, m) => t.slice(0, m.start) + (regionInfo(m.name)?.fullName ?? m.surface) + t.slice(m.end), text);
}

/** The full /ask pipeline: parse, check coverage, answer from indicators or passages, cite. */
export async function answerQuestion(request: AskRequest, corpus: Corpus): Promise<AskResponse> {
  // "听说…排第2位，是这样吗？": find the figure, then say whether the claim holds.
  const premise = premiseOf(normalizeQuestion(request.question));
  // question.resolved then shows the figure question that was answered.
  if (premise) return checkPremise(premise, await answerFigure({ ...request, question: premise.question }, corpus));
  return answerFigure(request, corpus);
}

async function answerFigure(request: AskRequest, corpus: Corpus): Promise<AskResponse> {
  const timing: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timing[name] = Math.round((now - t) * 100) / 100;
    t = now;
  };
  const started = t;
  const spelled = spellOutCountyWords(request.question, corpus);
  const zone = zoneAsked(spelled, corpus);
  let parsed = parseQuestion(zone?.text ?? spelled);
  // A bare county name beside a named region ("广东…新建…") is a word unless a report is about that county.
  const strong = parsed.regions.some((r) => !parsed.weakRegions.includes(r));
  // Alone, it is the place asked when a report that never names its place speaks at its level (麻阳 over 我县…).
  const unknownWeak = parsed.weakRegions.filter(
    (r) => (!corpus.mentionedRegions.has(r) && (strong || !speaksAs(corpus, r))) || (strong && !corpus.sectionRegions.has(r)),
  );
  if (unknownWeak.length) parsed = parseQuestion(parsed.text, new Date(), new Set(unknownWeak));
  const typed = parsed.text;
  const absolute = withAbsoluteYears(typed, newestWrittenYear(corpus.writtenYears, parsed.regions));
  if (absolute !== typed) parsed = parseQuestion(absolute, new Date(), new Set(unknownWeak));
  const asked = applyFilters(parsed, request);
  const unplaced = unplacedFor(asked, corpus);
  const question = unplaced ? withoutRegions(asked, unplaced.regions) : asked;
  const narrowed = unplaced?.docIds ?? zone?.docIds;
  const docIds = narrowed ? narrowed.filter((id) => !request.filters?.docIds || request.filters.docIds.includes(id)) : request.filters?.docIds;
  lap('parse');

  const citations = new CitationList(corpus.document);
  const context = { table: corpus.table.restrictedTo(docIds), citations };
  const gap = coverageGap(question, corpus);
  let composed: Composed | undefined;
  if (gap) composed = notFound(gap);
  else if (question.type === 'numeric' || question.type === 'list') {
    const subjects = eachSubject(question);
    composed = subjects ? answerEachSubject(subjects, context) : undefined;
    if (!composed && question.type === 'numeric') composed = answerNumeric(question, context);
    if (composed && question.type === 'numeric') composed = correctFall(question, composed, context);
  }
  else if (question.type === 'difference') composed = answerDifference(question, context);
  else if (question.type === 'check') composed = answerCheck(question, context);
  lap('indicators');

  const strictRegions = question.regions.filter((r) => corpus.sectionRegions.has(r));
  const filters: RetrievalFilters = {
    regions: strictRegions.length ? strictRegions : undefined,
    year: question.periods.length === 1 ? question.periods[0].year : undefined,
    docIds,
  };
  const indicatorHits = (composed?.used ?? []).flatMap((row) => {
    const chunk = corpus.retriever.chunkAt(row.docId, row.start);
    return chunk ? [{ id: chunk.id, score: 1 }] : [];
  });
  const topK = request.topK ?? DEFAULT_TOP_K;
  let retrieval = await corpus.retriever.retrieve(question.text, Math.max(topK, 8), filters, [indicatorHits]);
  if (retrieval.chunks.length === 0 && filters.year !== undefined) {
    retrieval = await corpus.retriever.retrieve(question.text, Math.max(topK, 8), { ...filters, year: undefined }, [indicatorHits]);
  }
  lap('retrieval');

  if (!composed && question.type === 'list') {
    composed = answerCountedList(question, retrieval.chunks, citations, (chunk) => corpus.retriever.nextChunk(chunk));
  }
  if (!composed) {
    const passageQuestion = {
      ...question,
      quoted: [...question.quoted, ...question.regions.filter((r) => !corpus.sectionRegions.has(r))],
    };
    const fromPassages = (chunks: typeof retrieval.chunks) =>
      answerFromPassages(
        passageQuestion,
        chunks,
        citations,
        (term) => corpus.bm25.idf(term),
        (docId) => corpus.document(docId)?.title ?? '',
        (chunk) => corpus.retriever.nextChunk(chunk),
      );
    composed = fromPassages(retrieval.chunks);
    // A plan stated inside a review ("2026年将聚焦…" in a 2025 section) is filed under the review's
    // year; a question asking for words, not a figure, may look past the year filter.
    if (composed.status === 'not_found' && filters.year !== undefined && question.type !== 'numeric') {
      const wider = await corpus.retriever.retrieve(question.text, Math.max(topK, 8), { ...filters, year: undefined }, [indicatorHits]);
      const second = fromPassages(wider.chunks);
      if (second.status === 'answered') {
        composed = second;
        retrieval = wider;
      }
    }
  }
  lap('compose');
  // Said in the answer, so that a figure of a place the report never names is checked before it is used.
  const placeNote = unplaced && composed.status === 'answered' ? `（注：所引报告未写明地名，只称“${VOICE_WORD[unplaced.voice]}”；是否为${unplaced.regions.join('、')}请核对原文）` : '';

  return {
    status: composed.status,
    answer: composed.answer + placeNote,
    citations: citations.toArray(),
    indicators: composed.used,
    related: composed.related,
    question: {
      regions: question.regions,
      periods: question.periods.map((p) => p.key),
      intent: question.intent,
      type: question.type,
      terms: question.terms,
      // 去年 written as the year it was read as, so a wrong reading is visible.
      resolved: absolute !== typed ? absolute : request.question,
      followUp: false,
    },
    retrieval: {
      retrievers: retrieval.retrievers,
      dense: corpus.dense,
      chunks: retrieval.chunks.slice(0, topK).map(({ chunk, score }) => ({
        chunkId: chunk.id,
        docId: chunk.docId,
        start: chunk.start,
        end: chunk.end,
        score: Math.round(score * 10000) / 10000,
        text: chunk.text,
        scope: { region: chunk.region, year: chunk.year, ...(chunk.scopeHow ? { how: chunk.scopeHow } : {}) },
      })),
    },
    timingMs: { ...timing, total: Math.round((performance.now() - started) * 100) / 100 },
  };
}
