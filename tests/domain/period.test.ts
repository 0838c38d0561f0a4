import { describe, expect, it } from 'vitest';
import { isFullYear, makePeriod } from '../../src/domain/period.js';

describe('makePeriod keys', () => {
  it.each([
    [[2025], '2025'],
    [[2025, 1, 12], '2025'],
    [[2025, 1, 6], '2025H1'],
    [[2025, 7, 12], '2025H2'],
    [[2025, 1, 3], '2025Q1'],
    [[2025, 4, 6], '2025Q2'],
    [[2025, 10, 12], '2025Q4'],
    [[2024, 1, 11], '2024-01..11'],
    [[2025, 1, 9], '2025-01..09'],
    [[2025, 1, 10], '2025-01..10'],
    [[2025, 2, 4], '2025-02..04'],
  ] as Array<[[number, number?, number?], string]>)('%j → %s', (args, key) => {
    expect(makePeriod(...args).key).toBe(key);
  });

  it('keeps the month range on partial-year periods only', () => {
    expect(makePeriod(2024, 1, 11)).toEqual({ year: 2024, fromMonth: 1, toMonth: 11, key: '2024-01..11' });
    expect(makePeriod(2025, 1, 12)).toEqual({ year: 2025, key: '2025' });
    expect(isFullYear(makePeriod(2025))).toBe(true);
    expect(isFullYear(makePeriod(2025, 1, 12))).toBe(true);
    expect(isFullYear(makePeriod(2025, 1, 6))).toBe(false);
  });
});
