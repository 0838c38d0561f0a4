import { findRegionMentions, provinceOf, regionContains, regionInfo, type RegionMention } from '../../src/domain/regions.js';
import type { Paragraph } from '../paragraphs.js';
import { isSourceLine } from './articles.js';
import { AGENCY_AFTER_REGION_RE } from './issuer.js';
import { DISTRICT_VOICE, referencesTo, voiceLevel, VOICES } from '../../src/domain/region-voice.js';

export interface SubjectRegion {
  region: string;
  how: string;
}

// Where a story was filed from is not what it is about: "人民网哈尔滨12月20日电", "本报乌鲁木齐讯", "(记者 …)".
const BYLINE_RES = [
  /^[\u4e00-\u9fa5]{0,8}?(?:社|网|台|报|在线|客户端)\s*[\u4e00-\u9fa5]{2,8}?\s*\d{1,2}月\d{1,2}日电/,
  /^[\u4e00-\u9fa5]{0,8}?(?:本报|本网|本台)[\u4e00-\u9fa5]{0,8}?讯/,
  /^[\u4e00-\u9fa5]{2,10}网讯/,
  /[(（](?:全媒体)?记者[^)）]{0,30}[)）]/g,
  /^\s*来源\s*[:：].*$/,
];

// "青岛啤酒", "徐工集团": a place opening a company's or institution's name is not where the text is.
const ORGANIZATION_AFTER_RE = /^(啤酒|集团|股份|银行|钢铁|港务|机场|大学|学院|日报|电视台|有限公司|农商行)/;
const AUTONOMOUS_REGIONS = new Set(['内蒙古', '广西', '西藏', '宁夏', '新疆']);
const MUNICIPALITIES = new Set(['北京', '天津', '上海', '重庆']);
// Reports in this genre are not about them; named, they are partners ("香港投资").
const SPECIAL_REGIONS = new Set(['香港', '澳门', '台湾']);

/** A county report names its city about as often as itself: of two close candidates, the one inside the other. */
function specific(ranked: Array<[string, number]>): string {
  const [first, second] = ranked;
  if (second && second[1] >= 0.8 * first[1] && regionContains(first[0], second[0])) return second[0];
  return first[0];
}

function mostCommon(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Blanks bylines (same length, so offsets hold): the place a story was filed from is not its subject. */
export function stripBylines(text: string): string {
  return BYLINE_RES.reduce((t, re) => t.replace(re, (m) => ' '.repeat(m.length)), text);
}

function fitsLevel(name: string, hint: string): boolean {
  const info = regionInfo(name);
  if (!info) return false;
  switch (hint) {
    case 'province':
      return info.level === 'province' && !MUNICIPALITIES.has(name) && !AUTONOMOUS_REGIONS.has(name) && !SPECIAL_REGIONS.has(name);
    case 'city':
      return info.level === 'city' || MUNICIPALITIES.has(name) || (info.level === 'county' && info.fullName.endsWith('市'));
    case 'district':
      return AUTONOMOUS_REGIONS.has(name) || (info.level === 'county' && /区$/.test(info.fullName)) || name === '兵团';
    default:
      return info.level === 'county' && /县|旗$/.test(info.fullName);
  }
}

/**
 * The region an article is about: its regions named in the headline, the lead and next to an
 * agency (青海省工业和信息化厅) weigh most, bylines not at all, and 全省/全市/全区 say which level wins.
 */
export function inferSubjectRegion(paragraphs: Paragraph[], previous?: string): SubjectRegion | undefined {
  const scores = new Map<string, number>();
  const counts = new Map<string, number>();
  const named = new Set<string>();
  const body = paragraphs.filter((p) => !isSourceLine(p.text));
  body.forEach((p, index) => {
    const text = stripBylines(p.text);
    const headline = index === 0 && p.text.length <= 60 && !/[。；]/.test(p.text);
    const weight = headline ? 3 : index <= 1 ? 2 : 1;
    for (const m of findRegionMentions(text, { counties: true })) add(m, text, weight);
  });
  function add(m: RegionMention, text: string, weight: number) {
    if (ORGANIZATION_AFTER_RE.test(text.slice(m.end))) return;
    let w = m.weak ? weight * 0.5 : weight;
    if (AGENCY_AFTER_REGION_RE.test(text.slice(m.end))) w += 3;
    if (m.surface !== m.name) w += 0.5;
    if (SPECIAL_REGIONS.has(m.name)) w *= 0.3;
    scores.set(m.name, (scores.get(m.name) ?? 0) + w);
    counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
    if (!m.weak) named.add(m.name);
  }
  // A bare county name said once is too weak to be the subject on its own, unless the text speaks of
  // itself at that level (全县, 县工信局; 区政府) and names no other place ("…此外，沭阳获批…").
  const weakOnce = [...scores.keys()].filter((name) => !named.has(name) && (counts.get(name) ?? 0) < 2 && (scores.get(name) ?? 0) < 3);
  const text = body.map((p) => p.text).join('\n');
  const ownVoice = (name: string) =>
    regionInfo(name)?.level === 'county' && referencesTo(text, fitsLevel(name, 'district') ? DISTRICT_VOICE : VOICES[3][0]) >= 2;
  const onlyWeak = weakOnce.length === 1 && scores.size === 1 && ownVoice(weakOnce[0]);
  if (!onlyWeak) for (const name of weakOnce) scores.delete(name);
  // A county's own report ("我县…") naming a city once (泰安硅业, a supplier) or a district bare is not about it.
  const voice = voiceLevel(text);
  if (voice === 'county' || voice === 'district') {
    for (const name of [...scores.keys()]) if (((counts.get(name) ?? 0) < 2 || !named.has(name)) && !fitsLevel(name, voice)) scores.delete(name);
  }
  if (scores.size === 0) return previous ? { region: previous, how: 'the article before it in the file (names no region)' } : undefined;
  // Several places under one parent (西夏区、兴庆区、灵武市) are its parts, listed: the parent is the subject.
  const parentOf = (name: string) => {
    const info = regionInfo(name);
    return info?.level === 'county' ? info.city ?? info.province : info?.level === 'city' ? info.province : undefined;
  };
  const families = new Map<string, string[]>();
  for (const name of scores.keys()) {
    const parent = parentOf(name);
    if (parent) families.set(parent, [...(families.get(parent) ?? []), name]);
  }
  for (const [parent, members] of families) {
    if (members.length < 2) continue;
    // One member named far more than the rest is the subject, its neighbours named in passing ("比肩杭州、宁波").
    const memberScores = members.map((m) => scores.get(m) ?? 0);
    const top = Math.max(...memberScores);
    if (top >= 2 * (memberScores.reduce((a, b) => a + b, 0) - top)) continue;
    for (const m of members) {
      const score = scores.get(m) ?? 0;
      scores.set(m, score * 0.3);
      scores.set(parent, (scores.get(parent) ?? 0) + score * 0.5);
    }
  }
  const hints = VOICES.map(([re, level]) => [level, referencesTo(text, re)] as const).filter(([, n]) => n > 0);
  const total = hints.reduce((sum, [, n]) => sum + n, 0);
  // Each candidate gains the share of 全省/全市/全区/全县 words that fit its level.
  const fit = (name: string) => hints.reduce((sum, [level, n]) => sum + (fitsLevel(name, level) ? n / total : 0), 0);
  const ranked = [...scores.entries()].map(([name, score]) => [name, score * (1 + fit(name))] as [string, number]).sort((a, b) => b[1] - a[1]);
  const provinceHint = hints.find(([level]) => level === 'province');
  // A place named in full again and again is the subject, whatever awards 全省 hands it ("全省十强县").
  const namedThroughout = ranked.some(([name]) => named.has(name) && (counts.get(name) ?? 0) >= 3);
  if (provinceHint && provinceHint[1] / total >= 0.5 && !namedThroughout && !ranked.some(([name]) => fitsLevel(name, 'province'))) {
    // "全省" with only its cities named: the province they lie in.
    const province = mostCommon(ranked.map(([name]) => provinceOf(name)).filter((p): p is string => Boolean(p)));
    if (province) return { region: province, how: 'province of the places named, which 全省 refers to' };
  }
  // A continuation clip ("全市…" naming only its province in passing) is about the region of the clip before it.
  const dominant = [...hints].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (previous && dominant && !ranked.some(([name]) => fitsLevel(name, dominant)) && fitsLevel(previous, dominant)) {
    return { region: previous, how: 'the article before it in the file, which 全市/全县 refers to' };
  }
  const how = total ? 'most weighted region (headline, lead, agency names), of the level 全省/全市/全区 refer to' : 'most weighted region (headline, lead, agency names)';
  return { region: specific(ranked), how };
}
