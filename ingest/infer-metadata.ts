import { voiceLevel, voiceOfRegion } from '../src/domain/region-voice.js';
import type { DocumentMeta, Provenance } from '../src/documents/document.js';
import type { CatalogEntry } from '../src/documents/catalog.js';
import { canonicalRegion, findRegionMentions, regionInfo } from '../src/domain/regions.js';
import type { Paragraph } from './paragraphs.js';
import { ISSUER_RE, isIssuerLine } from './scope/issuer.js';
import { inferSubjectRegion } from './scope/subject-region.js';
import { inferWrittenDate } from './scope/written-date.js';
import { PLAN_HEADING_WORDS, PROGRESS_HEADING_WORDS, REVIEW_HEADING_WORDS } from '../src/domain/section-words.js';
import { findTimeExpressions, fiveYearPlanEnd } from '../src/domain/time-expressions.js';
import type { Period } from '../src/domain/period.js';

const DATE_RES: Array<[RegExp, string]> = [
  [/发布(?:日期|时间)[:：]?\s*(\d{4})-(\d{1,2})-(\d{1,2})/, '发布日期 line'],
  [/(\d{4})-(\d{1,2})-(\d{1,2})\s*\d{1,2}:\d{2}/, 'timestamp line'],
  [/(\d{4})年(\d{1,2})月(\d{1,2})日/, 'YYYY年M月D日 in text'],
  [/(?:日期|时间)[:：]?\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})/, 'date line with / or .'],
];
const YEAR_HEADING_RE = /(\d{4})年/;

const pad = (n: number) => String(n).padStart(2, '0');

function inferDate(text: string): { date: string; how: string } | undefined {
  for (const [re, how] of DATE_RES) {
    const m = re.exec(text);
    if (m) return { date: `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`, how };
  }
  return undefined;
}

function headingYears(paragraphs: Paragraph[]): Array<{ year: number; plan: boolean; review: boolean }> {
  return paragraphs
    // A bracketed note ("（注：以上数字全部为2025年上半年…）") is not a heading.
    .filter((p) => p.text.length <= 40 && !/[。；，]/.test(p.text) && !/^[（(]/.test(p.text))
    .flatMap((p) => {
      const m = YEAR_HEADING_RE.exec(p.text);
      if (!m) return [];
      return [{ year: Number(m[1]), plan: PLAN_HEADING_WORDS.test(p.text) && !PROGRESS_HEADING_WORDS.test(p.text), review: REVIEW_HEADING_WORDS.test(p.text) }];
    });
}

function mostFrequentYear(text: string): number | undefined {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(20\d{2})年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}

function mostMentionedRegion(text: string): string | undefined {
  const counts = new Map<string, number>();
  for (const mention of findRegionMentions(text)) counts.set(mention.name, (counts.get(mention.name) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * Metadata for a document: the catalog entry when there is one, otherwise inferred from the text.
 * Every field records where it came from, so operators can see what was guessed.
 */
export function resolveMetadata(
  id: string,
  paragraphs: Paragraph[],
  text: string,
  entry?: CatalogEntry,
  /** The article before it in the file: its date and region, for an article that states none of its own. */
  inherited?: { date: string; how: string; region?: string },
): DocumentMeta {
  if (entry) {
    const fromCatalog: Provenance = { source: 'catalog', how: 'seeds/catalog.json' };
    return {
      id,
      title: entry.title,
      issuer: entry.issuer,
      regions: entry.regions.map((r) => canonicalRegion(r) ?? r),
      published: entry.published,
      reviewYear: entry.reviewYear,
      planYear: entry.planYear,
      defaultPeriod: entry.defaultPeriod,
      periods: entry.periods,
      provenance: Object.fromEntries(
        ['title', 'issuer', 'regions', 'published', 'reviewYear', 'planYear'].map((k) => [k, fromCatalog]),
      ),
    };
  }
  const provenance: Record<string, Provenance> = {};
  const head = paragraphs.slice(0, 8);

  const titleParagraph = head.find(
    (p) =>
      p.text.length <= 60 &&
      !/[。；]$/.test(p.text) &&
      !isIssuerLine(p.text) &&
      !/^\d{4}-|来源|发布日期|发布时间|作者|浏览次数/.test(p.text),
  );
  const title = titleParagraph?.text ?? id;
  provenance.title = titleParagraph
    ? { source: 'inferred', how: 'first heading-like line' }
    : { source: 'default', how: 'file name' };

  const issuerMatch = head.map((p) => ISSUER_RE.exec(p.text)).find((m) => m !== null);
  const issuer = issuerMatch?.[0] ?? '';
  provenance.issuer = issuerMatch
    ? { source: 'inferred', how: `line "${issuerMatch.input.slice(0, 40)}"` }
    : { source: 'default', how: 'no issuer line found' };

  const issuerLine = head.find((p) => isIssuerLine(p.text));
  const issuerRegion = issuerLine ? findRegionMentions(issuerLine.text)[0]?.name : undefined;
  const subject = issuerRegion ? undefined : inferSubjectRegion(paragraphs, inherited?.region);
  const region = issuerRegion ?? subject?.region ?? placeOfItsVoice(mostMentionedRegion(text), text);
  // A file holding several articles (湖南省工业和信息化厅 …, then 广东省工业和信息化厅 …) is about each issuer's region.
  const articleRegions = paragraphs
    .filter((p) => isIssuerLine(p.text))
    .map((p) => findRegionMentions(p.text)[0]?.name)
    .filter((r): r is string => Boolean(r));
  provenance.regions = issuerRegion
    ? { source: 'inferred', how: 'region named in the issuer line' }
    : subject
      ? { source: 'inferred', how: subject.how }
      : region
      ? { source: 'inferred', how: 'most frequently named region in the text' }
      : { source: 'default', how: 'no region found' };

  const years = headingYears(paragraphs);
  const written = inferWrittenDate(paragraphs);
  const date = written ?? inferDate(text) ?? inherited;
  let reviewYear: number;
  let planYear: number;
  let midYear = false;
  let spanPeriod: string | undefined;
  let undated = false;
  const planYears = years.filter((y) => y.plan && !y.review).map((y) => y.year);
  const reviewYears = years.filter((y) => y.review && !y.plan).map((y) => y.year);
  const allYears = years.map((y) => y.year);
  // A news headline's year ("哈尔滨:2024年前8月…") is the reported period; only plan/review headings outrank a dated lead.
  const headingsDecide = allYears.length > 0 && (!written || years.some((y) => y.plan || y.review));
  if (headingsDecide) {
    if (!planYears.length && reviewYears.length) {
      // Only review headings ("2025年工作总结"): that year was reviewed, the next is planned.
      reviewYear = Math.max(...reviewYears);
      planYear = reviewYear + 1;
    } else {
      planYear = planYears.length ? Math.max(...planYears) : Math.max(...allYears);
      const earlier = allYears.filter((y) => y < planYear);
      reviewYear = earlier.length ? Math.max(...earlier) : planYear - 1;
    }
    provenance.reviewYear = { source: 'inferred', how: 'years in section headings' };
    provenance.planYear = { source: 'inferred', how: 'years in section headings' };
  } else if (date) {
    const [y, m] = date.date.split('-').map(Number);
    reviewYear = m >= 7 ? y : y - 1;
    planYear = m >= 10 ? y + 1 : y;
    // "——某市上半年经济社会发展综述" dated in summer, "…增速前五月领跑全省" dated in June: undated figures are of that span.
    const span = headlineSpan(text.slice(0, 300), y, m);
    if (span) {
      reviewYear = y;
      spanPeriod = span.key;
    }
    provenance.reviewYear = { source: 'inferred', how: 'publication date' };
    provenance.planYear = { source: 'inferred', how: 'publication date' };
  } else {
    const mentioned = mostFrequentYear(text);
    const planStart = mentioned === undefined ? plannedFiveYearStart(text) : undefined;
    const year = mentioned ?? planStart ?? new Date().getFullYear();
    undated = mentioned === undefined && planStart === undefined;
    // "1-9月全市规模以上工业…" with no year anywhere: the headline's months still date undated figures.
    const headlineMonths = undated ? findTimeExpressions(text.slice(0, 300), { writtenYear: year, sectionYear: year }).find((t) => t.period.fromMonth !== undefined) : undefined;
    if (headlineMonths) spanPeriod = headlineMonths.period.key;
    // A mid-year progress report ("今年上半年…") reviews the year it was written in.
    midYear = new RegExp(`${year}年上半年|今年上半年`).test(text);
    planYear = year;
    reviewYear = midYear ? year : year - 1;
    provenance.reviewYear = {
      source: 'inferred',
      how: planStart ? 'the year before the five-year plan it looks ahead in' : midYear ? 'mid-year report (上半年) of the most mentioned year' : 'most mentioned year minus one',
    };
    provenance.planYear = { source: 'inferred', how: planStart ? 'first year of the five-year plan it looks ahead in' : 'most mentioned year' };
  }

  // Without a date, a text that says 明年 was written in the review year; otherwise early in the plan year.
  const published = date?.date ?? (midYear ? `${reviewYear}-07` : /明年/.test(text) ? `${reviewYear}-12` : `${planYear}-01`);
  provenance.published = date
    ? { source: 'inferred', how: date.how }
    : { source: 'inferred', how: 'estimated from section years' };

  return {
    id,
    title,
    issuer,
    regions: [...new Set([...(region ? [region] : []), ...articleRegions])],
    published,
    reviewYear,
    planYear,
    periods: [...new Set([String(reviewYear), String(planYear)])],
    ...(midYear ? { defaultPeriod: `${reviewYear}H1` } : spanPeriod ? { defaultPeriod: spanPeriod } : {}),
    ...(undated ? { undated: true } : {}),
    provenance,
  };
}

/** A part of the year the opening names, just over when the text was written (month m of year y). */
function headlineSpan(head: string, y: number, m: number): Period | undefined {
  const span = findTimeExpressions(head, { writtenYear: y, writtenMonth: m, sectionYear: y }).find(
    (t) => t.period.fromMonth !== undefined && t.period.toMonth !== undefined && t.period.year === y && t.period.toMonth < m && m - t.period.toMonth <= 3,
  );
  return span?.period;
}

/** "到“十四五”末，…突破2000亿元", "“十四五”期间，全州将…": an undated plan looks ahead from its first year. */
function plannedFiveYearStart(text: string): number | undefined {
  const m = /到[“"]?(十[一二三四五六七八九]五)[”"]?末|[“"]?(十[一二三四五六七八九]五)[”"]?(?:时期|期间)[，,]?[^。]{0,30}(将|要|力争)/.exec(text);
  const end = m ? fiveYearPlanEnd(m[1] ?? m[2]) : undefined;
  return end === undefined ? undefined : end - 4;
}

/** A text speaking as a county (我县…) is not about the city it names in passing (a supplier's name). */
function placeOfItsVoice(region: string | undefined, text: string): string | undefined {
  const voice = voiceLevel(text);
  const info = region ? regionInfo(region) : undefined;
  if (!info || (voice !== 'county' && voice !== 'district')) return region;
  return voiceOfRegion(info.level, info.fullName) === voice ? region : undefined;
}
