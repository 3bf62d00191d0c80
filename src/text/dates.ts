/** RFC 5322 date-time in UTC: "Tue, 08 Jul 2025 09:00:00 +0000". */
export function rfc5322Date(d: Date): string {
  return d.toUTCString().replace(/GMT$/, '+0000');
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A date in a friendly long form, in UTC: "Tuesday, 8 July 2025" (a string that is no date is
 * shown as it is). What Intl.DateTimeFormat('en-GB', { weekday, day, month: 'long', year })
 * prints for years 1 to 9999, without starting ICU (~10 ms of a small run's start-up).
 */
export function longDate(v: unknown): string {
  const d = v instanceof Date ? v : new Date(v === undefined || v === null ? '' : String(v));
  const t = d.getTime();
  if (Number.isNaN(t)) return v === undefined || v === null ? '' : String(v);
  const year = d.getUTCFullYear();
  if (year < 1 || year > 9999) return longDateIntl(d);
  return `${WEEKDAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${year}`;
}

let LONG_DATE: Intl.DateTimeFormat | undefined;

/** longDate through ICU (the reference, and years outside 1–9999). */
export function longDateIntl(d: Date): string {
  LONG_DATE ??= new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return LONG_DATE.format(d);
}
