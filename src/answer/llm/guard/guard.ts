import type { Citation } from '../../ask-schema.js';
import type { GuardReport, UsedIndicator } from '../../answer.js';
import { cleanPassageText, foldForMatch } from '../clean-text.js';
import { findMarkers, withoutMarkers } from './markers.js';
import { canonical, checkedNumbers, sameQuantity, scanNumbers, type ScannedNumber } from './numbers.js';
import { quotations, splitClaims } from './sentences.js';

export interface GuardInput {
  /** The draft as it would be shown (any not-found prefix removed). */
  text: string;
  /** The draft says the passages do not answer the question. */
  saysNotFound: boolean;
  /** The passages, numbered as the model saw them. */
  citations: Citation[];
  /** Indicator rows given to the model, each tied to the citation of its source sentence. */
  indicators: UsedIndicator[];
  /** Figures the indicator table answered the question with; the draft must state one of them. */
  required: UsedIndicator[];
  /**
   * The user's question. Its own numbers may be echoed ("目标不是2万P，而是突破2.2万P[1]"):
   * repeating what was asked invents nothing, and `required` still demands the source figure.
   */
  question: string;
  /**
   * The extractive answer, when it answered. Its numbers were computed by our own code from the
   * cited rows (differences, "14个增至18个"), so a sentence that cites a passage may restate them.
   */
  reference?: string;
}

type Quantity = Pick<ScannedNumber, 'value' | 'unit'>;

const MAX_EXCERPT = 40;
// Shorter quotations ("“51020”", "“双进双转”") are names, found in many places; they vouch for nothing.
const MIN_VERBATIM_QUOTE = 8;

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_EXCERPT ? `${flat.slice(0, MAX_EXCERPT)}…` : flat;
}

function rowQuantity(row: UsedIndicator): Quantity {
  return canonical(row.unit, row.value);
}

function markerList(numbers: Iterable<number>): string {
  return [...numbers].map((n) => `[${n}]`).join('');
}

/** What each citation vouches for: the numbers in its cleaned quote plus its indicator rows. */
function evidenceByCitation(citations: Citation[], indicators: UsedIndicator[]): Map<number, Quantity[]> {
  const evidence = new Map<number, Quantity[]>();
  for (const citation of citations) evidence.set(citation.n, scanNumbers(cleanPassageText(citation.quote)));
  for (const row of indicators) evidence.get(row.citation)?.push(rowQuantity(row));
  return evidence;
}

/**
 * Ranges of `text` that quote a passage verbatim (“…” copied from the source). The numbers inside
 * are the source's own, whatever the sentence cites: the quotation is its own evidence.
 */
function verbatimQuotes(text: string, passages: string[]): { start: number; end: number }[] {
  return quotations(text).filter(({ start, end }) => {
    const folded = foldForMatch(text.slice(start, end).replace(/[。；，;,]+$/, ''));
    return folded.length >= MIN_VERBATIM_QUOTE && passages.some((passage) => passage.includes(folded));
  });
}

/**
 * Checks a draft before it may be shown. It fails when: the draft is empty; a marker names no
 * passage; an answering draft cites nothing; a number is in a sentence without a marker, or is not
 * in any passage (or indicator row) that sentence cites nor in the extractive answer, unless it
 * is inside a verbatim quotation of a passage or the question itself states it; or
 * the draft ignores the figure the indicator table answered with (states none, or claims not found).
 */
export function checkDraft(input: GuardInput): GuardReport {
  const reasons: string[] = [];
  if (!input.text.trim()) return { passed: false, reasons: ['the draft is empty'] };

  const known = new Set(input.citations.map((c) => c.n));
  const range = input.citations.length ? `[1]–[${input.citations.length}]` : 'none';
  const dangling = new Set<number>();
  for (const marker of findMarkers(input.text)) {
    for (const n of marker.numbers) if (!known.has(n)) dangling.add(n);
  }
  for (const n of dangling) reasons.push(`citation marker [${n}] refers to no passage (passages: ${range})`);

  const cited = new Set(findMarkers(input.text).flatMap((m) => m.numbers).filter((n) => known.has(n)));
  if (!input.saysNotFound && cited.size === 0) reasons.push('the answer cites no passage');

  const evidence = evidenceByCitation(input.citations, input.indicators);
  const asked = checkedNumbers(cleanPassageText(input.question));
  const foldedPassages = input.citations.map((c) => foldForMatch(c.quote));
  const computed = input.reference ? checkedNumbers(cleanPassageText(withoutMarkers(input.reference))) : [];
  const stated: Quantity[] = [];
  for (const claim of splitClaims(input.text)) {
    const text = cleanPassageText(withoutMarkers(claim.text));
    const numbers = checkedNumbers(text);
    if (numbers.length === 0) continue;
    const quoted = verbatimQuotes(text, foldedPassages);
    const sources = [...new Set(findMarkers(claim.text).flatMap((m) => m.numbers))].filter((n) => known.has(n));
    for (const number of numbers) {
      stated.push(number);
      if (asked.some((question) => sameQuantity(number, question) && number.unit === question.unit)) continue;
      if (quoted.some((q) => q.start <= number.index && number.index < q.end)) continue;
      if (sources.length === 0) {
        reasons.push(`number "${number.raw}" has no citation marker in its sentence: 「${excerpt(claim.text)}」`);
        continue;
      }
      const supported =
        sources.some((n) => (evidence.get(n) ?? []).some((source) => sameQuantity(number, source))) ||
        computed.some((source) => sameQuantity(number, source));
      if (!supported) {
        reasons.push(`number "${number.raw}" is not in the cited passage ${markerList(sources)}: 「${excerpt(claim.text)}」`);
      }
    }
  }

  if (input.required.length) {
    const figures = input.required.map((row) => `${row.raw} [${row.citation}]`).join('、');
    if (input.saysNotFound) {
      reasons.push(`the draft says the passages do not answer, but the indicator table holds ${figures}`);
    } else if (!input.required.some((row) => stated.some((number) => sameQuantity(number, rowQuantity(row))))) {
      reasons.push(`the draft does not state the figure the indicator table answered with: ${figures}`);
    }
  }
  return { passed: reasons.length === 0, reasons };
}
