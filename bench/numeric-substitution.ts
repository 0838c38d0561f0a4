import { findDigitRuns } from './digit-runs.js';
import { perturbValue } from './perturb-value.js';
import type { Random } from './seeded-random.js';

export interface NumericSubstitution {
  /** Added to every year (2025年 → 2027年 for +2); relative words (今年, 明年) stay as they are. */
  yearShift: number;
  random: Random;
}

/** Shifts years and perturbs quantities; names and calendar parts (5G, 1—11月) are left alone. */
export function substituteNumbers(text: string, options: NumericSubstitution): string {
  let out = '';
  let cursor = 0;
  for (const run of findDigitRuns(text)) {
    out += text.slice(cursor, run.start);
    if (run.kind === 'year') out += String(Number(run.text) + options.yearShift);
    else if (run.kind === 'value') out += perturbValue(run.text, options.random);
    else out += run.text;
    cursor = run.end;
  }
  return out + text.slice(cursor);
}

/** Years only: for questions, whose figures are what is asked and stay as written. */
export function shiftYears(text: string, yearShift: number): string {
  let out = '';
  let cursor = 0;
  for (const run of findDigitRuns(text)) {
    if (run.kind !== 'year') continue;
    out += text.slice(cursor, run.start) + String(Number(run.text) + yearShift);
    cursor = run.end;
  }
  return out + text.slice(cursor);
}
