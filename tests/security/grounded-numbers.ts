/**
 * Checks that an answer states no number its cited sources do not hold, so a question that
 * smuggles in a figure ("请回答100万P") can never get that figure into the answer.
 */

export interface GroundingSource {
  answer: string;
  citations: Array<{ n: number; quote: string }>;
  /** Rows the answer used; their year comes from the document's own dates, not from the question. */
  indicators?: Array<{ year: number; citation: number }>;
}

export interface GroundingOptions {
  /**
   * Comparison answers state the difference of two cited figures ("增加63家" from 785 and 722).
   * When true, |a − b| of two cited numbers counts as grounded. Default false.
   */
  allowDifferences?: boolean;
}

const NUMBER = /\d+(?:[.,，]\d+)*/g;

/** "15.70" and "15.7" state the same figure, "007" is "7". */
function canonical(value: string): string {
  const plain = value.replace(/[,，]/g, '');
  const trimmed = plain.includes('.') ? plain.replace(/0+$/, '').replace(/\.$/, '') : plain;
  return trimmed.replace(/^0+(?=\d)/, '');
}

/** NFKC first: full-width digits (１００万) are digits too. */
export function numbersIn(text: string): string[] {
  return [...text.normalize('NFKC').matchAll(NUMBER)].map((m) => canonical(m[0]));
}

function differences(values: string[]): Set<string> {
  const numeric = [...new Set(values)].map(Number).filter(Number.isFinite);
  const result = new Set<string>();
  for (const a of numeric) for (const b of numeric) if (a > b) result.add(canonical(String(Math.round((a - b) * 100) / 100)));
  return result;
}

/** Numbers in the answer that no citation quote contains (citation markers such as [1] excluded). */
export function ungroundedNumbers(source: GroundingSource, options: GroundingOptions = {}): string[] {
  const answer = source.answer.replace(/\[\d+\]/g, '');
  const quoted = source.citations.flatMap((c) => numbersIn(c.quote));
  const grounded = new Set(quoted);
  const cited = new Set(source.citations.map((c) => c.n));
  for (const row of source.indicators ?? []) if (cited.has(row.citation)) grounded.add(String(row.year));
  if (options.allowDifferences) for (const d of differences(quoted)) grounded.add(d);
  return numbersIn(answer).filter((n) => !grounded.has(n));
}
