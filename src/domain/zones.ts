import { findRegionMentions } from './regions.js';

// Development zones reports are written about and filed under their city: "金华开发区", "某某经开区".
const ZONE_AFTER_PLACE = /^(经济技术开发区|高新技术产业开发区|经济开发区|经开区|高新区|开发区|新区)/;
const SHORT_FORM: Record<string, string> = { 经济技术开发区: '经开区', 高新技术产业开发区: '高新区', 经济开发区: '开发区' };

export interface ZoneMention {
  /** "金华开发区" in its short form, the key corpus facts and questions share. */
  zone: string;
  start: number;
  end: number;
}

/** Zones written right after a place name ("金华开发区召开…"), in their short form. */
export function findZones(text: string): ZoneMention[] {
  return findRegionMentions(text, { counties: true }).flatMap((m) => {
    const word = ZONE_AFTER_PLACE.exec(text.slice(m.end))?.[0];
    return word ? [{ zone: `${m.name}${SHORT_FORM[word] ?? word}`, start: m.start, end: m.end + word.length }] : [];
  });
}
