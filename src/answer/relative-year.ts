/**
 * "福建去年…" asks about the year before the reports on 福建 were written, not before today's date:
 * staff read last January's review in December and still say 去年 for the year it reviews.
 */
const RELATIVE_YEAR = /(?<![比较与同和跟])(今年|去年|明年|前年)(?!同期)/g;
const OFFSET: Record<string, number> = { 今年: 0, 去年: -1, 明年: 1, 前年: -2 };

/** The question with 今年/去年/明年/前年 written as years counted from `anchorYear`; baselines (比去年, 去年同期) stay. */
export function withAbsoluteYears(question: string, anchorYear: number | undefined): string {
  // "2024年提出“力争明年…”": a quoted 明年 is the statement's, and a named year already says which.
  if (anchorYear === undefined || /\d{4}年/.test(question)) return question;
  const quoted = [...question.matchAll(/[“"「][^”"」]*[”"」]/g)].map((m) => [m.index, m.index + m[0].length]);
  return question.replace(RELATIVE_YEAR, (word: string, _w: string, at: number) =>
    quoted.some(([a, b]) => at > a && at < b) ? word : `${anchorYear + OFFSET[word]}年`,
  );
}

/** The year the newest report about these regions (or any report, when none is named) was written in. */
export function newestWrittenYear(written: ReadonlyMap<string, number>, regions: string[]): number | undefined {
  const years = regions.length ? regions.flatMap((r) => (written.has(r) ? [written.get(r) as number] : [])) : [...written.values()];
  return years.length ? Math.max(...years) : undefined;
}
