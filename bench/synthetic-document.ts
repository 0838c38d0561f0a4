import { findRegionMentions, type RegionMention } from '../src/domain/regions.js';
import { applyRegionMap, expectedMentions, mentionNames, planRegionMap } from './region-substitution.js';
import { substituteNumbers } from './numeric-substitution.js';
import { randomInt, type Random } from './seeded-random.js';

export interface SyntheticDocument {
  text: string;
  /** Years in the text moved by this much (never 0). */
  yearShift: number;
  /** Source region → stand-in, e.g. 湖北 → 江西, 武汉 → 赣州. */
  regions: Record<string, string>;
}

export const MAX_YEAR_SHIFT = 3;
// A swapped name can fuse with its neighbours into another place name (rare); a fresh plan avoids it.
const ATTEMPTS = 20;

// Scanning a report for region names is the slow part; a corpus reuses its few source texts.
const mentionCache = new Map<string, RegionMention[]>();

function mentionsOf(text: string): RegionMention[] {
  let mentions = mentionCache.get(text);
  if (!mentions) {
    mentions = findRegionMentions(text);
    mentionCache.set(text, mentions);
  }
  return mentions;
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * A report that reads like the source but is about another place and time: regions swapped
 * consistently, years shifted, quantities perturbed with their units and formatting kept.
 */
export function synthesizeDocument(source: string, random: Random): SyntheticDocument {
  const magnitude = randomInt(random, 1, MAX_YEAR_SHIFT);
  const yearShift = random() < 0.5 ? -magnitude : magnitude;
  const mentions = mentionsOf(source);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const map = planRegionMap(source, random, mentions);
    const swapped = applyRegionMap(source, map, mentions);
    // Region names hold no digits, so the number pass cannot disturb them (nor they it).
    if (sameList(mentionNames(swapped), expectedMentions(source, map, mentions))) {
      return { text: substituteNumbers(swapped, { yearShift, random }), yearShift, regions: Object.fromEntries(map) };
    }
  }
  throw new Error('could not swap regions without changing how the text reads');
}
