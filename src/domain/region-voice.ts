/** How a report speaks of its own region (全省, 我县, 县工信局): the level of the place it is about. */
export type VoiceLevel = 'province' | 'city' | 'district' | 'county';

// Words that refer back to the subject region and tell its level.
export const VOICES: Array<[RegExp, VoiceLevel]> = [
  // The issuing government and its bodies say the level too ("我代表市人民政府向大会报告工作", "县工信局").
  [/全省|我省|本省|该省|省人民政府/g, 'province'],
  [/全市|我市|本市|该市|市人民政府/g, 'city'],
  [/全区|我区|本区|该区|全自治区|区人民政府|区委、区政府/g, 'district'],
  [/全县|我县|本县|该县|县人民政府|县委、县政府|县(工信|经信|发改|统计)局|县委(副)?书记|(代理)?县长/g, 'county'],
];
/** "区政府工作的总体要求": how a district's own report speaks of itself (not 全自治区). */
export const DISTRICT_VOICE = /全区|我区|本区|区人民政府|区政府|区委、区政府/g;

// "居全省第一" / "全省县域第1" ranks the subject within its parent: that 全省 is not the subject.
const RANKED_WITHIN_RE = /^[\u4e00-\u9fa5]{0,4}?(第|首位|首个|首家|唯一|前列|排名|排位|领先|之首|平均)/;
// "领跑全省" / "位居全省…": the same, with the verb before.
const RANKS_IN_RE = /(领跑|领先|居|位居|位列|列|排|跻身)$/;

/** How often `re` refers to the text's own region, leaving out ranks within a parent (全省第一). */
export function referencesTo(text: string, re: RegExp): number {
  return [...text.matchAll(re)].filter((m) => {
    const at = m.index ?? 0;
    return !RANKED_WITHIN_RE.test(text.slice(at + m[0].length, at + m[0].length + 8)) && !RANKS_IN_RE.test(text.slice(Math.max(0, at - 2), at));
  }).length;
}

/** The level a text speaks as, when one clearly dominates (at least twice, and more than any other). */
export function voiceLevel(text: string): VoiceLevel | undefined {
  const counts = VOICES.map(([re, level]) => [level, referencesTo(text, re)] as const).sort((a, b) => b[1] - a[1]);
  const [first, second] = counts;
  return first[1] >= 2 && first[1] > second[1] ? first[0] : undefined;
}

/** The voice a report about `region` would speak in (county-level cities say 全市, districts 全区). */
export function voiceOfRegion(level: 'province' | 'city' | 'county', fullName: string): VoiceLevel {
  if (level !== 'county') return level;
  if (fullName.endsWith('区')) return 'district';
  return fullName.endsWith('市') ? 'city' : 'county';
}

/** The word each level calls itself by, for answers that say how a report named its place. */
export const VOICE_WORD: Record<VoiceLevel, string> = { province: '全省', city: '全市', district: '全区', county: '全县' };
