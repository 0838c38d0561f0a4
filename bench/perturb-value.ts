import type { Random } from './seeded-random.js';

/** How far a synthetic figure strays from the real one: enough to differ, not enough to look absurd. */
const MIN_CHANGE = 0.03;
const MAX_CHANGE = 0.2;

/**
 * A different number written the same way: same count of integer digits and decimals, so
 * "2.2" stays "d.d" (2.2万P → 2.5万P), "12.0" keeps its trailing decimal and "7998" four digits.
 */
export function perturbValue(raw: string, random: Random): string {
  const [integer, fraction = ''] = raw.split('.');
  const decimals = fraction.length;
  const step = 10 ** -decimals;
  const value = Number(raw);
  const min = integer.length === 1 ? (value > 0 ? step : 0) : 10 ** (integer.length - 1);
  const max = 10 ** integer.length - step;
  const change = MIN_CHANGE + random() * (MAX_CHANGE - MIN_CHANGE);
  const factor = random() < 0.5 ? 1 - change : 1 + change;
  const round = (x: number) => Math.round(x / step) * step;
  let next = Math.min(max, Math.max(min, round(value * factor)));
  if (next.toFixed(decimals) === value.toFixed(decimals)) next = value + step <= max ? value + step : value - step;
  return next.toFixed(decimals);
}
