import ICAL from 'ical.js';

export interface CalendarEventTimes {
  /** ISO instants, or `floating …` when the calendar leaves the instant to each reader's own zone. */
  start: string;
  end: string;
}

/**
 * Each VEVENT of an iCalendar text by UID, read with a real parser the way a calendar app
 * reads it: zones resolved only through the file's own VTIMEZONEs, so a TZID without its
 * definition shows up as floating instead of silently matching in a UTC test process.
 */
export function readCalendarEvents(ics: string): Map<string, CalendarEventTimes> {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const instant = (time: ICAL.Time) =>
    time.zone && time.zone.tzid !== 'floating' ? time.toJSDate().toISOString() : `floating ${time.toString()}`;
  return new Map(
    calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      return [event.uid, { start: instant(event.startDate), end: instant(event.endDate) }];
    }),
  );
}
