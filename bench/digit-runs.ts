/**
 * Every run of Arabic digits in a report, classified by what it is: a year (shifted by the
 * synthetic corpus), a quantity (perturbed) or something whose digits are a name or a date part
 * that must stay as written (5G, IPV6, T8, 1—11月, 2025-04-08 09:19, “51020”).
 */
export type DigitRunKind = 'year' | 'value' | 'fixed';

export interface DigitRun {
  start: number;
  end: number;
  text: string;
  kind: DigitRunKind;
}

const RUN_RE = /\d+(?:\.\d+)?/g;
const DASH = '[—\\-–~至到]';
const YEAR_RE = /^(19|20)\d{2}$/;
// 2025年, 2025—2027年, 2025-04-08 (a date line).
const YEAR_CONTEXT_RE = new RegExp(`^(?:年|${DASH}(?:19|20)\\d{2}(?:年|${DASH})|-\\d{1,2}(?:-\\d{1,2})?(?!\\d))`);
// Units written in Latin letters; any other letter glued to a number makes it a name (5G, 4K, 50GPON).
const LATIN_UNIT_RE = /^(?:PFLOPS|EFLOPS|TFLOPS|P|E|T)(?![A-Za-z])/;
// 10月, 8日, 1—11月: months and days keep the time expressions (and so the question periods) valid.
const CALENDAR_RE = new RegExp(`^(?:[月日号时]|${DASH}\\d{1,2}月)`);

function classify(text: string, start: number, end: number): DigitRunKind {
  const run = text.slice(start, end);
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  const rest = text.slice(end, end + 12);
  if (YEAR_RE.test(run) && YEAR_CONTEXT_RE.test(rest)) return 'year';
  if (/[A-Za-z\-/:.]/.test(before)) return 'fixed';
  if (/[A-Za-z]/.test(after) && !LATIN_UNIT_RE.test(rest)) return 'fixed';
  if (after === ':' || after === '/') return 'fixed';
  if (CALENDAR_RE.test(rest)) return 'fixed';
  if (before === '“' && after === '”') return 'fixed';
  if (run.length > 1 && run.startsWith('0') && !run.startsWith('0.')) return 'fixed';
  return 'value';
}

export function findDigitRuns(text: string): DigitRun[] {
  return [...text.matchAll(RUN_RE)].map((match) => {
    const start = match.index;
    const end = start + match[0].length;
    return { start, end, text: match[0], kind: classify(text, start, end) };
  });
}
