import { UNITS, comparableUnit } from '../../../domain/numbers.js';

/**
 * What the guard counts as a number. Every run of Arabic digits is classified:
 *
 * - quantity: checked. A digit run with optional 余/多, magnitude (千, 万, 亿, 万亿) and unit
 *   (2.2万P, 6.5%, 1700家, 3.3万亿元, 4个百分点), a bare number ("24小时", "“51020”"), and a rank
 *   written 第N位/第N名.
 * - year: not checked. An integer 1900–2099 with no magnitude and no unit but 年 (2025年, 2025—2027).
 * - date: not checked. A number followed by 月/日/号/时, or the start of a month range (1—11月).
 * - ordinal: not checked. 第N not followed by 位/名 (第1批), and list labels: "1." "2、" at the
 *   start or after punctuation, "(1)" "（1）".
 * - identifier: not checked. Digits glued to Latin letters or other digits (5G, 4K, T8, V2.0).
 *
 * Numbers written in Chinese numerals (一是, 三大, 两个) are not checked: in these reports they
 * name list items and programmes far more often than they state figures.
 */
export type NumberKind = 'quantity' | 'year' | 'date' | 'ordinal' | 'identifier';

export interface ScannedNumber {
  kind: NumberKind;
  /** The text matched, e.g. "2.2万P". */
  raw: string;
  index: number;
  /** In the canonical unit's scale: 2.2万P → 22000, 22EFLOPS → 22000. */
  value: number;
  /** Canonical unit, '' when none: P for PFLOPS and E, 个百分点 for 百分点, 家 for 户, 位 for a rank. */
  unit: string;
}

const MAGNITUDES: Record<string, number> = { 万亿: 1e12, 亿: 1e8, 万: 1e4, 千: 1e3 };
// Computing power is stated in P, PFLOPS and E/EFLOPS; 1E = 1000P, so they are one quantity.
const UNIT_SCALE: Record<string, { unit: string; factor: number }> = {
  E: { unit: 'P', factor: 1000 },
  EFLOPS: { unit: 'P', factor: 1000 },
};

const unitPattern = UNITS.map((u) => u.replace(/[%]/g, '\\$&')).join('|');
// 千 is a magnitude except in 千瓦/千瓦时, which are units.
const NUMBER_RE = new RegExp(
  `(\\d+(?:,\\d{3})*(?:\\.\\d+)?) ?(余|多)? ?(万亿|亿|万|千(?!瓦))? ?(余|多)? ?(${unitPattern})?`,
  'g',
);
const LABEL_BEFORE = /(^|[\s：:；;，,。！？!?（(\-*•·#>])$/;

/** An indicator row's value and unit in the guard's canonical form. */
export function canonical(unit: string, value: number): { unit: string; value: number } {
  const scaled = UNIT_SCALE[unit];
  if (scaled) return { unit: scaled.unit, value: value * scaled.factor };
  return { unit: comparableUnit(unit), value };
}

function classify(text: string, index: number, digits: string, magnitude: string | undefined, unit: string | undefined, end: number): NumberKind {
  const before = text[index - 1] ?? '';
  const after = text.slice(index + digits.length);
  const afterMatch = text[end] ?? '';
  if (/[A-Za-z0-9.]/.test(before)) return 'identifier';
  if (before === '第') return /^(位|名)/.test(after) ? 'quantity' : 'ordinal';
  if (/^[月日号时]/.test(after) || /^[—–\-~～至到]\d+[月日号]/.test(after)) return 'date';
  const isInteger = /^\d+$/.test(digits);
  if (!magnitude && isInteger && digits.length === 4 && /^(19|20)/.test(digits) && (!unit || unit === '年')) return 'year';
  if (!magnitude && !unit) {
    if (/^[A-Za-z]/.test(after)) return 'identifier';
    if (/^[(（]/.test(before) && /^[)）]/.test(after)) return 'ordinal';
    if (/^[.．、](?!\d)/.test(after) && LABEL_BEFORE.test(text.slice(0, index))) return 'ordinal';
  }
  if (unit && /^[PETG]$/.test(unit) && /[A-Za-z0-9]/.test(afterMatch)) return 'identifier';
  return 'quantity';
}

/** Every Arabic-digit number in `text` (already cleaned with cleanPassageText), classified. */
export function scanNumbers(text: string): ScannedNumber[] {
  const found: ScannedNumber[] = [];
  for (const match of text.matchAll(NUMBER_RE)) {
    const [whole, digits, , magnitude, , unitMatch] = match;
    const index = match.index;
    const trimmed = whole.replace(/ +$/, '');
    const end = index + trimmed.length;
    const kind = classify(text, index, digits, magnitude, unitMatch, end);
    const base = Number(digits.replace(/,/g, '')) * (magnitude ? MAGNITUDES[magnitude] : 1);
    // 第4位 and 第4名 are one rank.
    if (kind === 'quantity' && text[index - 1] === '第') {
      found.push({ kind, raw: `第${digits}${text[index + digits.length]}`, index: index - 1, value: base, unit: '位' });
      continue;
    }
    const { unit, value } = canonical(unitMatch ?? '', base);
    found.push({ kind, raw: trimmed, index, value, unit });
  }
  return found;
}

/** The numbers the guard checks. */
export function checkedNumbers(text: string): ScannedNumber[] {
  return scanNumbers(text).filter((n) => n.kind === 'quantity');
}

/**
 * Whether a stated number is the same quantity as a source number: equal value after magnitudes
 * (2.2万 = 22000) and the same canonical unit. A number stated without a unit matches any source
 * number of that value (the answer dropped the unit; it did not invent a figure), but a unit the
 * source does not give for that value is a different quantity (8% is not 8个百分点).
 */
export function sameQuantity(stated: Pick<ScannedNumber, 'value' | 'unit'>, source: Pick<ScannedNumber, 'value' | 'unit'>): boolean {
  const tolerance = 1e-9 * Math.max(Math.abs(stated.value), Math.abs(source.value), 1);
  if (Math.abs(stated.value - source.value) > tolerance) return false;
  return stated.unit === '' || stated.unit === source.unit;
}
