import { COLLOQUIAL_REWRITES, FILLER_OPENINGS, SELF_REFERENCE } from '../domain/question-words.js';
import { toSimplified } from '../domain/simplified.js';

/** Full-width digits, Latin letters, % and . become ASCII; full-width Chinese punctuation stays. */
function narrowAlphanumerics(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (ch) => {
    const narrow = ch.normalize('NFKC');
    return /^[0-9A-Za-z%.\-]$/.test(narrow) ? narrow : ch;
  });
}

/**
 * A question as the parser expects it, however it was typed: NFKC digits (２０２６), simplified
 * characters (規模以上 → 规模以上, via OpenCC), spoken words (涨了多少 → 增长多少) and no filler.
 */
export function normalizeQuestion(question: string): string {
  let text = toSimplified(narrowAlphanumerics(question.normalize('NFC'))).trim();
  text = text.replace(FILLER_OPENINGS, '');
  for (const [pattern, replacement] of COLLOQUIAL_REWRITES) text = text.replace(pattern, replacement);
  return text.replace(SELF_REFERENCE, '').trim();
}
