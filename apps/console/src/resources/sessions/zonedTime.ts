/**
 * Wall-clock times in a session's IANA time zone. A session is planned as "09:00 in Shanghai",
 * whatever zone the trainer's browser is in; the API takes ISO instants with an offset.
 */

interface WallParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallParts(instant: Date, timeZone: string): WallParts {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((item) => item.type === type)?.value);
  return {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
}

const pad = (value: number, length = 2) => String(Math.abs(value)).padStart(length, '0');

/** Minutes the zone is ahead of UTC at that instant (480 for Asia/Shanghai). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const wall = wallParts(instant, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallAsUtc - wholeSeconds) / 60_000);
}

/** `yyyy-MM-ddTHH:mm`, the value of an `<input type="datetime-local">`, for the instant in that zone. */
export function toWallTime(iso: string, timeZone: string): string {
  const wall = wallParts(new Date(iso), timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** The instant as ISO 8601 with the zone's offset, e.g. `2025-06-10T09:00:00+08:00`. */
export function toZonedIso(instant: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(instant, timeZone);
  const sign = offset < 0 ? '-' : '+';
  return `${toWallTime(instant.toISOString(), timeZone)}:${pad(wallParts(instant, timeZone).second)}${sign}${pad(
    Math.trunc(offset / 60),
  )}:${pad(offset % 60)}`;
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/**
 * The instant a wall-clock time in the zone names. A time skipped by a daylight-saving jump
 * resolves to the instant just after the jump.
 */
export function wallTimeToInstant(wall: string, timeZone: string): Date {
  const match = WALL_TIME.exec(wall);
  if (!match) throw new RangeError(`Not a wall-clock time: ${wall}`);
  const [, year, month, day, hour, minute] = match.map(Number);
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  const firstGuess = wallAsUtc - zoneOffsetMinutes(new Date(wallAsUtc), timeZone) * 60_000;
  // Near a DST change the offset at the guess may differ from the offset at the wall time itself.
  return new Date(wallAsUtc - zoneOffsetMinutes(new Date(firstGuess), timeZone) * 60_000);
}

export const wallTimeToIso = (wall: string, timeZone: string) =>
  toZonedIso(wallTimeToInstant(wall, timeZone), timeZone);

/** The browser's zone, the default for new sessions. */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai';

/** Every IANA zone the browser knows, for the time zone picker. */
export function timeZoneChoices(): { id: string; name: string }[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = new Set([...zones, 'Asia/Shanghai', 'UTC', browserTimeZone()]);
  return [...all].sort().map((zone) => ({ id: zone, name: zone }));
}
