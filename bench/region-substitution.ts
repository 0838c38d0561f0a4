import { AMBIGUOUS_CITY_NAMES } from '../src/domain/region-data.js';
import { findRegionMentions, listRegions, type RegionInfo, type RegionMention } from '../src/domain/regions.js';
import { shuffled, type Random } from './seeded-random.js';

/** Source region name → synthetic region name, one-to-one within a document. */
export type RegionMap = ReadonlyMap<string, string>;

// A province needs enough cities to give every city a report mentions a distinct stand-in.
const MIN_TARGET_CITIES = 4;
const ATTEMPTS = 50;

const AMBIGUOUS = new Set(AMBIGUOUS_CITY_NAMES);

/**
 * Cities the engine recognises by their short name as well as their full name (武汉/武汉市): no
 * ambiguous short names (中山, 大同), no autonomous prefectures whose surfaces differ (恩施州).
 */
function substitutableCities(province: string): RegionInfo[] {
  return listRegions('city').filter(
    (city) => city.province === province && city.fullName.endsWith('市') && city.fullName === `${city.name}市` && !AMBIGUOUS.has(city.name),
  );
}

const TARGET_PROVINCES: ReadonlyMap<string, RegionInfo[]> = new Map(
  listRegions('province')
    .map((province) => [province.name, substitutableCities(province.name)] as const)
    .filter(([, cities]) => cities.length >= MIN_TARGET_CITIES),
);

const INFO = new Map(listRegions().map((region) => [region.name, region]));

/** Provinces a region name can be swapped for: those with cities to go with them (not 北京, 香港). */
export function substitutableProvinces(): string[] {
  return [...TARGET_PROVINCES.keys()];
}

/**
 * Plans a consistent swap for every region the text names: each province (named or implied by one
 * of its cities) goes to a different province, and its cities to distinct cities of that province.
 * Regions without stand-ins (香港) keep their names.
 */
export function planRegionMap(text: string, random: Random, mentions = findRegionMentions(text)): Map<string, string> {
  const citiesByProvince = new Map<string, Set<string>>();
  for (const mention of mentions) {
    const info = INFO.get(mention.name);
    const province = info?.level === 'city' ? info.province : mention.name;
    if (!province || !TARGET_PROVINCES.has(province)) continue;
    const cities = citiesByProvince.get(province) ?? new Set<string>();
    if (info?.level === 'city') cities.add(mention.name);
    citiesByProvince.set(province, cities);
  }
  const sources = [...citiesByProvince.keys()];
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const targets = shuffled(random, substitutableProvinces()).slice(0, sources.length);
    const fits = sources.every(
      (source, i) => targets[i] !== source && (TARGET_PROVINCES.get(targets[i])?.length ?? 0) >= (citiesByProvince.get(source)?.size ?? 0),
    );
    if (!fits) continue;
    const map = new Map<string, string>();
    sources.forEach((source, i) => {
      map.set(source, targets[i]);
      const stand = shuffled(random, TARGET_PROVINCES.get(targets[i]) ?? []);
      [...(citiesByProvince.get(source) ?? [])].forEach((city, j) => map.set(city, stand[j].name));
    });
    return map;
  }
  throw new Error(`no consistent region swap found for ${sources.join('、')}`);
}

/** The surface for `target` written the way `mention` was (湖北省 → 江西省, 武汉 → 南昌). */
function surfaceFor(mention: RegionMention, target: string): string {
  const source = INFO.get(mention.name);
  const info = INFO.get(target);
  if (!source || !info) return target;
  return mention.surface === source.fullName ? info.fullName : info.name;
}

/** Rewrites every region mention the map covers; the rest of the text is untouched. */
export function applyRegionMap(text: string, map: RegionMap, mentions = findRegionMentions(text)): string {
  let out = '';
  let cursor = 0;
  for (const mention of mentions) {
    const target = map.get(mention.name);
    if (!target) continue;
    out += text.slice(cursor, mention.start) + surfaceFor(mention, target);
    cursor = mention.end;
  }
  return out + text.slice(cursor);
}

/** Region names in reading order, after mapping: what a swapped text must mention, in the same order. */
export function expectedMentions(text: string, map: RegionMap, mentions = findRegionMentions(text)): string[] {
  return mentions.map((m) => map.get(m.name) ?? m.name);
}

export function mentionNames(text: string): string[] {
  return findRegionMentions(text).map((m) => m.name);
}
