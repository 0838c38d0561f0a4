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
export function resolveRequest(request: AskRequest, today = new Date()): { request: AskRequest; resolution: Resolution } {
  const resolution = resolveConversation((request.history ?? []).map(earlierTurn), request.question, today);
  const { history: _history, ...rest } = request;
  return { request: { ...rest, question: resolution.question }, resolution };
}

/** "出自哪份报告": the documents and sentences the previous answer cited. */
function sourceAnswer(previous: AskResponse): AskResponse {
  if (previous.status !== 'answered' || previous.citations.length === 0) {
    return { ...previous, status: 'not_found', answer: '上文的回答没有引用报告原文，无法说明出处。', citations: [], indicators: [] };
  }
  const byDoc = new Map<string, AskResponse['citations']>();
  for (const citation of previous.citations) byDoc.set(citation.docId, [...(byDoc.get(citation.docId) ?? []), citation]);
  const lines = [...byDoc.entries()].map(
    ([docId, cited]) => `《${cited[0].title}》（${docId}）：${cited.map((c) => `“${c.quote}”[${c.n}]`).join('；')}`,
  );
  return { ...previous, answer: `上文的数字出自${lines.join('；')}。` };
}

/** The answer as the conversation sees it: the inherited slots said up front, the resolved question reported. */
export function inConversation(response: AskResponse, resolution: Resolution): AskResponse {
  const answered = resolution.asksSource ? sourceAnswer(response) : response;
  const note = resolution.followUp ? inheritedNote(resolution) : '';
  return {
    ...answered,
    answer: note + answered.answer,
    question: {
      ...answered.question,
      resolved: resolution.question,
      followUp: resolution.followUp,
      ...(resolution.followUp ? { inherited: resolution.inherited } : {}),
    },
  };
}
