export type CalendarMode = 'week' | 'month';

const DAY_MS = 86_400_000;

export const startOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate());

export const addDays = (date: Date, days: number) =>
  new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);

/** Weeks start on Monday, as in China and ISO 8601. */
export const startOfWeek = (date: Date) => addDays(startOfDay(date), -((date.getDay() + 6) % 7));

/** Local calendar day of a date, for grouping sessions by the day they start. */
export const dayKey = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

export interface CalendarRange {
  /** Every day the grid shows, whole weeks from Monday. */
  days: Date[];
  from: Date;
  /** Exclusive. */
  to: Date;
}

/** The days of the week around `anchor`, or the whole weeks covering its month. */
export function calendarRange(mode: CalendarMode, anchor: Date): CalendarRange {
  const from =
    mode === 'week' ? startOfWeek(anchor) : startOfWeek(new Date(anchor.getFullYear(), anchor.getMonth(), 1));
  const end =
    mode === 'week'
      ? addDays(from, 7)
      : addDays(startOfWeek(new Date(anchor.getFullYear(), anchor.getMonth() + 1, 0)), 7);
  const count = Math.round((end.getTime() - from.getTime()) / DAY_MS);
  const days = Array.from({ length: count }, (_, index) => addDays(from, index));
  return { days, from, to: end };
}

/** The anchor one page earlier or later. */
export const shiftAnchor = (mode: CalendarMode, anchor: Date, step: -1 | 1) =>
  mode === 'week' ? addDays(anchor, 7 * step) : new Date(anchor.getFullYear(), anchor.getMonth() + step, 1);
