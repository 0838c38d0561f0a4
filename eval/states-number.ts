import { CHINESE_NUMERAL_RUN, parseChineseNumeral } from './chinese-numerals.js';
import { normalizeText } from './normalize-text.js';

/**
 * Whether a refusal states a number. Restating the question's scope ("未找到2026年湖北…") is a fair
 * refusal; stating a figure ("2025年实际为1500亿元", "约两万家") is the nearby-number leak the
 * product must never make. So dates, periods and names like 5G are removed first, and any
 * quantity left counts.
 */

const GAP = '▯';

// Years are 19xx/20xx unless a unit follows (2000家 is a count); months, days, quarters and H1/Q3
// only ever name a time; 5G/5G-A name a technology (a refusal may well repeat "5G基站").
const NOT_QUANTITIES: RegExp[] = [
  /(?<![\d.])[2-6]g(?:-a)?(?![a-z])/gi,
  /(?<![\d.])(?:19|20)\d{2}(?![\d.%‰万亿千百个家户项辆台套座名人元吨倍])/g,
  /(?<![\d.])\d{1,2}(?:[—–\-~至到]\d{1,2})?(?:月|日|号)/g,
  /[〇零一二三四五六七八九]{4}年/g,
  /[一二三四五六七八九十]{1,3}(?:[—–\-~至到][一二三四五六七八九十]{1,3})?月/g,
  /[一二三四1-4](?:[—–\-~至到][一二三四1-4])?季度/g,
  /\b[hq][1-4]\b/gi,
];

const ARABIC_QUANTITY = /\d+(?:\.\d+)?(?:万亿|亿|万|千|百)?(?:[%‰]|[a-z]+|[个家户项辆台套座名人元吨倍])?/gi;
const MEASURE_WORDS = /^[个家户项辆台套座名人元吨倍成%]/;
const MAGNITUDES = /[十百千万亿]/;

function withoutNonQuantities(text: string): string {
  return NOT_QUANTITIES.reduce((current, pattern) => current.replace(pattern, GAP), text);
}

function chineseQuantities(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(CHINESE_NUMERAL_RUN)) {
    const run = match[0];
    if (parseChineseNumeral(run) === undefined) continue;
    const after = text.slice((match.index ?? 0) + run.length);
    const afterPercentSign = text.slice(0, match.index ?? 0).endsWith('百分之');
    // A lone 一 is an article (一个, 一批, 进一步), not a figure; 三百, 两万, 十五, 三家 are figures.
    const hasMagnitude = MAGNITUDES.test(run) && run.length > 1;
    const countsSomething = run !== '一' && MEASURE_WORDS.test(after);
    if (hasMagnitude || countsSomething || afterPercentSign) {
      found.push(run + (MEASURE_WORDS.exec(after)?.[0] ?? ''));
    }
  }
  return found;
}

/** The quantities an answer states, ignoring dates and periods; empty when it states none. */
export function statedNumbers(answer: string): string[] {
  const text = withoutNonQuantities(normalizeText(answer));
  const arabic = [...text.matchAll(ARABIC_QUANTITY)].map((match) => match[0]);
  return [...arabic, ...chineseQuantities(text)];
}

export function statesNumber(answer: string): boolean {
  return statedNumbers(answer).length > 0;
}
