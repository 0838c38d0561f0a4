import { CHINESE_NUMERAL_RUN, parseChineseNumeral } from './chinese-numerals.js';
import { toSimplified } from '../src/domain/simplified.js';
import { normalizeText } from './normalize-text.js';

/**
 * Canonical form for comparing an answer with an accepted string. Every number becomes a
 * delimited token of its plain value (2.2万 → ⟨22000⟩, 3.3万亿 → ⟨3300000000000⟩, 一万 → ⟨10000⟩),
 * so a substring test respects number boundaries: ⟨8⟩% is not inside ⟨18⟩% or ⟨8.5⟩%.
 */

const OPEN = '⟨';
const CLOSE = '⟩';
const MULTIPLIER_DIGITS: Record<string, number> = { 万: 4, 亿: 8, 万亿: 12 };
const ARABIC_NUMBER = /(\d+)(?:\.(\d+))?(万亿|亿|万)?/g;

/** Shifts the decimal point in the digit strings themselves: 1.58 × 10⁴ in floating point is 15800.000000000002. */
export function scaleDecimal(integerPart: string, fractionPart: string, powerOfTen: number): string {
  const padded = fractionPart.padEnd(powerOfTen, '0');
  const integer = (integerPart + padded.slice(0, powerOfTen)).replace(/^0+(?=\d)/, '');
  const fraction = padded.slice(powerOfTen).replace(/0+$/, '');
  return fraction === '' ? integer : `${integer}.${fraction}`;
}

function replaceChineseNumerals(text: string): string {
  // 百分之五 is 5%; handled before the generic run so 百 is not read as a hundred.
  const percents = text.replace(/百分之([零〇一二两三四五六七八九十百千]+)/g, (whole, run: string) => {
    const value = parseChineseNumeral(run);
    return value === undefined ? whole : `${value}%`;
  });
  return percents.replace(CHINESE_NUMERAL_RUN, (run) => {
    const value = parseChineseNumeral(run);
    return value === undefined ? run : String(value);
  });
}

export function canonicalAnswer(text: string): string {
  // 8032.81億元 and 8032.81亿元 say the same: accepted strings copied from a traditional text match either.
  const plain = toSimplified(normalizeText(text.replaceAll(OPEN, '').replaceAll(CLOSE, ''))).toLowerCase();
  return replaceChineseNumerals(plain).replace(
    ARABIC_NUMBER,
    (_whole, integerPart: string, fractionPart: string | undefined, multiplier: string | undefined) =>
      OPEN + scaleDecimal(integerPart, fractionPart ?? '', multiplier ? MULTIPLIER_DIGITS[multiplier] : 0) + CLOSE,
  );
}

/** True when the answer states the accepted string, modulo width, spacing, bold and number forms. */
export function containsAnswer(answer: string, accepted: string): boolean {
  const needle = canonicalAnswer(accepted);
  return needle !== '' && canonicalAnswer(answer).includes(needle);
}

/** The elements of a list answer, as written in the first accepted string. */
export function listElements(accepted: string): string[] {
  return accepted
    .split(/[、，,和]/)
    .map((element) => element.trim())
    .filter((element) => element !== '');
}

/** The list elements the answer does not mention (any order is fine). */
export function missingListElements(answer: string, accepted: string): string[] {
  return listElements(accepted).filter((element) => !containsAnswer(answer, element));
}
