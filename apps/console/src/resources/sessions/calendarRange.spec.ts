import { describe, expect, it } from '@jest/globals';
import { calendarRange, dayKey, shiftAnchor } from './calendarRange';

describe('session calendar range', () => {
  it('shows the week from Monday to Sunday around the anchor', () => {
    const { days, from, to } = calendarRange('week', new Date(2025, 5, 12)); // Thursday
    expect(days.map(dayKey)).toEqual([
      '2025-06-09',
      '2025-06-10',
      '2025-06-11',
      '2025-06-12',
      '2025-06-13',
      '2025-06-14',
      '2025-06-15',
    ]);
    expect(dayKey(from)).toBe('2025-06-09');
    expect(dayKey(to)).toBe('2025-06-16');
  });

  it('covers a month with whole weeks', () => {
    const { days } = calendarRange('month', new Date(2025, 5, 20)); // June 2025 starts on a Sunday
    expect(dayKey(days[0])).toBe('2025-05-26');
    expect(dayKey(days[days.length - 1])).toBe('2025-07-06');
    expect(days).toHaveLength(42);
  });

  it('pages by week or by month', () => {
    expect(dayKey(shiftAnchor('week', new Date(2025, 0, 30), 1))).toBe('2025-02-06');
    expect(dayKey(shiftAnchor('month', new Date(2025, 0, 31), 1))).toBe('2025-02-01');
  });
});
