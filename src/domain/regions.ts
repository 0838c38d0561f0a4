import { dict } from '@node-rs/jieba/dict.js';
import { isGroupingNode, loadDivisions, type DivisionNode } from './divisions.js';
import {
  AMBIGUOUS_CITY_NAMES,
  CITY_ALIASES,
  ETHNIC_GROUPS,
  EXTRA_UNITS,
  MATCHED_ABBREVIATIONS,
  NON_REGION_TERMS,
  PROVINCES,
} from './region-data.js';

export type RegionLevel = 'province' | 'city' | 'county';

export interface RegionInfo {
  /** Canonical name (湖北, 武汉, 恩施, 胶州); unique across all regions. */
  name: string;
  fullName: string;
  level: RegionLevel;
  /** Short name of the containing province; cities and counties. */
  province?: string;
  /** Canonical name of the containing prefecture; counties under one. */
  city?: string;
  /** Other names that denote this region: abbreviations for provinces, 恩施州-style names. */
  aliases: string[];
}

export interface RegionMention {
  name: string;
  surface: string;
  start: number;
  end: number;
  level: RegionLevel;
  /** A county's bare short name (胶州): a region only if the reports name it too. */
  weak?: boolean;
  /** A bare short name that is also an everyday word in the dictionary: a region only if a report is about it. */
  word?: boolean;
}

type SurfaceKind = 'full' | 'short' | 'alias' | 'abbreviation' | 'county-short' | 'county-word';

interface Surface {
  region: RegionInfo;
  kind: SurfaceKind;
}

const ETHNIC = `(?:${[...ETHNIC_GROUPS].sort((a, b) => b.length - a.length).join('|')})族?`;
const AUTONOMOUS_RE = new RegExp(`^(.{2,}?)(?:${ETHNIC})+自治(州|县|旗)$`);
const CITY_SUFFIX = /(市|地区|盟|林区)$/;
const COUNTY_SUFFIX = /(新区|林区|特区|矿区|市|区|县|旗)$/;

/** 恩施土家族苗族自治州 → 恩施, 武汉市 → 武汉, 胶州市 → 胶州, 浦东新区 → 浦东. */
function shortName(fullName: string, suffix: RegExp): string {
  const autonomous = AUTONOMOUS_RE.exec(fullName);
  if (autonomous) return autonomous[1];
  return fullName.replace(suffix, '');
}

/**
 * Words jieba's dictionary knows as something other than a place (和平, 开发, 鼓楼): not a county by
 * themselves. Those it tags as a person's name (麻阳) are places in this genre.
 */
function ordinaryWords(candidates: Set<string>): Set<string> {
  const ordinary = new Set<string>();
  const text = new TextDecoder().decode(dict);
  // One pass over "word freq tag" lines without splitting the 3 MB dictionary into an array.
  for (let pos = 0; pos < text.length; ) {
    const newline = text.indexOf('\n', pos);
    const end = newline < 0 ? text.length : newline;
    const space = text.indexOf(' ', pos);
    if (space > pos && space < end && candidates.has(text.slice(pos, space)) && !/ n[sr]$/.test(text.slice(pos, end).trimEnd())) {
      ordinary.add(text.slice(pos, space));
    }
    pos = end + 1;
  }
  return ordinary;
}

/** Region records, provinces first, built from the GB/T 2260 tree. */
function buildRegions(): RegionInfo[] {
  const byFullName = new Map(PROVINCES.map((p) => [p.fullName, p]));
  const regions: RegionInfo[] = [];
  const taken = new Set<string>();
  const counties: Array<{ fullName: string; short: string; province: string; city?: RegionInfo }> = [];
  for (const p of PROVINCES) {
    regions.push({ name: p.name, fullName: p.fullName, level: 'province', aliases: [...(p.aliases ?? []), ...p.abbreviations] });
    taken.add(p.name);
  }
  const addCity = (node: DivisionNode, province: string) => {
    const short = shortName(node.name, CITY_SUFFIX);
    // 吉林市 and 海南藏族自治州 keep a suffix: their bare name is a province.
    const name = !taken.has(short) ? short : node.name.endsWith('自治州') ? `${short}州` : node.name;
    const prefectureAlias = node.name.endsWith('自治州') && !name.endsWith('州') ? [`${name}州`] : [];
    const city: RegionInfo = { name, fullName: node.name, level: 'city', province, aliases: [...prefectureAlias, ...(CITY_ALIASES[name] ?? [])] };
    regions.push(city);
    taken.add(name);
    return city;
  };
  for (const provinceNode of loadDivisions()) {
    const record = byFullName.get(provinceNode.name);
    // Hong Kong, Macao and Taiwan are kept as provinces only: their districts are not in this genre.
    if (!record || ['香港', '澳门', '台湾'].includes(record.name)) continue;
    for (const node of provinceNode.children ?? []) {
      if (isGroupingNode(node)) {
        // 省直辖县级 units (仙桃, 石河子) are listed alongside the prefectures in reports.
        for (const unit of node.children ?? []) addCity(unit, record.name);
      } else if (!/(区|县)$/.test(node.name)) {
        const city = addCity(node, record.name);
        for (const county of node.children ?? []) counties.push({ fullName: county.name, short: shortName(county.name, COUNTY_SUFFIX), province: record.name, city });
      } else {
        // Municipalities list their districts directly under the province.
        counties.push({ fullName: node.name, short: shortName(node.name, COUNTY_SUFFIX), province: record.name });
      }
    }
  }
  for (const unit of EXTRA_UNITS) {
    regions.push({ name: unit.name, fullName: unit.fullName, level: 'city', province: unit.province, aliases: [...unit.aliases] });
    taken.add(unit.name);
  }
  // The dataset lists a few counties twice.
  const unique = new Map(counties.map((c) => [`${c.province}/${c.city?.name}/${c.fullName}`, c]));
  counties.splice(0, counties.length, ...unique.values());
  const count = (values: string[]) => values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());
  const shortCounts = count(counties.map((c) => c.short));
  const fullCounts = count(counties.map((c) => c.fullName));
  for (const c of counties) {
    const parentShort = c.city?.name ?? c.province;
    const parentFull = c.city?.fullName ?? regions.find((r) => r.name === c.province)?.fullName ?? '';
    const uniqueShort = c.short.length >= 2 && shortCounts.get(c.short) === 1 && !taken.has(c.short);
    const uniqueFull = fullCounts.get(c.fullName) === 1 && !taken.has(c.fullName);
    const name = uniqueShort ? c.short : uniqueFull ? c.fullName : `${parentShort}${c.fullName}`;
    // "麻阳县" for 麻阳苗族自治县: how people write an autonomous county.
    const plain = /自治县$/.test(c.fullName) && c.short.length >= 2 ? [`${c.short}县`] : [];
    const aliases = [`${parentShort}${c.fullName}`, `${parentFull}${c.fullName}`, ...plain].filter((a) => a !== name);
    if (uniqueShort && !uniqueFull) aliases.length = 0;
    regions.push({ name, fullName: uniqueFull ? c.fullName : `${parentFull}${c.fullName}`, level: 'county', province: c.province, city: c.city?.name, aliases });
    taken.add(name);
  }
  return regions;
}

const REGIONS = buildRegions();

function buildSurfaces(): Map<string, Surface> {
  const surfaces = new Map<string, Surface>();
  const add = (text: string, region: RegionInfo, kind: SurfaceKind) => {
    const existing = surfaces.get(text);
    if (existing && existing.region !== region) {
      // Provinces and prefectures come first and keep their surfaces; counties take what is left.
      if (region.level === 'county') return;
      throw new Error(`region surface "${text}" is used by both ${existing.region.fullName} and ${region.fullName}`);
    }
    if (!existing || kind === 'full') surfaces.set(text, { region, kind });
  };
  const countyShorts = new Set(REGIONS.filter((r) => r.level === 'county' && r.name !== r.fullName).map((r) => r.name));
  const ordinary = ordinaryWords(countyShorts);
  for (const region of REGIONS) {
    if (region.level === 'county') {
      add(region.fullName, region, 'full');
      for (const alias of region.aliases) add(alias, region, 'alias');
      if (countyShorts.has(region.name)) add(region.name, region, ordinary.has(region.name) ? 'county-word' : 'county-short');
      continue;
    }
    add(region.name, region, 'short');
    add(region.fullName, region, 'full');
    for (const alias of region.aliases) add(alias, region, alias.length === 1 ? 'abbreviation' : 'alias');
  }
  return surfaces;
}

const SURFACES = buildSurfaces();
const MAX_SURFACE_LENGTH = Math.max(...[...SURFACES.keys()].map((s) => s.length));
const AMBIGUOUS = new Set(AMBIGUOUS_CITY_NAMES);
const ABBREVIATIONS = new Set(MATCHED_ABBREVIATIONS);
const NON_REGION = new Set(NON_REGION_TERMS);
const MAX_NON_REGION_LENGTH = Math.max(...NON_REGION_TERMS.map((t) => t.length));
// Most characters start no name at all; checking the first character first makes a scan near-linear,
// and the longest surface per first character bounds the lookups at each position.
const LONGEST_FROM = new Map<string, number>();
for (const s of [...SURFACES.keys(), ...NON_REGION_TERMS]) LONGEST_FROM.set(s[0], Math.max(LONGEST_FROM.get(s[0]) ?? 0, s.length));

function copy(region: RegionInfo): RegionInfo {
  return { ...region, aliases: [...region.aliases] };
}

/** Every region, provinces first; `level` narrows the list. */
export function listRegions(level?: RegionLevel): RegionInfo[] {
  return REGIONS.filter((r) => level === undefined || r.level === level).map(copy);
}

/** Looks a region up by canonical short name, full name or alias (湖北, 湖北省, 鄂, 恩施州). */
export function regionInfo(nameOrAlias: string): RegionInfo | undefined {
  const surface = SURFACES.get(nameOrAlias.trim());
  return surface && copy(surface.region);
}

export function canonicalRegion(nameOrAlias: string): string | undefined {
  return SURFACES.get(nameOrAlias.trim())?.region.name;
}

/** City or county → its province's short name; province → itself. */
export function provinceOf(name: string): string | undefined {
  const region = SURFACES.get(name.trim())?.region;
  return region && (region.province ?? region.name);
}

/** True when `inner` lies within `outer`; a region contains itself. Unknown names contain nothing. */
export function regionContains(outer: string, inner: string): boolean {
  const o = canonicalRegion(outer);
  const i = canonicalRegion(inner);
  if (o === undefined || i === undefined) return false;
  const region = SURFACES.get(i)?.region;
  return o === i || region?.province === o || region?.city === o;
}

function longestAt(text: string, start: number, set: ReadonlySet<string>, maxLength: number): string | undefined {
  for (let len = Math.min(maxLength, text.length - start); len > 0; len--) {
    const candidate = text.slice(start, start + len);
    if (set.has(candidate)) return candidate;
  }
  return undefined;
}

interface ScanOptions {
  /** One-character abbreviations (鄂, 粤): questions only. */
  abbreviations?: boolean;
  /** Bare county names (胶州, 瑶海); defaults to `abbreviations`. */
  counties?: boolean;
  /** Bare county names that are also words (姜堰, 新建): questions only, to be checked against the reports. */
  countyWords?: boolean;
}

/** "河南长垣", "广元旺苍": a bare county name written right after its own province or city is named, not guessed. */
function afterItsParent(surface: Surface, start: number, previous: RegionMention | undefined): boolean {
  if (!previous || previous.end !== start) return false;
  return surface.region.province === previous.name || surface.region.city === previous.name;
}

function accepts(surface: Surface, text: string, start: number, end: number, options: Required<ScanOptions>, previous?: RegionMention): boolean {
  if ((surface.kind === 'county-short' || surface.kind === 'county-word') && afterItsParent(surface, start, previous)) return true;
  switch (surface.kind) {
    case 'full':
      // 吉林市场 is 吉林 + 市场, not the city 吉林市; "工业富县", "科技兴县" are slogans, not 富县 or 兴县.
      if (end - start === 2 && SLOGAN_BEFORE.test(text.slice(Math.max(0, start - 2), start))) return false;
      // "循环县区", "各县市区": 县 there starts the word 县区/县市 (counties and districts), not a place 环县.
      if (end - start === 2 && text[end - 1] === '县' && /[区市域级城]/.test(text[end] ?? '')) return false;
      return !(surface.region.fullName.endsWith('市') && text[end] === '场');
    case 'alias':
      return true;
    case 'short':
      // "长治1-11月…" in a question: the bare name counts once a report is about the city (spellOutCountyWords).
      return surface.region.level === 'province' || !AMBIGUOUS.has(surface.region.name) || options.countyWords;
    case 'abbreviation':
      return options.abbreviations && ABBREVIATIONS.has(text.slice(start, end));
    case 'county-short':
      // A bare county name (胶州, 瑶海) is how people ask; in report text it is weak evidence.
      return options.counties;
    case 'county-word':
      return options.countyWords;
  }
}

const SLOGAN_BEFORE = /(工业|农业|产业|科技|旅游|生态|文化|人才|教育|开放|商贸|实业|项目|创新|绿色|数字)$/;

/**
 * Region names in `text`, scanned left to right, longest match first, non-overlapping. Offsets are
 * UTF-16 code units (text.slice(start, end) === surface). One-character abbreviations (鄂, 粤) and
 * bare county names (胶州) are matched only with `abbreviations: true`, meant for short questions
 * rather than report text.
 */
export function findRegionMentions(text: string, scan: ScanOptions = {}): RegionMention[] {
  const abbreviations = scan.abbreviations ?? false;
  const options = { abbreviations, counties: scan.counties ?? abbreviations, countyWords: scan.countyWords ?? false };
  const mentions: RegionMention[] = [];
  let i = 0;
  while (i < text.length) {
    const longest = LONGEST_FROM.get(text[i]);
    if (longest === undefined) {
      i++;
      continue;
    }
    const skipped = longestAt(text, i, NON_REGION, MAX_NON_REGION_LENGTH);
    if (skipped) {
      i += skipped.length;
      continue;
    }
    let match: RegionMention | undefined;
    let longerSurfaceHere = false;
    for (let len = Math.min(longest, MAX_SURFACE_LENGTH, text.length - i); len > 0 && !match; len--) {
      const surfaceText = text.slice(i, i + len);
      const surface = SURFACES.get(surfaceText);
      if (!surface) continue;
      // 鄂 at the start of 鄂州/鄂尔多斯 (or of a rejected 中山-like name) belongs to that name.
      if (surface.kind === 'abbreviation' && longerSurfaceHere) break;
      longerSurfaceHere = true;
      const previous = mentions[mentions.length - 1];
      if (accepts(surface, text, i, i + len, options, previous)) {
        const { name, level } = surface.region;
        const ambiguousCity = surface.kind === 'short' && surface.region.level !== 'province' && AMBIGUOUS.has(surface.region.name);
        const named = afterItsParent(surface, i, previous);
        const weak = named ? {} : surface.kind === 'county-short' ? { weak: true } : surface.kind === 'county-word' || ambiguousCity ? { weak: true, word: true } : {};
        match = { name, surface: surfaceText, start: i, end: i + len, level, ...weak };
      }
    }
    // "记者从江西省…": a bare county name (从江) whose tail starts a name written in full is not one.
    if (match?.weak && strongerFrom(text, match.start + 1, match.end)) match = undefined;
    if (match) {
      mentions.push(match);
      i = match.end;
    } else {
      i++;
    }
  }
  return mentions;
}

/** Whether a province, city or full county name starts inside [from, end) and runs past end. */
function strongerFrom(text: string, from: number, end: number): boolean {
  for (let s = from; s < end; s++) {
    for (let len = Math.min(MAX_SURFACE_LENGTH, text.length - s); s + len > end; len--) {
      const surface = SURFACES.get(text.slice(s, s + len));
      if (surface && (surface.kind === 'full' || surface.kind === 'alias' || (surface.kind === 'short' && surface.region.level === 'province'))) return true;
    }
  }
  return false;
}
