/** Chinese numerals (三百, 两万, 十五, 二〇二五) as numbers, so 一万家 and 1万家 compare equal. */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A run that can start a numeral. A run must begin with a digit or 十: 万/亿/千 on their own are
 * ordinary words (万兆光网, 千帆竞发) or multipliers of an Arabic number before them (2.2万).
 */
export const CHINESE_NUMERAL_RUN = /[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*/g;

export function isChineseDigit(char: string): boolean {
  return char in DIGITS;
}

/** The value of a Chinese numeral, or undefined when the run is not a well-formed numeral (十四五). */
export function parseChineseNumeral(run: string): number | undefined {
  const chars = [...run];
  if (chars.length === 0) return undefined;
  if (chars.every(isChineseDigit)) {
    // Digit-by-digit forms: 二〇二五 is 2025, a lone 三 is 3.
    return Number(chars.map((char) => DIGITS[char]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit = 0;
  let previousWasDigit = false;
  for (const char of chars) {
    if (isChineseDigit(char)) {
      // Two digits in a row only make sense after 零 (一百零五); 十四五 is a name, not a number.
      if (previousWasDigit && digit !== 0) return undefined;
      digit = DIGITS[char];
      previousWasDigit = true;
      continue;
    }
    previousWasDigit = false;
    if (char in SMALL_UNITS) {
      section += (digit === 0 ? 1 : digit) * SMALL_UNITS[char];
    } else if (char === '万') {
      section = (section + digit) * 10_000;
    } else if (char === '亿') {
      total = (total + section + digit) * 100_000_000;
      section = 0;
    } else {
      return undefined;
    }
    digit = 0;
  }
  return total + section + digit;
}
