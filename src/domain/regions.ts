import {
  AMBIGUOUS_CITY_NAMES,
  CITIES,
  CITY_ALIASES,
  CITY_SHORT_NAMES,
  MATCHED_ABBREVIATIONS,
  NON_REGION_TERMS,
  PROVINCES,
} from './region-data.js';

export type RegionLevel = 'province' | 'city';

export interface RegionInfo {
  /** Canonical short name (湖北, 武汉, 恩施); unique across all regions. */
  name: string;
  fullName: string;
  level: RegionLevel;
  /** Short name of the containing province; cities only. */
  province?: string;
  /** Other names that denote this region: abbreviations for provinces, 恩施州-style names. */
  aliases: string[];
}

export interface RegionMention {
  name: string;
  surface: string;
  start: number;
  end: number;
  level: RegionLevel;
}

type SurfaceKind = 'full' | 'short' | 'alias' | 'abbreviation';

interface Surface {
  region: RegionInfo;
  kind: SurfaceKind;
}

const SUFFIX = /(市|地区|盟|林区)$/;

function buildRegions(): RegionInfo[] {
  const regions: RegionInfo[] = PROVINCES.map((p) => ({
    name: p.name,
    fullName: p.fullName,
    level: 'province',
    aliases: [...(p.aliases ?? []), ...p.abbreviations],
  }));
  for (const [province, fullNames] of Object.entries(CITIES)) {
    for (const fullName of fullNames) {
      const name = CITY_SHORT_NAMES[fullName] ?? fullName.replace(SUFFIX, '');
      // 恩施州, 湘西州: how these prefectures are usually written in reports.
      const prefectureAlias = fullName.endsWith('自治州') && !name.endsWith('州') ? [`${name}州`] : [];
      regions.push({ name, fullName, level: 'city', province, aliases: [...prefectureAlias, ...(CITY_ALIASES[name] ?? [])] });
    }
  }
  return regions;
}

const REGIONS = buildRegions();

function buildSurfaces(): Map<string, Surface> {
  const surfaces = new Map<string, Surface>();
  const add = (text: string, region: RegionInfo, kind: SurfaceKind) => {
    const existing = surfaces.get(text);
    if (existing && existing.region !== region) {
      // A shared surface would make lookups depend on data order; the data must keep them unique.
      throw new Error(`region surface "${text}" is used by both ${existing.region.fullName} and ${region.fullName}`);
    }
    if (!existing || kind === 'full') surfaces.set(text, { region, kind });
  };
  for (const region of REGIONS) {
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
// Most characters start no name at all; checking the first character first makes a scan near-linear.
const STARTS = new Set([...SURFACES.keys(), ...NON_REGION_TERMS].map((s) => s[0]));

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

/** City → its province's short name; province → itself. */
export function provinceOf(name: string): string | undefined {
  const region = SURFACES.get(name.trim())?.region;
  return region && (region.province ?? region.name);
}

/** True when `inner` lies within `outer`; a region contains itself. Unknown names contain nothing. */
export function regionContains(outer: string, inner: string): boolean {
  const o = canonicalRegion(outer);
  const i = canonicalRegion(inner);
  if (o === undefined || i === undefined) return false;
  return o === i || provinceOf(i) === o;
}

function longestAt(text: string, start: number, set: ReadonlySet<string>, maxLength: number): string | undefined {
  for (let len = Math.min(maxLength, text.length - start); len > 0; len--) {
    const candidate = text.slice(start, start + len);
    if (set.has(candidate)) return candidate;
  }
  return undefined;
}

function accepts(surface: Surface, text: string, start: number, end: number, abbreviations: boolean): boolean {
  switch (surface.kind) {
    case 'full':
      // 吉林市场 is 吉林 + 市场, not the city 吉林市.
      return !(surface.region.fullName.endsWith('市') && text[end] === '场');
    case 'alias':
      return true;
    case 'short':
      return surface.region.level === 'province' || !AMBIGUOUS.has(surface.region.name);
    case 'abbreviation':
      return abbreviations && ABBREVIATIONS.has(text.slice(start, end));
  }
}

/**
 * Region names in `text`, scanned left to right, longest match first, non-overlapping. Offsets are
 * UTF-16 code units (text.slice(start, end) === surface). One-character abbreviations (鄂, 粤) are
 * matched only with `abbreviations: true`, meant for short questions rather than report text.
 */
export function findRegionMentions(text: string, options: { abbreviations?: boolean } = {}): RegionMention[] {
  const abbreviations = options.abbreviations ?? false;
  const mentions: RegionMention[] = [];
  let i = 0;
  while (i < text.length) {
    if (!STARTS.has(text[i])) {
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
    for (let len = Math.min(MAX_SURFACE_LENGTH, text.length - i); len > 0 && !match; len--) {
      const surfaceText = text.slice(i, i + len);
      const surface = SURFACES.get(surfaceText);
      if (!surface) continue;
      // 鄂 at the start of 鄂州/鄂尔多斯 (or of a rejected 中山-like name) belongs to that name.
      if (surface.kind === 'abbreviation' && longerSurfaceHere) break;
      longerSurfaceHere = true;
      if (accepts(surface, text, i, i + len, abbreviations)) {
        const { name, level } = surface.region;
        match = { name, surface: surfaceText, start: i, end: i + len, level };
      }
    }
    if (match) {
      mentions.push(match);
      i = match.end;
    } else {
      i++;
    }
  }
  return mentions;
}
