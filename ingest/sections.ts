import type { DocumentMeta, Section, SectionRole } from '../src/documents/document.js';
import { makePeriod, type Period } from '../src/domain/period.js';
import { canonicalRegion, findRegionMentions } from '../src/domain/regions.js';
import { findTimeExpressions } from '../src/domain/time-expressions.js';
import { PLAN_HEADING_WORDS, PROGRESS_HEADING_WORDS, REVIEW_HEADING_WORDS } from '../src/domain/section-words.js';
import { isShortHeading } from './scope/articles.js';
import { ISSUER_RE } from './scope/issuer.js';
import { toSourceSpan, type NormalizedText } from './normalize.js';
import type { Paragraph } from './paragraphs.js';

/** A section with its span in the normalized text as well as in the served text. */
export interface SectionSpan {
  section: Section;
  cleanStart: number;
  cleanEnd: number;
  /** Metadata of the article the section belongs to, when it differs from the file's: its date resolves 今年/去年 inside it. */
  meta?: DocumentMeta;
}

const SECTION_HEADING_RE =
  /(\d{4}年|十[一二三四五六七八九]五[”"’]?).{0,12}(工作|思路|重点|亮点|要点|计划|回顾|展望|目标|任务|成效|安排|打算|部署|举措)|这一年|工作回顾|(今年|明年|下一步|下阶段).{0,4}(工作|思路|打算|安排|计划|重点)/;

// "序号；主要工作任务；责任单位": a table's header row, its cells short and split like a row's.
const TABLE_HEADER_RE = /^[^；。，]{1,12}(；[^；。，]{1,12}){1,8}$/;

/** A header of 任务/目标 columns heads a list of the plan year's targets. */
function isTableHeader(text: string): boolean {
  return TABLE_HEADER_RE.test(text.trim());
}

function issuerRegion(text: string): string | undefined {
  const m = ISSUER_RE.exec(text);
  if (!m || text.length > 40) return undefined;
  const mention = findRegionMentions(m[0])[0];
  return mention ? mention.name : undefined;
}

function roleOf(heading: string, year: number, meta: DocumentMeta): SectionRole {
  if (REVIEW_HEADING_WORDS.test(heading) || PROGRESS_HEADING_WORDS.test(heading)) return 'review';
  if (year > meta.reviewYear) return 'plan';
  if (year >= meta.planYear && PLAN_HEADING_WORDS.test(heading)) return 'plan';
  return 'review';
}

function defaultPeriodFor(role: SectionRole, year: number, meta: DocumentMeta): Period {
  if (role === 'review' && year === meta.reviewYear && meta.defaultPeriod) {
    const range = /^(\d{4})-(\d{2})\.\.(\d{2})$/.exec(meta.defaultPeriod);
    if (range) return makePeriod(Number(range[1]), Number(range[2]), Number(range[3]));
    const m = /^(\d{4})(H1|H2|Q([1-4]))?$/.exec(meta.defaultPeriod);
    if (m) {
      const y = Number(m[1]);
      if (m[2] === 'H1') return makePeriod(y, 1, 6);
      if (m[2] === 'H2') return makePeriod(y, 7, 12);
      if (m[3]) return makePeriod(y, Number(m[3]) * 3 - 2, Number(m[3]) * 3);
      return makePeriod(y);
    }
  }
  return makePeriod(year);
}

/**
 * Splits a document into sections that each carry one region and one temporal role. A file may
 * hold several articles (an issuer line such as "湖南省工业和信息化厅" starts one, together with
 * the title line before it); inside an article, headings such as "2025年重点工作" or
 * "2026年工作思路" switch between review and plan.
 */
export function splitSections(
  meta: DocumentMeta,
  normalized: NormalizedText,
  paragraphs: Paragraph[],
  range: { start: number; end: number } = { start: 0, end: normalized.text.length },
): SectionSpan[] {
  const docRegion = meta.regions[0] ?? '';
  const frontRole: SectionRole = PLAN_HEADING_WORDS.test(meta.title) && (/\d{4}年/.test(meta.title) || isTableHeader(meta.title)) ? 'plan' : 'review';
  const boundaries: Array<{ at: number; heading: string; region: string; role: SectionRole; year: number; period?: Period }> = [];
  let region = docRegion;

  const frontYear = frontRole === 'plan' ? meta.planYear : meta.reviewYear;
  boundaries.push({ at: range.start, heading: meta.title, region, role: frontRole, year: frontYear });

  paragraphs.forEach((paragraph, index) => {
    const articleRegion = issuerRegion(paragraph.text);
    if (articleRegion && index > 0) {
      region = canonicalRegion(articleRegion) ?? articleRegion;
      const title = paragraphs[index - 1];
      const startsAt = title && isShortHeading(title.text) ? title : paragraph;
      boundaries.push({ at: startsAt.start, heading: startsAt.text, region, role: frontRole, year: frontYear });
      return;
    }
    if (isTableHeader(paragraph.text) && PLAN_HEADING_WORDS.test(paragraph.text) && !PROGRESS_HEADING_WORDS.test(paragraph.text)) {
      boundaries.push({ at: paragraph.start, heading: paragraph.text, region, role: 'plan', year: meta.planYear });
      return;
    }
    // A bare year heading ("2025年") over a list of targets or figures.
    const yearOnly = /^(\d{4})年$/.test(paragraph.text.trim());
    if (!isShortHeading(paragraph.text) || !(SECTION_HEADING_RE.test(paragraph.text) || yearOnly)) return;
    const yearMatch = /(\d{4})年/.exec(paragraph.text);
    // "“十五五”时期主要目标": the plan's last year.
    const planSpan = yearMatch ? undefined : findTimeExpressions(paragraph.text, { writtenYear: meta.planYear, sectionYear: meta.planYear })[0];
    const year = yearMatch ? Number(yearMatch[1]) : planSpan ? planSpan.period.year : PLAN_HEADING_WORDS.test(paragraph.text) ? meta.planYear : meta.reviewYear;
    // "2025年1-9月工业投资情况": figures under it without a time of their own are of that span.
    const span = findTimeExpressions(paragraph.text, { writtenYear: year, sectionYear: year }).find((t) => t.period.fromMonth !== undefined && t.period.year === year);
    boundaries.push({ at: paragraph.start, heading: paragraph.text, region, role: roleOf(paragraph.text, year, meta), year, ...(span ? { period: span.period } : {}) });
  });

  const spans: SectionSpan[] = [];
  boundaries.forEach((b, i) => {
    const cleanStart = b.at;
    const cleanEnd = i + 1 < boundaries.length ? boundaries[i + 1].at : range.end;
    if (cleanEnd <= cleanStart) return;
    const source = toSourceSpan(normalized, cleanStart, cleanEnd);
    spans.push({
      cleanStart,
      cleanEnd,
      meta,
      section: {
        docId: meta.id,
        start: source.start,
        end: source.end,
        heading: b.heading,
        region: b.region,
        role: b.role,
        year: b.year,
        defaultPeriod: b.period ?? defaultPeriodFor(b.role, b.year, meta),
        ...(meta.undated ? {} : { written: meta.published }),
        scope: { region: meta.provenance.regions?.how ?? '', written: meta.provenance.published?.how ?? '' },
      },
    });
  });
  return spans;
}
