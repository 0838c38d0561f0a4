import { sameDocument, type GoldLocation, type GoldSpan } from './gold-spans.js';
import { overlaps, type Span } from './locate-quote.js';
import { containsAnswer, missingListElements } from './normalize-answer.js';
import type { Question, QuestionKind } from './questions.js';
import { statedNumbers } from './states-number.js';

/** The part of an AskResponse the scorer reads; the real AskResponse and the baseline's both fit. */
export interface ScorableSpan extends Span {
  docId: string;
}

export interface ScorableResponse {
  status: 'answered' | 'not_found';
  answer: string;
  citations: ScorableSpan[];
  retrieval: { chunks: ScorableSpan[] };
}

/** What one ask() produced: a response, or the error it threw (scored as a wrong answer). */
export type AskOutcome = { response: ScorableResponse } | { error: string };

export const RECALL_DEPTH = 5;

export interface ItemResult {
  id: string;
  kind: QuestionKind;
  question: string;
  expected: string;
  got: string;
  status: 'answered' | 'not_found' | 'error';
  answerable: boolean;
  correct: boolean;
  /** An answerable question answered with not_found. */
  refused: boolean;
  /** null when not applicable: unanswerable items, or a gold quote missing from the corpus. */
  citationCorrect: boolean | null;
  recallAt5: boolean | null;
  latencyMs: number;
  /** Gold quotes (of this item) not found in the evaluated corpus: a question-file or corpus mismatch. */
  goldUnlocated: number;
  /** Every check that failed, in words. */
  why: string[];
}

export interface ScoreInput {
  question: Question;
  outcome: AskOutcome;
  latencyMs: number;
  gold: GoldLocation;
}

function describeSpans(spans: ScorableSpan[]): string {
  return spans.map((span) => `${span.docId}[${span.start},${span.end})`).join(', ');
}

function hitsGold(spans: ScorableSpan[], gold: GoldSpan[]): boolean {
  return spans.some((span) => gold.some((target) => sameDocument(span.docId, target.doc) && overlaps(span, target)));
}

export function answerVerdict(question: Question, answer: string): { correct: boolean; why?: string } {
  const anyAccepted = question.accept.some((accepted) => containsAnswer(answer, accepted));
  if (question.kind === 'list') {
    const missing = missingListElements(answer, question.accept[0] ?? '');
    if (missing.length === 0 || anyAccepted) return { correct: true };
    return { correct: false, why: `list lacks ${missing.join('、')}` };
  }
  if (anyAccepted) return { correct: true };
  return { correct: false, why: `answer lacks an accepted value (${question.accept.join(' | ')})` };
}

export function refusalVerdict(response: ScorableResponse): { correct: boolean; why?: string } {
  if (response.status !== 'not_found') return { correct: false, why: 'answered an unanswerable question' };
  const numbers = statedNumbers(response.answer);
  if (numbers.length > 0) return { correct: false, why: `refusal states a number: ${numbers.join(', ')}` };
  return { correct: true };
}

export function citationVerdict(response: ScorableResponse, gold: GoldSpan[]): { correct: boolean; why?: string } {
  if (response.citations.length === 0) return { correct: false, why: 'no citation' };
  if (hitsGold(response.citations, gold)) return { correct: true };
  const goldDocs = gold.map((span) => span.doc);
  const inGoldDoc = response.citations.some((citation) => goldDocs.some((doc) => sameDocument(citation.docId, doc)));
  const expected = gold.map((span) => `${span.doc}[${span.start},${span.end})`).join(' or ');
  return {
    correct: false,
    why: inGoldDoc
      ? `citation ${describeSpans(response.citations)} misses gold ${expected}`
      : `citation in another document: ${describeSpans(response.citations)}, gold ${expected}`,
  };
}

export function scoreItem({ question, outcome, latencyMs, gold }: ScoreInput): ItemResult {
  const answerable = question.kind !== 'unanswerable';
  const base = {
    id: question.id,
    kind: question.kind,
    // A conversation is shown turn by turn, so a wrong carry-over can be read off the report.
    question: [...(question.history ?? []), question.question].join(' → '),
    expected: question.answer,
    answerable,
    latencyMs,
    goldUnlocated: gold.unlocated.length,
  };
  if ('error' in outcome) {
    return {
      ...base,
      got: '',
      status: 'error',
      correct: false,
      refused: false,
      citationCorrect: answerable && gold.spans.length > 0 ? false : null,
      recallAt5: answerable && gold.spans.length > 0 ? false : null,
      why: [`ask failed: ${outcome.error}`],
    };
  }
  const { response } = outcome;
  const result = { ...base, got: response.answer, status: response.status };
  if (!answerable) {
    const refusal = refusalVerdict(response);
    const why = refusal.why ? [refusal.why] : [];
    return { ...result, correct: refusal.correct, refused: false, citationCorrect: null, recallAt5: null, why };
  }

  const why: string[] = [];
  const refused = response.status === 'not_found';
  const answer = refused
    ? { correct: false, why: 'refused (not_found) on an answerable question' }
    : answerVerdict(question, response.answer);
  if (answer.why) why.push(answer.why);

  const located = gold.spans.length > 0;
  for (const missing of gold.unlocated) why.push(`gold quote not found in ${missing.doc}: 「${missing.quote}」`);
  let citationCorrect: boolean | null = null;
  let recallAt5: boolean | null = null;
  if (located) {
    const citation = citationVerdict(response, gold.spans);
    citationCorrect = citation.correct;
    // A refusal has no citations by design; saying so again would only repeat the refusal.
    if (citation.why && !refused) why.push(citation.why);
    recallAt5 = hitsGold(response.retrieval.chunks.slice(0, RECALL_DEPTH), gold.spans);
    if (!recallAt5) why.push(`gold span not in the top ${RECALL_DEPTH} retrieved chunks`);
  }
  return { ...result, correct: answer.correct, refused, citationCorrect, recallAt5, why };
}

/** Items worth listing: a wrong answer or a wrong citation (a retrieval miss alone is not a failure). */
export function isFailure(result: ItemResult): boolean {
  return !result.correct || result.citationCorrect === false;
}
