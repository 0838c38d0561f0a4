/**
 * A reporting period: a year, optionally narrowed to a month range (1—11月 = months 1..11,
 * 上半年 = 1..6, 前三季度 = 1..9, 一季度 = 1..3). `key` is the stable string form used in APIs:
 * "2025", "2025H1", "2025Q1", "2025-01..11".
 */
export interface Period {
  year: number;
  fromMonth?: number;
  toMonth?: number;
  key: string;
}

export function makePeriod(year: number, fromMonth?: number, toMonth?: number): Period {
  if (fromMonth === undefined || toMonth === undefined || (fromMonth === 1 && toMonth === 12)) {
    return { year, key: String(year) };
  }
  return { year, fromMonth, toMonth, key: periodKey(year, fromMonth, toMonth) };
}

function periodKey(year: number, fromMonth: number, toMonth: number): string {
  if (fromMonth === 1 && toMonth === 6) return `${year}H1`;
  if (fromMonth === 7 && toMonth === 12) return `${year}H2`;
  if (toMonth - fromMonth === 2 && (fromMonth - 1) % 3 === 0) return `${year}Q${(fromMonth + 2) / 3}`;
  const pad = (m: number) => String(m).padStart(2, '0');
  return `${year}-${pad(fromMonth)}..${pad(toMonth)}`;
}

export function isFullYear(period: Period): boolean {
  return period.fromMonth === undefined;
}
