import { checkPremise, type Premise } from '../premise-check.js';
import type { AskRequest, HistoryTurn } from '../ask-schema.js';
import type { AskResponse } from '../answer.js';
import { inheritedNote, resolveConversation, type EarlierTurn } from './conversation.js';
import type { Resolution } from './resolve-follow-up.js';

function earlierTurn(turn: HistoryTurn): EarlierTurn {
  if (typeof turn === 'string') return { question: turn };
  if (typeof turn.question === 'string') return { question: turn.question };
  return { question: turn.question.resolved, resolved: turn.question.resolved };
}

/** The request with its question resolved against `history`; the rest of the pipeline sees a standalone question. */
function resolveRequest(request: AskRequest, today: Date, spell: (text: string) => string): { request: AskRequest; resolution: Resolution } {
  const turns = (request.history ?? []).map(earlierTurn).map((t) => ({ ...t, question: spell(t.question), ...(t.resolved ? { resolved: spell(t.resolved) } : {}) }));
  const resolution = resolveConversation(turns, spell(request.question), today);
  const { history: _history, ...rest } = request;
  return { request: { ...rest, question: resolution.question }, resolution };
}

/**
 * Resolves `asked` against its history and answers it; when the question inherited a kind and finds
 * nothing, asks again without it, so "那2025年呢？" after a target question gets the year's stated
 * figure, saying that no target was found. Returns the standalone request that was answered.
 */
export async function answerResolved(
  asked: AskRequest,
  answer: (request: AskRequest) => Promise<AskResponse>,
  today = new Date(),
  /** Writes out what only the corpus can tell is a place (a county's bare name that is also a word). */
  spell: (text: string) => string = (text) => text,
): Promise<{ request: AskRequest; response: AskResponse; resolution: Resolution }> {
  const { request, resolution } = resolveRequest(asked, today, spell);
  const first = await answer(request);
  const retry = resolution.withoutInheritedKind;
  if (first.status !== 'not_found' || !retry) return { request, response: first, resolution };
  const retried = { ...request, question: retry };
  const second = await answer(retried);
  if (second.status !== 'answered') return { request, response: first, resolution };
  const { kind, ...inherited } = resolution.inherited;
  return {
    request: retried,
    response: { ...second, answer: `没有找到所问时期和地区的${kind}数；报告中的数字：${second.answer}` },
    resolution: { ...resolution, question: retry, inherited },
  };
}

/** The headline line of the article a span of a document belongs to, as a span of the served text. */
export type HeadlineOf = (docId: string, offset: number) => { start: number; end: number; text: string } | undefined;

/**
 * "出自哪份报告": the documents and sentences the previous answer cited, each document named by the
 * headline of the article cited (a clippings file holds several), which is cited too.
 */
function sourceAnswer(previous: AskResponse, headlineOf: HeadlineOf, claim?: Premise): AskResponse {
  const subject = claim ? '这一数字' : '上文的回答';
  if (previous.status !== 'answered' || previous.citations.length === 0) {
    const why = claim ? '报告中没有找到这一数字，无法说明出处。' : '上文的回答没有引用报告原文，无法说明出处。';
    return { ...previous, status: 'not_found', answer: why, citations: [], indicators: [] };
  }
  // A figure the question got wrong is corrected before its source is named.
  const checked = claim ? checkPremise(claim, previous).answer : '';
  const correction = checked.startsWith('不是') ? checked.slice(0, checked.indexOf('。') + 1) : '';
  const citations = [...previous.citations];
  const byDoc = new Map<string, AskResponse['citations']>();
  for (const citation of previous.citations) byDoc.set(citation.docId, [...(byDoc.get(citation.docId) ?? []), citation]);
  const lines = [...byDoc.entries()].map(([docId, cited]) => {
    const headline = headlineOf(docId, cited[0].start);
    let name = `《${cited[0].title}》`;
    if (headline && !cited.some((c) => c.start === headline.start)) {
      const n = citations.length + 1;
      citations.push({ n, docId, title: cited[0].title, quote: headline.text, start: headline.start, end: headline.end, score: cited[0].score });
      name = `《${headline.text}》[${n}]`;
    }
    return `${name}（${docId}）：${cited.map((c) => `“${c.quote}”[${c.n}]`).join('；')}`;
  });
  return { ...previous, citations, answer: `${correction}${subject}出自${lines.join('；')}。` };
}

/** The answer as the conversation sees it: the inherited slots said up front, the resolved question reported. */
export function inConversation(response: AskResponse, resolution: Resolution, headlineOf: HeadlineOf = () => undefined): AskResponse {
  const answered = resolution.asksSource ? sourceAnswer(response, headlineOf, resolution.claim) : response;
  const note = resolution.followUp ? inheritedNote(resolution) : '';
  return {
    ...answered,
    answer: note + answered.answer,
    question: {
      ...answered.question,
      // The pipeline reports 去年 written as the year it read; otherwise the resolved follow-up.
      resolved: answered.question.resolved || resolution.question,
      followUp: resolution.followUp,
      ...(resolution.followUp ? { inherited: resolution.inherited } : {}),
    },
  };
}
