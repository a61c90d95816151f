import { describe, expect, it } from '@jest/globals';
import { toWallTime, wallTimeToInstant, wallTimeToIso, zoneOffsetMinutes } from './zonedTime';

describe('session wall-clock times', () => {
  it('reads the offset of a zone without daylight saving', () => {
    expect(zoneOffsetMinutes(new Date('2025-06-10T01:00:00Z'), 'Asia/Shanghai')).toBe(480);
    expect(zoneOffsetMinutes(new Date('2025-06-10T01:00:00Z'), 'UTC')).toBe(0);
  });

  it('turns 09:00 in Shanghai into 01:00 UTC with the +08:00 offset', () => {
    expect(wallTimeToIso('2025-06-10T09:00', 'Asia/Shanghai')).toBe('2025-06-10T09:00:00+08:00');
    expect(wallTimeToInstant('2025-06-10T09:00', 'Asia/Shanghai').toISOString()).toBe('2025-06-10T01:00:00.000Z');
  });

  it('shows a stored instant as the wall-clock time of the session zone', () => {
    expect(toWallTime('2025-06-10T01:00:00.000Z', 'Asia/Shanghai')).toBe('2025-06-10T09:00');
    expect(toWallTime('2025-06-10T01:00:00.000Z', 'America/New_York')).toBe('2025-06-09T21:00');
  });

  it('uses the offset in force on that date across daylight saving', () => {
    expect(wallTimeToIso('2025-01-15T09:00', 'Europe/Berlin')).toBe('2025-01-15T09:00:00+01:00');
    expect(wallTimeToIso('2025-07-15T09:00', 'Europe/Berlin')).toBe('2025-07-15T09:00:00+02:00');
    expect(wallTimeToIso('2025-07-15T09:00', 'America/Los_Angeles')).toBe('2025-07-15T09:00:00-07:00');
  });

  it('moves a time skipped by the spring jump past the gap', () => {
    // 02:30 does not exist in Berlin on 30 March 2025; clocks go from 02:00 to 03:00.
    expect(wallTimeToIso('2025-03-30T02:30', 'Europe/Berlin')).toBe('2025-03-30T03:30:00+02:00');
  });
});
